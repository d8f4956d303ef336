/**
 * Metadata of a saved web page: title, byline, publication, date, canonical address and
 * language, from the places news sites put them. For each field the sources are tried in
 * order and the first usable value wins: JSON-LD (the most deliberate), then Open Graph and
 * article meta tags, then the generic ones (`<title>`, `<meta name=author>`, `<time>`, …).
 */
import { metaFromJsonLd } from './json-ld';
import { cleanText, normaliseDate, normaliseLanguage, normaliseUrl } from './meta-values';
import type { ExtractedMeta } from './types';

// Meta tags read, by lower-cased `name` or `property`, most trusted first.
const TITLE_TAGS = ['og:title', 'twitter:title', 'dc.title', 'citation_title'];
const AUTHOR_TAGS = ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author', 'citation_author'];
const PUBLICATION_TAGS = ['og:site_name', 'application-name', 'citation_journal_title', 'dc.publisher'];
const DATE_TAGS = [
  'article:published_time', 'og:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'pubdate',
  'publishdate', 'publish-date', 'parsely-pub-date', 'sailthru.date', 'citation_publication_date', 'citation_date',
];
const URL_TAGS = ['og:url', 'twitter:url'];
const LANGUAGE_TAGS = ['content-language', 'dc.language', 'og:locale'];

/**
 * The page's metadata, and warnings about metadata that could not be read. The title is only
 * the one the page states for its article; `pageTitle` is the fallback.
 */
export function metaFromDocument(document: Document): { meta: ExtractedMeta; warnings: string[] } {
  const tags = metaTags(document);
  const base = baseAddress(document);
  const scripts = Array.from(document.querySelectorAll('script'))
    .filter((script) => (script.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json')
    .map((script) => script.textContent ?? '');
  const jsonLd = metaFromJsonLd(scripts, base);
  const pick = <T>(...values: (T | undefined)[]): T | undefined => values.find((value) => value !== undefined);

  const canonical = Array.from(document.querySelectorAll('link[rel]')).find((link) =>
    (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const meta: ExtractedMeta = {
    title: pick(jsonLd.meta.title, first(tags, TITLE_TAGS, cleanText)),
    author: pick(jsonLd.meta.author, first(tags, AUTHOR_TAGS, authorName)),
    publication: pick(jsonLd.meta.publication, first(tags, PUBLICATION_TAGS, cleanText)),
    publishedOn: pick(jsonLd.meta.publishedOn, first(tags, DATE_TAGS, normaliseDate), timeElementDate(document)),
    url: pick(normaliseUrl(canonical?.getAttribute('href'), base), first(tags, URL_TAGS, (value) => normaliseUrl(value, base)), jsonLd.meta.url),
    language: pick(normaliseLanguage(document.documentElement.getAttribute('lang')), first(tags, LANGUAGE_TAGS, normaliseLanguage), jsonLd.meta.language),
  };
  return { meta: withoutUndefined(meta), warnings: jsonLd.warnings };
}

/** The page's `<title>`, else its first `<h1>`. */
export function pageTitle(document: Document): string | undefined {
  return cleanText(document.querySelector('title')?.textContent) ?? cleanText(document.querySelector('h1')?.textContent);
}

/** The page's base address for relative links (its `<base href>`, or its canonical address), if http(s). */
export function baseAddress(document: Document): string | null {
  const base = normaliseUrl(document.querySelector('base[href]')?.getAttribute('href'));
  if (base !== undefined) return base;
  const canonical = Array.from(document.querySelectorAll('link[rel]')).find((link) =>
    (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  return normaliseUrl(canonical?.getAttribute('href')) ?? normaliseUrl(metaTags(document).get('og:url')?.[0]) ?? null;
}

// The content of every meta tag, by lower-cased name, property or http-equiv, in page order.
function metaTags(document: Document): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const element of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = element.getAttribute('content') ?? '';
    for (const attribute of ['name', 'property', 'http-equiv', 'itemprop']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (!key) continue;
      const list = tags.get(key) ?? [];
      if (list.length < 10) list.push(content);
      tags.set(key, list);
    }
  }
  return tags;
}

function first<T>(tags: Map<string, string[]>, names: readonly string[], read: (value: string) => T | undefined): T | undefined {
  for (const name of names) {
    for (const value of tags.get(name) ?? []) {
      const read1 = read(value);
      if (read1 !== undefined) return read1;
    }
  }
  return undefined;
}

// `article:author` is often the author's profile page rather than a name.
function authorName(value: string): string | undefined {
  const name = cleanText(value);
  return name === undefined || /^(?:https?:\/\/|www\.)/i.test(name) ? undefined : name;
}

// `<time itemprop="datePublished">`, else the first `<time datetime>` in the page.
function timeElementDate(document: Document): string | undefined {
  const marked = document.querySelector('time[itemprop="datePublished"], time[pubdate]');
  const time = marked ?? document.querySelector('time[datetime]');
  return normaliseDate(time?.getAttribute('datetime') ?? time?.textContent ?? undefined);
}

function withoutUndefined(meta: ExtractedMeta): ExtractedMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined)) as ExtractedMeta;
}
