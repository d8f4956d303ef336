/**
 * Which reader a file goes to. The extension says what the user thinks the file is; the first
 * bytes say what it is. When they disagree the file is refused with a message that names what
 * it really is, so "photo.txt" is called a PNG image and "report.html" a PDF that should be
 * renamed, rather than decoded into garbage or reported as "not UTF-8".
 */
import path from 'node:path';
import { binaryFormatOf } from '../../../shared/import/decode-text';
import { AppError } from '../../../shared/result';
import type { ImportFormat } from './types';

/** The extensions Claimdesk imports, and the reader each goes to. */
export const IMPORT_EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

const WHAT_WE_IMPORT = 'Claimdesk imports plain text (.txt), Markdown (.md), web pages (.html, .htm), Word documents (.docx) and PDFs (.pdf).';

const NOUN: Readonly<Record<ImportFormat, string>> = {
  text: 'a text file',
  markdown: 'a Markdown file',
  html: 'a web page',
  docx: 'a Word document',
  pdf: 'a PDF document',
};

// How far into a file `%PDF-` may start: readers accept a little junk before the header.
const PDF_HEADER_WINDOW = 1024;

/** What the bytes of a file are, as far as their first bytes (and a ZIP's entry names) tell. */
type Content =
  | { readonly kind: 'importable'; readonly format: 'pdf' | 'docx' | 'html'; readonly name: string }
  | { readonly kind: 'foreign'; readonly name: string; readonly advice?: string }
  | { readonly kind: 'zip-without-document' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'text' };

/** The file's name as the user knows it, in quotes, for messages. */
export function fileLabel(fileName: string): string {
  return `“${path.basename(fileName.replace(/\\/g, '/'))}”`;
}

/**
 * The format of a file, from its extension, confirmed by its content. Throws
 * `AppError('bad-file')` for an empty file, an extension Claimdesk does not import, and content
 * that is not what the extension says (naming what it is, and the extension to use when
 * Claimdesk can import it under that name).
 */
export function detectFormat(bytes: Uint8Array, fileName: string): ImportFormat {
  const label = fileLabel(fileName);
  const declared = IMPORT_EXTENSIONS[path.extname(fileName).toLowerCase()];
  if (declared === undefined) {
    const content = bytes.length === 0 ? null : identify(bytes, null);
    const hint = content !== null && content.kind === 'importable' ? ` It is ${content.name}: rename it to .${content.format} to import it.` : '';
    const what = path.extname(fileName) === '' ? 'has no file extension, so Claimdesk cannot tell what it is' : 'is not a kind of file Claimdesk imports';
    throw new AppError('bad-file', `${label} ${what}.${hint} ${WHAT_WE_IMPORT}`);
  }
  if (bytes.length === 0) throw new AppError('bad-file', `${label} is empty.`);
  const content = identify(bytes, declared);
  const expected = NOUN[declared];
  switch (content.kind) {
    case 'text':
      if (declared === 'docx') throw new AppError('bad-file', `${label} is text, not a Word document (a .docx file is a ZIP archive).`);
      if (declared === 'pdf') throw new AppError('bad-file', `${label} is text, not a PDF document (it has no PDF header).`);
      return declared;
    case 'binary':
      throw new AppError('bad-file', `${label} is a binary file, not ${expected}.`);
    case 'zip-without-document':
      throw new AppError('bad-file', `${label} is a ZIP archive but not a Word document: it has no word/document.xml.`);
    case 'foreign':
      throw new AppError('bad-file', `${label} is ${content.name}, not ${expected}.${content.advice === undefined ? '' : ` ${content.advice}`}`);
    case 'importable':
      if (content.format === declared) return declared;
      throw new AppError('bad-file', `${label} is ${content.name}, not ${expected}. Rename it to .${content.format} to import it.`);
  }
}

function identify(bytes: Uint8Array, declared: ImportFormat | null): Content {
  if (declared === 'pdf' && indexOfAscii(bytes, '%PDF-', 0, PDF_HEADER_WINDOW) >= 0) {
    return { kind: 'importable', format: 'pdf', name: 'a PDF document' };
  }
  const binary = binaryFormatOf(bytes);
  if (binary !== null) {
    switch (binary.id) {
      case 'pdf':
        return { kind: 'importable', format: 'pdf', name: 'a PDF document' };
      case 'zip':
        return identifyZip(bytes, declared);
      case 'ole2':
        return {
          kind: 'foreign',
          name: 'an old-format Word document (.doc) or a password-protected Office file',
          advice: 'Open it in your word processor, save it as a .docx without a password, and import that.',
        };
      case 'rtf':
        return { kind: 'foreign', name: 'an RTF document', advice: 'Save it as a .docx or a .txt file and import that.' };
      default:
        return { kind: 'foreign', name: binary.name };
    }
  }
  // UTF-16 text has zero bytes; other text never does.
  if (!hasUtf16Or32Bom(bytes) && bytes.includes(0)) return { kind: 'binary' };
  // A whole HTML page named .txt or .md would come in with its markup showing.
  if (looksLikeHtmlDocument(bytes)) return { kind: 'importable', format: 'html', name: 'a web page (HTML)' };
  return { kind: 'text' };
}

// The names of a ZIP's entries are stored uncompressed, so a byte search finds them.
function identifyZip(bytes: Uint8Array, declared: ImportFormat | null): Content {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes('word/document.xml')) return { kind: 'importable', format: 'docx', name: 'a Word document (.docx)' };
  if (buffer.includes('xl/workbook.xml')) return { kind: 'foreign', name: 'an Excel workbook' };
  if (buffer.includes('ppt/presentation.xml')) return { kind: 'foreign', name: 'a PowerPoint presentation' };
  if (buffer.includes('application/vnd.oasis.opendocument.text')) {
    return { kind: 'foreign', name: 'an OpenDocument text (.odt)', advice: 'Save it as a .docx and import that.' };
  }
  if (buffer.includes('application/epub+zip')) return { kind: 'foreign', name: 'an EPUB e-book' };
  if (declared !== 'docx') return { kind: 'foreign', name: 'a ZIP archive' };
  // Without its end record the archive was cut short, perhaps before the document's entry: the
  // Word reader says it is damaged.
  const endRecord = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  return endRecord < 0 ? { kind: 'importable', format: 'docx', name: 'a Word document (.docx)' } : { kind: 'zip-without-document' };
}

function hasUtf16Or32Bom(bytes: Uint8Array): boolean {
  const [a, b] = bytes;
  return (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) || (a === 0 && b === 0 && bytes[2] === 0xfe && bytes[3] === 0xff);
}

/**
 * Whether the file begins, after a byte-order mark, white space and comments, with
 * `<!DOCTYPE html` or `<html`. Only the first 2 KB are looked at; UTF-16 is read by dropping
 * its zero bytes, which keeps ASCII markup intact.
 */
export function looksLikeHtmlDocument(bytes: Uint8Array): boolean {
  let head = '';
  const limit = Math.min(bytes.length, 2048);
  for (let i = 0; i < limit; i++) {
    const byte = bytes[i] ?? 0;
    if (byte !== 0 && byte < 0x80) head += String.fromCharCode(byte);
  }
  const start = head.replace(/^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '').slice(0, 20).toLowerCase();
  return start.startsWith('<!doctype html') || /^<html[\s>]/.test(start);
}

function indexOfAscii(bytes: Uint8Array, text: string, from: number, to: number): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, to));
  return buffer.indexOf(text, from, 'latin1');
}
