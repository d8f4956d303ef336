/**
 * schema.org ClaimReview export (https://schema.org/ClaimReview): one JSON-LD document whose
 * `@graph` holds one `ClaimReview` per live claim.
 *
 * Rating mapping. The project's verdict scale is ordered best first (position 1 = best). Every
 * verdict except the one keyed `not-checkable` is rated: with n rated verdicts, the verdict at
 * rank r (1 = best, counted by position among rated verdicts) gets `ratingValue` n + 1 − r, with
 * `bestRating` n and `worstRating` 1. On the default scale: Verified 5, Likely true 4,
 * Unproven 3, Misleading 2, False 1. A `not-checkable` verdict carries only its label
 * (`alternateName`), no numbers, since it is not a point on the scale.
 *
 * The reviewed `Claim`: its `author` is hop 0 of the attribution chain (a `Person` for person and
 * anonymous speakers, an `Organization` for the other kinds), its `appearance` is the article,
 * its `firstAppearance` the cited `origin` source when that is exportable, and its
 * `datePublished` the origin's issued date, else the article's publication date. The review's
 * `author` is the desk and its `datePublished` the export date. URLs are emitted only when
 * http(s). Strings are data for `JSON.stringify`; nothing here is markup.
 */
import type { AttributionHop, Claim, Source, Verdict } from '../domain';
import type { ExportBundle } from './bundle';
import { webUrlOrNull } from './web-annotation';

/** The verdict key that is not a point on the scale. */
export const NOT_CHECKABLE_KEY = 'not-checkable';

/** A schema.org agent. */
export interface SchemaAgent {
  readonly '@type': 'Person' | 'Organization';
  readonly name: string;
}

/** A schema.org CreativeWork, as much of it as is known. */
export interface SchemaCreativeWork {
  readonly '@type': 'CreativeWork';
  readonly headline: string;
  readonly url?: string;
  readonly datePublished?: string;
  readonly publisher?: SchemaAgent;
}

/** A schema.org Rating. Numbers are absent for verdicts off the scale. */
export interface SchemaRating {
  readonly '@type': 'Rating';
  readonly alternateName: string;
  readonly ratingValue?: number;
  readonly bestRating?: number;
  readonly worstRating?: number;
}

/** One schema.org ClaimReview. */
export interface ClaimReview {
  readonly '@type': 'ClaimReview';
  readonly '@id': string;
  readonly claimReviewed: string;
  readonly reviewRating: SchemaRating;
  readonly itemReviewed: {
    readonly '@type': 'Claim';
    readonly author?: SchemaAgent;
    readonly appearance: SchemaCreativeWork;
    readonly firstAppearance?: SchemaCreativeWork;
    readonly datePublished?: string;
  };
  readonly author: SchemaAgent;
  readonly datePublished: string;
}

/** The JSON-LD document. */
export interface ClaimReviewDocument {
  readonly '@context': 'https://schema.org';
  readonly '@graph': readonly ClaimReview[];
}

/** The rating of `verdict` on `scale` by the mapping in this file's header. */
export function ratingOf(verdict: Verdict, scale: readonly Verdict[]): SchemaRating {
  const rated = scale.filter((v) => v.key !== NOT_CHECKABLE_KEY).sort((a, b) => a.position - b.position);
  const rank = rated.findIndex((v) => v.id === verdict.id);
  if (rank < 0) return { '@type': 'Rating', alternateName: verdict.label };
  return { '@type': 'Rating', alternateName: verdict.label, ratingValue: rated.length - rank, bestRating: rated.length, worstRating: 1 };
}

function speakerAgent(hop: AttributionHop): SchemaAgent {
  const kind = hop.speaker.kind;
  return { '@type': kind === 'person' || kind === 'anonymous' ? 'Person' : 'Organization', name: hop.speaker.name };
}

function sourceWork(source: Source): SchemaCreativeWork {
  const url = webUrlOrNull(source.url);
  return {
    '@type': 'CreativeWork',
    headline: source.title,
    ...(url !== null && { url }),
    ...(source.issued !== null && { datePublished: source.issued }),
    ...(source.publisher !== null && { publisher: { '@type': 'Organization', name: source.publisher } }),
  };
}

function toReview(bundle: ExportBundle, claim: Claim, article: SchemaCreativeWork): ClaimReview {
  const verdict = bundle.verdicts.find((v) => v.id === claim.verdictId);
  const speaker = claim.attribution.chain[0];
  const origin = claim.sources
    .filter((link) => link.role === 'origin')
    .map((link) => bundle.sources.find((s) => s.id === link.source.id))
    .find((s): s is Source => s !== undefined && (bundle.options.includeConfidential || !s.confidential));
  const claimDate = origin?.issued ?? bundle.document.publishedOn;
  return {
    '@type': 'ClaimReview',
    '@id': `urn:claimdesk:claim-review:${claim.id}`,
    claimReviewed: claim.anchor.exact,
    reviewRating: verdict ? ratingOf(verdict, bundle.verdicts) : { '@type': 'Rating', alternateName: 'No verdict' },
    itemReviewed: {
      '@type': 'Claim',
      ...(speaker && { author: speakerAgent(speaker) }),
      appearance: article,
      ...(origin && { firstAppearance: sourceWork(origin) }),
      ...(claimDate !== null && { datePublished: claimDate }),
    },
    author: { '@type': 'Organization', name: bundle.desk },
    datePublished: bundle.exportedAt.slice(0, 10),
  };
}

/** One schema.org `ClaimReview` per claim of the bundle, as a JSON-LD `@graph`. */
export function toClaimReviews(bundle: ExportBundle): ClaimReviewDocument {
  const doc = bundle.document;
  const url = webUrlOrNull(doc.url);
  const article: SchemaCreativeWork = {
    '@type': 'CreativeWork',
    headline: doc.title,
    ...(url !== null && { url }),
    ...(doc.publishedOn !== null && { datePublished: doc.publishedOn }),
    ...(doc.publication !== null && { publisher: { '@type': 'Organization', name: doc.publication } }),
  };
  return { '@context': 'https://schema.org', '@graph': bundle.claims.map((claim) => toReview(bundle, claim, article)) };
}
