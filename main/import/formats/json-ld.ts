/**
 * Article metadata from a page's JSON-LD (`<script type="application/ld+json">`), which news
 * sites fill in for search engines: schema.org's `NewsArticle` and its relatives, alone, in an
 * array or inside an `@graph`, with authors and publishers given inline or by `@id`.
 *
 * The scripts come from the page, so they are read defensively: size, nesting and the number
 * of nodes looked at are capped, and a script that is not JSON is skipped with a warning.
 */
import { nestingDepth } from '../../../shared/import/read-json';
import { cleanText, decodeEntities, normaliseDate, normaliseLanguage, normaliseUrl } from './meta-values';
import type { ExtractedMeta } from './types';

/** Scripts read per page. */
export const MAX_JSON_LD_SCRIPTS = 20;
/** Longest script read, in characters. */
export const MAX_JSON_LD_CHARS = 1024 * 1024;
/** Deepest nesting read. Real JSON-LD nests about 6 deep. */
export const MAX_JSON_LD_DEPTH = 32;
// Objects looked at over all scripts.
const MAX_NODES = 10_000;
// Authors named at most.
const MAX_AUTHORS = 10;

// schema.org types of an article, the news ones first.
const ARTICLE_TYPES = [
  'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle', 'ReviewNewsArticle',
  'AskPublicQuestionNewsArticle', 'SatiricalArticle', 'Article', 'BlogPosting', 'LiveBlogPosting', 'Report', 'ScholarlyArticle', 'TechArticle',
];

type JsonObject = Record<string, unknown>;

/** Metadata from the texts of a page's JSON-LD scripts, and warnings about scripts skipped. */
export function metaFromJsonLd(scripts: readonly string[], baseUrl: string | null = null): { meta: ExtractedMeta; warnings: string[] } {
  const warnings = new Set<string>();
  const objects: JsonObject[] = [];
  for (const script of scripts.slice(0, MAX_JSON_LD_SCRIPTS)) {
    const value = parseScript(script, warnings);
    if (value !== undefined) collectObjects(value, objects);
  }
  const byId = new Map<string, JsonObject>();
  for (const object of objects) {
    const id = object['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, object);
  }
  const article = pickArticle(objects);
  if (article === undefined) return { meta: {}, warnings: [...warnings] };
  const resolve = (value: unknown): unknown => {
    const id = isObject(value) ? value['@id'] : undefined;
    return typeof id === 'string' && Object.keys(value as JsonObject).length === 1 ? (byId.get(id) ?? value) : value;
  };
  const meta: ExtractedMeta = {};
  const title = cleanText(decodeEntities(firstString(article['headline']) ?? firstString(article['name'])));
  if (title) meta.title = title;
  const author = authorNames(article['author'], resolve);
  if (author) meta.author = author;
  const publication = cleanText(decodeEntities(nameOf(resolve(firstOf(article['publisher'])))));
  if (publication) meta.publication = publication;
  const publishedOn = normaliseDate(firstString(article['datePublished']));
  if (publishedOn) meta.publishedOn = publishedOn;
  const url = normaliseUrl(firstString(article['url']), baseUrl) ?? normaliseUrl(pageAddress(article['mainEntityOfPage']), baseUrl);
  if (url) meta.url = url;
  const inLanguage = firstOf(article['inLanguage']);
  const language = normaliseLanguage(isObject(inLanguage) ? (inLanguage['alternateName'] ?? inLanguage['name']) : inLanguage);
  if (language) meta.language = language;
  return { meta, warnings: [...warnings] };
}

function parseScript(script: string, warnings: Set<string>): unknown {
  // Some sites wrap the JSON in an HTML comment or CDATA section.
  const text = script.trim().replace(/^(?:<!--|\/\*<!\[CDATA\[\*\/|<!\[CDATA\[)/, '').replace(/(?:-->|\/\*\]\]>\*\/|\]\]>)$/, '');
  if (text.length > MAX_JSON_LD_CHARS) {
    warnings.add('Some of the page’s structured metadata (JSON-LD) was too large to read and was ignored.');
    return undefined;
  }
  if (nestingDepth(text) > MAX_JSON_LD_DEPTH) {
    warnings.add('Some of the page’s structured metadata (JSON-LD) was nested too deeply to read and was ignored.');
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    warnings.add('Some of the page’s structured metadata (JSON-LD) is not valid JSON and was ignored.');
    return undefined;
  }
}

// Every object in `value`, breadth first (so top-level articles come before nested ones).
function collectObjects(value: unknown, into: JsonObject[]): void {
  const queue: unknown[] = [value];
  for (let i = 0; i < queue.length && into.length < MAX_NODES; i++) {
    const item = queue[i];
    if (Array.isArray(item)) queue.push(...item.slice(0, MAX_NODES));
    else if (isObject(item)) {
      into.push(item);
      for (const child of Object.values(item)) if (typeof child === 'object' && child !== null) queue.push(child);
    }
    if (queue.length > MAX_NODES * 4) queue.length = MAX_NODES * 4;
  }
}

function pickArticle(objects: readonly JsonObject[]): JsonObject | undefined {
  let best: JsonObject | undefined;
  let bestRank = ARTICLE_TYPES.length;
  for (const object of objects) {
    for (const type of typesOf(object)) {
      const rank = ARTICLE_TYPES.indexOf(type);
      if (rank >= 0 && rank < bestRank) {
        best = object;
        bestRank = rank;
      }
    }
  }
  return best;
}

// `@type` as bare names: "NewsArticle", "schema:NewsArticle" and "https://schema.org/NewsArticle" alike.
function typesOf(object: JsonObject): string[] {
  const type = object['@type'];
  const types = Array.isArray(type) ? type.slice(0, 10) : [type];
  return types.filter((t): t is string => typeof t === 'string').map((t) => t.slice(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':')) + 1));
}

function authorNames(value: unknown, resolve: (value: unknown) => unknown): string | undefined {
  const authors = (Array.isArray(value) ? value : [value]).slice(0, MAX_AUTHORS * 2);
  const names: string[] = [];
  for (const author of authors) {
    const name = cleanText(decodeEntities(typeof author === 'string' ? author : nameOf(resolve(author))));
    // Some sites give the author's page instead of a name.
    if (name && !/^https?:\/\//i.test(name) && !names.includes(name)) names.push(name);
    if (names.length === MAX_AUTHORS) break;
  }
  return cleanText(names.join(', '));
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isObject(value) ? firstString(value['name']) : undefined;
}

function pageAddress(value: unknown): string | undefined {
  const page = firstOf(value);
  if (typeof page === 'string') return page;
  if (!isObject(page)) return undefined;
  return firstString(page['@id']) ?? firstString(page['url']);
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function firstString(value: unknown): string | undefined {
  const first = firstOf(value);
  if (typeof first === 'string') return first;
  // JSON-LD value objects: {"@value": "…"}
  return isObject(first) && typeof first['@value'] === 'string' ? first['@value'] : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
