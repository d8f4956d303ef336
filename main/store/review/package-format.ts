/**
 * Reading a review package file: bytes → a checked `ReviewPackage`, or AppError naming the
 * problem ('bad-file' for anything malformed or not a package, 'newer-version' for a package
 * written by a newer Claimdesk, 'too-large' over the cap). Nothing here touches a project, so
 * a refused file changes nothing.
 *
 * The schema is strict: unknown fields, wrong types, overlong text, uids repeated within the
 * package and lists past their caps are refused, so the merge only ever meets well-formed data.
 */
import { z } from 'zod';
import {
  ATTRIBUTION_KINDS,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  HOP_ROLES,
  MAX_PACKAGE_BYTES,
  MERGE_FIELDS,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  RELIABILITIES,
  SOURCE_ROLES,
  type FieldValue,
  type MergeField,
  type ReviewPackage,
} from '../../../shared/domain';
import { sourceFieldsSchema, speakerFieldsSchema, textAnchorSchema } from '../../../shared/ipc/schemas/record';
import { AppError } from '../../../shared/result';

const MAX_ITEMS = 100_000;
const uid = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'an identifier of 8 to 64 letters, digits and dashes');
const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'a UTC timestamp');
const text = (max: number) => z.string().max(max);
const optional = (max: number) => z.union([text(max), z.null()]);
const confidence = z.number().int().min(0).max(100);
const verdictKey = z.string().min(1).max(100);

const person = z
  .object({
    uid,
    name: z.string().trim().min(1).max(200),
    initials: z.string().trim().min(1).max(3),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1a7f37'),
  })
  .strict();

const session = z
  .object({
    uid,
    title: z.string().trim().min(1).max(200),
    blind: z.boolean(),
    lead: person,
    createdAt: timestamp,
    closedAt: z.union([timestamp, z.null()]),
    claimUids: z.array(uid).max(5000),
  })
  .strict();

const vote = z
  .object({
    uid,
    sessionUid: uid,
    claimUid: uid,
    verdictKey,
    confidence,
    comment: optional(5000),
    castAt: timestamp,
    base: z.union([z.object({ verdictKey, confidence, comment: optional(5000) }).strict(), z.null()]),
  })
  .strict();

const comment = z
  .object({
    uid,
    claimUid: uid,
    sessionUid: z.union([uid, z.null()]),
    body: z.string().trim().min(1).max(10_000),
    createdAt: timestamp,
  })
  .strict();

const newClaim = z
  .object({
    uid,
    document: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'), title: text(1000) }).strict(),
    anchor: textAnchorSchema,
    verdictKey,
    confidence,
    rationale: optional(20_000),
    note: optional(20_000),
    status: z.enum(CLAIM_STATUSES),
    claimType: z.union([z.enum(CLAIM_TYPES), z.null()]),
    attribution: z
      .object({
        kind: z.enum(ATTRIBUTION_KINDS),
        chain: z
          .array(z.object({ speaker: speakerFieldsSchema, role: z.enum(HOP_ROLES), reliability: z.enum(RELIABILITIES) }).strict())
          .max(20),
      })
      .strict(),
    sources: z.array(z.object({ source: sourceFieldsSchema, role: z.enum(SOURCE_ROLES), pinpoint: optional(500) }).strict()).max(100),
    tags: z.array(z.array(z.string().trim().min(1).max(100)).min(1).max(10)).max(100),
  })
  .strict();

const fieldValue = z.union([z.string().max(20_000), z.number().int(), z.null()]);

const edit = z
  .object({
    claimUid: uid,
    field: z.enum(MERGE_FIELDS),
    base: fieldValue,
    theirs: fieldValue,
    changes: z.array(z.object({ historyId: z.number().int().positive(), at: timestamp, before: fieldValue }).strict()).max(1000),
  })
  .strict();

const note = z.object({ claimUid: uid, field: z.string().min(1).max(50), description: text(5000) }).strict();

const packageSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    version: z.literal(PACKAGE_VERSION),
    uid,
    madeAt: timestamp,
    madeBy: person,
    generator: text(200),
    sessions: z.array(session).max(1000),
    votes: z.array(vote).max(MAX_ITEMS),
    comments: z.array(comment).max(MAX_ITEMS),
    newClaims: z.array(newClaim).max(MAX_ITEMS),
    edits: z.array(edit).max(MAX_ITEMS),
    notCarried: z.array(note).max(MAX_ITEMS),
  })
  .strict();

/**
 * The package in `bytes` (a file called `name`, for messages). AppError 'too-large',
 * 'bad-file' (not UTF-8 JSON, not a review package, or malformed — the first problem named
 * with where it is), 'newer-version'.
 */
export function readReviewPackage(bytes: Uint8Array, name: string): ReviewPackage {
  if (bytes.byteLength > MAX_PACKAGE_BYTES) {
    throw new AppError('too-large', `“${name}” is larger than the ${MAX_PACKAGE_BYTES / 1024 / 1024} MB a review package may be.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError('bad-file', `“${name}” is not a review package: it is not JSON text.`);
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || Array.isArray(head) || head.format !== PACKAGE_FORMAT) {
    throw new AppError('bad-file', `“${name}” is not a Claimdesk review package.`);
  }
  if (typeof head.version === 'number' && Number.isInteger(head.version) && head.version > PACKAGE_VERSION) {
    throw new AppError(
      'newer-version',
      `“${name}” was made by a newer version of Claimdesk (review package version ${head.version}; this one reads up to ${PACKAGE_VERSION}). Update Claimdesk to merge it.`,
    );
  }
  const parsed = packageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new AppError('bad-file', `“${name}” is a damaged review package${where}: ${issue.message}.`);
  }
  const pkg = parsed.data as ReviewPackage;
  for (const [list, uids] of [
    ['sessions', pkg.sessions.map((s) => s.uid)],
    ['votes', pkg.votes.map((v) => v.uid)],
    ['comments', pkg.comments.map((c) => c.uid)],
    ['new claims', pkg.newClaims.map((c) => c.uid)],
  ] as const) {
    const seen = new Set<string>();
    for (const id of uids) {
      if (seen.has(id)) throw new AppError('bad-file', `“${name}” is a damaged review package: its ${list} list ${id} twice.`);
      seen.add(id);
    }
  }
  const edited = new Set<string>();
  for (const e of pkg.edits) {
    const key = `${e.claimUid} ${e.field}`;
    if (edited.has(key)) throw new AppError('bad-file', `“${name}” is a damaged review package: it edits ${e.field} of one claim twice.`);
    edited.add(key);
    if (!fitsField(e.field, e.base) || !fitsField(e.field, e.theirs)) {
      throw new AppError('bad-file', `“${name}” is a damaged review package: an edit gives ${e.field} a value it cannot have.`);
    }
  }
  return pkg;
}

/** Whether `value` is a value field `field` can have (in a package's form: a verdict by key). */
export function fitsField(field: MergeField, value: FieldValue): boolean {
  switch (field) {
    case 'verdict':
      return typeof value === 'string' && value !== '' && value.length <= 100;
    case 'confidence':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;
    case 'status':
      return (CLAIM_STATUSES as readonly unknown[]).includes(value);
    case 'claimType':
      return value === null || (CLAIM_TYPES as readonly unknown[]).includes(value);
    case 'rationale':
    case 'note':
      return value === null || typeof value === 'string';
  }
}
