/**
 * One import, from bytes (or pasted HTML) to an article ready to store. This is the code the
 * import worker runs: everything here may meet hostile input, so it runs off the main thread,
 * under memory and time limits (see `import-host.ts`), and reports typed outcomes only.
 */
import path from 'node:path';
import type { DocumentMeta } from '../../../shared/domain';
import type { ArticleJson } from '../../../shared/article/schema';
import { MAX_DERIVED_TITLE, parsePlainText } from '../../../shared/import/parse-plain-text';
import { AppError, type AppErrorValue } from '../../../shared/result';
import { extractDocument, type ExtractedMeta, type ImportFormat } from '../formats';
import { articleFromHtml } from '../html-to-article';

/** What the worker is asked to read. */
export type ImportJobRequest =
  | { readonly kind: 'file'; readonly bytes: Uint8Array; readonly fileName: string; readonly encoding?: string }
  | { readonly kind: 'paste-html'; readonly html: string; readonly title: string | null };

/** An article read from a file or a paste, ready for the store. */
export interface ImportedArticle {
  readonly meta: DocumentMeta;
  readonly language: string | null;
  readonly sourceFormat: ImportFormat | 'paste';
  readonly body: ArticleJson;
  readonly plainText: string;
  readonly warnings: readonly string[];
}

/** What came of it. `needs-encoding`: the text is not UTF-8; the user must confirm an encoding. */
export type ImportJobResult =
  | { readonly status: 'ok'; readonly article: ImportedArticle }
  | { readonly status: 'needs-encoding'; readonly guess: string; readonly candidates: readonly string[]; readonly preview: string }
  | { readonly status: 'error'; readonly error: AppErrorValue };

/** Runs one import job; never throws. */
export async function runImportJob(request: ImportJobRequest): Promise<ImportJobResult> {
  try {
    return await read(request);
  } catch (error) {
    if (error instanceof AppError) return { status: 'error', error: error.toValue() };
    if (error instanceof RangeError) {
      return { status: 'error', error: { kind: 'bad-file', message: 'The file is nested too deeply or is too irregular to read.' } };
    }
    return { status: 'error', error: { kind: 'bad-file', message: `The file could not be read (${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}).` } };
  }
}

async function read(request: ImportJobRequest): Promise<ImportJobResult> {
  if (request.kind === 'paste-html') {
    const { body, plainText } = articleFromHtml(request.html, { baseUrl: null });
    const title = request.title?.trim() || titleFromArticle(plainText, body) || 'Pasted article';
    return { status: 'ok', article: { meta: { title, publication: null, author: null, url: null, publishedOn: null }, language: null, sourceFormat: 'paste', body, plainText, warnings: [] } };
  }
  const extracted = await extractDocument(request.bytes, request.fileName, request.encoding === undefined ? {} : { encoding: request.encoding });
  if (extracted.status === 'needs-encoding') return extracted;
  const { content, meta, format } = extracted;
  if (content.kind === 'text') {
    const parsed = parsePlainText(content.text, path.basename(request.fileName));
    return { status: 'ok', article: { ...parsed, meta: mergeMeta(parsed.meta, meta), language: meta.language ?? null, sourceFormat: format, warnings: extracted.warnings } };
  }
  const { body, plainText } = articleFromHtml(content.html, { baseUrl: content.baseUrl });
  const title = meta.title?.trim() || titleFromArticle(plainText, body) || titleFromFileName(request.fileName);
  return {
    status: 'ok',
    article: {
      meta: mergeMeta({ title, publication: null, author: null, url: null, publishedOn: null }, meta),
      language: meta.language ?? null,
      sourceFormat: format,
      body,
      plainText,
      warnings: extracted.warnings,
    },
  };
}

/** The file's own metadata wins over what was derived from its text. */
function mergeMeta(derived: DocumentMeta, found: ExtractedMeta): DocumentMeta {
  return {
    title: found.title?.trim() || derived.title,
    publication: found.publication?.trim() || derived.publication,
    author: found.author?.trim() || derived.author,
    url: found.url?.trim() || derived.url,
    publishedOn: found.publishedOn ?? derived.publishedOn,
  };
}

/** A title from the article itself: its first heading, else its first line, shortened. */
function titleFromArticle(plainText: string, body: ArticleJson): string {
  const heading = (body.content as { type?: string; content?: { text?: string }[] }[]).find((node) => node.type === 'heading');
  const text = heading?.content?.map((t) => t.text ?? '').join('') ?? plainText.split('\n\n')[0] ?? '';
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_DERIVED_TITLE) return flat;
  const cut = flat.slice(0, MAX_DERIVED_TITLE - 1).replace(/\s+\S*$/, '');
  return `${cut || flat.slice(0, MAX_DERIVED_TITLE - 1)}…`;
}

function titleFromFileName(fileName: string): string {
  const stem = path.basename(fileName, path.extname(fileName));
  return stem.replace(/[_-]+/g, ' ').trim() || 'Imported article';
}
