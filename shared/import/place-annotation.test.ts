import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointToUtf16Offset, codePointLength, utf16ToCodePointOffset } from '../export/code-points';
import { codePointConverter, placeQuote } from './place-annotation';

const text = 'Flood 🌊🚁 relief: 据报道 1 200 families 🏠 were evacuated by Tuesday, officials said.';

describe('codePointConverter', () => {
  it('agrees with codePointToUtf16Offset everywhere, and gives null past the end', () => {
    const toUtf16 = codePointConverter(text);
    for (let cp = 0; cp <= codePointLength(text); cp++) expect(toUtf16(cp)).toBe(codePointToUtf16Offset(text, cp));
    expect(toUtf16(codePointLength(text) + 1)).toBeNull();
    expect(toUtf16(-1)).toBeNull();
    expect(toUtf16(2.5)).toBeNull();
  });

  it('agrees on any text, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: fc.constantFrom('\ud800', '\udc00', 'a'), maxLength: 5 }), (a, b) => {
        const s = a + b;
        const toUtf16 = codePointConverter(s);
        for (let cp = 0; cp <= codePointLength(s); cp++) expect(toUtf16(cp)).toBe(codePointToUtf16Offset(s, cp));
      }),
      { numRuns: 200 },
    );
  });
});

describe('placeQuote', () => {
  const toUtf16 = codePointConverter(text);
  const exact = '1 200 families 🏠 were evacuated';
  const start16 = text.indexOf(exact);
  const startCp = utf16ToCodePointOffset(text, start16);

  it('places a quote at its code-point position, described afresh from the text', () => {
    // Context that disagrees on both sides: the position alone is not trusted, the quote is found all the same.
    const placed = placeQuote(text, { exact, prefix: 'whatever the file said', suffix: 'and then some', start: startCp }, toUtf16);
    expect(placed).toMatchObject({ method: 'quote', anchor: { start: start16 } });
    const exactly = placeQuote(text, { exact, prefix: text.slice(start16 - 10, start16), suffix: text.slice(start16 + exact.length, start16 + exact.length + 10), start: startCp }, toUtf16);
    expect(exactly.method).toBe('position');
    expect(exactly.anchor).toMatchObject({ exact, start: start16, end: start16 + exact.length, prefix: text.slice(Math.max(0, start16 - 32), start16) });
  });

  it('finds the quote without a position, or with one past the end', () => {
    for (const start of [null, 10_000]) {
      expect(placeQuote(text, { exact, prefix: '', suffix: '', start }, toUtf16)).toMatchObject({ method: 'quote', anchor: { start: start16 } });
    }
  });

  it('keeps an orphan’s own quote and cut context, with offsets inside the text', () => {
    const missing = 'the dam held and no one was hurt';
    const long = `${'p'.repeat(40)}🏠`;
    const nearEnd = codePointLength(text) - 3;
    const placed = placeQuote(text, { exact: missing, prefix: long, suffix: `🏠${'s'.repeat(40)}`, start: nearEnd }, toUtf16);
    expect(placed.method).toBeNull();
    expect(placed.anchor).toEqual({
      exact: missing,
      prefix: long.slice(-32),
      suffix: `🏠${'s'.repeat(30)}`,
      start: text.length - missing.length,
      end: text.length,
    });
    // A position past the end is no hint: the orphan is kept at the start.
    expect(placeQuote(text, { exact: missing, prefix: '', suffix: '', start: 10_000 }, toUtf16).anchor).toMatchObject({ start: 0, end: missing.length });
    // A cut never leaves half of a surrogate pair.
    const odd = placeQuote(text, { exact: missing, prefix: `🏠${'p'.repeat(31)}`, suffix: `${'s'.repeat(31)}🏠`, start: 3 }, toUtf16);
    expect(odd.anchor).toMatchObject({ prefix: 'p'.repeat(31), suffix: 's'.repeat(31), start: 3, end: 3 + missing.length });
  });
});
