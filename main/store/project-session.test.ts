import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { listBackups } from './backup';
import { listDocuments } from './documents';
import { LATEST_VERSION, migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { closeProject, openProject } from './open-project';
import { DAMAGED_MESSAGE, UNREADABLE_MESSAGE, openProjectSession, type ProjectSession, type SessionOptions } from './project-session';
import { addArticle, tempFolder } from './test-support';

interface Setup {
  readonly folder: string;
  readonly file: string;
  readonly options: SessionOptions;
  now: Date;
}

function setup(): Setup {
  const folder = tempFolder();
  const s: Setup = {
    folder,
    file: path.join(folder, 'desk.claimdesk'),
    now: new Date('2026-11-29T08:00:00Z'),
    options: { backupsRoot: path.join(folder, 'user-data', 'backups'), recoveryRoot: path.join(tempFolder(), 'recovery'), clock: () => s.now, networkFileSystem: null },
  };
  return s;
}

function open(s: Setup, create = false): ProjectSession {
  return openProjectSession(s.file, { ...s.options, create });
}

/** A closed project with `articles` articles (enough to span many pages). */
function projectWith(s: Setup, articles: number): void {
  const db = openProject(s.file, { create: true });
  for (let i = 0; i < articles; i++) addArticle(db, `Article ${i + 1} `.padEnd(2000, 'x'));
  closeProject(db);
}

/** The file's bytes and modification time, to compare before and after. */
function fingerprint(file: string): { sha256: string; mtimeMs: number } {
  return { sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'), mtimeMs: fs.statSync(file).mtimeMs };
}

function age(file: string): void {
  const past = new Date('2020-01-01T00:00:00Z');
  fs.utimesSync(file, past, past); // any write would move the mtime to now
}

describe('backups on opening', () => {
  it('backs up on the first opening, not again while nothing changed, and again after a change', () => {
    const s = setup();
    projectWith(s, 2);
    const first = open(s);
    expect(first.status).toEqual({ readOnly: null, readOnlyMessage: null, networkWarning: null, backupWarning: null });
    first.close();
    expect(listBackups(first.backupsDir).map((b) => b.name)).toEqual(['desk-20261129T080000Z.claimdesk']);

    s.now = new Date('2026-11-29T09:00:00Z');
    open(s).close();
    expect(listBackups(first.backupsDir)).toHaveLength(1);

    const db = openProject(s.file); // another program (or the command line) changes it
    addArticle(db, 'Changed elsewhere');
    closeProject(db);
    s.now = new Date('2026-11-29T10:00:00Z');
    const third = open(s);
    third.close();
    const newest = listBackups(first.backupsDir)[0]!;
    expect(newest.name).toBe('desk-20261129T100000Z.claimdesk');
    const copy = openProject(newest.file);
    expect(listDocuments(copy).map((d) => d.title)).toContain('Changed elsewhere');
    closeProject(copy);
  });

  it('backs up a project from an older version before migrating it, as it was', () => {
    const s = setup();
    const old = new Database(s.file);
    migrate(old, MIGRATIONS.slice(0, LATEST_VERSION - 1));
    old.close();
    const session = open(s);
    expect(session.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    session.close();
    const [backup] = listBackups(session.backupsDir);
    expect(backup!.name).toBe('desk-20261129T080000Z-before-update.claimdesk');
    const copy = new Database(backup!.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION - 1);
    copy.close();
  });

  it('keeps its backups in the backups folder, never beside the project', () => {
    const s = setup();
    open(s, true).close();
    expect(fs.readdirSync(s.folder).sort()).toEqual(['desk.claimdesk', 'user-data']);
    expect(path.dirname(path.dirname(listBackups(open(s).backupsDir)[0]!.file))).toBe(s.options.backupsRoot);
  });

  it('reports the network share it was told about', () => {
    const s = setup();
    const session = openProjectSession(s.file, { ...s.options, create: true, networkFileSystem: 'smb' });
    expect(session.status.networkWarning).toMatch(/network share \(SMB\)/);
    session.close();
  });
});

describe('the backup schedule', () => {
  it('backs up every quarter of an hour while the data changes, and on closing if it changed', () => {
    const s = setup();
    const session = open(s, true);
    const schedule = session.schedule!;
    const dir = session.backupsDir;
    expect(listBackups(dir)).toHaveLength(1); // on opening

    s.now = new Date('2026-11-29T08:05:00Z');
    addArticle(session.db, 'Five past');
    expect(schedule.tick()).toBeNull(); // too soon
    s.now = new Date('2026-11-29T08:15:00Z');
    expect(schedule.tick()?.name).toBe('desk-20261129T081500Z.claimdesk');
    s.now = new Date('2026-11-29T08:45:00Z');
    expect(schedule.tick()).toBeNull(); // nothing changed since
    addArticle(session.db, 'Quarter to nine');
    s.now = new Date('2026-11-29T08:46:00Z');
    expect(schedule.tick()?.name).toBe('desk-20261129T084600Z.claimdesk');
    addArticle(session.db, 'Just before quitting');
    s.now = new Date('2026-11-29T08:47:00Z');
    session.close();
    const names = listBackups(dir).map((b) => b.name);
    expect(names[0]).toBe('desk-20261129T084700Z.claimdesk');
    expect(names).toHaveLength(4);
    const last = openProject(listBackups(dir)[0]!.file);
    expect(listDocuments(last).map((d) => d.title)).toContain('Just before quitting');
    closeProject(last);
  });

  it('notices commits by another connection to the same file', () => {
    const s = setup();
    const session = open(s, true);
    const other = openProject(s.file);
    addArticle(other, 'From the command line');
    closeProject(other);
    s.now = new Date('2026-11-29T09:00:00Z');
    expect(session.schedule!.tick()).not.toBeNull();
    session.close();
  });
});

type Damage = (file: string) => void;

const PAGE = 4096;

const DAMAGES: [string, Damage, 'damaged' | 'unreadable'][] = [
  // Its last pages lost: the copy is padded back to its length, and what is left reads.
  ['cut short by a few pages', (file) => fs.truncateSync(file, fs.statSync(file).size - 3 * PAGE), 'damaged'],
  // Half of it gone, later pages of the schema with it: SQLite can read nothing.
  ['cut in half', (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / PAGE / 2) * PAGE), 'unreadable'],
  [
    'with bytes flipped in pages of data',
    (file) => {
      const bytes = fs.readFileSync(file);
      for (let page = 84; page < 90; page++) for (let i = page * PAGE; i < page * PAGE + 64; i++) bytes[i] = bytes[i]! ^ 0xff;
      fs.writeFileSync(file, bytes);
    },
    'damaged',
  ],
  // Nothing but its header left.
  ['cut to its header', (file) => fs.truncateSync(file, 100), 'unreadable'],
  [
    'with garbage in its header',
    (file) => {
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.from('garbage!garbage!garbage!'), 0, 24, 16); // page size, format versions, page count
      fs.closeSync(fd);
    },
    'unreadable',
  ],
];

describe('a damaged project', () => {
  for (const [what, damage, expected] of DAMAGES) {
    it(`${what}: opens read-only from a copy, and the file is never modified`, () => {
      const s = setup();
      projectWith(s, 40);
      damage(s.file);
      age(s.file);
      const before = fingerprint(s.file);
      const siblings = fs.readdirSync(s.folder).sort();

      const session = open(s);
      expect(session.status.readOnly).toBe(expected);
      expect(session.status.readOnlyMessage).toBe(expected === 'damaged' ? DAMAGED_MESSAGE : UNREADABLE_MESSAGE);
      expect(session.schedule).toBeNull();
      expect(session.db.name).not.toBe(s.file);
      // The schema reads (from the copy, or from an empty stand-in when nothing could be read).
      expect(session.db.prepare('SELECT count(*) FROM verdicts').pluck().get()).toBeGreaterThan(0);
      if (expected === 'unreadable') expect(listDocuments(session.db)).toEqual([]);
      addArticle(session.db, 'Written to the copy only');
      session.close();

      expect(fingerprint(s.file)).toEqual(before);
      expect(fs.readdirSync(s.folder).sort()).toEqual(siblings);
      expect(fs.readdirSync(s.options.recoveryRoot)).toEqual([]);
      expect(listBackups(session.backupsDir)).toEqual([]); // a damaged file is not backed up
    });
  }

  it('reads what the write-ahead log holds, without checkpointing it into the damaged file', () => {
    const s = setup();
    projectWith(s, 40);
    const db = openProject(s.file);
    db.pragma('wal_autocheckpoint = 0');
    addArticle(db, 'Only in the log');
    // Simulate a crash: keep the log, as a process killed here would.
    fs.copyFileSync(`${s.file}-wal`, `${s.folder}/saved-wal`);
    db.close();
    fs.copyFileSync(`${s.folder}/saved-wal`, `${s.file}-wal`);
    fs.rmSync(`${s.folder}/saved-wal`);
    fs.rmSync(`${s.file}-shm`, { force: true });
    // A checkpoint may have happened on close; damage a page the log does not replace.
    const bytes = fs.readFileSync(s.file);
    bytes.fill(0xa5, 20 * 4096, 21 * 4096);
    fs.writeFileSync(s.file, bytes);
    age(s.file);
    const before = fingerprint(s.file);
    const walBefore = fingerprint(`${s.file}-wal`);

    const session = open(s);
    expect(session.status.readOnly).toBe('damaged');
    expect(listDocuments(session.db).map((d) => d.title)).toContain('Only in the log');
    session.close();
    expect(fingerprint(s.file)).toEqual(before);
    expect(fingerprint(`${s.file}-wal`)).toEqual(walBefore);
  });

  it('is replaced by a backup, the damaged file kept aside untouched, and then opens normally', () => {
    const s = setup();
    projectWith(s, 40);
    open(s).close(); // a good backup
    const bytes = fs.readFileSync(s.file);
    for (let i = 8 * 4096; i < 9 * 4096; i++) bytes[i] = 0;
    fs.writeFileSync(s.file, bytes);
    const before = fingerprint(s.file);

    s.now = new Date('2026-11-29T09:00:00Z');
    const damaged = open(s);
    expect(damaged.status.readOnly).toBe('damaged');
    const [backup] = damaged.listBackups();
    const report = damaged.restore(backup!.name);
    expect(path.basename(report.keptAs!)).toBe('desk (damaged 20261129T090000Z).claimdesk');
    expect(fingerprint(report.keptAs!)).toEqual(before);

    const reopened = open(s);
    expect(reopened.status.readOnly).toBeNull();
    expect(listDocuments(reopened.db)).toHaveLength(40);
    reopened.close();
    expect(() => damaged.restore('nope-20261129T090000Z.claimdesk')).toThrow(AppError);
  });

  it('is not how a project from a newer version opens: that is still refused, naming the version', () => {
    const s = setup();
    open(s, true).close();
    const db = new Database(s.file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    age(s.file);
    const before = fingerprint(s.file);
    expect(() => open(s)).toThrow(`This project was saved by a newer version of Claimdesk (format ${LATEST_VERSION + 1}; this version reads up to ${LATEST_VERSION}).`);
    expect(fingerprint(s.file)).toEqual(before);
  });

  it('is not how a file that is no project opens: refused as before', () => {
    const s = setup();
    fs.writeFileSync(s.file, 'Notes from the desk, not a database.');
    expect(() => open(s)).toThrow(/is not a Claimdesk project/);
  });
});
