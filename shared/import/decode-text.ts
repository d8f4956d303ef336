/**
 * Turning the bytes of an imported `.txt` file into text, or into a message that tells the user
 * what is wrong with the file. Only `TextDecoder` is used, so this runs in main and renderer
 * alike.
 *
 * Order matters: size first (cheap), then well-known binary formats by their magic bytes (so a
 * PNG is called a PNG rather than "not UTF-8"), then byte-order marks, then strict UTF-8, and
 * last a look at the decoded characters for binary data that happens to be valid UTF-8.
 */
import { MAX_IMPORT_BYTES } from '../domain';
import { AppError } from '../result';


interface Signature {
  readonly bytes: readonly number[];
  readonly name: string;
}

const ascii = (text: string): number[] => Array.from(text, (ch) => ch.charCodeAt(0));

// Each signature is long enough that no plain-text file starts with it by accident.
const SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: ascii('GIF87a'), name: 'a GIF image' },
  { bytes: ascii('GIF89a'), name: 'a GIF image' },
  { bytes: ascii('%PDF-'), name: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (for example a Word .docx)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], name: 'a ZIP archive (for example a Word .docx)' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [...ascii('SQLite format 3'), 0], name: 'an SQLite database' },
  { bytes: [0x7f, ...ascii('ELF')], name: 'a program (an ELF executable)' },
];

/** Share of control characters above which decoded text is taken for binary data. */
export const MAX_CONTROL_SHARE = 0.1;

/**
 * The text of an imported file. Accepts UTF-8 (with or without a byte-order mark) and UTF-16
 * with a byte-order mark; the mark is not part of the text. Throws `AppError('too-large')`
 * above `MAX_IMPORT_BYTES`, and `AppError('bad-file')` with a message naming the problem for an
 * empty file, a known binary format, text in another encoding (with the offset of the first
 * bad byte) and anything else that looks binary.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new AppError('bad-file', 'The file is empty.');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError(
      'too-large',
      `The file is ${megabytes(bytes.length)} MB; Claimdesk imports text files of up to ${megabytes(MAX_IMPORT_BYTES)} MB.`,
    );
  }
  const format = binaryFormatOf(bytes);
  if (format !== null) throw new AppError('bad-file', `This looks like ${format}, not a text file.`);
  const text = decodeByBom(bytes);
  if (looksBinary(text)) throw new AppError('bad-file', 'This looks like a binary file, not text.');
  return text;
}

function binaryFormatOf(bytes: Uint8Array): string | null {
  for (const { bytes: magic, name } of SIGNATURES) {
    if (startsWith(bytes, magic, 0)) return name;
  }
  if (isWindowsExecutable(bytes)) return 'a Windows program (an .exe or .dll)';
  return null;
}

// "MZ" alone could start a text file; a PE file also points, at byte 60, to a "PE\0\0" header.
function isWindowsExecutable(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii('MZ'), 0) || bytes.length < 64) return false;
  const header = (bytes[60] ?? 0) | ((bytes[61] ?? 0) << 8) | ((bytes[62] ?? 0) << 16) | ((bytes[63] ?? 0) << 24);
  return header >= 64 && startsWith(bytes, [0x50, 0x45, 0, 0], header);
}

function decodeByBom(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0], 0) || startsWith(bytes, [0, 0, 0xfe, 0xff], 0)) {
    throw new AppError('bad-file', 'The file is UTF-32 text, which Claimdesk cannot read. Save it as UTF-8 and try again.');
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf], 0)) return decodeUtf8(bytes, 3);
  if (startsWith(bytes, [0xff, 0xfe], 0)) return decodeUtf16(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff], 0)) return decodeUtf16(swapBytePairs(bytes.subarray(2)));
  return decodeUtf8(bytes, 0);
}

function decodeUtf8(bytes: Uint8Array, from: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
  } catch {
    const offset = firstInvalidUtf8Byte(bytes, from);
    throw new AppError(
      'bad-file',
      `The file is not valid UTF-8 text (first bad byte at offset ${offset}). Save it as UTF-8 and try again.`,
    );
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

function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (isControl(code)) controls++;
  }
  return controls > 0 && controls / text.length > MAX_CONTROL_SHARE;
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
