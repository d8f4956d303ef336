/**
 * What the HTML and Markdown reports show, built once from an ExportBundle so both formats
 * agree. Pure: no DOM, no I/O.
 *
 * The article is split into paragraphs at the "\n\n" that joins blocks in the plain text. Each
 * paragraph is cut into segments at every claim boundary that falls inside it; a segment lists
 * the numbers of the claims covering it, outermost (lowest number) first. Because claims are
 * numbered by (start ascending, end descending), a renderer can nest marks by keeping a stack
 * and opening/closing as the covering lists change, which handles nesting and partial overlap.
 *
 * Confidential sources are dropped unless the options include them; a cited source missing from
 * `bundle.sources` is dropped too (we cannot tell whether it is confidential, so we fail closed).
 */
import {
  ATTRIBUTION_LABELS,
  CLAIM_STATUS_LABELS,
  CLAIM_TYPE_LABELS,
  HOP_ROLE_LABELS,
  RELIABILITY_LABELS,
  SOURCE_ROLE_LABELS,
  type Claim,
  type Reliability,
  type Source,
  type SourceRole,
} from '../domain';
import { readingOrder } from '../domain/reading-order';
import type { ExportBundle } from './bundle';

/** A verdict of the scale as the legend and the claims show it. */
export interface ReportVerdict {
  readonly id: number;
  readonly key: string;
  readonly label: string;
  /** `#rrggbb`, validated (a malformed stored colour becomes a neutral grey). */
  readonly color: string;
  /** Position of the verdict in the scale, 1-based; formatters derive class names from it. */
  readonly position: number;
}

/** A source as a claim cites it. */
export interface ReportCitation {
  readonly sourceId: number;
  readonly title: string;
  readonly url: string | null;
  readonly reliability: Reliability;
  readonly reliabilityLabel: string;
  readonly role: SourceRole;
  readonly roleLabel: string;
  readonly pinpoint: string | null;
}

/** A hop of the attribution chain. */
export interface ReportHop {
  readonly name: string;
  /** "said by", "reported by"… */
  readonly roleLabel: string;
  readonly reliabilityLabel: string;
}

/** One claim, numbered in reading order. */
export interface ReportClaim {
  readonly number: number;
  readonly id: number;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  readonly verdict: ReportVerdict | null;
  readonly confidence: number;
  readonly claimTypeLabel: string | null;
  readonly statusLabel: string;
  readonly attributionLabel: string;
  readonly chain: readonly ReportHop[];
  readonly citations: readonly ReportCitation[];
  readonly rationale: string | null;
  /** Null unless the options include notes. */
  readonly note: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

/** An entry of the bibliography. */
export interface ReportSource {
  readonly id: number;
  readonly title: string;
  readonly publisher: string | null;
  readonly authors: readonly string[];
  readonly issued: string | null;
  readonly url: string | null;
  readonly reliabilityLabel: string;
}

/** A run of paragraph text covered by the same claims (numbers ascending = outermost first). */
export interface ReportSegment {
  readonly text: string;
  readonly claims: readonly number[];
}

/** A paragraph of the article, cut at claim boundaries. */
export interface ReportParagraph {
  readonly segments: readonly ReportSegment[];
}

/** Everything both reports show. */
export interface ReportModel {
  readonly title: string;
  readonly publication: string | null;
  readonly author: string | null;
  readonly url: string | null;
  readonly publishedOn: string | null;
  readonly desk: string;
  readonly generator: string;
  readonly exportedAt: string;
  readonly includeNotes: boolean;
  readonly includeConfidential: boolean;
  /** The whole verdict scale, in order. */
  readonly verdicts: readonly ReportVerdict[];
  readonly claims: readonly ReportClaim[];
  /** Cited (and permitted) sources, alphabetical by title. */
  readonly bibliography: readonly ReportSource[];
  readonly paragraphs: readonly ReportParagraph[];
}

const PARAGRAPH_SEPARATOR = '\n\n';
const FALLBACK_COLOR = '#9e9e9e';

/** Builds the report model of `bundle`, honouring `bundle.options`. */
export function buildReportModel(bundle: ExportBundle): ReportModel {
  const { document, options } = bundle;
  const verdicts = [...bundle.verdicts]
    .sort((a, b) => a.position - b.position)
    .map((v, index): ReportVerdict => ({
      id: v.id,
      key: v.key,
      label: v.label,
      color: /^#[0-9a-f]{6}$/i.test(v.color) ? v.color.toLowerCase() : FALLBACK_COLOR,
      position: index + 1,
    }));
  const verdictById = new Map(verdicts.map((v) => [v.id, v]));
  const allowedSources = new Map(
    bundle.sources.filter((s) => options.includeConfidential || !s.confidential).map((s) => [s.id, s]),
  );
  const profileName = new Map(bundle.profiles.map((p) => [p.id, p.name]));
  const textLength = document.plainText.length;

  const ordered = [...bundle.claims].sort(readingOrder);
  const claims = ordered.map((claim, index) =>
    toReportClaim(claim, index + 1, verdictById, allowedSources, profileName, options.includeNotes, textLength),
  );

  const cited = new Map<number, Source>();
  for (const claim of claims) {
    for (const citation of claim.citations) {
      const source = allowedSources.get(citation.sourceId);
      if (source !== undefined) cited.set(source.id, source);
    }
  }
  const bibliography = [...cited.values()]
    .sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || a.id - b.id)
    .map(
      (s): ReportSource => ({
        id: s.id,
        title: s.title,
        publisher: s.publisher,
        authors: s.authors,
        issued: s.issued,
        url: s.url,
        reliabilityLabel: RELIABILITY_LABELS[s.reliability],
      }),
    );

  return {
    title: document.title,
    publication: document.publication,
    author: document.author,
    url: document.url,
    publishedOn: document.publishedOn,
    desk: bundle.desk,
    generator: bundle.generator,
    exportedAt: bundle.exportedAt,
    includeNotes: options.includeNotes,
    includeConfidential: options.includeConfidential,
    verdicts,
    claims,
    bibliography,
    paragraphs: splitParagraphs(document.plainText, claims),
  };
}

function toReportClaim(
  claim: Claim,
  number: number,
  verdictById: ReadonlyMap<number, ReportVerdict>,
  allowedSources: ReadonlyMap<number, Source>,
  profileName: ReadonlyMap<number, string>,
  includeNotes: boolean,
  textLength: number,
): ReportClaim {
  const start = clamp(claim.anchor.start, 0, textLength);
  return {
    number,
    id: claim.id,
    quote: claim.anchor.exact,
    start,
    end: clamp(claim.anchor.end, start, textLength),
    verdict: verdictById.get(claim.verdictId) ?? null,
    confidence: claim.confidence,
    claimTypeLabel: claim.claimType === null ? null : CLAIM_TYPE_LABELS[claim.claimType],
    statusLabel: CLAIM_STATUS_LABELS[claim.status],
    attributionLabel: ATTRIBUTION_LABELS[claim.attribution.kind],
    chain: claim.attribution.chain.map((hop) => ({
      name: hop.speaker.name,
      roleLabel: HOP_ROLE_LABELS[hop.role],
      reliabilityLabel: RELIABILITY_LABELS[hop.reliability],
    })),
    citations: claim.sources
      .filter((link) => allowedSources.has(link.source.id))
      .map((link) => ({
        sourceId: link.source.id,
        title: link.source.title,
        url: link.source.url,
        reliability: link.source.reliability,
        reliabilityLabel: RELIABILITY_LABELS[link.source.reliability],
        role: link.role,
        roleLabel: SOURCE_ROLE_LABELS[link.role],
        pinpoint: link.pinpoint,
      })),
    rationale: claim.rationale,
    note: includeNotes ? claim.note : null,
    createdBy: claim.createdBy === null ? null : (profileName.get(claim.createdBy) ?? null),
    createdAt: claim.createdAt,
  };
}

/** Splits `plainText` into paragraphs and cuts each at the boundaries of `claims`. */
export function splitParagraphs(plainText: string, claims: readonly ReportClaim[]): ReportParagraph[] {
  const paragraphs: ReportParagraph[] = [];
  let offset = 0;
  for (const text of plainText.split(PARAGRAPH_SEPARATOR)) {
    paragraphs.push({ segments: segmentParagraph(text, offset, claims) });
    offset += text.length + PARAGRAPH_SEPARATOR.length;
  }
  return paragraphs;
}

function segmentParagraph(text: string, offset: number, claims: readonly ReportClaim[]): ReportSegment[] {
  const end = offset + text.length;
  const inside = claims.filter((c) => c.end > c.start && c.start < end && c.end > offset);
  const cuts = new Set<number>([0, text.length]);
  for (const c of inside) {
    cuts.add(clamp(c.start - offset, 0, text.length));
    cuts.add(clamp(c.end - offset, 0, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: ReportSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    if (to <= from) continue;
    const covering = inside
      .filter((c) => c.start - offset <= from && c.end - offset >= to)
      .map((c) => c.number)
      .sort((a, b) => a - b);
    segments.push({ text: text.slice(from, to), claims: covering });
  }
  if (segments.length === 0) segments.push({ text: '', claims: [] });
  return segments;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** The URL if it is safe to link (http, https or mailto), normalised; otherwise null. */
export function linkableUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url.trim());
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * An ISO-8601 UTC time as people read it ("2026-03-15 09:30 UTC"); anything else is returned
 * as given.
 */
export function readableTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso);
  return match === null ? iso : `${match[1]} ${match[2]} UTC`;
}
