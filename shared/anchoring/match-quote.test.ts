import { describe, expect, it } from 'vitest';
import {
  contextAgreement,
  EXACT_WINDOW,
  findExact,
  findFuzzyAnywhere,
  findFuzzyNear,
  FUZZY_WINDOW,
  matchExactQuote,
  matchFuzzyQuote,
  maxFuzzyErrors,
  MAX_FUZZY_ERRORS,
  mergeRanges,
  windowAround,
} from './match-quote';

// A fictional live blog: the same update line is posted more than once, as such pages do.
const update = 'UPDATE: The coastguard says two more boats have reached the harbour.';
const liveBlog = [
  '09:10 — The ferry Saint Aubin left Port Elswick with 212 passengers on board.',
  `09:40 — ${update}`,
  '10:05 — Officials at the port declined to comment on the weather warning.',
  `10:30 — ${update}`,
  '11:00 — The regional governor is expected to speak at noon.',
].join('\n\n');

const noContext = { prefix: '', suffix: '' };

describe('contextAgreement', () => {
  it('is 1 where both sides agree, 0 where neither does, and ignores empty sides', () => {
    const start = liveBlog.indexOf('Officials');
    const end = start + 'Officials'.length;
    expect(contextAgreement(liveBlog, start, end, '10:05 — ', ' at the port')).toBe(1);
    expect(contextAgreement(liveBlog, start, end, 'nothing like it', 'nor this one')).toBe(0);
    expect(contextAgreement(liveBlog, start, end, '', ' at the port')).toBe(1);
    // Three of the five prefix characters next to the quote agree; the empty suffix cannot disagree.
    expect(contextAgreement(liveBlog, start, end, 'xx — ', '')).toBeCloseTo((3 / 5 + 1) / 2);
  });
});

describe('matchExactQuote', () => {
  it('finds the occurrence whose context agrees, wherever the hint points', () => {
    const second = liveBlog.lastIndexOf(update);
    const match = matchExactQuote(liveBlog, update, { prefix: '10:30 — ', suffix: '', hint: 0 });
    expect(match?.start).toBe(second);
    expect(match?.errors).toBe(0);
  });

  it('breaks a tie in context by distance from the hint', () => {
    const first = liveBlog.indexOf(update);
    const second = liveBlog.lastIndexOf(update);
    expect(matchExactQuote(liveBlog, update, { ...noContext, hint: first + 3 })?.start).toBe(first);
    expect(matchExactQuote(liveBlog, update, { ...noContext, hint: second - 3 })?.start).toBe(second);
  });

  it('prefers an occurrence near the hint to an equally good one far away', () => {
    const filler = 'The harbour was quiet for most of the morning. '.repeat(Math.ceil((3 * EXACT_WINDOW) / 47));
    const text = `${update} ${filler}${update}`;
    const far = text.lastIndexOf(update);
    expect(matchExactQuote(text, update, { ...noContext, hint: far - 10 })?.start).toBe(far);
    expect(matchExactQuote(text, update, { ...noContext, hint: 10 })?.start).toBe(0);
  });

  it('looks beyond the window when the quote is not near the hint', () => {
    const filler = 'x'.repeat(3 * EXACT_WINDOW);
    const text = `${filler}${update}`;
    expect(matchExactQuote(text, update, { ...noContext, hint: 0 })?.start).toBe(filler.length);
  });

  it('finds nothing in an empty text, and never an empty quote', () => {
    expect(matchExactQuote('', update, { ...noContext, hint: 0 })).toBeNull();
    expect(matchExactQuote(liveBlog, '', { ...noContext, hint: 0 })).toBeNull();
    expect(matchExactQuote(liveBlog, 'The ferry sank', { ...noContext, hint: 0 })).toBeNull();
  });
});

describe('matchFuzzyQuote', () => {
  const quote = 'The ferry Saint Aubin left Port Elswick with 212 passengers on board.';
  const context = { prefix: '09:10 — ', suffix: '\n\n09:40 — UPDATE: The coastguard', hint: 8 };

  it('finds a quote whose figure was corrected, at the corrected text', () => {
    const corrected = liveBlog.replace('212 passengers', '198 passengers');
    const match = matchFuzzyQuote(corrected, quote, context);
    expect(match).not.toBeNull();
    expect(corrected.slice(match!.start, match!.end)).toBe(quote.replace('212', '198'));
    expect(match!.errors).toBe(3);
  });

  it('refuses text that is merely similar in shape', () => {
    const unrelated = 'The train from Harlan Bay reached Ostmere with 40 commuters aboard, late.';
    expect(matchFuzzyQuote(unrelated, quote, context)).toBeNull();
  });

  it('anchors a short edited quote only where its context agrees', () => {
    const text = 'Turnout was 64% in the north and 71% in the south, the commission said.';
    const edited = text.replace('64%', '65%');
    const where = { prefix: 'Turnout was ', suffix: ' in the north', hint: 12 };
    const match = matchFuzzyQuote(edited, '64%', where);
    expect(match && edited.slice(match.start, match.end)).toBe('65%');
    expect(matchFuzzyQuote(edited, '64%', { prefix: 'Support stood at ', suffix: ' among voters', hint: 12 })).toBeNull();
    expect(matchFuzzyQuote(edited, '64%', { ...noContext, hint: 12 })).toBeNull();
  });

  it('caps the edits allowed for a long quote', () => {
    expect(maxFuzzyErrors('abc')).toBe(1);
    expect(maxFuzzyErrors('a'.repeat(40))).toBe(10);
    expect(maxFuzzyErrors('a'.repeat(10_000))).toBe(MAX_FUZZY_ERRORS);
  });

  it('finds a long quote with a few dozen edits, but not one rewritten beyond the cap', () => {
    const sentence = (i: number) => `Sentence ${i} of the inquiry report describes the events of that night.`;
    const paragraph = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const lightlyEdited = paragraph.replaceAll('inquiry', 'enquiry'); // 40 edits
    const heavilyEdited = paragraph.replaceAll('the events', 'the eventz').replaceAll('night', 'nite.'); // 40 × 4 edits
    const where = { ...noContext, hint: 0 };
    const found = matchFuzzyQuote(lightlyEdited, paragraph, where);
    expect(found).toMatchObject({ start: 0, end: lightlyEdited.length, errors: 40 });
    expect(matchFuzzyQuote(heavilyEdited, paragraph, where)).toBeNull();
  });

  it('finds nothing in an empty text', () => {
    expect(matchFuzzyQuote('', quote, context)).toBeNull();
  });
});

describe('searching a window and the whole text', () => {
  const quote = 'The ferry Saint Aubin left Port Elswick with 212 passengers on board.';
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i}: the harbour office logged no further traffic.`).join('\n');

  it('findExact reads only the range it is given', () => {
    const text = `${filler(200)}\n${quote}`;
    const at = text.indexOf(quote);
    expect(findExact(text, quote, { ...noContext, hint: 0 }, windowAround(0, quote))).toBeNull();
    expect(findExact(text, quote, { ...noContext, hint: 0 }, windowAround(at - 100, quote))?.start).toBe(at);
    expect(findExact(text, quote, { ...noContext, hint: 0 })?.start).toBe(at);
  });

  it('findFuzzyNear widens from the narrow window to the wide one before giving up', () => {
    const text = `${filler(40)}\n${quote.replace('212', '198')}`;
    const at = text.indexOf('The ferry');
    const context = { prefix: '', suffix: '', hint: at - 3000 };
    expect(at - 3000 + quote.length + FUZZY_WINDOW).toBeLessThan(at);
    expect(findFuzzyNear(text, quote, context, [at - 3000])?.start).toBe(at);
    expect(findFuzzyNear(text, quote, context, [at - 3 * EXACT_WINDOW])).toBeNull();
  });

  it('findFuzzyAnywhere finds an edited quote far from the hint, where pieces of its passage occur', () => {
    const prefix = '09:10 — ';
    const suffix = '\n\n09:40 — UPDATE: The coastguard';
    const text = `${filler(3000)}\n${prefix}${quote.replace('212', '198')}${suffix}\n${filler(100)}`;
    const match = findFuzzyAnywhere(text, quote, { prefix, suffix, hint: 0 });
    expect(match?.start).toBe(text.indexOf('The ferry'));
    expect(match?.errors).toBe(3);
  });

  it('mergeRanges joins overlapping ranges and sorts them', () => {
    expect(mergeRanges([{ from: 50, to: 60 }, { from: 0, to: 10 }, { from: 5, to: 20 }])).toEqual([{ from: 0, to: 20 }, { from: 50, to: 60 }]);
  });
});
