/**
 * The corpus of bad files: each one a file a newsroom could really be sent or could make by
 * mistake, or one built to attack a reader, with the error the user must see. Binary files are
 * built here rather than stored.
 */
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../shared/domain';
import { AppError, type ErrorKind } from '../../../shared/result';
import { CONTENT_TYPES, documentXml, makeDocx } from './fixtures/make-docx';
import { makePdf } from './fixtures/make-pdf';
import { makeZip, type ZipEntry } from './fixtures/make-zip';
import { extractDocument } from './index';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | readonly number[])[]) => Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : [...part])));

const PNG = bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF', [0]);
const PDF = makePdf({ pages: [[{ text: 'Aid convoys reached the town.', x: 72, y: 700 }], [{ text: 'Page two.', x: 72, y: 700 }]] });
const ELF = bytes([0x7f], 'ELF', [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const SQLITE = bytes('SQLite format 3', [0, 0x10, 0, 1, 1]);
const GZIP = bytes([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
const OLE2 = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array<number>(504).fill(0));

// A .docx with its usual parts and `entries` added.
const docxWith = (...entries: ZipEntry[]) => makeDocx({ paragraphs: ['Aid arrives.'], extra: entries });
const zeros = (size: number) => new Uint8Array(size);

const BILLION_LAUGHS = documentXml(
  '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>',
  `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`,
);
const EXTERNAL_ENTITY = documentXml('<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>', '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
const utf16le = (text: string) => bytes([0xff, 0xfe], Array.from(text, (ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]).flat());

interface BadFile {
  readonly name: string;
  readonly file: () => Uint8Array;
  readonly fileName: string;
  readonly kind: ErrorKind;
  readonly message: string;
  readonly encoding?: string;
}

const CORPUS: readonly BadFile[] = [
  { name: 'an image named .txt', file: () => PNG, fileName: 'photo.txt', kind: 'bad-file', message: '“photo.txt” is a PNG image, not a text file.' },
  { name: 'a photo named .md', file: () => JPEG, fileName: 'notes.md', kind: 'bad-file', message: '“notes.md” is a JPEG image, not a Markdown file.' },
  { name: 'a PDF named .html', file: () => PDF, fileName: 'report.html', kind: 'bad-file', message: '“report.html” is a PDF document, not a web page. Rename it to .pdf to import it.' },
  { name: 'a Word document named .txt', file: () => makeDocx({ paragraphs: ['x'] }), fileName: 'story.txt', kind: 'bad-file', message: '“story.txt” is a Word document (.docx), not a text file. Rename it to .docx to import it.' },
  { name: 'a program named .pdf', file: () => ELF, fileName: 'invoice.pdf', kind: 'bad-file', message: '“invoice.pdf” is a program (an ELF executable), not a PDF document.' },
  { name: 'a database named .html', file: () => SQLITE, fileName: 'page.html', kind: 'bad-file', message: '“page.html” is an SQLite database, not a web page.' },
  { name: 'a gzipped page named .html', file: () => GZIP, fileName: 'page.html', kind: 'bad-file', message: '“page.html” is a gzip archive, not a web page.' },
  { name: 'a .docx that is not a zip', file: () => utf8('Aid convoys reached the town.'), fileName: 'memo.docx', kind: 'bad-file', message: '“memo.docx” is text, not a Word document (a .docx file is a ZIP archive).' },
  { name: 'an old .doc renamed .docx', file: () => OLE2, fileName: 'memo.docx', kind: 'bad-file', message: '“memo.docx” is an old-format Word document (.doc) or a password-protected Office file' },
  { name: 'a .docx cut short', file: () => makeDocx({ paragraphs: ['x'] }).subarray(0, 300), fileName: 'cut.docx', kind: 'bad-file', message: '“cut.docx” is not a valid Word document: its ZIP structure is damaged' },
  {
    name: 'a ZIP named .docx that only mentions word/document.xml',
    file: () => makeZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }]),
    fileName: 'fake.docx',
    kind: 'bad-file',
    message: '“fake.docx” is a ZIP archive but not a Word document: it has no word/document.xml.',
  },
  { name: 'a zip bomb (by ratio)', file: () => docxWith({ name: 'word/bomb.xml', data: zeros(20 * 1024 * 1024) }), fileName: 'bomb.docx', kind: 'bad-file', message: 'holds a part packed 1,0' },
  {
    name: 'a zip bomb (by total size)',
    file: () => docxWith(...Array.from({ length: 105 }, (_, i) => ({ name: `word/part${i}.xml`, data: zeros(1_000_000) }))),
    fileName: 'bomb.docx',
    kind: 'too-large',
    message: '“bomb.docx” would unpack to more than 100 MB, far more than any Word document; it may be a ZIP bomb.',
  },
  {
    name: 'a zip bomb (by entry count)',
    file: () => docxWith(...Array.from({ length: 2_001 }, (_, i) => ({ name: `word/p${i}.xml`, data: '<x/>', method: 'store' as const }))),
    fileName: 'bomb.docx',
    kind: 'bad-file',
    message: '“bomb.docx” holds 2,006 files; a Word document holds a few dozen, and Claimdesk opens none with more than 2,000.',
  },
  {
    name: 'a zip bomb that lies about its sizes',
    file: () => docxWith({ name: 'word/styles.xml', data: zeros(5 * 1024 * 1024), declaredSize: 4096 }),
    fileName: 'forged.docx',
    kind: 'bad-file',
    message: '“forged.docx” is damaged or forged: its part “word/styles.xml” does not unpack to the size the archive declares; it may be a ZIP bomb.',
  },
  {
    name: 'a .docx with a path out of the package',
    file: () => docxWith({ name: '../../evil.xml', data: '<x/>' }),
    fileName: 'escape.docx',
    kind: 'bad-file',
    message: '“escape.docx” holds a file whose name points outside the document (“../../evil.xml”), which Word never writes.',
  },
  {
    name: 'a .docx with entity expansion (billion laughs)',
    file: () => makeDocx({ paragraphs: [], documentXml: BILLION_LAUGHS }),
    fileName: 'laughs.docx',
    kind: 'bad-file',
    message: '“laughs.docx” declares XML entities or a document type in “word/document.xml”. Word never writes these; they are a known way to attack XML readers, so the file is refused.',
  },
  { name: 'a .docx with an external entity', file: () => makeDocx({ paragraphs: [], documentXml: EXTERNAL_ENTITY }), fileName: 'xxe.docx', kind: 'bad-file', message: 'declares XML entities or a document type in “word/document.xml”' },
  {
    name: 'a .docx with a DOCTYPE in UTF-16',
    file: () => docxWith({ name: 'word/settings.xml', data: utf16le('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE s [<!ENTITY a "b">]><s/>') }),
    fileName: 'utf16.docx',
    kind: 'bad-file',
    message: 'declares XML entities or a document type in “word/settings.xml”',
  },
  { name: 'a .docx nesting 5,000 tables', file: () => makeDocx({ paragraphs: [], documentXml: documentXml(`${'<w:tbl><w:tr><w:tc>'.repeat(5_000)}<w:p/>${'</w:tc></w:tr></w:tbl>'.repeat(5_000)}`) }), fileName: 'nested.docx', kind: 'bad-file', message: '“nested.docx” nests its content too deeply to read.' },
  { name: 'an empty file', file: () => new Uint8Array(), fileName: 'empty.txt', kind: 'bad-file', message: '“empty.txt” is empty.' },
  { name: 'an empty PDF', file: () => new Uint8Array(), fileName: 'empty.pdf', kind: 'bad-file', message: '“empty.pdf” is empty.' },
  { name: 'a file over the size cap', file: () => new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), fileName: 'huge.txt', kind: 'too-large', message: '“huge.txt” is 20.1 MB; Claimdesk imports files of up to 20 MB.' },
  { name: 'binary data with NUL bytes', file: () => bytes('Aid', [0, 1, 2, 3, 0], 'convoys'), fileName: 'data.txt', kind: 'bad-file', message: '“data.txt” is a binary file, not a text file.' },
  { name: 'binary data without NUL bytes', file: () => bytes('ab', [1, 2, 3, 0x1b, 0x7f, 0x9b, 0xfe], 'cd'), fileName: 'data.md', kind: 'bad-file', message: '“data.md”: This looks like a binary file, not text.' },
  { name: 'an unknown extension', file: () => utf8('Aid arrives.'), fileName: 'story.rtf', kind: 'bad-file', message: '“story.rtf” is not a kind of file Claimdesk imports. Claimdesk imports plain text (.txt), Markdown (.md), web pages (.html, .htm), Word documents (.docx) and PDFs (.pdf).' },
  { name: 'UTF-32 text', file: () => bytes([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), fileName: 'wide.txt', kind: 'bad-file', message: '“wide.txt”: The file is UTF-32 text, which Claimdesk cannot read. Save it as UTF-8 and try again.' },
  { name: 'broken UTF-16', file: () => bytes([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00]), fileName: 'broken.txt', kind: 'bad-file', message: '“broken.txt”: The file is not valid UTF-16 text. Save it as UTF-8 and try again.' },
  { name: 'an encoding that is none', file: () => bytes('Caf', [0xe9]), fileName: 'cafe.txt', kind: 'invalid-argument', message: '“x-klingon” is not a text encoding Claimdesk can read.', encoding: 'x-klingon' },
  { name: 'a PDF cut in half', file: () => PDF.subarray(0, Math.floor(PDF.length / 2)), fileName: 'cut.pdf', kind: 'bad-file', message: '“cut.pdf” is damaged or incomplete: it cannot be read as a PDF.' },
  { name: 'a PDF header and garbage', file: () => bytes('%PDF-1.7\n', Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)), fileName: 'junk.pdf', kind: 'bad-file', message: '“junk.pdf” is damaged or incomplete: it cannot be read as a PDF.' },
  {
    name: 'a password-protected PDF',
    file: () => makePdf({ password: { user: 'secret', owner: 'desk' }, pages: [[{ text: 'Embargoed.', x: 72, y: 700 }]] }),
    fileName: 'embargoed.pdf',
    kind: 'bad-file',
    message: '“embargoed.pdf” is protected by a password. Open it, save a copy without the password, and import that.',
  },
  { name: 'a scanned PDF (no text layer)', file: () => makePdf({ drawOnEmptyPages: true, pages: [[], []] }), fileName: 'scan.pdf', kind: 'bad-file', message: '“scan.pdf” has no text layer (is it a scan?).' },
  { name: 'a web page with no text', file: () => utf8('<!DOCTYPE html><html><body><img src="a.png"></body></html>'), fileName: 'blank.html', kind: 'bad-file', message: '“blank.html” has no text to import.' },
];

async function failure(file: BadFile): Promise<AppError> {
  try {
    await extractDocument(file.file(), file.fileName, file.encoding === undefined ? {} : { encoding: file.encoding });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${file.name} was imported`);
}

describe('the bad-file corpus', () => {
  it.each(CORPUS.map((file) => [file.name, file] as const))('refuses %s, naming the problem', async (_name, file) => {
    const error = await failure(file);
    expect(error.kind).toBe(file.kind);
    expect(error.message).toContain(file.message);
  });
});

// Files that are hard on a reader but not wrong: each is imported, within a time limit.
describe('pathological but valid files', () => {
  const cases: readonly [string, () => Uint8Array, string, number][] = [
    ['a 5 MB single-line text', () => utf8('word '.repeat(1_000_000)), 'line.txt', 2_000],
    ['a 5 MB single-line Markdown file', () => utf8('word '.repeat(1_000_000)), 'line.md', 5_000],
    ['a 5 MB single-line web page', () => utf8(`<p>${'word '.repeat(1_000_000)}</p>`), 'line.html', 10_000],
    ['a web page of 100,000 nested <div>s', () => utf8(`${'<div>'.repeat(100_000)}<p>Deep text.</p>${'</div>'.repeat(100_000)}`), 'nested.html', 5_000],
    ['a web page of 100,000 unclosed <b>s', () => utf8(`${'<b>'.repeat(100_000)}Bold text.`), 'bold.html', 5_000],
    ['Markdown nesting 100,000 quotes', () => utf8(`${'>'.repeat(100_000)} quoted`), 'quotes.md', 5_000],
    ['a 20 MB web page of 1,000,000 paragraphs', () => utf8('<p>para <b>x</b></p>'.repeat(1_000_000)), 'big.html', 20_000],
  ];

  it.each(cases)('imports %s in bounded time', { timeout: 60_000 }, async (_name, file, fileName, limitMs) => {
    const started = performance.now();
    const extracted = await extractDocument(file(), fileName);
    expect(performance.now() - started).toBeLessThan(limitMs);
    expect(extracted.status).toBe('ok');
  });
});
