/**
 * The IPC contract: for each channel, its argument validator and its result type.
 *
 * Main validates every argument with these schemas before a handler runs (see
 * `main/ipc/dispatcher.ts`); its handler table is checked against `Handlers` at compile time.
 * The preload and the test harness build `window.api` from `CHANNELS` (see `client.ts`).
 */
import { z } from 'zod';
import {
  ATTRIBUTION_KINDS,
  MAX_ARTICLE_CHARS,
  MAX_IMPORT_BYTES,
  type Claim,
  type DocumentRecord,
  type DocumentSummary,
  type Verdict,
} from '../domain';
import type { Channel } from './channels';

const id = z.number().int().positive();
const shortText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** An optional text field: trimmed; empty becomes null. */
const optionalText = (max: number) =>
  z
    .union([shortText(max), z.null()])
    .transform((s) => (s === null || s.trim() === '' ? null : s.trim()));

/** A web address a user typed: only http(s), parsed with URL, never by prefix. */
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

/** A date as YYYY-MM-DD that exists in the calendar. */
const isoDate = z
  .union([z.string().max(10), z.null()])
  .transform((s, ctx) => {
    if (s === null || s.trim() === '') return null;
    const text = s.trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
    if (!m || !d || d.getUTCFullYear() !== +m[1]! || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a date of the form YYYY-MM-DD` });
      return z.NEVER;
    }
    return text;
  });

export const sourceRefSchema = z
  .object({ title: optionalText(500), url: webUrl, note: optionalText(2000) })
  .strict()
  .refine((s) => s.title !== null || s.url !== null || s.note !== null, {
    message: 'a source needs a title, a URL or a note',
  });

export const claimFieldsSchema = z
  .object({
    sources: z.array(sourceRefSchema).max(50, 'at most 50 sources per claim').readonly(),
    attribution: z
      .object({ speaker: optionalText(300), kind: z.enum(ATTRIBUTION_KINDS) })
      .strict(),
    verdictId: id,
    confidence: z.number().int('confidence must be a whole number').min(0).max(100),
    note: optionalText(20_000),
  })
  .strict();

export const textAnchorSchema = z
  .object({
    exact: z.string().min(1, 'the claim must quote some text').max(20_000),
    prefix: z.string().max(200),
    suffix: z.string().max(200),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .strict()
  .refine((a) => a.end > a.start && a.end - a.start === a.exact.length, {
    message: 'anchor positions do not match the quoted text',
  });

export const documentMetaPatchSchema = z
  .object({
    title: z.string().trim().min(1, 'a title is required').max(500).optional(),
    publication: optionalText(300).optional(),
    author: optionalText(300).optional(),
    url: webUrl.optional(),
    publishedOn: isoDate.optional(),
  })
  .strict();

const fileName = z.union([z.string().max(1024), z.null()]);
const none = z.object({}).strict();

/** Argument validators, one per channel. */
export const argSchemas = {
  'project:info': none,
  'documents:list': none,
  'documents:get': z.object({ id }).strict(),
  'documents:importText': z
    .object({ text: z.string().max(MAX_ARTICLE_CHARS, 'the pasted text is too long'), fileName })
    .strict(),
  'documents:importBytes': z
    .object({
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IMPORT_BYTES, {
        message: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
      }),
      fileName,
    })
    .strict(),
  'documents:importDialog': none,
  'documents:openSample': none,
  'documents:updateMeta': z.object({ id, meta: documentMetaPatchSchema }).strict(),
  'verdicts:list': none,
  'claims:list': z.object({ documentId: id, includeDeleted: z.boolean().optional() }).strict(),
  'claims:create': z.object({ documentId: id, anchor: textAnchorSchema, fields: claimFieldsSchema }).strict(),
  'claims:update': z.object({ id, fields: claimFieldsSchema }).strict(),
  'claims:delete': z.object({ id }).strict(),
  'claims:restore': z.object({ id }).strict(),
} satisfies Record<Channel, z.ZodType>;

/** Information about the open project file. */
export interface ProjectInfo {
  readonly path: string;
  readonly name: string;
}

/** Result types, one per channel. */
export interface Results {
  'project:info': ProjectInfo;
  'documents:list': DocumentSummary[];
  'documents:get': DocumentRecord;
  'documents:importText': DocumentSummary;
  'documents:importBytes': DocumentSummary;
  /** null when the user cancelled the dialog. */
  'documents:importDialog': DocumentSummary | null;
  'documents:openSample': DocumentSummary;
  'documents:updateMeta': DocumentSummary;
  'verdicts:list': Verdict[];
  'claims:list': Claim[];
  'claims:create': Claim;
  'claims:update': Claim;
  'claims:delete': Claim;
  'claims:restore': Claim;
}

/** What the renderer passes (before validation and defaults). */
export type ArgsIn<C extends Channel> = z.input<(typeof argSchemas)[C]>;
/** What a handler receives (after validation). */
export type ArgsOut<C extends Channel> = z.output<(typeof argSchemas)[C]>;

/** The table of main-side handlers; `main/ipc/handlers.ts` must satisfy it. */
export type Handlers = {
  [C in Channel]: (args: ArgsOut<C>) => Results[C] | Promise<Results[C]>;
};
