/**
 * Validators for the records a user edits: documents' metadata, sources, speakers, claims,
 * verdicts, tags, profiles, and the claim filter.
 */
import { z } from 'zod';
import {
  ATTRIBUTION_KINDS,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  HISTORY_ENTITIES,
  HOP_ROLES,
  QUEUE_ORDERS,
  RELIABILITIES,
  SOURCE_ROLES,
  SOURCE_SORTS,
  SOURCE_TYPES,
  SPEAKER_KINDS,
} from '../../domain';
import { hexColor, id, isoDate, optionalText, partialDate, requiredText, webUrl } from './common';

export const documentMetaPatchSchema = z
  .object({
    title: requiredText(500, 'a title').optional(),
    publication: optionalText(300).optional(),
    author: optionalText(300).optional(),
    url: webUrl.optional(),
    publishedOn: isoDate.optional(),
  })
  .strict();

export const sourceFieldsSchema = z
  .object({
    type: z.enum(SOURCE_TYPES),
    title: requiredText(500, 'a title'),
    publisher: optionalText(300),
    authors: z.array(requiredText(300, 'an author name')).max(50).readonly(),
    issued: partialDate,
    accessed: partialDate,
    url: webUrl,
    language: optionalText(35),
    notes: optionalText(20_000),
    reliability: z.enum(RELIABILITIES),
    reliabilityReason: optionalText(2000),
    confidential: z.boolean(),
  })
  .strict();

export const speakerFieldsSchema = z
  .object({
    kind: z.enum(SPEAKER_KINDS),
    name: requiredText(300, 'a name'),
    role: optionalText(300),
    affiliation: optionalText(300),
    externalId: optionalText(100),
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

// "An existing record or a new one" is validated as one object with exactly one of the two
// keys rather than a union, so that a bad field of a new record (a javascript: URL) is reported
// by name instead of as "Invalid input".
const sourceRef = z
  .object({ sourceId: id.optional(), newSource: sourceFieldsSchema.optional() })
  .strict()
  .refine((r) => (r.sourceId === undefined) !== (r.newSource === undefined), { message: 'name one source: an existing one or a new one' })
  .transform((r): { sourceId: number } | { newSource: NonNullable<typeof r.newSource> } => (r.sourceId !== undefined ? { sourceId: r.sourceId } : { newSource: r.newSource! }));
const speakerRef = z
  .object({ speakerId: id.optional(), newSpeaker: speakerFieldsSchema.optional() })
  .strict()
  .refine((r) => (r.speakerId === undefined) !== (r.newSpeaker === undefined), { message: 'name one speaker: an existing one or a new one' })
  .transform((r): { speakerId: number } | { newSpeaker: NonNullable<typeof r.newSpeaker> } => (r.speakerId !== undefined ? { speakerId: r.speakerId } : { newSpeaker: r.newSpeaker! }));

export const claimInputSchema = z
  .object({
    sources: z
      .array(z.object({ source: sourceRef, role: z.enum(SOURCE_ROLES), pinpoint: optionalText(500) }).strict())
      .max(50, 'at most 50 sources per claim')
      .readonly(),
    attribution: z
      .object({
        kind: z.enum(ATTRIBUTION_KINDS),
        chain: z
          .array(z.object({ speaker: speakerRef, role: z.enum(HOP_ROLES), reliability: z.enum(RELIABILITIES) }).strict())
          .max(10, 'an attribution chain has at most 10 hops')
          .readonly(),
      })
      .strict(),
    claimType: z.union([z.enum(CLAIM_TYPES), z.null()]),
    verdictId: id,
    confidence: z.number().int('confidence must be a whole number').min(0).max(100),
    rationale: optionalText(20_000),
    status: z.enum(CLAIM_STATUSES),
    note: optionalText(20_000),
    tagIds: z.array(id).max(100).readonly(),
    newTags: z.array(requiredText(100, 'a tag name')).max(20).readonly(),
  })
  .strict();

const ids = z.array(id).max(1000).readonly();
export const claimFilterSchema = z
  .object({
    documentId: id.optional(),
    text: z.string().max(500).optional(),
    verdictIds: ids.optional(),
    tagIds: ids.optional(),
    sourceIds: ids.optional(),
    sourceReliabilities: z.array(z.enum(RELIABILITIES)).readonly().optional(),
    speakerIds: ids.optional(),
    statuses: z.array(z.enum(CLAIM_STATUSES)).readonly().optional(),
    claimTypes: z.array(z.enum(CLAIM_TYPES)).readonly().optional(),
    confidenceMin: z.number().int().min(0).max(100).optional(),
    confidenceMax: z.number().int().min(0).max(100).optional(),
    authorIds: ids.optional(),
    deleted: z.boolean().optional(),
  })
  .strict();

export const verdictFieldsSchema = z.object({ label: requiredText(60, 'a label'), color: hexColor }).strict();

export const tagFieldsSchema = z
  .object({ name: requiredText(100, 'a name'), parentId: z.union([id, z.null()]), color: z.union([hexColor, z.null()]) })
  .strict();

export const profileFieldsSchema = z
  .object({
    name: requiredText(100, 'a name'),
    initials: requiredText(3, 'initials').regex(/^\p{L}{1,3}$/u, 'initials are one to three letters'),
    color: hexColor,
  })
  .strict();

export const sourceListSchema = z
  .object({ query: z.string().max(200).optional(), sort: z.enum(SOURCE_SORTS).optional(), includeDeleted: z.boolean().optional() })
  .strict();

export const historyQuerySchema = z
  .object({ entity: z.enum(HISTORY_ENTITIES).optional(), entityId: id.optional(), claimId: id.optional(), limit: z.number().int().min(1).max(1000).optional() })
  .strict();

/** A new review session: a title, blind or not, the listed claims and the order of the queue. */
export const newReviewSessionSchema = z
  .object({
    title: z.string().max(200, 'a session title is at most 200 characters'),
    blind: z.boolean(),
    claimIds: z.array(id).max(5000, 'a session holds at most 5,000 claims').readonly(),
    order: z.enum(QUEUE_ORDERS),
  })
  .strict();

/** A reviewer's vote. */
export const voteInputSchema = z
  .object({ verdictId: id, confidence: z.number().int().min(0).max(100), comment: z.union([z.string().max(5000), z.null()]) })
  .strict();

/** The lead's sign-off on a claim. */
export const decisionInputSchema = z
  .object({ verdictId: id, confidence: z.number().int().min(0).max(100), reason: z.union([z.string().max(5000), z.null()]) })
  .strict();
