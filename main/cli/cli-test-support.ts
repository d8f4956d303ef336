/**
 * Helpers for the command line's tests: a project file with a known desk's work in it (nested
 * claims, a tag hierarchy, an attribution chain, a public and a confidential source, an
 * internal note), the program run in-process with its output captured, and a check that the
 * project file is exactly as it was. Test-only; not exported from index.ts.
 */
import fs from 'node:fs';
import { expect } from 'vitest';
import { closeProject, createSource, createTag, ensureProfile, setActor } from '../store';
import { addArticle, addClaim, speakerFields, sourceFields, tempProject } from '../store/test-support';
import type { CliIo } from './cli-io';
import { runCli } from './run-cli';

/** Text that appears only in the confidential source's title. */
export const CONFIDENTIAL_SOURCE = 'Insider at the ministry';
/** Text that appears only in an internal note. */
export const INTERNAL_NOTE = 'Call the ministry press office back';
/** The public source's title. */
export const PUBLIC_SOURCE = 'Police statement of Tuesday';

/** The fixture project's file and the ids in it. */
export interface FixtureProject {
  readonly file: string;
  /** "Unrest in the capital", with three claims. */
  readonly doc: number;
  /** "Quiet day", with no claims. */
  readonly emptyDoc: number;
}

/**
 * A closed project file in a fresh temporary folder. Document `doc` holds, in report order:
 * 1 "Police said 14 people were killed" (Verified, 90, Casualties › Deaths, public source),
 * 2 "Police said" (Unproven, nested in 1, same start), 3 the minister's denial (False, 70,
 * in review, said by Interior Minister, confidential source, internal note, tag Security).
 */
export function fixtureProject(): FixtureProject {
  const { db, file } = tempProject();
  const profile = ensureProfile(db, { uid: 'u-dana', name: 'Dana Okafor', initials: 'DO', color: '#123456' });
  setActor(db, profile.id);
  const doc = addArticle(db, 'Unrest in the capital');
  const emptyDoc = addArticle(db, 'Quiet day');
  const casualties = createTag(db, { name: 'Casualties', parentId: null, color: null });
  const deaths = createTag(db, { name: 'Deaths', parentId: casualties.id, color: null });
  const police = createSource(db, sourceFields({ title: PUBLIC_SOURCE, url: 'https://police.example/statement' }));
  const insider = createSource(db, sourceFields({ title: CONFIDENTIAL_SOURCE, confidential: true }));
  addClaim(db, doc, 'Police said', { verdictId: 3 });
  addClaim(db, doc, 'Police said 14 people were killed', {
    verdictId: 1,
    confidence: 90,
    tagIds: [deaths.id],
    sources: [{ source: { sourceId: police.id }, role: 'origin', pinpoint: null }],
  });
  addClaim(db, doc, 'The interior minister denied that a shoot-to-kill order had been given', {
    verdictId: 5,
    confidence: 70,
    status: 'in-review',
    attribution: { kind: 'direct-quote', chain: [{ speaker: { newSpeaker: speakerFields() }, role: 'said', reliability: 'mixed' }] },
    sources: [{ source: { sourceId: insider.id }, role: 'origin', pinpoint: null }],
    newTags: ['Security'],
    note: INTERNAL_NOTE,
  });
  closeProject(db);
  return { file, doc, emptyDoc };
}

/** What a run of the program printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly bytes: Buffer;
  readonly stderr: string;
}

/** Runs the program in-process on `argv` with `env` (nothing from this process's environment). */
export async function runCaptured(argv: readonly string[], env: CliIo['env'] = {}): Promise<CliRun> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const code = await runCli(argv, {
    stdout: { write: (chunk) => out.push(Buffer.from(chunk)) },
    stderr: { write: (chunk) => err.push(Buffer.from(chunk)) },
    env,
  });
  const bytes = Buffer.concat(out);
  return { code, stdout: bytes.toString('utf8'), bytes, stderr: Buffer.concat(err).toString('utf8') };
}

/** The bytes and modification time of `file`, to compare after a command. */
export function fileState(file: string): { bytes: Buffer; mtimeMs: number } {
  return { bytes: fs.readFileSync(file), mtimeMs: fs.statSync(file).mtimeMs };
}

/** Runs the program like runCaptured and asserts the project `file` is byte for byte and in time unchanged. */
export async function runOn(file: string, argv: readonly string[], env: CliIo['env'] = {}): Promise<CliRun> {
  const before = fileState(file);
  const run = await runCaptured(argv, env);
  const after = fileState(file);
  expect(after.mtimeMs, 'the project file was touched').toBe(before.mtimeMs);
  expect(after.bytes.equals(before.bytes), 'the project file changed').toBe(true);
  return run;
}

/** A strict RFC 4180 parser (records end in CRLF, quotes doubled), after the byte order mark. */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else if (char === '"' || char === '\r' || char === '\n') throw new Error(`malformed CSV at ${i}`);
    else field += char;
  }
  if (quoted || field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}
