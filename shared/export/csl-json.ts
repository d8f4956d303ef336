/**
 * CSL-JSON export of the sources a document's claims cite
 * (schema: https://github.com/citation-style-language/schema, csl-data.json). Confidential
 * sources only with `includeConfidential`.
 *
 * Mapping: `type` from `CSL_TYPES`; authors as `{ literal }` names (we store names as written
 * and do not guess family/given); dates `YYYY`, `YYYY-MM`, `YYYY-MM-DD` as `date-parts`
 * (anything else as `{ literal }`); the publisher goes to `container-title` for kinds published
 * inside a larger work (newspaper, website, platform) and to `publisher` for the others; the URL
 * only when http(s). Claimdesk-only data (reliability, its reason, confidentiality) lives under
 * `custom`, which CSL reserves for application data.
 */
import type { Source, SourceType } from '../domain';
import { CSL_TYPES } from '../domain';
import type { ExportBundle } from './bundle';
import { webUrlOrNull } from './web-annotation';

/** A CSL date. */
export type CslDate = { readonly 'date-parts': readonly [readonly number[]] } | { readonly literal: string };

/** One CSL-JSON item. */
export interface CslItem {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly 'container-title'?: string;
  readonly publisher?: string;
  readonly author?: readonly { readonly literal: string }[];
  readonly issued?: CslDate;
  readonly accessed?: CslDate;
  readonly URL?: string;
  readonly language?: string;
  readonly custom: {
    readonly claimdeskSourceId: number;
    readonly reliability: string;
    readonly reliabilityReason?: string;
    readonly confidential: boolean;
  };
}

/** Source kinds whose publisher is the work that contains them. */
const CONTAINED: ReadonlySet<SourceType> = new Set<SourceType>(['news-article', 'web-page', 'social-media-post']);

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as CSL date-parts; any other text as a literal date. */
export function cslDate(value: string): CslDate {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return { literal: value };
  const parts = [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number);
  return { 'date-parts': [parts] };
}

function toItem(source: Source): CslItem {
  const url = webUrlOrNull(source.url);
  return {
    id: `claimdesk-source-${source.id}`,
    type: CSL_TYPES[source.type],
    title: source.title,
    ...(source.publisher !== null && (CONTAINED.has(source.type) ? { 'container-title': source.publisher } : { publisher: source.publisher })),
    ...(source.authors.length > 0 && { author: source.authors.map((literal) => ({ literal })) }),
    ...(source.issued !== null && { issued: cslDate(source.issued) }),
    ...(source.accessed !== null && { accessed: cslDate(source.accessed) }),
    ...(url !== null && { URL: url }),
    ...(source.language !== null && { language: source.language }),
    custom: {
      claimdeskSourceId: source.id,
      reliability: source.reliability,
      ...(source.reliabilityReason !== null && { reliabilityReason: source.reliabilityReason }),
      confidential: source.confidential,
    },
  };
}

/** The bundle's cited sources as CSL-JSON items, confidential ones only when the options say so. */
export function toCslJson(bundle: ExportBundle): CslItem[] {
  return bundle.sources.filter((s) => bundle.options.includeConfidential || !s.confidential).map(toItem);
}
