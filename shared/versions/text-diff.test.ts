import fc from 'fast-check';
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

describe('wordDiff on long paragraphs (only the middle that differs is diffed)', () => {
  const sentence = 'Police said 41 people had been detained since the protests began, according to a preliminary report.';
  const long = Array.from({ length: 12 }, () => sentence).join(' ');

  it('marks a change at the start, in the middle and at the end, keeping the rest as one run each', () => {
    expect(wordDiff(`Officials ${long}`, `Residents ${long}`)).toEqual([
      { kind: 'removed', text: 'Officials' },
      { kind: 'added', text: 'Residents' },
      { kind: 'same', text: ` ${long}` },
    ]);
    const middle = long.length / 2;
    const cut = long.indexOf(' ', middle) + 1;
    expect(wordDiff(long, `${long.slice(0, cut)}reportedly ${long.slice(cut)}`)).toEqual([
      { kind: 'same', text: long.slice(0, cut) },
      { kind: 'added', text: 'reportedly ' },
      { kind: 'same', text: long.slice(cut) },
    ]);
    expect(wordDiff(`${long} Later.`, `${long} Later, officially.`)).toEqual([
      { kind: 'same', text: `${long} Later` },
      { kind: 'added', text: ', officially' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('does not cut inside a word or a run of spaces', () => {
    expect(wordDiff('the figure 1234 was given', 'the figure 12345 was given')).toEqual([
      { kind: 'same', text: 'the figure ' },
      { kind: 'removed', text: '1234' },
      { kind: 'added', text: '12345' },
      { kind: 'same', text: ' was given' },
    ]);
    expect(wordDiff('one  two', 'one   two')).toEqual([
      { kind: 'same', text: 'one' },
      { kind: 'removed', text: '  ' },
      { kind: 'added', text: '   ' },
      { kind: 'same', text: 'two' },
    ]);
    expect(wordDiff('a text', 'a text and more')).toEqual([
      { kind: 'same', text: 'a text' },
      { kind: 'added', text: ' and more' },
    ]);
  });

  it('rebuilds both texts from its parts, whatever the texts', () => {
    const words = fc.constantFrom('the', 'minister', 'said', '41', '38', 'people,', 'were', 'hurt.', ' ', '  ', '\n', '«', 'é');
    const text = fc.array(words, { maxLength: 40 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = wordDiff(before, after);
        expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
        expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
        expect(parts.every((p, i) => p.text !== '' && (i === 0 || p.kind !== parts[i - 1]!.kind))).toBe(true);
      }),
    );
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

describe('alignParagraphs on a long article', () => {
  const paragraph = (i: number) => `Paragraph ${i}: the regional governor said on Monday that ${i % 97} people were detained in the capital.`;

  it('keeps unchanged paragraphs, pairs edited ones and places moved ones, over thousands of paragraphs', () => {
    const old = Array.from({ length: 3000 }, (_, i) => paragraph(i));
    const next = old.map((p, i) => (i % 2 === 0 ? p.replace('regional', 'provincial') : p));
    // Paragraph 10 moves to the end.
    next.push(...next.splice(10, 1));
    const pairs = alignParagraphs(old.join('\n\n'), next.join('\n\n'));
    expect(pairs.filter((p) => p.kind === 'same')).toHaveLength(1500);
    expect(pairs.filter((p) => p.kind === 'changed')).toHaveLength(1499);
    expect(pairs.filter((p) => p.kind === 'removed').map((p) => p.before)).toEqual([10]);
    expect(pairs.filter((p) => p.kind === 'added').map((p) => p.after)).toEqual([2999]);
    const changed = pairs.find((p) => p.kind === 'changed')!;
    expect([changed.before, changed.after]).toEqual([0, 0]);
    expect(changed.parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'regional' },
      { kind: 'added', text: 'provincial' },
    ]);
  });

  it('lines up paragraphs that occur more than once', () => {
    const before = ['Advertisement', 'First.', 'Advertisement', 'Second.', 'Advertisement'].join('\n\n');
    const after = ['Advertisement', 'First.', 'Advertisement', 'New.', 'Advertisement', 'Second.', 'Advertisement'].join('\n\n');
    expect(alignParagraphs(before, after).map((p) => [p.kind, p.before, p.after])).toEqual([
      ['same', 0, 0],
      ['same', 1, 1],
      ['same', 2, 2],
      ['added', null, 3],
      ['added', null, 4],
      ['same', 3, 5],
      ['same', 4, 6],
    ]);
  });

  it('shows a rewritten article as removed and added paragraphs', () => {
    const before = Array.from({ length: 50 }, (_, i) => `Old paragraph number ${i} about the flooding.`).join('\n\n');
    const after = Array.from({ length: 50 }, (_, i) => `Entirely new text ${i}, on another subject altogether: the vote.`).join('\n\n');
    const kinds = alignParagraphs(before, after).map((p) => p.kind);
    expect(kinds.filter((k) => k === 'removed')).toHaveLength(50);
    expect(kinds.filter((k) => k === 'added')).toHaveLength(50);
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
