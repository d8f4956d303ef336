import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { detectFormat, looksLikeHtmlDocument } from './detect-format';
import { makeDocx } from './fixtures/make-docx';
import { makePdf } from './fixtures/make-pdf';
import { makeZip } from './fixtures/make-zip';

const text = (value: string) => new TextEncoder().encode(value);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const docx = makeDocx({ paragraphs: ['Aid arrives.'] });
const pdf = makePdf({ pages: [[{ text: 'Aid arrives.', x: 72, y: 700 }]] });

function refusal(bytes: Uint8Array, fileName: string): string {
  try {
    detectFormat(bytes, fileName);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'bad-file') return error.message;
    throw error;
  }
  throw new Error(`${fileName} was accepted`);
}

describe('detectFormat', () => {
  it.each([
    ['story.txt', text('Aid arrives.'), 'text'],
    ['STORY.TEXT', text('Aid arrives.'), 'text'],
    ['notes.md', text('# Aid arrives'), 'markdown'],
    ['notes.markdown', text('Aid *arrives*'), 'markdown'],
    ['page.html', text('<!doctype html><p>Aid'), 'html'],
    ['page.htm', text('<p>Aid arrives.</p>'), 'html'],
    ['page.xhtml', text('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>Aid</body></html>'), 'html'],
    ['page.html', text('Just text saved as a page.'), 'html'],
    ['story.docx', docx, 'docx'],
    ['report.pdf', pdf, 'pdf'],
    ['C:\\Users\\ana\\report.PDF', pdf, 'pdf'],
  ])('takes %s as %s', (name, bytes, format) => {
    expect(detectFormat(bytes, name)).toBe(format);
  });

  it('accepts a PDF whose header comes after a little junk, as readers do', () => {
    expect(detectFormat(new Uint8Array([...text('\r\n\r\n'), ...pdf]), 'mail-attachment.pdf')).toBe('pdf');
  });

  it.each([
    ['photo.txt', PNG, '“photo.txt” is a PNG image, not a text file.'],
    ['report.html', pdf, '“report.html” is a PDF document, not a web page. Rename it to .pdf to import it.'],
    ['story.txt', docx, '“story.txt” is a Word document (.docx), not a text file. Rename it to .docx to import it.'],
    ['story.pdf', docx, '“story.pdf” is a Word document (.docx), not a PDF document. Rename it to .docx to import it.'],
    ['page.txt', text('  <!DOCTYPE html><html><body>Aid'), '“page.txt” is a web page (HTML), not a text file. Rename it to .html to import it.'],
    ['page.md', text('<html lang="en"><p>Aid'), '“page.md” is a web page (HTML), not a Markdown file. Rename it to .html to import it.'],
    ['memo.docx', text('Aid arrives.'), '“memo.docx” is text, not a Word document (a .docx file is a ZIP archive).'],
    ['memo.pdf', text('Aid arrives.'), '“memo.pdf” is text, not a PDF document (it has no PDF header).'],
    ['old.docx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '“old.docx” is an old-format Word document (.doc) or a password-protected Office file, not a Word document. Open it in your word processor, save it as a .docx without a password, and import that.'],
    ['sheet.docx', makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook/>' }]), '“sheet.docx” is an Excel workbook, not a Word document.'],
    ['archive.docx', makeZip([{ name: 'notes.txt', data: 'Aid' }]), '“archive.docx” is a ZIP archive but not a Word document: it has no word/document.xml.'],
    ['data.txt', Uint8Array.from([0x41, 0x69, 0x64, 0, 0x01, 0x02]), '“data.txt” is a binary file, not a text file.'],
    ['clip.md', Uint8Array.from([0, 0, 0, 0x18, ...text('ftypmp42')]), '“clip.md” is an MP4 or QuickTime video (or audio) file, not a Markdown file.'],
    ['letter.txt', text('{\\rtf1\\ansi Aid arrives.}'), '“letter.txt” is an RTF document, not a text file. Save it as a .docx or a .txt file and import that.'],
    ['story.txt', new Uint8Array(), '“story.txt” is empty.'],
  ])('refuses %s, naming what it is', (name, bytes, message) => {
    expect(refusal(bytes, name)).toBe(message);
  });

  it('refuses an extension it does not import, listing what it does, and says when the content is importable', () => {
    expect(refusal(text('Aid'), 'story.rtf')).toBe(
      '“story.rtf” is not a kind of file Claimdesk imports. Claimdesk imports plain text (.txt), Markdown (.md), web pages (.html, .htm), Word documents (.docx) and PDFs (.pdf).',
    );
    expect(refusal(pdf, 'report.pdf.download')).toContain('It is a PDF document: rename it to .pdf to import it.');
    expect(refusal(text('Aid'), 'README')).toMatch(/^“README” has no file extension/);
  });

  it('recognises an HTML page after a byte-order mark, comments or an XML declaration, in UTF-16 too', () => {
    expect(looksLikeHtmlDocument(text('\uFEFF<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">'))).toBe(true);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('<html><body>Aid', (ch) => [ch.charCodeAt(0), 0]).flat()]);
    expect(looksLikeHtmlDocument(utf16)).toBe(true);
    expect(looksLikeHtmlDocument(text('The <html> element is the root of a page.'))).toBe(false);
  });
});
