import { describe, expect, it } from 'vitest';
import { codePointLength, codePointToUtf16Offset, utf16ToCodePointOffset } from './code-points';

// A fictional headline: an emoji outside the BMP (2 units), a ZWJ sequence, then CJK (1 unit each).
const text = 'Flood 🌊 relief 👩‍⚕️ 据报道 arrives';

describe('code-point offsets', () => {
  it('counts an astral emoji as one code point and CJK as one of each', () => {
    const afterWave = text.indexOf(' relief');
    expect(utf16ToCodePointOffset(text, afterWave)).toBe(afterWave - 1);
    const cjk = text.indexOf('据报道');
    // 🌊 is one surrogate pair; 👩‍⚕️ is 👩 (pair) + ZWJ + ⚕ + VS16: two pairs' worth of extra units.
    expect(utf16ToCodePointOffset(text, cjk)).toBe(cjk - 2);
    expect(utf16ToCodePointOffset(text, cjk + 3) - utf16ToCodePointOffset(text, cjk)).toBe(3);
    expect(codePointLength(text)).toBe([...text].length);
  });

  it('round-trips every offset on a code-point boundary', () => {
    let utf16 = 0;
    [...text].forEach((ch, cp) => {
      expect(utf16ToCodePointOffset(text, utf16)).toBe(cp);
      expect(codePointToUtf16Offset(text, cp)).toBe(utf16);
      utf16 += ch.length;
    });
    expect(codePointToUtf16Offset(text, codePointLength(text))).toBe(text.length);
  });

  it('counts a pair as before an offset that splits it, and a lone surrogate as one', () => {
    const inside = text.indexOf('🌊') + 1;
    expect(utf16ToCodePointOffset(text, inside)).toBe(utf16ToCodePointOffset(text, inside + 1));
    expect(codePointLength('a\ud800b')).toBe(3);
  });

  it('refuses offsets outside the text', () => {
    expect(() => utf16ToCodePointOffset(text, text.length + 1)).toThrow(RangeError);
    expect(() => utf16ToCodePointOffset(text, -1)).toThrow(RangeError);
    expect(() => codePointToUtf16Offset(text, codePointLength(text) + 1)).toThrow(RangeError);
  });
});
