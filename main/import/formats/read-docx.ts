/**
 * Reading a Word document (.docx): the package is checked first (`docx-package.ts`), then
 * mammoth turns the document into HTML — headings, paragraphs, lists, tables, links, notes —
 * with pictures left out and no file outside the package ever opened. Title and author come
 * from the document properties (`docProps/core.xml`).
 */
import mammoth from 'mammoth';
import { AppError } from '../../../shared/result';
import { boundHtml, DEFAULT_HTML_LIMITS } from './bounded-html';
import { fileLabel } from './detect-format';
import { inspectDocxPackage } from './docx-package';
import { cleanText, decodeEntities, normaliseDate, normaliseLanguage } from './meta-values';
import type { ExtractedDocument, ExtractedMeta } from './types';

// Names word processors fill in for "author" when nobody set one.
const PLACEHOLDER_AUTHORS = /^(?:microsoft office user|windows user|user|admin|administrator|author|owner|unknown|apache poi)$/i;

type MammothOptions = NonNullable<Parameters<typeof mammoth.convertToHtml>[1]>;

/** Reads a .docx file. Throws `AppError` naming what is wrong with the package or the document. */
export async function readDocx(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  const label = fileLabel(fileName);
  const docx = await inspectDocxPackage(bytes, label);
  let pictures = 0;
  // mammoth calls `convertImage` for each picture and puts in the elements it returns: none.
  const dropPicture = (() => {
    pictures++;
    return Promise.resolve([]);
  }) as unknown as MammothOptions['convertImage'];
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: dropPicture, externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('bad-file', `${label} nests its content too deeply to read.`);
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 120) : 'unknown error';
    throw new AppError('bad-file', `${label} could not be read as a Word document (${reason}).`);
  }
  const bounded = boundHtml(html, { fragment: true });
  const warnings: string[] = [];
  const meta = docx.coreProperties === null ? {} : metaFromCoreProperties(docx.coreProperties);
  if (meta.publishedOn !== undefined) {
    warnings.push(`The date ${meta.publishedOn} is when the Word file was created; check it against the article’s publication date.`);
  }
  const pictureCount = Math.max(pictures, docx.mediaCount);
  if (pictureCount > 0) warnings.push(`${pictureCount === 1 ? 'A picture was' : `${pictureCount} pictures were`} left out: Claimdesk imports the text.`);
  if (bounded.tooDeep || bounded.tooMany) {
    warnings.push(`The document is too deeply nested or too long to keep all its layout (more than ${DEFAULT_HTML_LIMITS.maxElements.toLocaleString('en')} elements); past that, its text was kept without it.`);
  }
  return { format: 'docx', content: { kind: 'html', html: bounded.html, baseUrl: null }, meta, warnings };
}

/** Title, author, creation date and language from `docProps/core.xml`. */
export function metaFromCoreProperties(xml: string): ExtractedMeta {
  const field = (name: string) => {
    const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]{0,2000})</${name}>`).exec(xml);
    return match === null ? undefined : decodeEntities(match[1]);
  };
  const meta: ExtractedMeta = {};
  const title = cleanText(field('dc:title'));
  if (title) meta.title = title;
  const author = cleanText(field('dc:creator'));
  if (author && !PLACEHOLDER_AUTHORS.test(author)) meta.author = author;
  const created = normaliseDate(field('dcterms:created'));
  if (created) meta.publishedOn = created;
  const language = normaliseLanguage(field('dc:language'));
  if (language) meta.language = language;
  return meta;
}
