/**
 * Metadata values as files write them, turned into what a document stores: one-line text of
 * bounded length, dates as `YYYY-MM-DD`, http(s) addresses only, BCP 47 language tags. Each
 * function returns undefined for a value it cannot make sense of, so the caller simply tries
 * the next source.
 */

/** Longest title, author or publication name kept. */
export const MAX_META_CHARS = 300;
/** Longest address kept. */
export const MAX_URL_CHARS = 2048;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Text on one line, spaces collapsed, cut at `max` characters (whole words, with an ellipsis). */
export function cleanText(value: unknown, max = MAX_META_CHARS): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.slice(0, max * 4).replace(/[\s\p{Cc}]+/gu, ' ').trim();
  if (text === '') return undefined;
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // A cut just before a space is already at a word's end.
  const space = text[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd().replace(/[\uD800-\uDBFF]$/, '')}…`;
}

/**
 * A date as `YYYY-MM-DD`. Understands ISO 8601 (`2024-06-02`, `2024-06-02T09:30:00+02:00`:
 * the date as the publisher wrote it, not moved to another time zone), `2024/06/02`,
 * `20240602`, `2 June 2024`, `June 2, 2024` and PDF dates (`D:20240602…`).
 */
export function normaliseDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().slice(0, 80);
  let match = /^(?:D:)?(\d{4})[-/]?(\d{2})[-/]?(\d{2})(?:$|[T\s_]|\d{2})/.exec(text);
  if (match !== null) return calendarDate(match[1], match[2], match[3]);
  match = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})\b/.exec(text);
  if (match !== null) return calendarDate(match[3], monthNumber(match[2]), match[1]);
  match = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (match !== null) return calendarDate(match[3], monthNumber(match[1]), match[2]);
  return undefined;
}

function monthNumber(name: string | undefined): string | undefined {
  const index = MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase());
  return index < 0 ? undefined : String(index + 1);
}

function calendarDate(year: string | undefined, month: string | undefined, day: string | undefined): string | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (!Number.isInteger(y) || y < 1000 || y > 9999 || !(m >= 1 && m <= 12) || !(d >= 1)) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * An absolute http(s) address, resolved against `base` when relative, without user name or
 * password; undefined for anything else (javascript:, data:, file:, …).
 */
export function normaliseUrl(value: unknown, base?: string | null): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || text.length > MAX_URL_CHARS) return undefined;
  let url: URL;
  try {
    url = base ? new URL(text, base) : new URL(text);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  return url.href.length > MAX_URL_CHARS ? undefined : url.href;
}

/** A BCP 47 language tag in its canonical form (`en_us` → `en-US`), or undefined. */
export function normaliseLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/_/g, '-').split(/[\s,;]/)[0] ?? '';
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(text) || text.length > 35) return undefined;
  try {
    return Intl.getCanonicalLocales(text)[0];
  } catch {
    return undefined;
  }
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The common character references in text taken from markup or JSON ("Q&amp;A", "&#8217;"):
 * XML's five, `&nbsp;` and numeric ones. The result is only ever used as text.
 */
export function decodeEntities(value: string | undefined): string | undefined {
  if (value === undefined || !value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
