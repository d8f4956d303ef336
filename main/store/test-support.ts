/**
 * Helpers for the store's tests: real project files in a fresh temporary folder, removed when
 * the test finishes, and builders for the records the tests store. Test-only; not exported
 * from index.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { expect, onTestFinished } from 'vitest';
import type { Claim, ClaimInput, DocumentMeta, SourceFields, SpeakerFields } from '../../shared/domain';
import { AppError, type ErrorKind } from '../../shared/result';
import { createClaim } from './claims';
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

/** An article body of paragraphs whose plain text is `plainText` (paragraphs split at blank lines). */
export function articleBody(plainText: string) {
  const paragraphs = plainText.split('\n\n').map((text) => (text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] }));
  return { type: 'doc', content: paragraphs };
}

/** Stores the test article and returns its id. */
export function addArticle(db: Database, title = 'Unrest in the capital'): number {
  return createDocument(db, { meta: meta(title), body: articleBody(ARTICLE_TEXT), plainText: ARTICLE_TEXT, origin: null }).id;
}

/** Claim form input with defaults (verdict 3, "Unproven", nothing linked), overridden by `input`. */
export function claimInput(input: Partial<ClaimInput> = {}): ClaimInput {
  return {
    sources: [],
    attribution: { kind: 'according-to', chain: [] },
    claimType: null,
    verdictId: 3,
    confidence: 50,
    rationale: null,
    status: 'open',
    note: null,
    tagIds: [],
    newTags: [],
    ...input,
  };
}

/** Source fields with defaults (a web page of unknown reliability), overridden by `fields`. */
export function sourceFields(fields: Partial<SourceFields> = {}): SourceFields {
  return {
    type: 'web-page',
    title: 'Police statement',
    publisher: null,
    authors: [],
    issued: null,
    accessed: null,
    url: null,
    language: null,
    notes: null,
    reliability: 'unknown',
    reliabilityReason: null,
    confidential: false,
    ...fields,
  };
}

/** Speaker fields with defaults (a person), overridden by `fields`. */
export function speakerFields(fields: Partial<SpeakerFields> = {}): SpeakerFields {
  return { kind: 'person', name: 'Interior Minister', role: null, affiliation: null, externalId: null, ...fields };
}

/** The anchor of the first occurrence of `exact` in ARTICLE_TEXT. */
export function anchorOf(exact: string) {
  const start = ARTICLE_TEXT.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the test article`);
  const end = start + exact.length;
  const prefix = ARTICLE_TEXT.slice(Math.max(0, start - 20), start);
  return { exact, start, end, prefix, suffix: ARTICLE_TEXT.slice(end, end + 20) };
}

/** Creates a claim on `exact` of the test article in `documentId`. */
export function addClaim(db: Database, documentId: number, exact: string, input: Partial<ClaimInput> = {}): Claim {
  return createClaim(db, { documentId, anchor: anchorOf(exact), input: claimInput(input) });
}

/** Every row of every table (FTS shadow tables included), to compare a database before and after. */
export function dumpTables(db: Database): Record<string, unknown[]> {
  const tables = db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all();
  // Table names come from sqlite_schema, not from input.
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).all()]));
}

/** Asserts that `action` throws AppError `kind` (and `message`, if given) and changes no row of any table. */
export function expectRefused(db: Database, action: () => unknown, kind: ErrorKind, message?: string | RegExp): void {
  const before = dumpTables(db);
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the call to be refused').toBeInstanceOf(AppError);
  expect((caught as AppError).kind).toBe(kind);
  if (message !== undefined) expect((caught as AppError).message).toMatch(message);
  expect(dumpTables(db)).toEqual(before);
}

/** Blocks for `ms` milliseconds, so that a timestamp taken afterwards is later. */
export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The `EXPLAIN QUERY PLAN` details of `sql` with `params`, one line per step. */
export function queryPlan(db: Database, sql: string, params: readonly unknown[] = []): string {
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((row) => (row as { detail: string }).detail)
    .join('\n');
}
