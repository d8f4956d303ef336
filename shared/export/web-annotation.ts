/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/). One document becomes an
 * `AnnotationCollection` with a single embedded `AnnotationPage`; each live claim becomes an
 * `Annotation` whose target is the article (its http(s) URL, else a `urn:claimdesk:document:`
 * IRI) narrowed by a TextQuoteSelector and a TextPositionSelector. Positions are converted from
 * the domain's UTF-16 units to code points, as the model requires.
 *
 * Bodies, in this order:
 * - one `assessing` TextualBody: "<verdict label> (confidence <n>%)";
 * - one `tagging` TextualBody per tag, its value the tag path joined by " › ";
 * - per cited source (confidential ones only with `includeConfidential`): a `SpecificResource`
 *   with purpose `identifying` when it has an http(s) URL, else a `describing` TextualBody with
 *   its title (a `javascript:` or other URL is never emitted as an IRI);
 * - one `commenting` TextualBody with the note, only with `includeNotes`.
 * Every TextualBody is `text/plain`: user text is data, never markup.
 */
import type { Claim, Source } from '../domain';
import type { ExportBundle } from './bundle';
import { utf16ToCodePointOffset } from './code-points';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** An agent as the model describes creators and generators. */
export interface WebAnnotationAgent {
  readonly id?: string;
  readonly type: 'Person' | 'Organization' | 'Software';
  readonly name: string;
  readonly nickname?: string;
}

/** A body of an annotation. */
export type WebAnnotationBody =
  | { readonly type: 'TextualBody'; readonly purpose: 'assessing' | 'tagging' | 'commenting' | 'describing'; readonly value: string; readonly format: 'text/plain' }
  | { readonly type: 'SpecificResource'; readonly purpose: 'identifying'; readonly source: string };

/** One claim as a W3C annotation. */
export interface WebAnnotation {
  readonly id: string;
  /** For a claim imported from another annotation: that annotation's id (W3C `via`). */
  readonly via?: string;
  readonly type: 'Annotation';
  readonly motivation: 'assessing';
  readonly created: string;
  readonly modified: string;
  readonly creator: WebAnnotationAgent;
  readonly generator: WebAnnotationAgent;
  readonly body: readonly WebAnnotationBody[];
  readonly target: {
    readonly source: string;
    readonly selector: readonly [
      { readonly type: 'TextQuoteSelector'; readonly exact: string; readonly prefix: string; readonly suffix: string },
      { readonly type: 'TextPositionSelector'; readonly start: number; readonly end: number },
    ];
  };
}

/** The collection of a document's annotations. */
export interface WebAnnotationCollection {
  readonly '@context': typeof ANNO_CONTEXT;
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly generator: WebAnnotationAgent;
  readonly generated: string;
  readonly first: { readonly id: string; readonly type: 'AnnotationPage'; readonly startIndex: 0; readonly items: readonly WebAnnotation[] };
}

/** The stable IRI of a claim's annotation: its uid as a UUID URN, the same in every copy of the project. */
export function claimIri(claim: { readonly uid: string }): string {
  return `urn:uuid:${claim.uid}`;
}

/** The IRI of a document: its URL when that is http(s), else a `urn:claimdesk:document:` IRI. */
export function documentIri(document: { readonly id: number; readonly url: string | null }): string {
  return webUrlOrNull(document.url) ?? `urn:claimdesk:document:${document.id}`;
}

/** `url` normalised when it parses as an http(s) URL; null otherwise (blank, `javascript:`, …). */
export function webUrlOrNull(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function textBody(purpose: 'assessing' | 'tagging' | 'commenting' | 'describing', value: string): WebAnnotationBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

function sourceBody(source: Source): WebAnnotationBody {
  const url = webUrlOrNull(source.url);
  return url === null ? textBody('describing', source.title) : { type: 'SpecificResource', purpose: 'identifying', source: url };
}

function toAnnotation(bundle: ExportBundle, claim: Claim, generator: WebAnnotationAgent): WebAnnotation {
  const { plainText } = bundle.document;
  const { options } = bundle;
  const profile = bundle.profiles.find((p) => p.id === claim.createdBy);
  const creator: WebAnnotationAgent = profile
    ? { id: `urn:claimdesk:profile:${profile.uid}`, type: 'Person', name: profile.name, nickname: profile.initials }
    : { type: 'Organization', name: bundle.desk };
  const verdict = bundle.verdicts.find((v) => v.id === claim.verdictId);
  const body: WebAnnotationBody[] = [textBody('assessing', `${verdict?.label ?? 'No verdict'} (confidence ${claim.confidence}%)`)];
  for (const tagId of claim.tagIds) {
    const tag = bundle.tags.find((t) => t.id === tagId);
    if (tag) body.push(textBody('tagging', tag.path.join(' › ')));
  }
  for (const link of claim.sources) {
    const source = bundle.sources.find((s) => s.id === link.source.id);
    // A source missing from the bundle cannot be checked for confidentiality, so it stays out.
    if (source && (options.includeConfidential || !source.confidential)) body.push(sourceBody(source));
  }
  if (options.includeNotes && claim.note !== null && claim.note !== '') body.push(textBody('commenting', claim.note));
  const { exact, prefix, suffix, start, end } = claim.anchor;
  return {
    id: claimIri(claim),
    ...(claim.importedFrom !== null && /^[a-z][a-z0-9+.-]*:/i.test(claim.importedFrom) ? { via: claim.importedFrom } : {}),
    type: 'Annotation',
    motivation: 'assessing',
    created: claim.createdAt,
    modified: claim.updatedAt,
    creator,
    generator,
    body,
    target: {
      source: documentIri(bundle.document),
      selector: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        { type: 'TextPositionSelector', start: utf16ToCodePointOffset(plainText, start), end: utf16ToCodePointOffset(plainText, end) },
      ],
    },
  };
}

/** The document's claims as a W3C `AnnotationCollection` (JSON-LD), ready for `JSON.stringify`. */
export function toWebAnnotationCollection(bundle: ExportBundle): WebAnnotationCollection {
  const generator: WebAnnotationAgent = { id: 'urn:claimdesk:software', type: 'Software', name: bundle.generator };
  const id = `urn:claimdesk:document:${bundle.document.id}:annotations`;
  const items = bundle.claims.map((claim) => toAnnotation(bundle, claim, generator));
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Claims in “${bundle.document.title}”`,
    total: items.length,
    generator,
    generated: bundle.exportedAt,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
