/**
 * Checking a Word document's ZIP package before anything unpacks it. yauzl reads the central
 * directory, so the entries' names and sizes are known without extracting a byte:
 *
 * - too many entries, too much unpacked in all, or one entry packed more tightly than
 *   text ever is, and the file is refused as the ZIP bomb it probably is;
 * - names that climb out of the package (`../`) or are absolute are refused;
 * - every part is then inflated as a stream, counting bytes (yauzl stops a part that unpacks
 *   to more than its entry declares, so the sizes checked above are true), and every part but
 *   the pictures is searched for `<!DOCTYPE` and `<!ENTITY`: Word never writes them, and they
 *   are how XML entity expansion ("billion laughs") and external entities are smuggled in.
 *
 * Only after this does mammoth read the package: whatever part it reads has been checked.
 */
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../../shared/result';

/** Limits on a Word document's package. */
export interface DocxLimits {
  /** Most entries. A real .docx has 10 to 100. */
  readonly maxEntries: number;
  /** Most bytes unpacked over all entries. */
  readonly maxTotalBytes: number;
  /** Highest compression ratio of an entry larger than `ratioAppliesAbove`. XML packs 5–20 to 1. */
  readonly maxRatio: number;
  readonly ratioAppliesAbove: number;
}

export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioAppliesAbove: 1024 * 1024,
};

// The document properties are read for metadata up to this size.
const MAX_CORE_PROPERTIES = 1024 * 1024;
// What may not follow `<!` in a part.
const FORBIDDEN_MARKUP = ['doctype', 'entity'];

/** What the check learnt about a package that passed it. */
export interface DocxPackage {
  /** The text of `docProps/core.xml`, if present and small. */
  readonly coreProperties: string | null;
  /** Entries under `word/media/`: the pictures, which are not imported. */
  readonly mediaCount: number;
}

/**
 * Checks the package in `bytes`. Throws `AppError('bad-file')` naming the problem (the message
 * begins with `label`), or `AppError('too-large')` for a package that unpacks to too much.
 */
export async function inspectDocxPackage(bytes: Uint8Array, label: string, limits: DocxLimits = DEFAULT_DOCX_LIMITS): Promise<DocxPackage> {
  const zip = await openZip(bytes, label);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new AppError(
        'bad-file',
        `${label} holds ${zip.entryCount.toLocaleString('en')} files; a Word document holds a few dozen, and Claimdesk opens none with more than ${limits.maxEntries.toLocaleString('en')}.`,
      );
    }
    const entries = await listEntries(zip, label, limits);
    const names = new Set(entries.map((entry) => entry.fileName));
    for (const required of ['[Content_Types].xml', 'word/document.xml']) {
      if (!names.has(required)) throw new AppError('bad-file', `${label} is a ZIP archive but not a Word document: it has no ${required}.`);
    }
    let coreProperties: string | null = null;
    for (const entry of entries) {
      const keep = entry.fileName === 'docProps/core.xml' && entry.uncompressedSize <= MAX_CORE_PROPERTIES;
      const text = await checkPart(zip, entry, label, { keep, scan: !entry.fileName.startsWith('word/media/') });
      if (text !== null) coreProperties = text;
    }
    return { coreProperties, mediaCount: entries.filter((entry) => entry.fileName.startsWith('word/media/')).length };
  } finally {
    zip.close();
  }
}

function openZip(bytes: Uint8Array, label: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(new AppError('bad-file', `${label} is not a valid Word document: its ZIP structure is damaged (${shortReason(error)}).`));
      else resolve(zip);
    });
  });
}

// The central directory's entries, each checked as it is read.
function listEntries(zip: ZipFile, label: string, limits: DocxLimits): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    const names = new Set<string>();
    let total = 0;
    let settled = false;
    const fail = (error: AppError) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    zip.on('error', (error: Error) => {
      const unsafe = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec(error.message);
      fail(
        unsafe === null
          ? new AppError('bad-file', `${label} is not a valid Word document: its ZIP structure is damaged (${shortReason(error)}).`)
          : new AppError('bad-file', `${label} holds a file whose name points outside the document (“${unsafe[1]?.slice(0, 80)}”), which Word never writes.`),
      );
    });
    zip.on('entry', (entry: Entry) => {
      if (settled) return;
      const problem = entryProblem(entry, names, limits, (total += entry.uncompressedSize));
      if (problem !== null) return fail(problem(label));
      names.add(entry.fileName);
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(entries);
    });
    zip.readEntry();
  });
}

function entryProblem(entry: Entry, names: ReadonlySet<string>, limits: DocxLimits, total: number): ((label: string) => AppError) | null {
  const name = entry.fileName;
  if (names.has(name)) return (label) => new AppError('bad-file', `${label} holds two files named “${name.slice(0, 80)}”, which Word never writes.`);
  if (entry.isEncrypted()) return (label) => new AppError('bad-file', `${label} is encrypted. Save it without a password and import that.`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return (label) => new AppError('bad-file', `${label} uses a kind of compression Word does not (method ${entry.compressionMethod}).`);
  }
  if (total > limits.maxTotalBytes) {
    return (label) =>
      new AppError('too-large', `${label} would unpack to more than ${mb(limits.maxTotalBytes)} MB, far more than any Word document; it may be a ZIP bomb.`);
  }
  const ratio = entry.compressedSize === 0 ? Infinity : entry.uncompressedSize / entry.compressedSize;
  if (entry.uncompressedSize > limits.ratioAppliesAbove && ratio > limits.maxRatio) {
    return (label) =>
      new AppError(
        'bad-file',
        `${label} holds a part packed ${ratio === Infinity ? 'from nothing' : `${Math.round(ratio).toLocaleString('en')} to 1`} (“${name.slice(0, 80)}”), far tighter than a Word document ever is; it may be a ZIP bomb.`,
      );
  }
  return null;
}

/**
 * Inflates one part, refusing it if it unpacks to another size than declared or (with `scan`)
 * holds DOCTYPE or ENTITY declarations. Returns its text when `keep`, else null.
 */
function checkPart(zip: ZipFile, entry: Entry, label: string, { keep, scan }: { keep: boolean; scan: boolean }): Promise<string | null> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream: Readable | undefined) => {
      if (error || !stream) {
        reject(new AppError('bad-file', `${label} is damaged: its part “${entry.fileName.slice(0, 80)}” cannot be unpacked (${shortReason(error)}).`));
        return;
      }
      const kept: Buffer[] = [];
      let tail = Buffer.alloc(0);
      let settled = false;
      const fail = (problem: AppError) => {
        if (settled) return;
        settled = true;
        stream.destroy();
        reject(problem);
      };
      stream.on('data', (chunk: Buffer) => {
        if (keep) kept.push(chunk);
        if (!scan) return;
        // The end of the previous chunk goes first, for a declaration cut in two.
        const window = Buffer.concat([tail, chunk]);
        if (hasForbiddenMarkup(window)) {
          fail(
            new AppError(
              'bad-file',
              `${label} declares XML entities or a document type in “${entry.fileName.slice(0, 80)}”. Word never writes these; they are a known way to attack XML readers, so the file is refused.`,
            ),
          );
        }
        tail = Buffer.from(window.subarray(-32));
      });
      stream.on('error', (streamError: Error) => {
        const lying = /too many bytes|too few bytes|unexpected end/i.test(streamError.message);
        fail(
          new AppError(
            'bad-file',
            lying
              ? `${label} is damaged or forged: its part “${entry.fileName.slice(0, 80)}” does not unpack to the size the archive declares; it may be a ZIP bomb.`
              : `${label} is damaged: its part “${entry.fileName.slice(0, 80)}” cannot be unpacked (${shortReason(streamError)}).`,
          ),
        );
      });
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        resolve(keep ? Buffer.concat(kept).toString('utf8') : null);
      });
    });
  });
}

/**
 * Whether `bytes` hold `<!DOCTYPE` or `<!ENTITY`, in any case. Zero bytes are skipped, so the
 * same markup in UTF-16 is found too. XML has few `!`s (comments, CDATA), so each is looked at.
 */
export function hasForbiddenMarkup(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buffer.indexOf(0x21); at >= 0; at = buffer.indexOf(0x21, at + 1)) {
    let before = at - 1;
    while (before >= 0 && buffer[before] === 0) before--;
    if (before < 0 || buffer[before] !== 0x3c) continue;
    let word = '';
    for (let i = at + 1; i < buffer.length && word.length < 7; i++) {
      const byte = buffer[i] ?? 0;
      if (byte === 0) continue;
      word += String.fromCharCode(byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte);
    }
    if (FORBIDDEN_MARKUP.some((markup) => word.startsWith(markup))) return true;
  }
  return false;
}

function shortReason(error: Error | null | undefined): string {
  return (error?.message ?? 'unknown error').replace(/\s+/g, ' ').slice(0, 120);
}

function mb(bytes: number): string {
  return String(Math.round(bytes / (1024 * 1024)));
}
