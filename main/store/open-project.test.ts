import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError, type ErrorKind } from '../../shared/result';
import { createDocument, listDocuments } from './documents';
import { LATEST_VERSION } from './migrate';
import { APPLICATION_ID, closeProject, openDefaultProject, openProject } from './open-project';
import { addArticle, meta, tempFolder, articleBody } from './test-support';

/** A new, closed project file in a temp folder. */
function makeProject(folder: string, name = 'desk.claimdesk'): string {
  const file = path.join(folder, name);
  closeProject(openProject(file, { create: true }));
  return file;
}

/** Asserts that opening `file` is refused with `kind` and a message matching `message`, and that the file is untouched. */
function expectRefused(file: string, kind: ErrorKind, message: string | RegExp): void {
  const past = new Date('2020-01-01T00:00:00Z');
  fs.utimesSync(file, past, past); // any write would move the mtime to now
  const bytes = fs.readFileSync(file);
  const mtime = fs.statSync(file).mtimeMs;
  const siblings = fs.readdirSync(path.dirname(file)).sort();

  let caught: unknown;
  try {
    closeProject(openProject(file));
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).kind).toBe(kind);
  if (typeof message === 'string') expect((caught as AppError).message).toBe(message);
  else expect((caught as AppError).message).toMatch(message);

  expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  expect(fs.statSync(file).mtimeMs).toBe(mtime);
  expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(siblings);
}

describe('openProject', () => {
  it('creates a project that keeps its data across a reopen', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'desk.claimdesk');
    const db = openProject(file, { create: true });
    addArticle(db, 'Kept across reopen');
    closeProject(db);

    const again = openProject(file);
    try {
      expect(listDocuments(again).map((d) => d.title)).toEqual(['Kept across reopen']);
      expect(again.prepare('SELECT name FROM project').pluck().get()).toBe('desk');
    } finally {
      closeProject(again);
    }
  });

  it('configures the connection: WAL, synchronous FULL, foreign keys, our id and version', () => {
    const file = makeProject(tempFolder());
    const db = openProject(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    } finally {
      closeProject(db);
    }
  });

  it('leaves no temporary file behind after creating a project', () => {
    const folder = tempFolder();
    makeProject(folder);
    expect(fs.readdirSync(folder)).toEqual(['desk.claimdesk']);
    expect(fs.readFileSync(path.join(folder, 'desk.claimdesk')).readUInt32BE(68)).toBe(APPLICATION_ID);
  });

  it('does not create a missing file unless asked to', () => {
    const folder = tempFolder();
    expect(() => openProject(path.join(folder, 'nowhere.claimdesk'))).toThrow(
      expect.objectContaining({ kind: 'not-found', message: '"nowhere.claimdesk" does not exist.' }),
    );
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses to create a project in a folder that does not exist', () => {
    const file = path.join(tempFolder(), 'missing', 'desk.claimdesk');
    expect(() => openProject(file, { create: true })).toThrow(expect.objectContaining({ kind: 'not-found' }));
  });

  it('opens the default project in the user-data folder, creating both', () => {
    const userData = path.join(tempFolder(), 'Claimdesk');
    const db = openDefaultProject(userData);
    closeProject(db);
    expect(fs.readdirSync(userData)).toEqual(['library.claimdesk']);
    closeProject(openDefaultProject(userData));
  });
});

describe('openProject refuses, leaving the file as it was,', () => {
  it('an empty file', () => {
    const file = path.join(tempFolder(), 'empty.claimdesk');
    fs.writeFileSync(file, '');
    expectRefused(file, 'not-a-project', 'This file is empty; it is not a Claimdesk project.');
  });

  it('a text file named .claimdesk', () => {
    const file = path.join(tempFolder(), 'notes.claimdesk');
    fs.writeFileSync(file, 'Call the ministry back about the arrest count.\n');
    expectRefused(file, 'not-a-project', '"notes.claimdesk" is not a Claimdesk project (it is not a database file).');
  });

  it('a folder', () => {
    const folder = path.join(tempFolder(), 'folder.claimdesk');
    fs.mkdirSync(folder);
    expect(() => openProject(folder)).toThrow(expect.objectContaining({ kind: 'not-a-project' }));
  });

  it('the SQLite database of another application', () => {
    const file = path.join(tempFolder(), 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'Ada\')');
    other.close();
    expectRefused(file, 'not-a-project', '"other.db" is a SQLite database but not a Claimdesk project.');
  });

  it('a project saved by a newer version', () => {
    const file = makeProject(tempFolder());
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expectRefused(
      file,
      'newer-version',
      `This project was saved by a newer version of Claimdesk (format ${LATEST_VERSION + 1}; ` +
        `this version reads up to ${LATEST_VERSION}). Update Claimdesk to open it.`,
    );
  });

  it('a project whose newer version is still in its write-ahead log', () => {
    const file = makeProject(tempFolder());
    const newer = new Database(file); // stays open, as a newer Claimdesk would
    try {
      newer.pragma('wal_autocheckpoint = 0');
      newer.pragma(`user_version = ${LATEST_VERSION + 1}`);
      expect(fs.readFileSync(file).readUInt32BE(60)).toBe(LATEST_VERSION); // the header is stale
      expectRefused(file, 'newer-version', /newer version of Claimdesk/);
      expect(newer.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    } finally {
      newer.close();
    }
  });

  it('a project whose newer version was left in its write-ahead log by a crash', () => {
    const file = makeProject(tempFolder());
    // A process that writes and dies without closing leaves its commits in the log only.
    const driver = createRequire(path.join(process.cwd(), 'package.json')).resolve('better-sqlite3');
    const script = `const D = require(${JSON.stringify(driver)}); const db = new D(${JSON.stringify(file)});
      db.pragma('wal_autocheckpoint = 0'); db.pragma('user_version = ${LATEST_VERSION + 1}'); process.exit(0);`;
    execFileSync(process.execPath, ['-e', script]);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(fs.readFileSync(file).readUInt32BE(60)).toBe(LATEST_VERSION);
    expectRefused(file, 'newer-version', /newer version of Claimdesk/);
  });

  it('a project cut short', () => {
    const file = path.join(tempFolder(), 'desk.claimdesk');
    const db = openProject(file, { create: true });
    const long = 'The toll rose again overnight. '.repeat(20_000);
    createDocument(db, { meta: meta('Long'), body: articleBody(long), plainText: long });
    closeProject(db);
    // Cut off the last pages only (article text); page 1 and the schema are intact.
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 8192));
    expectRefused(file, 'not-a-project', '"desk.claimdesk" is a damaged Claimdesk project and cannot be opened.');
  });

  it('a project whose pages after the header are garbage', () => {
    const file = makeProject(tempFolder());
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 100);
    fs.writeFileSync(file, bytes);
    expectRefused(file, 'not-a-project', '"desk.claimdesk" is a damaged Claimdesk project and cannot be opened.');
  });

  it('a file shorter than a database header', () => {
    const file = path.join(tempFolder(), 'stub.claimdesk');
    fs.writeFileSync(file, 'SQLite format 3\0');
    expectRefused(file, 'not-a-project', /damaged/);
  });
});
