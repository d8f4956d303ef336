/**
 * Speakers are records too — a named official, a ministry, a state broadcaster, an anonymous
 * source — reused across claims. A claim's attribution is a chain of hops: said by the interior
 * ministry → reported by state TV → quoted by a wire agency. Hop 0 is the original speaker.
 */
import type { Reliability } from './source';

/** Kinds of speaker. */
export const SPEAKER_KINDS = ['person', 'organisation', 'government-body', 'media-outlet', 'anonymous'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

/** Labels shown to users for each speaker kind. */
export const SPEAKER_KIND_LABELS: Record<SpeakerKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  'government-body': 'Government body',
  'media-outlet': 'Media outlet',
  anonymous: 'Anonymous',
};

/** The fields of a speaker a user edits. */
export interface SpeakerFields {
  readonly kind: SpeakerKind;
  readonly name: string;
  /** Role or title, e.g. "Interior Minister". */
  readonly role: string | null;
  readonly affiliation: string | null;
  /** An identifier typed by the user, e.g. a Wikidata id "Q42". */
  readonly externalId: string | null;
}

/** A speaker of the project. */
export interface Speaker extends SpeakerFields {
  readonly id: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
  readonly claimCount: number;
}

/** How a claim is attributed as a whole. */
export const ATTRIBUTION_KINDS = ['direct-quote', 'paraphrase', 'according-to', 'anonymous', 'unattributed'] as const;
export type AttributionKind = (typeof ATTRIBUTION_KINDS)[number];

/** Labels shown to users for each attribution kind. */
export const ATTRIBUTION_LABELS: Record<AttributionKind, string> = {
  'direct-quote': 'Direct quote',
  paraphrase: 'Paraphrase',
  'according-to': 'According to',
  anonymous: 'Anonymous source',
  unattributed: 'Unattributed',
};

/** What a hop of the chain did with the claim. */
export const HOP_ROLES = ['said', 'reported', 'quoted', 'published'] as const;
export type HopRole = (typeof HOP_ROLES)[number];

/** Labels shown to users for each hop role ("said by …"). */
export const HOP_ROLE_LABELS: Record<HopRole, string> = {
  said: 'said by',
  reported: 'reported by',
  quoted: 'quoted by',
  published: 'published by',
};

/** A stored hop: a speaker, what they did, and how far the desk trusts that hop. */
export interface AttributionHop {
  readonly speaker: { readonly id: number; readonly name: string; readonly kind: SpeakerKind };
  readonly role: HopRole;
  readonly reliability: Reliability;
}

/** A claim's attribution: its kind and its chain (may be empty when unattributed). */
export interface Attribution {
  readonly kind: AttributionKind;
  readonly chain: readonly AttributionHop[];
}
