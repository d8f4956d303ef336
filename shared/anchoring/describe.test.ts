import { describe, expect, it } from 'vitest';
import { describeRange } from './describe';

const wire = 'PORT ELSWICK, 3 May 2024 (Meridian Wire) — At least 164 people died when the ferry capsized.';

describe('describeRange', () => {
  it('keeps the quote, 32 code units of context on each side, and the offsets', () => {
    const start = wire.indexOf('At least 164');
    const end = start + 'At least 164 people died'.length;
    expect(describeRange(wire, start, end)).toEqual({
      exact: 'At least 164 people died',
      prefix: wire.slice(start - 32, start),
      suffix: ' when the ferry capsized.',
      start,
      end,
    });
  });

  it('keeps shorter context at the edges of the text', () => {
    const anchor = describeRange(wire, 0, 'PORT ELSWICK'.length);
    expect(anchor.prefix).toBe('');
    expect(anchor.suffix).toBe(', 3 May 2024 (Meridian Wire) — A');
    expect(describeRange(wire, wire.length - 9, wire.length).suffix).toBe('');
  });

  it('does not cut a surrogate pair in the context', () => {
    const text = `🚢${'x'.repeat(31)}Ferry capsized${'y'.repeat(31)}🚢`;
    const start = text.indexOf('Ferry');
    const anchor = describeRange(text, start, start + 'Ferry capsized'.length);
    // 32 code units either way would end inside an emoji, so one fewer is kept.
    expect(anchor.prefix).toBe('x'.repeat(31));
    expect(anchor.suffix).toBe('y'.repeat(31));
  });

  it('rejects a range outside the text', () => {
    expect(() => describeRange(wire, 10, 5)).toThrow(RangeError);
    expect(() => describeRange(wire, 0, wire.length + 1)).toThrow(RangeError);
  });
});
