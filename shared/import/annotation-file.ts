/**
 * Reading a file of annotations into plain records, before anything touches a project. Pure:
 * no database, no Node.
 *
 * Accepted (liberal in shape, strict in types):
 * - W3C Web Annotation JSON, with or without `@context`: an AnnotationCollection (items under
 *   `first.items`, following embedded `next` pages, or under `items`), an AnnotationPage, a
 *   single Annotation, or a JSON array of annotations — our own export, Recogito's, anyone's;
 * - Hypothesis JSON: an API search result (`rows`), the client's export (`annotations`), or an
 *   array of Hypothesis annotations (`target: [{ source, selector: [...] }]`, `text`, `tags`).
 *
 * Of each annotation, what a claim can hold is read:
 * - the first target with a TextQuoteSelector gives the quote (exact, prefix, suffix) and, from
 *   a TextPositionSelector beside it, a start in code points — only a hint, dropped when it is
 *   not a whole number ≥ 0. Other selectors (RangeSelector, XPath, CSS, `refinedBy`) are ignored;
 * - bodies by purpose (a body without one takes the annotation's motivation): `tagging` and
 *   `classifying` → tags (a value "A › B" is the path of a nested tag, as our export writes it);
 *   `commenting`, `replying`, `questioning`, `editing`, and `describing` from other tools →
 *   notes; `describing` in our own export → a source known by its title; `assessing` → a
 *   verdict label, with the confidence our export appends ("False (confidence 80%)");
 *   `identifying` or `linking` bodies, and resource bodies (SpecificResource, a bare IRI)
 *   without another purpose, with an http(s) address → a cited source (other IRIs — urn:,
 *   javascript: — are left out). Hypothesis `text` is a note and its `tags` are tags. Other
 *   bodies (highlighting, bookmarking, external comments…) are ignored.
 *
 * Annotations that cannot become claims — not of type Annotation, replies (Hypothesis
 * `references`, motivation `replying`), page notes (no selector), no text quote, an empty
 * quote — are listed as skipped, with why. A field this reader uses that has the wrong type,
 * text over the limits below, or a file holding no annotations at all is an AppError
 * ('bad-file', or 'too-large' for too many annotations) naming the annotation and the field.
 * Annotations are numbered from 0 in `index`, and from 1 in messages, as a user counts.
 */
import { z } from 'zod';
import { MAX_IMPORT_ANNOTATIONS } from '../domain';
import { webUrlOrNull } from '../export/web-annotation';
import { AppError } from '../result';
import { parseJsonText } from './read-json';

/** Longest quote accepted (the claim form's limit). */
export const MAX_QUOTE_CHARS = 20_000;
/** Longest note accepted, all of an annotation's notes together (the claim form's limit). */
export const MAX_NOTE_CHARS = 20_000;
/** Longest tag name (the tag form's limit). */
export const MAX_TAG_CHARS = 100;
/** Most tags, and deepest tag path, per annotation. */
export const MAX_TAGS = 100;
export const MAX_TAG_DEPTH = 10;
/** Most cited sources per annotation (the claim form's limit). */
export const MAX_SOURCES = 50;
/** Longest source title and web address. */
export const MAX_TITLE_CHARS = 500;
export const MAX_URL_CHARS = 2048;
/** Longest annotation id, and longest verdict label read. */
export const MAX_ID_CHARS = 2048;
export const MAX_VERDICT_CHARS = 1000;
/** The separator of a tag path in our export. */
export const TAG_PATH_SEPARATOR = ' › ';

const OUR_GENERATOR = 'urn:claimdesk:software';
const NOTE_PURPOSES = new Set(['commenting', 'replying', 'questioning', 'editing']);
const MAX_PAGES = 10_000;

/** A source as an annotation names it: by web address, or (our export, no address) by title. */
export interface AnnotationSource {
  readonly url: string | null;
  readonly title: string | null;
}

/** One annotation that can become a claim. */
export interface ReadAnnotation {
  /** 0-based place in the file. */
  readonly index: number;
  /** The annotation's id (an IRI, or a tool's own id), or null when it has none. */
  readonly id: string | null;
  /** Other ids of the same annotation: the one it was copied from (`via`) and its `canonical` id. */
  readonly aliases: readonly string[];
  /** The annotation as canonical JSON (keys sorted), to recognise it by content when it has no id; null when it has one. */
  readonly canonicalJson: string | null;
  /** The address of the document it was made on, when it names one. */
  readonly targetSource: string | null;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** TextPositionSelector start in code points, when the file gives a usable one: a hint. */
  readonly start: number | null;
  /** Tag paths from the root, e.g. ["Casualties", "Deaths"]. */
  readonly tags: readonly (readonly string[])[];
  readonly notes: readonly string[];
  /** The first assessing body: a verdict label, and the confidence our export writes beside it. */
  readonly verdict: { readonly label: string; readonly confidence: number | null } | null;
  readonly sources: readonly AnnotationSource[];
}

/** What a file holds. */
export interface AnnotationFile {
  /** Number of annotations in the file. */
  readonly count: number;
  readonly annotations: readonly ReadAnnotation[];
  readonly skipped: readonly { readonly index: number; readonly reason: string }[];
}

const bad = (message: string) => new AppError('bad-file', message);

/** The annotations of a file's text. AppError('bad-file' | 'too-large') as described above. */
export function readAnnotationFile(text: string): AnnotationFile {
  const items = annotationItems(parseJsonText(text));
  if (items.length === 0) throw bad('No annotations found in this file: its list of annotations is empty.');
  if (items.length > MAX_IMPORT_ANNOTATIONS) {
    throw new AppError(
      'too-large',
      `This file holds ${items.length.toLocaleString('en')} annotations; Claimdesk imports up to ${MAX_IMPORT_ANNOTATIONS.toLocaleString('en')} at a time.`,
    );
  }
  const annotations: ReadAnnotation[] = [];
  const skipped: { index: number; reason: string }[] = [];
  items.forEach((item, index) => {
    const read = readAnnotation(item, index);
    if (typeof read === 'string') skipped.push({ index, reason: read });
    else annotations.push(read);
  });
  return { count: items.length, annotations, skipped };
}

// ---------------------------------------------------------------------------------------------
// Containers

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return 'an object';
}

/** The `type` (or `@type`) of a JSON-LD node as a list of names. */
function typesOf(node: Record<string, unknown>): string[] {
  const type = own(node, 'type') ?? own(node, '@type');
  return asList(type).filter((t): t is string => typeof t === 'string');
}

/** An own property, never one inherited (a file's `constructor` or `__proto__` is just a key). */
function own(node: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function listField(node: Record<string, unknown>, key: string): unknown[] {
  const value = own(node, key);
  if (!Array.isArray(value)) throw bad(`No annotations found in this file: its “${key}” is ${kindOf(value)}, not a list.`);
  return value;
}

/** The annotation-like items of a parsed file, in order. */
function annotationItems(root: unknown): unknown[] {
  if (Array.isArray(root)) return root;
  if (!isObject(root)) throw bad(`No annotations found in this file: it holds ${kindOf(root)}, not annotations.`);
  const types = typesOf(root);
  if (own(root, 'rows') !== undefined) return listField(root, 'rows');
  if (own(root, 'annotations') !== undefined) return listField(root, 'annotations');
  if (types.includes('AnnotationCollection') || own(root, 'first') !== undefined) return collectionItems(root);
  if (own(root, 'items') !== undefined) return listField(root, 'items');
  if (isAnnotationType(types) || own(root, 'target') !== undefined) return [root];
  throw bad('No annotations found in this file: it is JSON, but neither a W3C annotation collection nor a Hypothesis export.');
}

function collectionItems(collection: Record<string, unknown>): unknown[] {
  if (own(collection, 'items') !== undefined) return listField(collection, 'items');
  const items: unknown[] = [];
  let page = own(collection, 'first');
  for (let pages = 0; page !== undefined && page !== null; pages++) {
    if (typeof page === 'string') {
      throw bad('No annotations found in this file: the collection only links to its pages of annotations, which are elsewhere.');
    }
    if (!isObject(page) || pages >= MAX_PAGES) throw bad('No annotations found in this file: a page of the collection is not an object.');
    items.push(...listField(page, 'items'));
    const next = own(page, 'next');
    page = typeof next === 'string' ? undefined : next; // a linked (not embedded) next page is not in the file
  }
  return items;
}

function isAnnotationType(types: readonly string[]): boolean {
  return types.some((t) => t === 'Annotation' || t === 'oa:Annotation');
}

// ---------------------------------------------------------------------------------------------
// One annotation

const text = (what: string) => z.string({ error: `${what} must be text` });
const optionalText = (what: string) => text(what).nullable().optional();
const annotationId = text('its id').max(MAX_ID_CHARS, `its id is longer than ${MAX_ID_CHARS} characters`).nullable().optional();

const annotationFields = z.object({
  id: annotationId,
  '@id': annotationId,
  // Hypothesis fields.
  text: optionalText('its text'),
  tags: z.array(text('each tag'), { error: 'its tags must be a list of text' }).nullable().optional(),
  references: z.unknown().optional(),
  // W3C fields.
  bodyValue: optionalText('its bodyValue'),
  // The annotation this one is a copy of (W3C `via`), and the id all copies share (`canonical`).
  via: annotationId,
  canonical: annotationId,
});

const quoteSelector = z.object({
  exact: text('the quote (exact)'),
  prefix: optionalText('the text before the quote (prefix)'),
  suffix: optionalText('the text after the quote (suffix)'),
});

const textBody = z.object({ value: text('the value of a body') });

/** Parses `value` with `schema`, or throws AppError('bad-file') naming annotation `index` and the field. */
function check<T>(schema: z.ZodType<T>, value: unknown, index: number): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw bad(`Annotation ${index + 1} cannot be read: ${issue?.message ?? 'a field has the wrong type'}.`);
}

function readAnnotation(item: unknown, index: number): ReadAnnotation | string {
  if (!isObject(item)) throw bad(`Annotation ${index + 1} cannot be read: it is ${kindOf(item)}, not an object.`);
  const types = typesOf(item);
  if (types.length > 0 && !isAnnotationType(types)) return `it is not an annotation (its type is “${clip(types.join(', '))}”)`;
  const fields = check(annotationFields, item, index);
  const motivations = asList(own(item, 'motivation')).filter((m): m is string => typeof m === 'string');
  if (asList(fields.references).length > 0 || motivations.includes('replying')) return 'it is a reply to another annotation';

  const targets = asList(own(item, 'target'));
  if (targets.length === 0) return 'it has no target';
  const found = quoteTarget(targets, index);
  if (typeof found === 'string') return found;
  const { quote, start, source } = found;
  if (quote.exact === '') return 'its quote is empty';
  if (quote.exact.length > MAX_QUOTE_CHARS) {
    throw bad(`Annotation ${index + 1} has a quote longer than ${MAX_QUOTE_CHARS.toLocaleString('en')} characters.`);
  }

  const id = nonEmpty(fields.id) ?? nonEmpty(fields['@id']);
  const bodies = readBodies(item, motivations, index);
  if (fields.text !== null && fields.text !== undefined && fields.text.trim() !== '') bodies.notes.unshift(fields.text);
  if (fields.bodyValue !== null && fields.bodyValue !== undefined && fields.bodyValue.trim() !== '') bodies.notes.push(fields.bodyValue);
  for (const tag of fields.tags ?? []) addTag(bodies.tags, tag, index);
  checkTotals(bodies, index);
  return {
    index,
    id,
    aliases: [nonEmpty(fields.via), nonEmpty(fields.canonical)].filter((alias): alias is string => alias !== null && alias !== id),
    canonicalJson: id === null ? canonicalJson(item) : null,
    targetSource: source,
    exact: quote.exact,
    prefix: quote.prefix ?? '',
    suffix: quote.suffix ?? '',
    start,
    ...bodies,
  };
}

function nonEmpty(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

/** The quote of the first target that has one, with its position hint and the target's source; else why not. */
function quoteTarget(
  targets: readonly unknown[],
  index: number,
): { quote: z.infer<typeof quoteSelector>; start: number | null; source: string | null } | string {
  let anySelector = false;
  for (const target of targets) {
    if (!isObject(target)) continue; // a bare IRI targets a whole resource
    const selectors = asList(own(target, 'selector')).filter(isObject);
    anySelector ||= selectors.length > 0;
    const quote = selectors.find((s) => typesOf(s).includes('TextQuoteSelector'));
    if (quote === undefined) continue;
    const position = selectors.find((s) => typesOf(s).includes('TextPositionSelector'));
    const source = own(target, 'source');
    return {
      quote: check(quoteSelector, quote, index),
      start: position === undefined ? null : positionHint(own(position, 'start'), own(position, 'end')),
      source: typeof source === 'string' ? source : null,
    };
  }
  return anySelector ? 'it has no text quote (only other kinds of selector)' : 'it annotates a whole page, not a passage (a page note)';
}

/** A position is only a hint: anything but whole numbers 0 ≤ start ≤ end is dropped, not refused. */
function positionHint(start: unknown, end: unknown): number | null {
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  return whole(start) && (end === undefined || (whole(end) && end >= start)) ? start : null;
}

interface Bodies {
  tags: string[][];
  notes: string[];
  verdict: { label: string; confidence: number | null } | null;
  sources: AnnotationSource[];
}

function readBodies(item: Record<string, unknown>, motivations: readonly string[], index: number): Bodies {
  const bodies: Bodies = { tags: [], notes: [], verdict: null, sources: [] };
  const ours = isOurs(own(item, 'generator'));
  for (const body of asList(own(item, 'body')).flatMap((b) => (isObject(b) && Array.isArray(own(b, 'items')) ? (own(b, 'items') as unknown[]) : [b]))) {
    if (typeof body === 'string') {
      if (citesResource(motivations)) addSource(bodies.sources, { url: body, title: null }, index);
      continue;
    }
    if (!isObject(body)) throw bad(`Annotation ${index + 1} cannot be read: a body is ${kindOf(body)}, not an object.`);
    const bodyPurposes = asList(own(body, 'purpose')).filter((p): p is string => typeof p === 'string');
    const purposes = bodyPurposes.length > 0 ? bodyPurposes : motivations;
    const value = own(body, 'value');
    if (value === undefined) {
      // A resource body (no value of its own): an address to cite, when it is a web address.
      const address = own(body, 'source') ?? own(body, 'id');
      if (typeof address === 'string' && citesResource(purposes)) addSource(bodies.sources, { url: address, title: null }, index);
      continue;
    }
    readTextBody(bodies, check(textBody, body, index).value, purposes, ours, index);
  }
  return bodies;
}

function readTextBody(bodies: Bodies, value: string, purposes: readonly string[], ours: boolean, index: number): void {
  const purpose = purposes[0];
  if (value.trim() === '') return;
  if (purpose === 'tagging' || purpose === 'classifying') addTag(bodies.tags, value, index);
  else if (purpose === 'assessing') bodies.verdict ??= readVerdict(value, index);
  else if (purpose === 'identifying' || purpose === 'linking') addSource(bodies.sources, { url: value, title: null }, index);
  else if (purpose === 'describing' && ours) addSource(bodies.sources, { url: null, title: value }, index);
  else if (purpose === undefined || purpose === 'describing' || NOTE_PURPOSES.has(purpose)) bodies.notes.push(value);
}

/** A resource body is a cited source when it identifies or links the passage, or says nothing of its purpose. */
function citesResource(purposes: readonly string[]): boolean {
  const purpose = purposes[0];
  return purpose === undefined || purpose === 'identifying' || purpose === 'linking';
}

function isOurs(generator: unknown): boolean {
  return asList(generator).some((g) => isObject(g) && own(g, 'id') === OUR_GENERATOR);
}

function readVerdict(value: string, index: number): { label: string; confidence: number | null } {
  if (value.length > MAX_VERDICT_CHARS) throw bad(`Annotation ${index + 1} has a verdict longer than ${MAX_VERDICT_CHARS} characters.`);
  const match = /^(.*\S)\s*\(confidence (\d{1,3})%\)$/su.exec(value.trim());
  const confidence = match === null ? null : Number(match[2]);
  if (match === null || confidence === null || confidence > 100) return { label: value.trim(), confidence: null };
  return { label: match[1] ?? '', confidence };
}

function addTag(tags: string[][], value: string, index: number): void {
  const path = value.split(TAG_PATH_SEPARATOR).map((name) => name.trim()).filter((name) => name !== '');
  if (path.length === 0) return;
  if (path.length > MAX_TAG_DEPTH) throw bad(`Annotation ${index + 1} has a tag nested more than ${MAX_TAG_DEPTH} levels deep.`);
  if (path.some((name) => name.length > MAX_TAG_CHARS)) {
    throw bad(`Annotation ${index + 1} has a tag longer than ${MAX_TAG_CHARS} characters.`);
  }
  tags.push(path);
}

function addSource(sources: AnnotationSource[], source: AnnotationSource, index: number): void {
  if (source.url !== null) {
    if (source.url.length > MAX_URL_CHARS) throw bad(`Annotation ${index + 1} cites an address longer than ${MAX_URL_CHARS} characters.`);
    const url = webUrlOrNull(source.url);
    // Only web addresses are sources; other IRIs (urn:, a gazetteer's ids…) are left out.
    if (url !== null) sources.push({ url, title: null });
    return;
  }
  const title = source.title?.trim() ?? '';
  if (title.length > MAX_TITLE_CHARS) throw bad(`Annotation ${index + 1} cites a source whose title is longer than ${MAX_TITLE_CHARS} characters.`);
  if (title !== '') sources.push({ url: null, title });
}

function checkTotals(bodies: Bodies, index: number): void {
  const n = index + 1;
  if (bodies.tags.length > MAX_TAGS) throw bad(`Annotation ${n} has more than ${MAX_TAGS} tags.`);
  if (bodies.sources.length > MAX_SOURCES) throw bad(`Annotation ${n} cites more than ${MAX_SOURCES} sources.`);
  const noteLength = bodies.notes.reduce((sum, note) => sum + note.trim().length, 0) + 2 * Math.max(0, bodies.notes.length - 1);
  if (noteLength > MAX_NOTE_CHARS) throw bad(`Annotation ${n} has notes longer than ${MAX_NOTE_CHARS.toLocaleString('en')} characters in all.`);
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 59)}…` : value;
}

/**
 * `value` as JSON with the keys of every object sorted, so that the same annotation written
 * with its keys in another order reads the same. `value` comes from JSON.parse of a file whose
 * depth was checked, so the recursion is bounded.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
