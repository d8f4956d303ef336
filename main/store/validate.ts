/**
 * Checks the store applies to everything it writes, whoever calls it: the IPC layer validates
 * too, but the store refuses bad data on its own. Each check throws
 * AppError('invalid-argument') with a sentence a user can act on, or returns the value as it
 * is stored (trimmed text, blanks as null, colours in lower case).
 */
import { AppError } from '../../shared/result';

/** The current time as stored in every timestamp column: ISO-8601 UTC with milliseconds. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Throws AppError('invalid-argument', message). */
export function invalid(message: string): never {
  throw new AppError('invalid-argument', message);
}

/** Trims text; empty or whitespace-only becomes null ("empty strings are stored as null"). */
export function blankToNull(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** Optional text: a string (trimmed, blank → null) or null. */
export function optionalText(value: unknown, what: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') invalid(`${what} must be text.`);
  return blankToNull(value);
}

/** Required text, trimmed; `message` when it is missing or blank. */
export function requiredText(value: unknown, message: string): string {
  const text = typeof value === 'string' ? blankToNull(value) : null;
  if (text === null) invalid(message);
  return text;
}

/** One of `allowed`; `what` names the field in the message. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    invalid(`${what} must be one of: ${allowed.join(', ')}.`);
  }
  return value as T;
}

/** A `#rrggbb` colour, returned in lower case. */
export function hexColor(value: unknown, what: string): string {
  if (typeof value !== 'string' || !/^#[0-9a-f]{6}$/iu.test(value)) invalid(`${what} must be a colour like #1a7f37.`);
  return value.toLowerCase();
}

/** A record id: a positive integer. */
export function recordId(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) invalid(`${what} is not a valid id.`);
  return value;
}

/** A list of record ids, without repeats. */
export function recordIds(value: unknown, what: string): number[] {
  if (!Array.isArray(value)) invalid(`${what} must be a list of ids.`);
  return [...new Set(value.map((id) => recordId(id, what)))];
}

/** An http(s) URL or null. */
export function webUrl(value: unknown): string | null {
  const text = optionalText(value, 'The URL');
  if (text === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    invalid(`"${text}" is not a web address; a URL must start with http:// or https://.`);
  }
  return text;
}

/** A date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or null. */
export function partialDate(value: unknown, what: string): string | null {
  const text = optionalText(value, what);
  if (text === null) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(text);
  const month = Number(match?.[2] ?? '1');
  const day = Number(match?.[3] ?? '1');
  if (match === null || month < 1 || month > 12 || day < 1 || day > 31) {
    invalid(`${what} must be a date written YYYY, YYYY-MM or YYYY-MM-DD.`);
  }
  return text;
}

/** A name in the form compared for uniqueness: case-insensitive, with full Unicode case folding. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Text in the form searched by a typed query: case- and accent-insensitive. */
export function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
