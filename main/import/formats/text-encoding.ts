/**
 * The text of a text-like file (plain text, Markdown, HTML). UTF-8, with or without a
 * byte-order mark, and UTF-16 with one are read as they are. Anything else can only be guessed
 * at, so the first time round the user is asked to confirm an encoding: the answer carries the
 * likeliest one (the page's own `<meta charset>` when it names one, else chardet's guess), other
 * encodings that decode the file without error, and a preview. The confirmed encoding then comes
 * back in `options.encoding`.
 */
import { analyse } from 'chardet';
import { decodeTextOrReport, looksBinary, type TextDecoding } from '../../../shared/import/decode-text';
import { AppError } from '../../../shared/result';
import { fileLabel } from './detect-format';
import type { Extracted } from './types';

/** Encodings offered after the guess: the common legacy encodings of newsroom text. */
export const FALLBACK_ENCODINGS: readonly string[] = [
  'windows-1252',
  'iso-8859-2',
  'windows-1250',
  'windows-1251',
  'koi8-r',
  'iso-8859-7',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'big5',
  'euc-kr',
];

/** Most encodings offered at once. */
export const MAX_CANDIDATES = 8;
/** Characters in the preview. */
export const PREVIEW_CHARS = 600;
// How much of the file chardet reads and each candidate must decode: enough to see the
// non-ASCII letters of a long text, little enough to keep the question quick on 20 MB (chardet
// takes about 10 s on the whole of that).
const SAMPLE_BYTES = 256 * 1024;

type NeedsEncoding = Extract<Extracted, { status: 'needs-encoding' }>;

/** Text, or the question of its encoding. */
export type TextOrQuestion = { readonly status: 'text'; readonly text: string } | NeedsEncoding;

export interface DecodeOptions {
  /** The encoding the user confirmed, for a file that is not UTF-8. */
  readonly encoding?: string;
  /** The encoding the file says it is in (an HTML page's `<meta charset>`), if any. */
  readonly declaredEncoding?: (bytes: Uint8Array) => string | null;
}

/**
 * Decodes a text-like file. Throws `AppError('bad-file')` (its message starting with the file's
 * name) for bytes that are binary or broken UTF-16/32, or that do not decode in the confirmed
 * encoding, and `AppError('invalid-argument')` for an encoding name that is not one.
 */
export function decodeImportedText(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): TextOrQuestion {
  const label = fileLabel(fileName);
  let decoding: TextDecoding;
  try {
    decoding = decodeTextOrReport(bytes);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.kind, `${label}: ${error.message}`);
    throw error;
  }
  if (decoding.status === 'decoded') return { status: 'text', text: decoding.text };
  if (options.encoding !== undefined) return { status: 'text', text: decodeAs(bytes, options.encoding, label) };
  return askForEncoding(bytes, decoding.firstBadByte, options.declaredEncoding?.(bytes) ?? null);
}

/** The WHATWG name of an encoding label (`latin1` → `windows-1252`), or null if it names none we can decode. */
export function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function decodeAs(bytes: Uint8Array, label: string, fileLabelText: string): string {
  const name = encodingName(label);
  if (name === null) throw new AppError('invalid-argument', `“${label.slice(0, 40)}” is not a text encoding Claimdesk can read.`);
  let text: string;
  try {
    // UTF-8 was tried already, and UTF-16 without a byte-order mark is taken for binary: both
    // fail here, with the message a wrong choice deserves.
    if (name.startsWith('utf-')) throw new Error(name);
    text = decodeWith(name, bytes);
  } catch {
    throw new AppError('bad-file', `${fileLabelText} is not valid ${name} text. Choose another encoding.`);
  }
  if (looksBinary(text)) throw new AppError('bad-file', `${fileLabelText}: This looks like a binary file, not text.`);
  return text.replace(/^\uFEFF/, '');
}

function askForEncoding(bytes: Uint8Array, firstBadByte: number, declared: string | null): NeedsEncoding {
  // The sample starts a little before the first byte that is not UTF-8: a long English text
  // may have nothing but ASCII in its first 256 KB.
  let start = Math.max(0, firstBadByte - 4096);
  // …at an ASCII byte, so a multi-byte encoding does not start reading mid-character.
  while (start < firstBadByte && (bytes[start] ?? 0) >= 0x80) start++;
  const sample = bytes.subarray(start, start + SAMPLE_BYTES);
  const detected = analyse(sample)
    .map((match) => legacyEncodingName(match.name))
    .filter((name): name is string => name !== null);
  const declaredName = declared === null ? null : legacyEncodingName(declared);
  const ordered = [...(declaredName === null ? [] : [declaredName]), ...detected.slice(0, 3), ...FALLBACK_ENCODINGS];
  const candidates = [...new Set(ordered)].filter((name) => decodesCleanly(sample, name)).slice(0, MAX_CANDIDATES);
  // Every single-byte encoding decodes almost anything, so the list is never empty in practice;
  // windows-1252 decodes every byte but five, which is the best last resort there is.
  const guess = candidates[0] ?? 'windows-1252';
  return { status: 'needs-encoding', guess, candidates: candidates.length > 0 ? candidates : [guess], preview: preview(bytes, guess) };
}

// A file that reaches the question is neither UTF-8 nor UTF-16, whatever a guess says.
function legacyEncodingName(label: string): string | null {
  const name = encodingName(label);
  return name === null || name.startsWith('utf-') ? null : name;
}

/**
 * `bytes` decoded as `name`, throwing on a malformed sequence. Decoded as a stream and then
 * flushed: Node 20's one-shot decoding of windows-1252 takes a Latin-1 shortcut that turns its
 * curly quotes, dashes and euro sign into control characters; streaming goes through ICU.
 */
function decodeWith(name: string, bytes: Uint8Array): string {
  const decoder = new TextDecoder(name, { fatal: true });
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

function decodesCleanly(sample: Uint8Array, name: string): boolean {
  try {
    // `stream` lets a character cut at the end of the sample pass.
    new TextDecoder(name, { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function preview(bytes: Uint8Array, name: string): string {
  const text = new TextDecoder(name).decode(bytes.subarray(0, PREVIEW_CHARS * 4), { stream: true }).replace(/^\uFEFF/, '');
  if (text.length <= PREVIEW_CHARS) return text;
  const cut = text.slice(0, PREVIEW_CHARS);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * The encoding an HTML page declares in its first kilobyte: `<meta charset=…>`,
 * `<meta http-equiv="Content-Type" content="…; charset=…">` or an XML declaration's `encoding`.
 * A simplified form of the HTML standard's prescan, good for a guess.
 */
export function htmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const match =
    /<meta[^>]*?\scharset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(head) ??
    /<meta[^>]*?\scontent\s*=\s*["'][^"'>]*?charset\s*=\s*([\w.:-]{1,40})/i.exec(head) ??
    /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]{1,40})/i.exec(head);
  return match?.[1] ?? null;
}
