/**
 * Building blocks of the argument validators: ids, text fields that turn blank into null,
 * web addresses parsed with URL, calendar dates, colours.
 */
import { z } from 'zod';

/** A database id. */
export const id = z.number().int().positive();

/** A required text field: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number, what: string) =>
  z.string().trim().min(1, `${what} is required`).max(max, `must be at most ${max} characters`);

/** An optional text field: trimmed; empty becomes null. */
export const optionalText = (max: number) =>
  z
    .union([z.string().max(max, `must be at most ${max} characters`), z.null()])
    .transform((s) => (s === null || s.trim() === '' ? null : s.trim()));

/** A web address a user typed: only http(s), parsed with URL, never by prefix. Blank is null. */
export const webUrl = z
  .union([z.string().max(2048, 'URL is too long'), z.null()])
  .transform((s, ctx) => {
    if (s === null || s.trim() === '') return null;
    const text = s.trim();
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a valid URL` });
      return z.NEVER;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', message: `URL must start with http:// or https:// (got "${parsed.protocol}")` });
      return z.NEVER;
    }
    return parsed.href;
  });

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A full date, YYYY-MM-DD, that exists in the calendar. Blank is null. */
export const isoDate = z
  .union([z.string().max(10), z.null()])
  .transform((s, ctx) => {
    if (s === null || s.trim() === '') return null;
    const text = s.trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m || !isCalendarDate(+m[1]!, +m[2]!, +m[3]!)) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a date of the form YYYY-MM-DD` });
      return z.NEVER;
    }
    return text;
  });

/** A date as precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD. Blank is null. */
export const partialDate = z
  .union([z.string().max(10), z.null()])
  .transform((s, ctx) => {
    if (s === null || s.trim() === '') return null;
    const text = s.trim();
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    const ok = m !== null && (m[2] === undefined || (+m[2] >= 1 && +m[2] <= 12)) && (m[3] === undefined || isCalendarDate(+m[1]!, +m[2]!, +m[3]));
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD` });
      return z.NEVER;
    }
    return text;
  });

/** A colour as `#rrggbb`, stored lower-case. */
export const hexColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'colour must look like #1a7f37')
  .transform((s) => s.toLowerCase());

/** Bytes of a file, at most `max`. */
export const bytesUpTo = (max: number) =>
  z.instanceof(Uint8Array).refine((b) => b.byteLength <= max, { message: `the file is larger than ${Math.round(max / 1024 / 1024)} MB` });

/** An optional file name. */
export const fileName = z.union([z.string().max(1024), z.null()]);

/** No arguments. */
export const none = z.object({}).strict();
