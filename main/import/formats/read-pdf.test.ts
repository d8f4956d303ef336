import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { makePdf, type PdfLine } from './fixtures/make-pdf';
import { characterMapFolder, readPdf } from './read-pdf';

// A wire report over three pages, laid out as a word processor prints one: a running head and
// a page footer on each page, 11-point text on 14-point lines, a blank line between paragraphs.
function reportPage(number: number, body: readonly string[]): PdfLine[] {
  const lines: PdfLine[] = [{ text: 'THE NORTHERN LEDGER — Wire report', x: 72, y: 760, size: 8 }];
  let y = 720;
  for (const line of body) {
    if (line !== '') lines.push({ text: line, x: 72, y });
    y -= 14;
  }
  lines.push({ text: `Page ${number} of 3`, x: 280, y: 40, size: 8 });
  return lines;
}

const REPORT = makePdf({
  title: 'Microsoft Word - Kestrel Falls report.docx',
  author: 'Ana Ruiz',
  pages: [
    [
      { text: 'Aid convoys reach Kestrel Falls', x: 72, y: 740, size: 18 },
      ...reportPage(1, [
        '',
        'Aid convoys reached the flood-hit town of Kestrel Falls on Monday, officials',
        'said, as the confirmed death toll rose to 41 and rescue teams searched inter-',
        'national aid depots for the drinking water the town still lacks.',
        '',
        'The regional governor, Daria Venn, told reporters that police had been given',
        '“a shoot-to-kill order” for anyone caught looting, and that the convoy of',
      ]),
    ],
    reportPage(2, [
      'lorries had been stopped at the border for two days before it was let through.',
      '',
      'Her office later said the phrase had been misreported.',
    ]),
    reportPage(3, ['The International Red Cross said it had set up two field clinics and that', '300 families were still cut off north of the river.']),
  ],
});

describe('readPdf', () => {
  it('rebuilds the paragraphs of a printed report, without its running heads and page numbers', async () => {
    const read = await readPdf(REPORT, 'kestrel.pdf');
    expect(read.format).toBe('pdf');
    expect(read.meta).toEqual({ title: 'Kestrel Falls report', author: 'Ana Ruiz', language: 'en-GB' });
    expect(read.warnings).toEqual([]);
    expect(read.content).toEqual({
      kind: 'html',
      baseUrl: null,
      html: [
        '<h2>Aid convoys reach Kestrel Falls</h2>',
        '<p>Aid convoys reached the flood-hit town of Kestrel Falls on Monday, officials said, as the confirmed death toll rose to 41 and rescue teams searched international aid depots for the drinking water the town still lacks.</p>',
        '<p>The regional governor, Daria Venn, told reporters that police had been given “a shoot-to-kill order” for anyone caught looting, and that the convoy of lorries had been stopped at the border for two days before it was let through.</p>',
        '<p>Her office later said the phrase had been misreported.</p>',
        '<p>The International Red Cross said it had set up two field clinics and that 300 families were still cut off north of the river.</p>',
      ].join('\n'),
    });
  });

  it('escapes the text it puts in HTML', async () => {
    const pdf = makePdf({ pages: [[{ text: 'Toll <b>41</b> & rising', x: 72, y: 700 }]] });
    const read = await readPdf(pdf, 'x.pdf');
    expect(read.content).toMatchObject({ html: '<p>Toll &lt;b&gt;41&lt;/b&gt; &amp; rising</p>' });
  });

  it('reads a PDF that is encrypted without a password to open it', async () => {
    const pdf = makePdf({ password: { user: '', owner: 'desk' }, title: 'Restricted copy', pages: [[{ text: 'Printing is restricted, reading is not.', x: 72, y: 700 }]] });
    const read = await readPdf(pdf, 'restricted.pdf');
    expect(read.meta.title).toBe('Restricted copy');
    expect(read.content).toMatchObject({ html: '<p>Printing is restricted, reading is not.</p>' });
  });

  it('says which pages had no text and were left out', async () => {
    const pdf = makePdf({ drawOnEmptyPages: true, pages: [[{ text: 'Page one has text.', x: 72, y: 700 }], [], [{ text: 'So has page three.', x: 72, y: 700 }]] });
    const read = await readPdf(pdf, 'mixed.pdf');
    expect(read.warnings).toEqual(['Page 2 has no text (scanned images?) and was left out.']);
  });

  it('refuses a PDF without any text layer', async () => {
    const pdf = makePdf({ drawOnEmptyPages: true, pages: [[], []] });
    await expect(readPdf(pdf, 'scan.pdf')).rejects.toThrow(new AppError('bad-file', '“scan.pdf” has no text layer (is it a scan?). Claimdesk reads the text of a PDF; run it through text recognition (OCR) first, then import the result.'));
  });

  it('finds the character maps pdf.js needs for CJK text, on disk', () => {
    const folder = characterMapFolder();
    expect(folder).toBeDefined();
    expect(fs.existsSync(path.join(folder ?? '', 'UniJIS-UCS2-H.bcmap'))).toBe(true);
  });
});
