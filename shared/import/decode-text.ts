/**
 * Turning the bytes of an imported text file into text, or into a message that tells the user
 * what is wrong with the file. Only `TextDecoder` is used, so this runs in main and renderer
 * alike.
 *
 * Order matters: size first (cheap), then well-known binary formats by their magic bytes (so a
 * PNG is called a PNG rather than "not UTF-8"), then byte-order marks, then strict UTF-8, and
 * last a look at the decoded characters for binary data that happens to be valid UTF-8.
 *
 * Text in a legacy encoding (Windows-1252, Shift_JIS, …) cannot be told apart from binary by
 * rules alone and its encoding can only be guessed, so `decodeText` refuses it, while
 * `decodeTextOrReport` reports it for the caller to ask the user which encoding it is.
 */
import { MAX_IMPORT_BYTES } from '../domain';
import { AppError } from '../result';

/** Formats recognised by their first bytes. */
export type BinaryFormatId =
  | 'pdf' | 'zip' | 'ole2' | 'rtf'
  | 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'tiff' | 'ico'
  | 'mp3' | 'mp4' | 'ogg' | 'wav' | 'flac' | 'matroska'
  | 'gzip' | 'bzip2' | 'xz' | '7z' | 'rar'
  | 'elf' | 'mach-o' | 'pe'
  | 'sqlite';

/** A recognised format and how to name it in a sentence ("This looks like a PNG image"). */
export interface BinaryFormat {
  readonly id: BinaryFormatId;
  readonly name: string;
}

interface Signature extends BinaryFormat {
  readonly bytes: readonly number[];
  readonly offset?: number;
  /** Further bytes that must match, for signatures too short to be safe alone. */
  readonly also?: { readonly bytes: readonly number[]; readonly offset: number };
}

const ascii = (text: string): number[] => Array.from(text, (ch) => ch.charCodeAt(0));
const ZIP_NAME = 'a ZIP archive (for example a Word .docx)';
const PROGRAM = 'a program (a macOS or iOS executable)';

// Each signature is long enough (or checked far enough) that no text file starts with it by
// accident: the short ones are made of bytes that cannot begin UTF-8 text, or need a second match.
const SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a], id: 'png', name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], id: 'jpeg', name: 'a JPEG image' },
  { bytes: ascii('GIF87a'), id: 'gif', name: 'a GIF image' },
  { bytes: ascii('GIF89a'), id: 'gif', name: 'a GIF image' },
  { bytes: ascii('RIFF'), also: { bytes: ascii('WEBP'), offset: 8 }, id: 'webp', name: 'a WebP image' },
  // "BM" could begin a text; a bitmap's header has four zero bytes at offset 6.
  { bytes: ascii('BM'), also: { bytes: [0, 0, 0, 0], offset: 6 }, id: 'bmp', name: 'a BMP image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], id: 'tiff', name: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], id: 'tiff', name: 'a TIFF image' },
  { bytes: [0x00, 0x00, 0x01, 0x00], id: 'ico', name: 'an icon image' },
  { bytes: ascii('%PDF-'), id: 'pdf', name: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], id: 'zip', name: ZIP_NAME },
  { bytes: [0x50, 0x4b, 0x05, 0x06], id: 'zip', name: ZIP_NAME },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], id: 'ole2', name: 'an old-format Office file (such as a Word .doc) or a password-protected Office document' },
  { bytes: ascii('{\\rtf'), id: 'rtf', name: 'an RTF document' },
  // "ID3" could begin a text; a tag continues with a version byte from 2 to 4 and a zero.
  ...[2, 3, 4].map((version): Signature => ({ bytes: [...ascii('ID3'), version, 0], id: 'mp3', name: 'an MP3 audio file' })),
  { bytes: ascii('ftyp'), offset: 4, id: 'mp4', name: 'an MP4 or QuickTime video (or audio) file' },
  { bytes: ascii('OggS'), also: { bytes: [0], offset: 4 }, id: 'ogg', name: 'an Ogg audio or video file' },
  { bytes: ascii('RIFF'), also: { bytes: ascii('WAVE'), offset: 8 }, id: 'wav', name: 'a WAV audio file' },
  { bytes: [...ascii('fLaC'), 0], id: 'flac', name: 'a FLAC audio file' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], id: 'matroska', name: 'a WebM or Matroska video' },
  { bytes: [0x1f, 0x8b], id: 'gzip', name: 'a gzip archive' },
  { bytes: [...ascii('BZh'), 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59], id: 'bzip2', name: 'a bzip2 archive' },
  { bytes: [0xfd, ...ascii('7zXZ'), 0x00], id: 'xz', name: 'an xz archive' },
  { bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c], id: '7z', name: 'a 7-Zip archive' },
  { bytes: [...ascii('Rar!'), 0x1a, 0x07], id: 'rar', name: 'a RAR archive' },
  { bytes: [...ascii('SQLite format 3'), 0], id: 'sqlite', name: 'an SQLite database' },
  { bytes: [0x7f, ...ascii('ELF')], id: 'elf', name: 'a program (an ELF executable)' },
  { bytes: [0xfe, 0xed, 0xfa, 0xce], id: 'mach-o', name: PROGRAM },
  { bytes: [0xfe, 0xed, 0xfa, 0xcf], id: 'mach-o', name: PROGRAM },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], id: 'mach-o', name: PROGRAM },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], id: 'mach-o', name: PROGRAM },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], id: 'mach-o', name: PROGRAM },
];

/** Share of control characters above which decoded text is taken for binary data. */
export const MAX_CONTROL_SHARE = 0.1;

/** What `decodeTextOrReport` found: the text, or valid-looking bytes in an unknown encoding. */
export type TextDecoding =
  | { readonly status: 'decoded'; readonly text: string; readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { readonly status: 'unknown-encoding'; readonly firstBadByte: number };

/**
 * The text of an imported file. Accepts UTF-8 (with or without a byte-order mark) and UTF-16
 * with a byte-order mark; the mark is not part of the text. Throws `AppError('too-large')`
 * above `MAX_IMPORT_BYTES`, and `AppError('bad-file')` with a message naming the problem for an
 * empty file, a known binary format, text in another encoding (with the offset of the first
 * bad byte) and anything else that looks binary.
 */
export function decodeText(bytes: Uint8Array): string {
  const decoding = decodeTextOrReport(bytes);
  if (decoding.status === 'decoded') return decoding.text;
  throw new AppError(
    'bad-file',
    `The file is not valid UTF-8 text (first bad byte at offset ${decoding.firstBadByte}). Save it as UTF-8 and try again.`,
  );
}

/**
 * Like `decodeText`, except that text which is not UTF-8 and has no byte-order mark is reported
 * as `unknown-encoding` (with the offset of the first byte that is not UTF-8) instead of being
 * refused, so the caller can have its encoding confirmed. Bytes that are binary by any rule here
 * (a known format, a NUL byte, too many control characters) are still refused.
 */
export function decodeTextOrReport(bytes: Uint8Array): TextDecoding {
  if (bytes.length === 0) throw new AppError('bad-file', 'The file is empty.');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError(
      'too-large',
      `The file is ${megabytes(bytes.length)} MB; Claimdesk imports text files of up to ${megabytes(MAX_IMPORT_BYTES)} MB.`,
    );
  }
  const format = binaryFormatOf(bytes);
  if (format !== null) throw new AppError('bad-file', `This looks like ${format.name}, not a text file.`);
  const decoding = decodeByBom(bytes);
  if (decoding.status === 'decoded' ? looksBinary(decoding.text) : looksBinaryBytes(bytes)) {
    throw new AppError('bad-file', 'This looks like a binary file, not text.');
  }
  return decoding;
}

/** The binary format `bytes` begin with, if it is one of the well-known ones. */
export function binaryFormatOf(bytes: Uint8Array): BinaryFormat | null {
  for (const signature of SIGNATURES) {
    if (!startsWith(bytes, signature.bytes, signature.offset ?? 0)) continue;
    if (signature.also !== undefined && !startsWith(bytes, signature.also.bytes, signature.also.offset)) continue;
    return { id: signature.id, name: signature.name };
  }
  if (isWindowsExecutable(bytes)) return { id: 'pe', name: 'a Windows program (an .exe or .dll)' };
  return null;
}

// "MZ" alone could start a text file; a PE file also points, at byte 60, to a "PE\0\0" header.
function isWindowsExecutable(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii('MZ'), 0) || bytes.length < 64) return false;
  const header = (bytes[60] ?? 0) | ((bytes[61] ?? 0) << 8) | ((bytes[62] ?? 0) << 16) | ((bytes[63] ?? 0) << 24);
  return header >= 64 && startsWith(bytes, [0x50, 0x45, 0, 0], header);
}

function decodeByBom(bytes: Uint8Array): TextDecoding {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0], 0) || startsWith(bytes, [0, 0, 0xfe, 0xff], 0)) {
    throw new AppError('bad-file', 'The file is UTF-32 text, which Claimdesk cannot read. Save it as UTF-8 and try again.');
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf], 0)) return decodeUtf8(bytes, 3);
  if (startsWith(bytes, [0xff, 0xfe], 0)) return { status: 'decoded', text: decodeUtf16(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff], 0)) {
    return { status: 'decoded', text: decodeUtf16(swapBytePairs(bytes.subarray(2))), encoding: 'utf-16be' };
  }
  return decodeUtf8(bytes, 0);
}

function decodeUtf8(bytes: Uint8Array, from: number): TextDecoding {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
    return { status: 'decoded', text, encoding: 'utf-8' };
  } catch {
    return { status: 'unknown-encoding', firstBadByte: firstInvalidUtf8Byte(bytes, from) };
  }
}

// Big-endian input is swapped and decoded as little-endian: every runtime has 'utf-16le'.
function decodeUtf16(littleEndian: Uint8Array): string {
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(littleEndian);
  } catch {
    throw new AppError('bad-file', 'The file is not valid UTF-16 text. Save it as UTF-8 and try again.');
  }
}

function swapBytePairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] ?? 0;
    swapped[i + 1] = bytes[i] ?? 0;
  }
  // An odd trailing byte stays odd, so the strict decoder still rejects it.
  if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1] ?? 0;
  return swapped;
}

/**
 * Offset of the first byte of the first ill-formed UTF-8 sequence at or after `from`, by the
 * rules `TextDecoder` applies (no overlong forms, no surrogates, nothing above U+10FFFF).
 * `TextDecoder` says only that the input is bad; the user needs to know where.
 */
function firstInvalidUtf8Byte(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}

/**
 * Whether decoded text is binary data rather than text: it holds a NUL character, or more than
 * `MAX_CONTROL_SHARE` of it is control characters other than those of ordinary text files.
 */
export function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (isControl(code)) controls++;
  }
  return controls > 0 && controls / text.length > MAX_CONTROL_SHARE;
}

// The same test on bytes whose encoding is unknown. Legacy encodings all keep ASCII's control
// characters where ASCII has them, while some use 0x80–0x9F for letters, so only those below 0x20
// and DEL are counted.
function looksBinaryBytes(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return true;
    if ((byte < 0x20 && (byte < 0x09 || byte > 0x0d)) || byte === 0x7f) controls++;
  }
  return controls > 0 && controls / bytes.length > MAX_CONTROL_SHARE;
}

// Tab, line feed, vertical tab, form feed and carriage return occur in ordinary text files.
function isControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || (code >= 0x7f && code <= 0x9f);
}

function startsWith(bytes: Uint8Array, magic: readonly number[], offset: number): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((byte, i) => bytes[offset + i] === byte);
}

// Rounded up, so a file just over the limit does not read as being at it.
function megabytes(size: number): string {
  return String(Math.ceil((size / (1024 * 1024)) * 10) / 10);
}
