/**
 * Reading a Markdown article. markdown-it renders it with raw HTML off (a `<script>` in the
 * text is shown as text, never passed on as markup) and without turning bare addresses into
 * links. A leading front-matter block (`---` … `---`, one `key: value` a line, as static-site
 * generators and many newsroom tools write) gives the metadata; otherwise the first level-one
 * heading gives the title.
 */
import MarkdownIt from 'markdown-it';
import { boundHtml, DEFAULT_HTML_LIMITS } from './bounded-html';
import { cleanText, normaliseDate, normaliseLanguage, normaliseUrl } from './meta-values';
import type { ExtractedDocument, ExtractedMeta } from './types';

// Front-matter lines looked at; a block that does not close within them is Markdown.
const MAX_FRONT_MATTER_LINES = 60;

const FRONT_MATTER_KEYS: Readonly<Record<string, keyof ExtractedMeta>> = {
  title: 'title',
  headline: 'title',
  author: 'author',
  authors: 'author',
  byline: 'author',
  publication: 'publication',
  publisher: 'publication',
  source: 'publication',
  site: 'publication',
  date: 'publishedOn',
  published: 'publishedOn',
  published_on: 'publishedOn',
  publishedon: 'publishedOn',
  datepublished: 'publishedOn',
  url: 'url',
  canonical: 'url',
  canonical_url: 'url',
  link: 'url',
  lang: 'language',
  language: 'language',
};

const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

/** Renders Markdown text to HTML, with its metadata. */
export function readMarkdown(text: string): ExtractedDocument {
  const { meta, body } = takeFrontMatter(text.replace(/^\uFEFF/, ''));
  const tokens = markdown.parse(body, {});
  if (meta.title === undefined) {
    const heading = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
    const title = heading < 0 ? undefined : cleanText(tokens[heading + 1]?.children?.map((child) => child.content).join(''));
    if (title !== undefined) meta.title = title;
  }
  // markdown-it caps nesting itself; a huge table can still make too many elements.
  const bounded = boundHtml(markdown.renderer.render(tokens, markdown.options, {}), { fragment: true });
  const warnings = bounded.tooMany
    ? [`The file makes more than ${DEFAULT_HTML_LIMITS.maxElements.toLocaleString('en')} elements; past those, its text was kept without its layout.`]
    : [];
  return { format: 'markdown', content: { kind: 'html', html: bounded.html, baseUrl: meta.url ?? null }, meta, warnings };
}

function takeFrontMatter(text: string): { meta: ExtractedMeta; body: string } {
  const meta: ExtractedMeta = {};
  if (!/^---[ \t]*\r?\n/.test(text)) return { meta, body: text };
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/).slice(0, MAX_FRONT_MATTER_LINES + 1);
  const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line));
  if (end < 0) return { meta, body: text };
  for (const line of lines.slice(1, end)) {
    const match = /^([A-Za-z_-]+)\s*:\s*(.*)$/.exec(line);
    const field = match === null ? undefined : FRONT_MATTER_KEYS[(match[1] ?? '').toLowerCase().replace(/-/g, '_')];
    if (field === undefined || meta[field] !== undefined) continue;
    const value = unquote(match?.[2] ?? '');
    const read = field === 'publishedOn' ? normaliseDate(value) : field === 'url' ? normaliseUrl(value) : field === 'language' ? normaliseLanguage(value) : cleanText(value);
    if (read !== undefined) meta[field] = read;
  }
  let offset = 0;
  for (let line = 0; line <= end; line++) {
    const newline = text.indexOf('\n', offset);
    offset = newline < 0 ? text.length : newline + 1;
  }
  return { meta, body: text.slice(offset) };
}

// A YAML scalar as written on one line; a flow list (`[A, B]`) becomes "A, B".
function unquote(value: string): string {
  const trimmed = value.trim();
  const list = /^\[(.*)\]$/.exec(trimmed);
  if (list !== null) return (list[1] ?? '').split(',').map(unquote).filter(Boolean).join(', ');
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return quoted === null ? trimmed.replace(/\s+#.*$/, '') : (quoted[2] ?? '');
}
