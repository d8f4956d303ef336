/**
 * Reading a saved web page: the article's body, picked out of the page by Mozilla's
 * Readability, and the page's metadata.
 *
 * The page is first rewritten by `boundHtml`, which caps its depth and size, then parsed by
 * jsdom with its defaults: no script runs and nothing is fetched (no images, styles, frames or
 * scripts are loaded). Readability needs a whole DOM and takes time in proportion to it, so it
 * only runs on pages of up to `READABILITY_MAX_ELEMENTS` elements; for larger pages, and pages
 * where it finds no article, the page's whole body is the content.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { AppError } from '../../../shared/result';
import { boundHtml, DEFAULT_HTML_LIMITS } from './bounded-html';
import { fileLabel } from './detect-format';
import { baseAddress, metaFromDocument, pageTitle } from './html-metadata';
import { cleanText, normaliseDate, normaliseLanguage } from './meta-values';
import type { ExtractedDocument, ExtractedMeta } from './types';

/**
 * Largest page (in elements, after `boundHtml`) that Readability is run on. It takes about
 * 0.2 ms an element here, so this keeps it within a few seconds; news pages have a few
 * thousand.
 */
export const READABILITY_MAX_ELEMENTS = 20_000;

// An article Readability finds must have at least this much text (or a quarter of the page's),
// or the whole body is taken: on short or odd pages it can settle on a caption.
const MIN_ARTICLE_CHARS = 500;

/** Reads the text of an HTML file. Throws `AppError('bad-file')` when the page has no text. */
export function readHtml(html: string, fileName: string): ExtractedDocument {
  const bounded = boundHtml(html);
  const warnings: string[] = [];
  if (bounded.tooDeep) {
    warnings.push(`The page nests its elements more than ${DEFAULT_HTML_LIMITS.maxDepth} deep; below that, its text was kept without its layout.`);
  }
  if (bounded.tooMany) {
    warnings.push(`The page has more than ${DEFAULT_HTML_LIMITS.maxElements.toLocaleString('en')} elements; past those, its text was kept without its layout.`);
  }
  // jsdom's defaults are what keep the page inert: `runScripts` unset runs no script, and
  // `resources` unset loads no subresource. The virtual console swallows the page's CSS errors.
  const dom = new JSDOM(bounded.html, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const found = metaFromDocument(document);
    warnings.push(...found.warnings);
    const baseUrl = baseAddress(document);
    const fallbackTitle = pageTitle(document);
    for (const element of Array.from(document.querySelectorAll('script, style, noscript, template'))) element.remove();
    const bodyText = (document.body?.textContent ?? '').trim();
    if (bodyText === '') throw new AppError('bad-file', `${fileLabel(fileName)} has no text to import.`);
    const bodyHtml = document.body?.innerHTML ?? '';

    let article: ReturnType<Readability['parse']> = null;
    if (bounded.elements <= READABILITY_MAX_ELEMENTS) {
      article = pickArticle(document, bodyText.length);
      if (article === null) warnings.push('Claimdesk could not tell the article from the rest of the page, so all of the page’s text was imported.');
    } else {
      warnings.push('The page is too large to pick the article out of it, so all of the page’s text was imported.');
    }
    const meta: ExtractedMeta = { ...fromReadability(article), ...found.meta };
    const title = found.meta.title ?? cleanText(article?.title) ?? fallbackTitle;
    if (title !== undefined) meta.title = title;
    return {
      format: 'html',
      content: { kind: 'html', html: article?.content ?? bodyHtml, baseUrl },
      meta,
      warnings,
    };
  } finally {
    dom.window.close();
  }
}

// Readability's article, if it found one worth having. It changes the document it reads, so
// everything else is read first.
function pickArticle(document: Document, bodyChars: number): ReturnType<Readability['parse']> {
  try {
    const article = new Readability(document, { maxElemsToParse: READABILITY_MAX_ELEMENTS, disableJSONLD: true }).parse();
    const chars = (article?.textContent ?? '').trim().length;
    return article?.content && chars >= Math.min(MIN_ARTICLE_CHARS, bodyChars / 4) ? article : null;
  } catch {
    // Readability throws when the page has more elements than `maxElemsToParse`.
    return null;
  }
}

// What Readability noticed itself (a byline in the text, say): the last resort for each field.
function fromReadability(article: ReturnType<Readability['parse']>): ExtractedMeta {
  const meta: ExtractedMeta = {};
  if (article === null) return meta;
  const author = cleanText(article.byline?.replace(/^\s*by\s+/i, ''));
  if (author) meta.author = author;
  const publication = cleanText(article.siteName);
  if (publication) meta.publication = publication;
  const publishedOn = normaliseDate(article.publishedTime ?? undefined);
  if (publishedOn) meta.publishedOn = publishedOn;
  const language = normaliseLanguage(article.lang ?? undefined);
  if (language) meta.language = language;
  return meta;
}
