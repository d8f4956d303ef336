/**
 * Sources are a library: one record per source, reused across claims and documents. The fields
 * follow CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html) so the
 * later CSL export is lossless: `type` maps to a CSL type, `authors` to `author` names,
 * `issued`/`accessed` to dates, `publisher` to `container-title`/`publisher`.
 */

/** Kinds of source a fact-checker cites. */
export const SOURCE_TYPES = [
  'news-article',
  'interview',
  'broadcast',
  'speech',
  'official-statement',
  'report',
  'dataset',
  'web-page',
  'social-media-post',
  'personal-communication',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** Labels shown to users for each source type. */
export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  'news-article': 'News article',
  interview: 'Interview',
  broadcast: 'Broadcast',
  speech: 'Speech',
  'official-statement': 'Official statement',
  report: 'Report',
  dataset: 'Dataset',
  'web-page': 'Web page',
  'social-media-post': 'Social media post',
  'personal-communication': 'Personal communication',
};

/** The CSL-JSON type each source type exports as. */
export const CSL_TYPES: Record<SourceType, string> = {
  'news-article': 'article-newspaper',
  interview: 'interview',
  broadcast: 'broadcast',
  speech: 'speech',
  'official-statement': 'document',
  report: 'report',
  dataset: 'dataset',
  'web-page': 'webpage',
  'social-media-post': 'post',
  'personal-communication': 'personal_communication',
};

/** How far the desk trusts a source (or a hop of an attribution chain). */
export const RELIABILITIES = ['credible', 'mixed', 'not-credible', 'unknown'] as const;
export type Reliability = (typeof RELIABILITIES)[number];

/** Labels shown to users for each reliability rating. */
export const RELIABILITY_LABELS: Record<Reliability, string> = {
  credible: 'Credible',
  mixed: 'Mixed',
  'not-credible': 'Not credible',
  unknown: 'Unknown',
};

/** The fields of a source a user edits. Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export interface SourceFields {
  readonly type: SourceType;
  readonly title: string;
  readonly publisher: string | null;
  /** Author names as written ("Lena Hartsby", "Ministry of Health"). */
  readonly authors: readonly string[];
  readonly issued: string | null;
  readonly accessed: string | null;
  readonly url: string | null;
  /** BCP 47 language tag, e.g. "en", "ru", "kk". */
  readonly language: string | null;
  readonly notes: string | null;
  readonly reliability: Reliability;
  readonly reliabilityReason: string | null;
  /** Left out of every export unless the user includes confidential material. */
  readonly confidential: boolean;
}

/** A file archived with a source (a PDF, a saved page, a screenshot), stored inside the project. */
export interface Attachment {
  readonly id: number;
  readonly sourceId: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  /** Hex SHA-256 of the bytes, checked whenever the file is read back. */
  readonly sha256: string;
  readonly addedAt: string;
}

/** Largest attachment accepted, in bytes. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** A source of the library. */
export interface Source extends SourceFields {
  readonly id: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
  /** Live claims that cite it. */
  readonly claimCount: number;
  readonly attachments: readonly Attachment[];
}

/** What a claim shows of a source it cites. */
export interface SourceSummary {
  readonly id: number;
  readonly type: SourceType;
  readonly title: string;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly reliability: Reliability;
}

/** Sort orders of the sources view. */
export const SOURCE_SORTS = ['title', 'recent', 'most-cited', 'reliability'] as const;
export type SourceSort = (typeof SOURCE_SORTS)[number];
