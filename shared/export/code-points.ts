/**
 * Offsets in two units. The domain counts UTF-16 code units (what JavaScript strings index);
 * the W3C Web Annotation TextPositionSelector counts Unicode code points, so an emoji such as
 * "🌊" is 2 units but 1 code point. CJK characters of the Basic Multilingual Plane are 1 of each.
 * A lone surrogate counts as one code point, as `String.prototype.codePointAt` treats it.
 */

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Length in UTF-16 units of the code point starting at `i` (2 for a surrogate pair, else 1). */
function unitsAt(text: string, i: number): number {
  return isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}

/**
 * The code-point offset of UTF-16 offset `utf16` in `text`. An offset that falls inside a
 * surrogate pair counts that whole code point as before it. Throws a RangeError outside 0…length.
 */
export function utf16ToCodePointOffset(text: string, utf16: number): number {
  if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > text.length) {
    throw new RangeError(`UTF-16 offset ${utf16} is outside 0…${text.length}`);
  }
  let count = 0;
  for (let i = 0; i < utf16; i += unitsAt(text, i)) count += 1;
  return count;
}

/** The UTF-16 offset of code-point offset `codePoint` in `text`. Throws a RangeError past the end. */
export function codePointToUtf16Offset(text: string, codePoint: number): number {
  if (!Number.isInteger(codePoint) || codePoint < 0) {
    throw new RangeError(`code-point offset ${codePoint} is negative or not an integer`);
  }
  let i = 0;
  for (let count = 0; count < codePoint; count += 1) {
    if (i >= text.length) throw new RangeError(`code-point offset ${codePoint} is past the end of the text`);
    i += unitsAt(text, i);
  }
  return i;
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  return utf16ToCodePointOffset(text, text.length);
}
