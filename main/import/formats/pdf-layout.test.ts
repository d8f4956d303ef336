import { describe, expect, it } from 'vitest';
import { joinLines, layoutPdfText, type PdfTextRun } from './pdf-layout';

// Lines of 11-point text, 14 points apart, from y = 700 down; '' leaves a blank line.
function page(lines: readonly (string | { text: string; x?: number; size?: number })[], top = 700): PdfTextRun[] {
  return lines.flatMap((line, i) => {
    if (line === '') return [];
    const { text, x = 72, size = 11 } = typeof line === 'string' ? { text: line } : line;
    return [{ text, x, y: top - i * 14, width: text.length * size * 0.5, size, endOfLine: true }];
  });
}

describe('layoutPdfText', () => {
  it('makes paragraphs from gaps, mends hyphenated words and keeps headings apart', () => {
    const blocks = layoutPdfText([
      page([
        { text: 'Aid reaches Kestrel Falls', size: 18 },
        '',
        'Aid convoys reached the flood-hit town of Kestrel Falls on Monday, as inter-',
        'national agencies arrived with water and a well-',
        'Known engineer inspected the barrier.',
        '',
        'A second paragraph begins after a blank line and runs on to the end of this line',
        'before stopping.',
      ]),
    ]);
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Aid reaches Kestrel Falls' },
      { kind: 'paragraph', text: 'Aid convoys reached the flood-hit town of Kestrel Falls on Monday, as international agencies arrived with water and a well- Known engineer inspected the barrier.' },
      { kind: 'paragraph', text: 'A second paragraph begins after a blank line and runs on to the end of this line before stopping.' },
    ]);
  });

  it('starts a paragraph at an indented first line, or after a short line that ends a sentence', () => {
    const blocks = layoutPdfText([
      page([
        'The council was warned in March that the flood barrier was failing, residents said',
        'on Sunday.',
        'Engineers will inspect the barrier on Wednesday, the national water agency said in',
        'a statement released late on Sunday evening after a meeting with the governor.',
        { text: 'The agency said the river had fallen by 40cm overnight but that more rain', x: 90 },
        'was forecast for the weekend.',
      ]),
    ]);
    expect(blocks.map((block) => block.text)).toEqual([
      'The council was warned in March that the flood barrier was failing, residents said on Sunday.',
      'Engineers will inspect the barrier on Wednesday, the national water agency said in a statement released late on Sunday evening after a meeting with the governor.',
      'The agency said the river had fallen by 40cm overnight but that more rain was forecast for the weekend.',
    ]);
  });

  it('drops running heads, footers and page numbers repeated on most pages, and joins a paragraph cut by a page break', () => {
    const header = { text: 'THE NORTHERN LEDGER — Wire report', size: 8 };
    const body = (n: number) =>
      n === 2
        ? ['stopped at the border on Sunday night, the spokesperson for the regional', 'governor said, and would be sent back.']
        : [`Paragraph on page ${n} runs over two lines of text before it ends with`, 'a full stop.'];
    const pages = [1, 2, 3].map((n) =>
      page([
        header,
        '',
        ...body(n),
        '',
        `Another paragraph on page ${n} also takes two lines of text before it`,
        n === 1 ? 'tells of the convoy carrying water and medicine that had been' : 'comes to its end.',
        '',
        { text: `Page ${n} of 3`, size: 8 },
      ]),
    );
    expect(layoutPdfText(pages).map((block) => block.text)).toEqual([
      'Paragraph on page 1 runs over two lines of text before it ends with a full stop.',
      'Another paragraph on page 1 also takes two lines of text before it tells of the convoy carrying water and medicine that had been stopped at the border on Sunday night, the spokesperson for the regional governor said, and would be sent back.',
      'Another paragraph on page 2 also takes two lines of text before it comes to its end.',
      'Paragraph on page 3 runs over two lines of text before it ends with a full stop.',
      'Another paragraph on page 3 also takes two lines of text before it comes to its end.',
    ]);
  });

  it('splits one-line paragraphs apart on a page of their own', () => {
    const prose = page(['A first paragraph of ordinary prose that runs on over', 'three lines of the page, as prose in a report does', 'until it ends.']);
    const list = page(['Water: 8,000 litres.', '', 'Clinics: two.', '', 'Families cut off: 300.']);
    expect(layoutPdfText([prose, list]).map((block) => block.text)).toEqual([
      'A first paragraph of ordinary prose that runs on over three lines of the page, as prose in a report does until it ends.',
      'Water: 8,000 litres.',
      'Clinics: two.',
      'Families cut off: 300.',
    ]);
  });

  it('puts a space between runs of one line where there is a gap, not inside a word', () => {
    const runs: PdfTextRun[] = [
      { text: 'Kes', x: 72, y: 700, width: 16.5, size: 11, endOfLine: false },
      { text: 'trel', x: 88.5, y: 700, width: 22, size: 11, endOfLine: false },
      { text: 'Falls', x: 114, y: 700, width: 27.5, size: 11, endOfLine: true },
    ];
    expect(layoutPdfText([runs])).toEqual([{ kind: 'paragraph', text: 'Kestrel Falls' }]);
  });
});

describe('joinLines', () => {
  it('joins a word broken by a hyphen only when the line goes on in lower case', () => {
    expect(joinLines('the inter-', 'national agencies')).toBe('the international agencies');
    expect(joinLines('the Franco-', 'German border')).toBe('the Franco- German border');
    expect(joinLines('soft\u00ad', 'hyphen')).toBe('softhyphen');
    expect(joinLines('a total of 12 -', 'or more')).toBe('a total of 12 - or more');
  });
});
