/**
 * Helpers for the store's tests: real project files in a fresh temporary folder, removed when
 * the test finishes. Test-only; not exported from index.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import type { ClaimFields, DocumentMeta } from '../../shared/domain';
import { createDocument } from './documents';
import { closeProject, openProject } from './open-project';

/** A fresh temporary folder, deleted after the current test. */
export function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-'));
  onTestFinished(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** A new project in a fresh temporary folder, closed and deleted after the current test. */
export function tempProject(): { db: Database; file: string } {
  const file = path.join(tempFolder(), 'test.claimdesk');
  const db = openProject(file, { create: true });
  onTestFinished(() => closeProject(db));
  return { db, file };
}

/** Meta for a test article. */
export function meta(title: string): DocumentMeta {
  return { title, publication: null, author: null, url: null, publishedOn: null };
}

/** The plain text of the test article (two paragraphs joined by a blank line). */
export const ARTICLE_TEXT =
  'Police said 14 people were killed in the capital on Tuesday.\n\n' +
  'The interior minister denied that a shoot-to-kill order had been given.';

/** Stores the test article and returns its id. */
export function addArticle(db: Database, title = 'Unrest in the capital'): number {
  const paragraphs = ARTICLE_TEXT.split('\n\n').map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }));
  const body = { type: 'doc', content: paragraphs };
  return createDocument(db, { meta: meta(title), body, plainText: ARTICLE_TEXT, origin: null }).id;
}

/** Claim fields with defaults (verdict 3, "Unproven"), overridden by `fields`. */
export function claimFields(fields: Partial<ClaimFields> = {}): ClaimFields {
  return {
    sources: [],
    attribution: { speaker: null, kind: 'according-to' },
    verdictId: 3,
    confidence: 50,
    note: null,
    ...fields,
  };
}

/** The anchor of the first occurrence of `exact` in ARTICLE_TEXT. */
export function anchorOf(exact: string) {
  const start = ARTICLE_TEXT.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the test article`);
  const end = start + exact.length;
  const prefix = ARTICLE_TEXT.slice(Math.max(0, start - 20), start);
  return { exact, start, end, prefix, suffix: ARTICLE_TEXT.slice(end, end + 20) };
}

/** Blocks for `ms` milliseconds, so that a timestamp taken afterwards is later. */
export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
