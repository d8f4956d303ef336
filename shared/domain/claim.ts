/**
 * Claims. A claim is anchored by W3C Web Annotation selectors on its document's plain text (a
 * TextQuoteSelector — exact, prefix, suffix — and a TextPositionSelector — start, end) and
 * carries the desk's whole record of it: sources with their role, the attribution chain, the
 * claim type, the verdict with confidence and rationale, the status, tags and a note.
 *
 * The form sends a `ClaimInput`, which may name sources and speakers that do not exist yet
 * (typed in the form); main creates them in the same transaction as the claim, so a cancelled
 * or refused save leaves nothing behind. Main answers with a `Claim`, whose links are resolved.
 */
import type { SourceFields, SourceSummary, Reliability } from './source';
import type { Attribution, AttributionKind, HopRole, SpeakerFields } from './speaker';

/** W3C TextQuoteSelector + TextPositionSelector, flattened. Offsets are UTF-16 code units. */
export interface TextAnchor {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
}

/** What kind of statement a claim is. */
export const CLAIM_TYPES = ['statistic', 'quote', 'event', 'causal', 'prediction', 'opinion'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** Labels shown to users for each claim type. */
export const CLAIM_TYPE_LABELS: Record<ClaimType, string> = {
  statistic: 'Statistic',
  quote: 'Quote',
  event: 'Event',
  causal: 'Causal claim',
  prediction: 'Prediction',
  opinion: 'Opinion (not checkable)',
};

/** Where a claim is in the desk's work. */
export const CLAIM_STATUSES = ['open', 'in-review', 'settled'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Labels shown to users for each status. */
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  open: 'Open',
  'in-review': 'In review',
  settled: 'Settled',
};

/** What a cited source does for a claim. */
export const SOURCE_ROLES = ['origin', 'supporting', 'contradicting', 'context'] as const;
export type SourceRole = (typeof SOURCE_ROLES)[number];

/** Labels shown to users for each source role. */
export const SOURCE_ROLE_LABELS: Record<SourceRole, string> = {
  origin: 'Origin',
  supporting: 'Supporting',
  contradicting: 'Contradicting',
  context: 'Context',
};

/** A source as cited by a claim. */
export interface ClaimSourceLink {
  readonly source: SourceSummary;
  readonly role: SourceRole;
  /** Page, timestamp or quote within the source. */
  readonly pinpoint: string | null;
}

/** A claim as stored. `deletedAt` is set while the claim is in the bin (restorable). */
export interface Claim {
  readonly id: number;
  /**
   * A random UUID given when the claim is created and never changed: the same claim in two
   * copies of a project has the same uid (ids are row numbers of one file).
   */
  readonly uid: string;
  readonly documentId: number;
  readonly anchor: TextAnchor;
  readonly sources: readonly ClaimSourceLink[];
  readonly attribution: Attribution;
  readonly claimType: ClaimType | null;
  readonly verdictId: number;
  /** 0–100. */
  readonly confidence: number;
  readonly rationale: string | null;
  readonly status: ClaimStatus;
  readonly note: string | null;
  readonly tagIds: readonly number[];
  /** Claims linked as "the same claim" in several documents share a group id. */
  readonly groupId: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
  /** The profile that created it. */
  readonly createdBy: number | null;
  /** The id (IRI) of the W3C annotation it was imported from; null for a claim made here. */
  readonly importedFrom: string | null;
}

/** A source named in the form: an existing one, or a new one to create with the claim. */
export type SourceRefInput = { readonly sourceId: number } | { readonly newSource: SourceFields };

/** A speaker named in the form: an existing one, or a new one to create with the claim. */
export type SpeakerRefInput = { readonly speakerId: number } | { readonly newSpeaker: SpeakerFields };

/** A cited source as the form sends it. */
export interface ClaimSourceInput {
  readonly source: SourceRefInput;
  readonly role: SourceRole;
  readonly pinpoint: string | null;
}

/** A hop of the attribution chain as the form sends it. */
export interface AttributionHopInput {
  readonly speaker: SpeakerRefInput;
  readonly role: HopRole;
  readonly reliability: Reliability;
}

/** Everything the claim form sends. `newTags` are free tags, created at the top of the vocabulary. */
export interface ClaimInput {
  readonly sources: readonly ClaimSourceInput[];
  readonly attribution: { readonly kind: AttributionKind; readonly chain: readonly AttributionHopInput[] };
  readonly claimType: ClaimType | null;
  readonly verdictId: number;
  readonly confidence: number;
  readonly rationale: string | null;
  readonly status: ClaimStatus;
  readonly note: string | null;
  readonly tagIds: readonly number[];
  readonly newTags: readonly string[];
}

/**
 * Which claims to list. Every field narrows the result; absent fields do not. Lists inside a
 * field are alternatives (any of these verdicts). A tag matches its descendants too.
 */
export interface ClaimFilter {
  readonly documentId?: number;
  readonly text?: string;
  readonly verdictIds?: readonly number[];
  readonly tagIds?: readonly number[];
  readonly sourceIds?: readonly number[];
  readonly sourceReliabilities?: readonly Reliability[];
  readonly speakerIds?: readonly number[];
  readonly statuses?: readonly ClaimStatus[];
  readonly claimTypes?: readonly ClaimType[];
  readonly confidenceMin?: number;
  readonly confidenceMax?: number;
  readonly authorIds?: readonly number[];
  /** List the bin (deleted claims) instead of live claims. */
  readonly deleted?: boolean;
}

/** A full-text search hit. Snippets mark matches with SNIPPET_OPEN / SNIPPET_CLOSE. */
export interface SearchHit {
  readonly kind: 'document' | 'claim' | 'source';
  readonly documentId: number | null;
  readonly claimId: number | null;
  readonly sourceId: number | null;
  readonly title: string;
  readonly snippet: string;
}

/** The answer to a search: its best hits, and whether only the newest matches were ranked. */
export interface SearchResults {
  readonly hits: SearchHit[];
  /**
   * Null when every match was ranked; otherwise how many of the newest matches of each kind
   * were (a kind — articles, claims, sources — had more): older matches may be missing from
   * the hits until more is typed.
   */
  readonly bound: number | null;
}

/** Marks the start of a matched word in a search snippet. */
export const SNIPPET_OPEN = '\u0002';
/** Marks the end of a matched word in a search snippet. */
export const SNIPPET_CLOSE = '\u0003';
