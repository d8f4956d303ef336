import { describe, expect, it } from 'vitest';
import { articleFromParagraphs, buildTextIndex, offsetToPos, plainTextOf, posToOffset, type ParagraphInput } from './plain-text';
import { articleSchema } from './schema';

const story: ParagraphInput[] = [
  { type: 'heading', text: 'Flooding in Marrow Valley' },
  { type: 'paragraph', text: 'MARROW, 14 March (Wire) — Rivers burst their banks overnight.' },
  { type: 'blockquote', text: '“We lost everything,” said a resident.' },
  { type: 'blockquote', text: 'She asked not to be named.' },
  { type: 'paragraph', text: '' },
  { type: 'paragraph', text: 'Rescuers 🚁 reached the village by noon 🌊.' },
];

const docOf = (paragraphs: ParagraphInput[]) => articleSchema.nodeFromJSON(articleFromParagraphs(paragraphs));

describe('articleFromParagraphs', () => {
  it('builds a document the schema accepts, grouping consecutive quotes', () => {
    const doc = docOf(story);
    doc.check();
    expect(doc.childCount).toBe(5);
    expect(doc.child(0).type.name).toBe('heading');
    expect(doc.child(2).type.name).toBe('blockquote');
    expect(doc.child(2).childCount).toBe(2);
    expect(doc.child(3).content.size).toBe(0);
  });

  it('gives an empty paragraph for no input, since a document needs a block', () => {
    const doc = docOf([]);
    doc.check();
    expect(plainTextOf(doc)).toBe('');
  });
});

describe('plainTextOf', () => {
  it('joins every textblock, empty ones included, with a blank line', () => {
    expect(plainTextOf(docOf(story))).toBe(
      [
        'Flooding in Marrow Valley',
        'MARROW, 14 March (Wire) — Rivers burst their banks overnight.',
        '“We lost everything,” said a resident.',
        'She asked not to be named.',
        '',
        'Rescuers 🚁 reached the village by noon 🌊.',
      ].join('\n\n'),
    );
  });
});

describe('text index', () => {
  const doc = docOf(story);
  const text = plainTextOf(doc);
  const index = buildTextIndex(doc);

  it('covers the whole plain text', () => {
    expect(index.length).toBe(text.length);
    expect(index.blocks).toHaveLength(6);
  });

  it('maps every offset outside separators to the position of the same character', () => {
    const separatorMiddles = new Set(index.blocks.slice(0, -1).map((block) => block.offset + block.length + 1));
    for (let offset = 0; offset <= text.length; offset++) {
      if (separatorMiddles.has(offset)) continue;
      const pos = offsetToPos(index, offset);
      expect(posToOffset(index, pos)).toBe(offset);
      if (offset < text.length && text[offset] !== '\n') {
        expect(doc.textBetween(pos, pos + 1)).toBe(text[offset]);
      }
    }
  });

  it('maps every position inside a textblock back to the same position', () => {
    for (let pos = 0; pos <= doc.content.size; pos++) {
      const $pos = doc.resolve(pos);
      if (!$pos.parent.isTextblock) continue;
      expect(offsetToPos(index, posToOffset(index, pos))).toBe(pos);
    }
  });

  it('counts offsets in UTF-16 code units, so an emoji is two', () => {
    const offset = text.indexOf('🚁');
    const pos = offsetToPos(index, offset);
    expect(doc.textBetween(pos, offsetToPos(index, offset + 2))).toBe('🚁');
    expect(posToOffset(index, pos + 2)).toBe(offset + 2);
  });

  it('sends an offset inside a separator to the next block start or the previous block end', () => {
    const headingEnd = 'Flooding in Marrow Valley'.length;
    const between = headingEnd + 1;
    expect(offsetToPos(index, between, 'end')).toBe(offsetToPos(index, headingEnd));
    expect(offsetToPos(index, between, 'start')).toBe(offsetToPos(index, headingEnd + 2));
    expect(doc.resolve(offsetToPos(index, between, 'start')).parent.textContent).toMatch(/^MARROW/);
  });

  it('maps a range of a quoted paragraph to exactly its text', () => {
    const quote = 'She asked not to be named.';
    const start = text.indexOf(quote);
    const from = offsetToPos(index, start, 'start');
    const to = offsetToPos(index, start + quote.length, 'end');
    expect(doc.textBetween(from, to)).toBe(quote);
  });

  it('maps a position between blocks to the nearest block boundary', () => {
    // The heading's content ends at 26, position 27 lies between the blocks, 28 starts the paragraph.
    const headingEnd = index.blocks[0]!.pos + index.blocks[0]!.length;
    const paragraphStart = index.blocks[1]!.pos;
    expect(paragraphStart - headingEnd).toBe(2);
    expect(posToOffset(index, headingEnd + 1)).toBe(index.blocks[0]!.length);
    // After a block quote, the position past its closing token is nearer the next block.
    const quoteEnd = index.blocks[3]!.pos + index.blocks[3]!.length;
    expect(index.blocks[4]!.pos - quoteEnd).toBe(3);
    expect(posToOffset(index, quoteEnd + 2)).toBe(index.blocks[4]!.offset);
    expect(posToOffset(index, 0)).toBe(0);
    expect(posToOffset(index, doc.content.size)).toBe(text.length);
  });

  it('clamps offsets beyond the text', () => {
    expect(offsetToPos(index, -5)).toBe(1);
    expect(offsetToPos(index, text.length + 10)).toBe(doc.content.size - 1);
  });

  it('round-trips a one-paragraph document and an empty one', () => {
    const single = docOf([{ type: 'paragraph', text: 'Only 🙂 here.' }]);
    const singleIndex = buildTextIndex(single);
    for (let offset = 0; offset <= singleIndex.length; offset++) {
      expect(posToOffset(singleIndex, offsetToPos(singleIndex, offset))).toBe(offset);
    }
    const empty = docOf([]);
    const emptyIndex = buildTextIndex(empty);
    expect(offsetToPos(emptyIndex, 0)).toBe(1);
    expect(posToOffset(emptyIndex, 1)).toBe(0);
  });
});

describe('text index over nested blocks and marks', () => {
  // A quote holding a paragraph and a list whose second item holds an ordered list, then a
  // paragraph with emphasis and a link: marks add no positions, nesting adds gaps.
  const text = (value: string, marks: object[] = []) => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) });
  const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
  const item = (...content: object[]) => ({ type: 'list_item', content });
  const doc = articleSchema.nodeFromJSON({
    type: 'doc',
    content: [
      {
        type: 'blockquote',
        content: [
          paragraph(text('Officials said:')),
          { type: 'bullet_list', content: [item(paragraph(text('38 dead'))), item(paragraph(text('61 by'), text(' other', [{ type: 'em' }]), text(' counts')), { type: 'ordered_list', content: [item(paragraph(text('in Marrow')))] })] },
        ],
      },
      paragraph(text('Read the '), text('report', [{ type: 'link', attrs: { href: 'https://example.org/r' } }, { type: 'strong' }]), text('.')),
    ],
  });
  const plain = plainTextOf(doc);
  const index = buildTextIndex(doc);

  it('joins the textblocks at any depth, marks aside', () => {
    expect(plain).toBe(['Officials said:', '38 dead', '61 by other counts', 'in Marrow', 'Read the report.'].join('\n\n'));
    expect(index.blocks).toHaveLength(5);
    expect(index.length).toBe(plain.length);
  });

  it('maps every offset to the position of the same character, and back', () => {
    const separatorMiddles = new Set(index.blocks.slice(0, -1).map((block) => block.offset + block.length + 1));
    for (let offset = 0; offset <= plain.length; offset++) {
      if (separatorMiddles.has(offset)) continue;
      const pos = offsetToPos(index, offset);
      expect(posToOffset(index, pos)).toBe(offset);
      if (offset < plain.length && plain[offset] !== '\n') expect(doc.textBetween(pos, pos + 1)).toBe(plain[offset]);
    }
  });

  it('maps a range across nested blocks to exactly its text', () => {
    const quote = 'other counts\n\nin Marrow\n\nRead the report';
    const start = plain.indexOf(quote);
    const from = offsetToPos(index, start, 'start');
    const to = offsetToPos(index, start + quote.length, 'end');
    expect(doc.textBetween(from, to, '\n\n')).toBe(quote);
  });

  it('maps positions in the gaps between nested blocks to the nearest block boundary', () => {
    for (let pos = 0; pos <= doc.content.size; pos++) {
      const offset = posToOffset(index, pos);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThanOrEqual(plain.length);
      if (doc.resolve(pos).parent.isTextblock) expect(offsetToPos(index, offset)).toBe(pos);
    }
  });
});
