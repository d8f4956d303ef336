import { Decoration, DecorationSet } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../shared/article/schema';
import { createDecorationTree } from './decoration-tree';

const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (value: string) => ({ type: 'paragraph', content: [text(value)] });
const doc = articleSchema.nodeFromJSON({
  type: 'doc',
  content: [
    paragraph('At least 38 people have been killed since Tuesday.'),
    { type: 'blockquote', content: [paragraph('Officials said the toll was lower.'), paragraph('The opposition put it at 61.')] },
    paragraph('A curfew was declared.'),
    paragraph('Arrests passed two hundred.'),
  ],
});

const spans = (set: DecorationSet) => set.find().map((d) => [d.from, d.to, (d.spec as { id: number }).id]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!);

describe('building a decoration set block by block', () => {
  it('gives the same set as DecorationSet.create, inside blocks, across them and nested', () => {
    const items = [
      { id: 1, from: 3, to: 12 },
      { id: 2, from: 5, to: 9 },
      { id: 3, from: 40, to: 70 }, // from the quote's first paragraph into its second
      { id: 4, from: 30, to: 120 }, // across top-level blocks
      { id: 5, from: 122, to: 130 },
      { id: 6, from: 150, to: 155 },
      { id: 7, from: 20, to: 20 }, // empty: dropped by both
    ];
    const make = (item: { id: number }, from: number, to: number) => Decoration.inline(from, to, { class: `c${item.id}` }, { id: item.id });
    const fast = createDecorationTree(doc, items, make);
    const plain = DecorationSet.create(doc, items.map((i) => make(i, i.from, i.to)));
    expect(spans(fast)).toEqual(spans(plain));
    expect(spans(fast).map((s) => s[2])).toEqual([1, 2, 4, 3, 5, 6]);
    // Mapping and lookup work on it as on any set.
    expect(fast.find(6, 7).map((d) => (d.spec as { id: number }).id).sort()).toEqual([1, 2]);
  });

  it('is empty without decorations', () => {
    expect(createDecorationTree(doc, [], () => Decoration.inline(0, 1, {}))).toBe(DecorationSet.empty);
  });
});
