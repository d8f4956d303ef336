/**
 * Reading an imported file into content and metadata: the one entry point the import job calls.
 * The order of checks is the order of cost: size, then what the file is (`detectFormat`), then
 * its encoding for text-like files, and only then the reader for its format.
 */
import { MAX_IMPORT_BYTES } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { detectFormat, fileLabel } from './detect-format';
import { readDocx } from './read-docx';
import { readHtml } from './read-html';
import { readMarkdown } from './read-markdown';
import { readPdf } from './read-pdf';
import { decodeImportedText, htmlDeclaredEncoding } from './text-encoding';
import type { Extracted, ExtractedDocument, ImportFormat } from './types';

/** Options of `extractDocument`. */
export interface ExtractOptions {
  /** The encoding the user confirmed for a text-like file that is not UTF-8 or UTF-16 with a byte-order mark. */
  readonly encoding?: string;
}

/**
 * Reads a file. Returns its content and metadata, or, for text whose encoding is not certain,
 * the question to ask the user. Throws `AppError` — `too-large` above `MAX_IMPORT_BYTES` or past
 * a reader's limits, `bad-file` for anything that is not a readable file of the kind its name
 * says (the message names the file and the problem), `invalid-argument` for an unknown
 * `encoding` — and nothing else: an unexpected failure inside a reader is reported as a
 * `bad-file` too, since it is the file that brought it on.
 */
export async function extractDocument(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<Extracted> {
  const label = fileLabel(fileName);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError('too-large', `${label} is ${megabytes(bytes.length)} MB; Claimdesk imports files of up to ${megabytes(MAX_IMPORT_BYTES)} MB.`);
  }
  const format = detectFormat(bytes, fileName);
  try {
    const read = await readFormat(bytes, fileName, format, options);
    return read.status === 'needs-encoding' ? read : { status: 'ok', ...read.document };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof RangeError) throw new AppError('bad-file', `${label} is nested too deeply or is too irregular to read.`);
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 120) : 'unknown error';
    throw new AppError('bad-file', `${label} could not be read (${reason}).`);
  }
}

type Read = { readonly status: 'ok'; readonly document: ExtractedDocument } | Extract<Extracted, { status: 'needs-encoding' }>;

async function readFormat(bytes: Uint8Array, fileName: string, format: ImportFormat, options: ExtractOptions): Promise<Read> {
  switch (format) {
    case 'docx':
      return { status: 'ok', document: await readDocx(bytes, fileName) };
    case 'pdf':
      return { status: 'ok', document: await readPdf(bytes, fileName) };
    case 'text':
    case 'markdown':
    case 'html': {
      const decoded = decodeImportedText(bytes, fileName, {
        ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
        ...(format === 'html' ? { declaredEncoding: htmlDeclaredEncoding } : {}),
      });
      if (decoded.status === 'needs-encoding') return decoded;
      if (format === 'html') return { status: 'ok', document: readHtml(decoded.text, fileName) };
      if (format === 'markdown') return { status: 'ok', document: readMarkdown(decoded.text) };
      return { status: 'ok', document: { format: 'text', content: { kind: 'text', text: decoded.text }, meta: {}, warnings: [] } };
    }
  }
}

// Rounded up, so a file just over the limit does not read as being at it.
function megabytes(size: number): string {
  return String(Math.ceil((size / (1024 * 1024)) * 10) / 10);
}
