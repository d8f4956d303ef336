import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorAll, anchorQuote } from './anchor';
import { EXACT_WINDOW } from './match-quote';
import { describeRange } from './describe';

// A fictional wire story, in plain-text form (blocks joined by a blank line).
const story = [
  'HARLAN BAY, 12 February 2025 (Meridian Wire) — At least 164 people were killed when a fire swept through the Old Quay market overnight, the regional governor said on Wednesday.',
  "Police have arrested 23 people, among them the market's owner, on suspicion of ignoring fire-safety orders, police spokesperson Daria Venn told reporters.",
  '"The doors were locked from the outside," Venn said. "We will find out who gave that order."',
  'Governor Ilse Marrow declared three days of mourning. "No family in this city is untouched," Marrow said on Wednesday.',
  'Rescue teams were still searching the ruins on Wednesday afternoon, and officials warned the toll could rise.',
].join('\n\n');

function anchorOf(text: string, quote: string, occurrence: 'first' | 'last' = 'first') {
  const start = occurrence === 'first' ? text.indexOf(quote) : text.lastIndexOf(quote);
  if (start < 0) throw new Error(`fixture does not contain ${quote}`);
  return describeRange(text, start, start + quote.length);
}

function quotedBy(text: string, result: { start: number; end: number } | null): string | null {
  return result === null ? null : text.slice(result.start, result.end);
}

describe('anchorQuote on a wire story', () => {
  const toll = anchorOf(story, 'At least 164 people were killed');
  const arrests = anchorOf(story, 'Police have arrested 23 people');
  const order = anchorOf(story, '"We will find out who gave that order."');

  it('uses the stored position when the text has not changed', () => {
    for (const anchor of [toll, arrests, order]) {
      expect(anchorQuote(story, anchor)).toEqual({ start: anchor.start, end: anchor.end, method: 'position' });
    }
  });

  it('finds the quote by its words after text is inserted before it', () => {
    const editorsNote = "Editor's note: this story has been updated with new figures from the police.\n\n";
    const updated = editorsNote + story;
    const result = anchorQuote(updated, arrests);
    expect(result).toEqual({ start: arrests.start + editorsNote.length, end: arrests.end + editorsNote.length, method: 'quote' });
  });

  it('follows a revised death toll to the corrected figure', () => {
    const revised = story.replace('At least 164 people', 'At least 225 people');
    const result = anchorQuote(revised, toll);
    expect(result?.method).toBe('fuzzy');
    expect(quotedBy(revised, result)).toBe('At least 225 people were killed');
  });

  it('leaves a claim orphaned when its sentence was removed', () => {
    const cut = story.replace(' "We will find out who gave that order."', '');
    expect(anchorQuote(cut, order)).toBeNull();
  });

  it('picks, among identical quotes, the one whose context agrees', () => {
    const saidOnWednesday = anchorOf(story, 'said on Wednesday', 'last');
    const updated = `CORRECTION appended.\n\n${story}`;
    const result = anchorQuote(updated, saidOnWednesday);
    expect(result).toEqual({ start: saidOnWednesday.start + 22, end: saidOnWednesday.end + 22, method: 'quote' });
    const governor = anchorOf(story, 'said on Wednesday', 'first');
    expect(anchorQuote(updated, governor)?.start).toBe(governor.start + 22);
  });

  it('does not trust the stored position when the quote there has lost its context', () => {
    const before = 'Police said 30 people were arrested. The mayor said the bridge would reopen.';
    const after = 'The mayor said the bridge would reopen. Police said 30 people were arrested.';
    const mayorSaid = anchorOf(before, 'said the bridge');
    const anchor = describeRange(before, mayorSaid.start, mayorSaid.start + 'said'.length);
    // After the sentences swap, the old offsets hold the police's "said", not the mayor's.
    expect(after.slice(anchor.start, anchor.end)).toBe('said');
    const mayorNow = after.indexOf('said the bridge');
    expect(anchorQuote(after, anchor)).toEqual({ start: mayorNow, end: mayorNow + 4, method: 'quote' });
  });

  it('anchors quotes at the very start and the very end after the text grows in the middle', () => {
    const first = anchorOf(story, 'HARLAN BAY, 12 February 2025');
    const last = anchorOf(story, 'officials warned the toll could rise.');
    expect(last.end).toBe(story.length);
    const middle = story.indexOf('\n\nGovernor');
    const grown = `${story.slice(0, middle)}\n\nFire crews from three towns joined the effort.${story.slice(middle)}`;
    expect(anchorQuote(grown, first)).toEqual({ start: 0, end: first.end, method: 'position' });
    expect(anchorQuote(grown, last)).toEqual({ start: grown.length - last.exact.length, end: grown.length, method: 'quote' });
  });

  it('finds nothing in an empty text, and nothing for an empty quote', () => {
    expect(anchorQuote('', toll)).toBeNull();
    expect(anchorQuote(story, describeRange(story, 5, 5))).toBeNull();
  });
});

describe('anchorAll', () => {
  it('anchors what it can and lists the rest as orphans, dropping nothing', () => {
    const items = [
      { id: 7, anchor: anchorOf(story, 'At least 164 people were killed') },
      { id: 8, anchor: anchorOf(story, '"We will find out who gave that order."') },
      { id: 9, anchor: anchorOf(story, 'declared three days of mourning') },
    ];
    const edited = story.replace(' "We will find out who gave that order."', '').replace('164', '225');
    const { anchored, orphans } = anchorAll(edited, items);
    expect(orphans).toEqual([8]);
    expect(anchored.map(({ id, method }) => [id, method])).toEqual([
      [7, 'fuzzy'],
      [9, 'quote'],
    ]);
    expect(anchorAll('', items)).toEqual({ anchored: [], orphans: [7, 8, 9] });
  });
});

describe('anchoring properties', () => {
  // A text and a non-empty range of it.
  const textWithRange = (unit: 'grapheme-ascii' | 'binary') =>
    fc
      .string({ unit, minLength: 1, maxLength: 300 })
      .chain((text) =>
        fc
          .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 }))
          .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
      );

  it('finds an unchanged range exactly where it was', () => {
    fc.assert(
      fc.property(textWithRange('grapheme-ascii'), ({ text, start, end }) => {
        expect(anchorQuote(text, describeRange(text, start, end))).toEqual({ start, end, method: 'position' });
      }),
      { numRuns: 200 },
    );
  });

  const withInsertion = (unit: 'grapheme-ascii' | 'binary') =>
    textWithRange(unit).chain((base) =>
      fc
        .record({ inserted: fc.string({ unit, minLength: 1, maxLength: 60 }), before: fc.boolean(), at: fc.nat() })
        .map(({ inserted, before, at }) => {
          // Insert before the range (at 0..start) or after it (at end..length).
          const where = before ? at % (base.start + 1) : base.end + (at % (base.text.length - base.end + 1));
          const text = base.text.slice(0, where) + inserted + base.text.slice(where);
          const shift = where <= base.start ? inserted.length : 0;
          return { ...base, edited: text, expected: { start: base.start + shift, end: base.end + shift } };
        }),
    );

  it('still finds the quote after text is inserted outside it', () => {
    fc.assert(
      fc.property(withInsertion('grapheme-ascii'), ({ text, start, end, edited }) => {
        const anchor = describeRange(text, start, end);
        const result = anchorQuote(edited, anchor);
        expect(quotedBy(edited, result)).toBe(anchor.exact);
      }),
      { numRuns: 200 },
    );
  });

  it('finds it at the shifted place when the quote occurs once', () => {
    fc.assert(
      fc.property(withInsertion('binary'), ({ text, start, end, edited, expected }) => {
        const anchor = describeRange(text, start, end);
        // A repeated quote with the same context is genuinely ambiguous; that case is tested above.
        fc.pre(edited.indexOf(anchor.exact) === edited.lastIndexOf(anchor.exact));
        expect(anchorQuote(edited, anchor)).toMatchObject(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('anchoring on a long article', () => {
  // Filler paragraphs that never contain the quotes below, longer in all than the search window.
  const filler = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => `Paragraph ${from + i} of the council minutes lists the items carried over to the next session.`).join('\n\n');
  const fire = 'At least 164 people were killed when a fire swept through the Old Quay market overnight.';
  const arrests = "Police have arrested 23 people, among them the market's owner.";
  const before = [filler(0, 150), fire, arrests, filler(150, 150)].join('\n\n');
  const fireAnchor = anchorOf(before, fire);
  const arrestsAnchor = anchorOf(before, arrests);
  // The two paragraphs move from the middle of the article to its end, far beyond the window.
  const moved = [filler(0, 150), filler(150, 150), fire, arrests].join('\n\n');

  it('finds a quote that moved far away, by searching the whole text when the window misses', () => {
    expect(Math.abs(moved.indexOf(fire) - fireAnchor.start)).toBeGreaterThan(2 * EXACT_WINDOW);
    expect(anchorQuote(moved, fireAnchor)).toEqual({ start: moved.indexOf(fire), end: moved.indexOf(fire) + fire.length, method: 'quote' });
  });

  it('finds an edited quote that moved far away, approximately, in the whole text', () => {
    const edited = moved.replace('At least 164 people', 'At least 225 people');
    const result = anchorQuote(edited, fireAnchor);
    expect(result?.method).toBe('fuzzy');
    expect(quotedBy(edited, result)).toBe(fire.replace('164', '225'));
  });

  it('takes the quote edited in place over the same words elsewhere in another context', () => {
    const said = 'the governor said';
    const text = `${filler(0, 40)}\n\nOn Monday the governor said the port would reopen.\n\n${filler(40, 40)}`;
    const anchor = anchorOf(text, said);
    // The words are corrected in place, and occur word for word in a new paragraph far away.
    const edited = `${text.replace('the governor said the port', 'the governors said the port')}\n\n${filler(80, 100)}\n\nLater the governor said nothing.`;
    const result = anchorQuote(edited, anchor);
    expect(result?.method).toBe('fuzzy');
    expect(quotedBy(edited, result)).toBe('the governors said');
  });

  it('prefers, between equally good occurrences, the one nearest the stored position', () => {
    const line = 'UPDATE: The coastguard says two more boats have reached the harbour.';
    const text = `${line}\n\n${filler(0, 200)}\n\n${line}`;
    const second = describeRange(text, text.lastIndexOf(line), text.length);
    const first = describeRange(text, 0, line.length);
    // Both occurrences have no prefix-or-suffix difference once a heading is added to the top.
    const grown = `Live updates\n\n${text}`;
    expect(anchorQuote(grown, { ...second, prefix: '', suffix: '' })?.start).toBe(grown.lastIndexOf(line));
    expect(anchorQuote(grown, { ...first, prefix: '', suffix: '' })?.start).toBe(grown.indexOf(line));
  });

  it('anchorAll follows a moved passage, each quote looked for where the one before it went', () => {
    const quotes = [fireAnchor, arrestsAnchor];
    const { anchored, orphans } = anchorAll(
      moved,
      quotes.map((anchor, id) => ({ id, anchor })),
    );
    expect(orphans).toEqual([]);
    expect(anchored.map((a) => moved.slice(a.start, a.end))).toEqual([fire, arrests]);
    expect(anchored.map((a) => a.method)).toEqual(['quote', 'quote']);
  });

  it('anchorAll gives the same answers as anchoring each quote on its own', () => {
    const edited = moved.replace('arrested 23', 'arrested 31').replace('Paragraph 12 ', 'Paragraph twelve ');
    const quotes = [anchorOf(before, 'Paragraph 7 of the council'), fireAnchor, arrestsAnchor, anchorOf(before, 'Paragraph 299 of the council')];
    const { anchored } = anchorAll(
      edited,
      quotes.map((anchor, id) => ({ id, anchor })),
    );
    expect(anchored.map(({ start, end, method }) => ({ start, end, method }))).toEqual(quotes.map((anchor) => anchorQuote(edited, anchor)));
  });
});
