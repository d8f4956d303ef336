import { describe, expect, it } from 'vitest';
import { alignParagraphs, compareParagraphs, countWords, paragraphLocator, passageInParagraph, wordDiff } from './text-diff';

describe('wordDiff', () => {
  it('marks the revised figure and keeps the rest', () => {
    expect(wordDiff('At least 38 people have been killed', 'At least 41 people have been killed')).toEqual([
      { kind: 'same', text: 'At least ' },
      { kind: 'removed', text: '38' },
      { kind: 'added', text: '41' },
      { kind: 'same', text: ' people have been killed' },
    ]);
  });

  it('gives one run for equal texts and nothing for two empty ones', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }]);
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
  });

  it('rebuilds both texts from its parts', () => {
    const before = 'The minister said on Tuesday that 14 people were hurt.';
    const after = 'The interior minister said on Wednesday that 14 people, including two police officers, were hurt.';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
    expect(countWords(parts, 'added')).toBe(6);
    expect(countWords(parts, 'removed')).toBe(1);
  });
});

describe('passageInParagraph', () => {
  it('cuts the context at paragraph breaks', () => {
    expect(passageInParagraph({ prefix: 'end of one.\n\nStart ', exact: 'quote', suffix: ' here.\n\nNext paragraph' })).toEqual({
      prefix: 'Start ',
      exact: 'quote',
      suffix: ' here.',
    });
  });
});

describe('compareParagraphs', () => {
  const before = ['Security forces fired on protesters.', 'At least 38 people have been killed.', 'A quote that was removed.', 'Internet access was cut.'].join('\n\n');
  const after = ['An update at the top.', 'Security forces fired on protesters.', 'At least 41 people have been killed.', 'Internet access was cut.'].join('\n\n');

  it('lines up paragraphs and marks words in a changed one', () => {
    expect(compareParagraphs(before, after)).toEqual([
      { kind: 'added', parts: [{ kind: 'added', text: 'An update at the top.' }] },
      { kind: 'same', parts: [{ kind: 'same', text: 'Security forces fired on protesters.' }] },
      {
        kind: 'changed',
        parts: [
          { kind: 'same', text: 'At least ' },
          { kind: 'removed', text: '38' },
          { kind: 'added', text: '41' },
          { kind: 'same', text: ' people have been killed.' },
        ],
      },
      { kind: 'removed', parts: [{ kind: 'removed', text: 'A quote that was removed.' }] },
      { kind: 'same', parts: [{ kind: 'same', text: 'Internet access was cut.' }] },
    ]);
  });

  it('tells which old paragraph each new one is', () => {
    expect(alignParagraphs(before, after).map((p) => [p.before, p.after])).toEqual([
      [null, 0],
      [0, 1],
      [1, 2],
      [2, null],
      [3, 3],
    ]);
  });

  it('shows a moved paragraph as removed at its old place and added at its new one', () => {
    const kinds = compareParagraphs('One.\n\nTwo.\n\nThree.', 'One.\n\nThree.\n\nTwo.').map((p) => [p.kind, p.parts[0]!.text]);
    expect(kinds).toHaveLength(4);
    expect(kinds.filter(([k]) => k === 'same')).toHaveLength(2);
    expect(kinds.filter(([k]) => k === 'removed')).toHaveLength(1);
    expect(kinds.filter(([k]) => k === 'added')).toHaveLength(1);
  });

  it('does not pair paragraphs that share few words', () => {
    expect(compareParagraphs('The council met on Monday.', 'Rain is expected over the weekend.').map((p) => p.kind)).toEqual(['added', 'removed']);
  });
});

describe('paragraphLocator', () => {
  it('finds the paragraph of an offset', () => {
    const text = 'aa\n\nbb\n\ncc';
    const at = paragraphLocator(text);
    expect([0, 1, 4, 5, 8, 9].map(at)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(paragraphLocator('one paragraph')(5)).toBe(0);
  });
});
