/**
 * HTML (from a web page, Markdown, Word or PDF reader, or a paste) to an article body.
 *
 * Four steps, each with one job:
 *
 * 1. `prefilterHtml` rewrites the source into the few well-formed tags an article is read from,
 *    with a bounded depth, leaving out comments, scripts, styles, forms, SVG, MathML, hidden
 *    elements and the like with their content, so that the parser below only ever builds a
 *    small tree and the sanitizer has little to remove (jsdom is slow at both on big pages);
 * 2. DOMPurify, on a jsdom window, parses that (scripting off, nothing fetched) and keeps only
 *    the tags the schema can hold, `div`, and the attributes `href` and `start`; it is the
 *    sanitizer, whatever the prefilter let through;
 * 3. links are resolved against the page's address, and any that is not http:, https: or
 *    mailto: afterwards loses its link (its text stays);
 * 4. ProseMirror's DOMParser reads the tree into the article schema, which itself refuses any
 *    other link; empty blocks are dropped and list items made to start with a paragraph.
 *
 * White space is collapsed as a browser shows it, and a `<br>` reads as a space: a paragraph
 * stays one block of the plain text, and no textblock holds a line break. The result is a
 * body that passes `check()` with its plain text, or an `AppError`: 'bad-file' when no text is
 * left, 'too-large' when the page or its text is past the limits.
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import { DOMParser as ProseMirrorParser, Fragment, type Node as ProseMirrorNode } from 'prosemirror-model';
import { safeLinkHref } from '../../shared/article/link-href';
import { plainTextOf } from '../../shared/article/plain-text';
import { articleSchema, type ArticleJson } from '../../shared/article/schema';
import { MAX_ARTICLE_CHARS } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { prefilterHtml } from './html-prefilter';

/** An article read from HTML. */
export interface HtmlArticle {
  readonly body: ArticleJson;
  readonly plainText: string;
}

/** How to read the HTML. */
export interface HtmlArticleOptions {
  /** The page's own address, against which relative links are resolved; `<base>` is ignored. */
  readonly baseUrl?: string | null;
}

/**
 * Most elements a page may give after prefiltering. jsdom takes about 2 KB and 20 µs an
 * element here; 100,000 paragraphs are fine, millions would exhaust an import worker.
 */
export const MAX_HTML_ELEMENTS = 400_000;

/** Most characters of HTML read: well past any article's markup. */
export const MAX_HTML_CHARS = 10 * MAX_ARTICLE_CHARS;

// Exactly what the prefilter writes: the tags the schema holds, `div` for other blocks, and
// the page's frame.
const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS: ['body', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'em', 'i', 'strong', 'b', 'a', 'br', 'div'],
  ALLOWED_ATTR: ['href', 'start'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  RETURN_DOM: true,
};

let purifier: DOMPurify | null = null;

function getPurifier(): DOMPurify {
  // jsdom's defaults: scripts never run, no resource is loaded.
  purifier ??= createDOMPurify(new JSDOM('<!DOCTYPE html>').window as unknown as WindowLike);
  return purifier;
}

/** The article in `html`; see the header for what is kept. Throws AppError 'bad-file' or 'too-large'. */
export function articleFromHtml(html: string, options: HtmlArticleOptions = {}): HtmlArticle {
  if (html.length > MAX_HTML_CHARS) {
    throw new AppError('too-large', `The page is ${megabytes(html.length)} million characters of HTML; Claimdesk reads up to ${megabytes(MAX_HTML_CHARS)} million.`);
  }
  const filtered = prefilterHtml(html);
  if (filtered.elements > MAX_HTML_ELEMENTS) {
    throw new AppError('too-large', `The page has ${filtered.elements.toLocaleString('en')} elements of text; Claimdesk reads pages of up to ${MAX_HTML_ELEMENTS.toLocaleString('en')}.`);
  }
  const body = getPurifier().sanitize(filtered.html, PURIFY_CONFIG) as unknown as HTMLElement;
  resolveLinks(body, options.baseUrl ?? null);
  const parsed = ProseMirrorParser.fromSchema(articleSchema).parse(body);
  // Let jsdom's tree go: its node iterators keep the document alive until the end of the job.
  body.replaceChildren();
  const content = normaliseBlocks(parsed.content);
  if (content.length === 0) throw new AppError('bad-file', 'The page has no article text.');
  const doc = articleSchema.node('doc', null, content);
  doc.check();
  const plainText = plainTextOf(doc);
  if (plainText.length > MAX_ARTICLE_CHARS) {
    throw new AppError('too-large', `The article is ${megabytes(plainText.length)} million characters long; Claimdesk imports articles of up to ${megabytes(MAX_ARTICLE_CHARS)} million.`);
  }
  return { body: doc.toJSON() as ArticleJson, plainText };
}

/** Resolves each link's target against the page's address; one that is not safe then goes. */
function resolveLinks(root: HTMLElement, baseUrl: string | null): void {
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    const href = safeLinkHref(link.getAttribute('href') ?? '', baseUrl);
    if (href === null) link.removeAttribute('href');
    else link.setAttribute('href', href);
  }
}

/**
 * The blocks of `content` with empty textblocks and emptied containers left out, and every
 * list item starting with a paragraph as the schema asks: a leading heading becomes a
 * paragraph, a leading block quote gives up its blocks, a leading list its items.
 */
function normaliseBlocks(content: Fragment): ProseMirrorNode[] {
  const blocks: ProseMirrorNode[] = [];
  content.forEach((block) => {
    if (block.isTextblock) {
      if (/\S/u.test(block.textContent)) blocks.push(block);
    } else if (block.type.name === 'bullet_list' || block.type.name === 'ordered_list') {
      const items = normaliseItems(block.content);
      if (items.length > 0) blocks.push(block.copy(Fragment.from(items)));
    } else {
      const inner = normaliseBlocks(block.content);
      if (inner.length > 0) blocks.push(block.copy(Fragment.from(inner)));
    }
  });
  return blocks;
}

function normaliseItems(list: Fragment): ProseMirrorNode[] {
  const items: ProseMirrorNode[] = [];
  list.forEach((item) => {
    const blocks = normaliseBlocks(item.content);
    for (let first = blocks[0]; first !== undefined && first.type.name !== 'paragraph'; first = blocks[0]) {
      if (first.type.name === 'heading') {
        blocks[0] = articleSchema.nodes['paragraph']!.create(null, first.content);
      } else if (first.type.name === 'blockquote') {
        blocks.splice(0, 1, ...childrenOf(first));
      } else {
        items.push(...childrenOf(first));
        blocks.shift();
      }
    }
    if (blocks.length > 0) items.push(item.copy(Fragment.from(blocks)));
  });
  return items;
}

function childrenOf(node: ProseMirrorNode): ProseMirrorNode[] {
  const children: ProseMirrorNode[] = [];
  node.forEach((child) => children.push(child));
  return children;
}

function megabytes(chars: number): string {
  return (chars / 1_000_000).toFixed(1);
}
