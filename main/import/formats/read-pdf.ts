/**
 * Reading a PDF: the text layer of each page through pdf.js, laid out into paragraphs by
 * `pdf-layout.ts`, and the title and author from the document information.
 *
 * pdf.js runs in this thread (its legacy build's "fake worker", which is what Node gets), with
 * `eval` off, no fonts turned into font faces, and nothing fetched: it is handed the bytes, and
 * only reads the character maps shipped with it, from disk, for CJK fonts. A PDF with no text
 * (a scan) or a password is refused with a message that says so.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { MAX_ARTICLE_CHARS } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { fileLabel } from './detect-format';
import { cleanText, normaliseLanguage } from './meta-values';
import { layoutPdfText, type PdfBlock, type PdfTextRun } from './pdf-layout';
import type { ExtractedDocument, ExtractedMeta } from './types';

/** Most pages read. */
export const MAX_PDF_PAGES = 2_000;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

// pdf.js is an ES module; main is CommonJS, hence the dynamic import.
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** The folder of the character maps pdf.js ships, if it can be found. */
export function characterMapFolder(): string | undefined {
  try {
    return path.join(path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json')), 'cmaps') + path.sep;
  } catch {
    return undefined;
  }
}

/** Reads the text of a PDF. Throws `AppError` for a damaged, protected or text-less PDF. */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  const label = fileLabel(fileName);
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const cMapUrl = characterMapFolder();
  const task = getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given, so it gets a copy.
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    ...(cMapUrl === undefined ? {} : { cMapUrl, cMapPacked: true }),
  });
  try {
    let document: Awaited<typeof task.promise>;
    try {
      document = await task.promise;
    } catch (error) {
      throw openingError(error, label);
    }
    if (document.numPages > MAX_PDF_PAGES) {
      throw new AppError('too-large', `${label} has ${document.numPages.toLocaleString('en')} pages; Claimdesk imports PDFs of up to ${MAX_PDF_PAGES.toLocaleString('en')} pages.`);
    }
    const pages: PdfTextRun[][] = [];
    const empty: number[] = [];
    let chars = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const runs = await pageRuns(document, number, label);
      const pageChars = runs.reduce((sum, run) => sum + run.text.trim().length, 0);
      if (pageChars === 0) empty.push(number);
      chars += pageChars;
      if (chars > MAX_ARTICLE_CHARS) {
        throw new AppError('too-large', `${label} has more text than Claimdesk imports (${MAX_ARTICLE_CHARS.toLocaleString('en')} characters).`);
      }
      pages.push(runs);
    }
    if (chars === 0) {
      throw new AppError(
        'bad-file',
        `${label} has no text layer (is it a scan?). Claimdesk reads the text of a PDF; run it through text recognition (OCR) first, then import the result.`,
      );
    }
    const warnings = empty.length === 0 ? [] : [`${pageList(empty)} no text (scanned images?) and ${empty.length === 1 ? 'was' : 'were'} left out.`];
    const meta = await pdfMeta(document);
    return { format: 'pdf', content: { kind: 'html', html: blocksToHtml(layoutPdfText(pages)), baseUrl: null }, meta, warnings };
  } finally {
    await task.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

async function pageRuns(document: PdfDocument, number: number, label: string): Promise<PdfTextRun[]> {
  try {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    return content.items.filter(isTextItem).map((item) => ({
      text: item.str,
      x: item.transform[4] ?? 0,
      y: item.transform[5] ?? 0,
      width: item.width,
      size: Math.abs(item.height) || Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || 1,
      endOfLine: item.hasEOL,
    }));
  } catch (error) {
    throw new AppError('bad-file', `${label} is damaged: page ${number} cannot be read (${reason(error)}).`);
  }
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

function openingError(error: unknown, label: string): AppError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new AppError('bad-file', `${label} is protected by a password. Open it, save a copy without the password, and import that.`);
  }
  if (name === 'InvalidPDFException') return new AppError('bad-file', `${label} is damaged or incomplete: it cannot be read as a PDF.`);
  return new AppError('bad-file', `${label} is damaged: it cannot be read as a PDF (${reason(error)}).`);
}

function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 120);
}

async function pdfMeta(document: PdfDocument): Promise<ExtractedMeta> {
  const meta: ExtractedMeta = {};
  let info: Record<string, unknown> = {};
  let xmpTitle: unknown;
  try {
    const data = await document.getMetadata();
    info = (data.info ?? {}) as Record<string, unknown>;
    xmpTitle = data.metadata?.get('dc:title');
  } catch {
    return meta;
  }
  const title = cleanTitle(info['Title']) ?? cleanTitle(xmpTitle);
  if (title) meta.title = title;
  const author = cleanText(info['Author']);
  if (author) meta.author = author;
  const language = normaliseLanguage(info['Language']);
  if (language) meta.language = language;
  return meta;
}

// Titles that are really file names ("Microsoft Word - draft3.docx", "untitled") or the address
// of the page a browser printed (often "about:blank" or a file: URL) say nothing.
function cleanTitle(value: unknown): string | undefined {
  const title = cleanText(value)
    ?.replace(/^Microsoft (?:Word|PowerPoint) - /, '')
    .replace(/\.(?:docx?|pdf|odt|rtf|txt|indd|pages)$/i, '');
  if (!title || /^(?:untitled|document\d*|unknown)$/i.test(title) || /^(?:about|file|data|blob|https?):/i.test(title)) return undefined;
  return title;
}

function pageList(pages: readonly number[]): string {
  if (pages.length === 1) return `Page ${pages[0]} has`;
  const shown = pages.slice(0, 10).join(', ');
  return `Pages ${shown}${pages.length > 10 ? ` and ${pages.length - 10} more` : ''} have`;
}

/** Blocks as HTML, the text escaped. */
export function blocksToHtml(blocks: readonly PdfBlock[]): string {
  return blocks.map(({ kind, text }) => (kind === 'heading' ? `<h2>${escapeHtml(text)}</h2>` : `<p>${escapeHtml(text)}</p>`)).join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
