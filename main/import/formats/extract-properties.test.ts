/**
 * Whatever the bytes, reading a file ends in a document, a question about its encoding, or an
 * `AppError` — never another exception, and never a hang. Arbitrary bytes are fed to every
 * reader: raw, behind each format's magic bytes, and as valid files with bytes overwritten.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { makeDocx } from './fixtures/make-docx';
import { makePdf } from './fixtures/make-pdf';
import { extractDocument, IMPORT_EXTENSIONS, type Extracted } from './index';

const utf8 = (text: string) => new TextEncoder().encode(text);

const PREFIXES: readonly Uint8Array[] = [
  utf8('%PDF-1.7\n'),
  Uint8Array.from([0x50, 0x4b, 0x03, 0x04]),
  Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Uint8Array.from([0xef, 0xbb, 0xbf]),
  Uint8Array.from([0xff, 0xfe]),
  Uint8Array.from([0xfe, 0xff]),
  utf8('<!DOCTYPE html><html><body>'),
  utf8('---\ntitle: x\n---\n# '),
  utf8('{\\rtf1'),
];

const VALID: readonly Uint8Array[] = [
  makeDocx({ title: 'T', creator: 'A', paragraphs: [{ heading: 1, text: 'Aid arrives' }, 'Convoys reached the town.', { runs: ['Bold ', { bold: 'text' }] }] }),
  makePdf({ title: 'T', pages: [[{ text: 'Aid convoys reached the town.', x: 72, y: 700 }], [{ text: 'Page two.', x: 72, y: 700 }]] }),
];

function checkOutcome(outcome: Extracted): void {
  if (outcome.status === 'needs-encoding') {
    expect(outcome.candidates).toContain(outcome.guess);
    expect(typeof outcome.preview).toBe('string');
    return;
  }
  expect(Object.values(IMPORT_EXTENSIONS)).toContain(outcome.format);
  expect(typeof (outcome.content.kind === 'html' ? outcome.content.html : outcome.content.text)).toBe('string');
  for (const value of Object.values(outcome.meta)) expect(typeof value).toBe('string');
  for (const warning of outcome.warnings) expect(typeof warning).toBe('string');
}

async function readsOrRefuses(bytes: Uint8Array, fileName: string, encoding?: string): Promise<void> {
  try {
    checkOutcome(await extractDocument(bytes, fileName, encoding === undefined ? {} : { encoding }));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
  }
}

const extension = fc.constantFrom(...Object.keys(IMPORT_EXTENSIONS));
const RUNS = 25;

describe('extractDocument on arbitrary bytes (property)', () => {
  it('ends in a document or an AppError for any bytes under any importable extension', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1024 }), extension, (bytes, ext) => readsOrRefuses(bytes, `file${ext}`)),
      { numRuns: RUNS * 4 },
    );
  });

  it('does so behind every format’s magic bytes', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PREFIXES), fc.uint8Array({ maxLength: 1024 }), extension, (prefix, bytes, ext) =>
        readsOrRefuses(new Uint8Array([...prefix, ...bytes]), `file${ext}`),
      ),
      { numRuns: RUNS * 4 },
    );
  });

  it('does so for a valid Word document or PDF with bytes overwritten or cut off', { timeout: 60_000 }, async () => {
    const damage = fc.record({
      file: fc.constantFrom(...VALID.keys()),
      writes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      cut: fc.option(fc.nat()),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ file, writes, cut }) => {
        const original = VALID[file] ?? new Uint8Array();
        const bytes = new Uint8Array(original);
        for (const [at, value] of writes) bytes[at % bytes.length] = value;
        await readsOrRefuses(cut === null ? bytes : bytes.subarray(0, cut % bytes.length), file === 0 ? 'story.docx' : 'story.pdf');
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('does so for text in any encoding the user may confirm', { timeout: 60_000 }, async () => {
    const label = fc.constantFrom('windows-1252', 'iso-8859-2', 'shift_jis', 'gb18030', 'euc-kr', 'utf-8', 'utf-16le', 'x-unknown', '');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 512 }), label, fc.constantFrom('.txt', '.md', '.html'), (bytes, encoding, ext) =>
        readsOrRefuses(new Uint8Array([0x80, ...bytes]), `file${ext}`, encoding),
      ),
      { numRuns: RUNS * 2 },
    );
  });
});
