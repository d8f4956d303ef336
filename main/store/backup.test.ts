import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import {
  backupFileName,
  backupsToRemove,
  checkCopy,
  listBackups,
  parseBackupName,
  projectBackupsDir,
  restoreBackup,
  writeBackup,
  writeProjectCopy,
} from './backup';
import { listDocuments } from './documents';
import { closeProject, openProject } from './open-project';
import { addArticle, tempFolder, tempProject } from './test-support';

function titles(file: string): string[] {
  const db = openProject(file);
  try {
    return listDocuments(db).map((d) => d.title);
  } finally {
    closeProject(db);
  }
}

function caught(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('writeProjectCopy', () => {
  it('copies what is still in the write-ahead log, which a copy of the main file alone misses', () => {
    const { db, file } = tempProject();
    db.pragma('wal_autocheckpoint = 0'); // keep every commit in the log
    addArticle(db, 'Only in the log');
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

    const naive = path.join(path.dirname(file), 'naive.claimdesk');
    fs.copyFileSync(file, naive);
    expect(titles(naive)).toEqual([]);

    const target = path.join(tempFolder(), 'copy.claimdesk');
    const { bytes } = writeProjectCopy(db, target);
    expect(bytes).toBe(fs.statSync(target).size);
    expect(titles(target)).toEqual(['Only in the log']);
    // Nothing left beside it but the copy.
    expect(fs.readdirSync(path.dirname(target))).toEqual(['copy.claimdesk']);
  });

  it('replaces an existing file at the target in one step', () => {
    const { db } = tempProject();
    addArticle(db, 'New');
    const target = path.join(tempFolder(), 'copy.claimdesk');
    fs.writeFileSync(target, 'an older file');
    writeProjectCopy(db, target);
    expect(titles(target)).toEqual(['New']);
  });

  it('refuses the project file itself and its companions, changing nothing', () => {
    const { db, file } = tempProject();
    addArticle(db);
    const before = fs.readFileSync(file);
    for (const target of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
      const error = caught(() => writeProjectCopy(db, target));
      expect(error.kind).toBe('forbidden');
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // Also the original of a recovery copy, passed as `alsoProtect`.
    const other = path.join(tempFolder(), 'original.claimdesk');
    expect(caught(() => writeProjectCopy(db, other, [other])).kind).toBe('forbidden');
  });

  it('leaves no temporary file behind when the copy cannot be written', () => {
    const { db } = tempProject();
    const folder = tempFolder();
    const missing = path.join(folder, 'no-such-folder', 'copy.claimdesk');
    expect(caught(() => writeProjectCopy(db, missing)).kind).toBe('not-found');
    // A target that is a folder: VACUUM INTO succeeds, the rename fails, the temp file goes.
    const dir = path.join(folder, 'a-folder.claimdesk');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'x');
    expect(() => writeProjectCopy(db, dir)).toThrow();
    expect(fs.readdirSync(folder).sort()).toEqual(['a-folder.claimdesk']);
  });
});

describe('checkCopy', () => {
  it('accepts a good copy and refuses a damaged one or another database', () => {
    const { db } = tempProject();
    addArticle(db);
    const folder = tempFolder();
    const good = path.join(folder, 'good.claimdesk');
    writeProjectCopy(db, good);
    expect(() => checkCopy(good)).not.toThrow();

    const bad = path.join(folder, 'bad.claimdesk');
    const bytes = fs.readFileSync(good);
    bytes.fill(0x5a, 4096, bytes.length); // every page but the first overwritten
    fs.writeFileSync(bad, bytes);
    expect(caught(() => checkCopy(bad)).kind).toBe('damaged');

    const foreign = path.join(folder, 'foreign.db');
    new Database(foreign).exec('CREATE TABLE t (x)');
    expect(caught(() => checkCopy(foreign)).kind).toBe('damaged');
  });
});

describe('backup names', () => {
  it('carry the project name and the UTC time to the second, and read back', () => {
    const time = new Date('2026-11-29T09:24:28.512Z');
    const name = backupFileName('desk', time);
    expect(name).toBe('desk-20261129T092428Z.claimdesk');
    expect(parseBackupName(name)).toEqual({ project: 'desk', time: new Date('2026-11-29T09:24:28Z'), beforeUpdate: false });
    expect(backupFileName('desk', time, true)).toBe('desk-20261129T092428Z-before-update.claimdesk');
    expect(parseBackupName('desk-20261129T092428Z-before-update.claimdesk')?.beforeUpdate).toBe(true);
    expect(parseBackupName('desk.claimdesk')).toBeNull();
    expect(backupFileName('a/b:c', time)).toBe('a_b_c-20261129T092428Z.claimdesk');
  });

  it('give two projects of the same name different folders', () => {
    const root = '/backups';
    expect(projectBackupsDir(root, '/home/a/desk.claimdesk')).not.toBe(projectBackupsDir(root, '/home/b/desk.claimdesk'));
    expect(path.basename(projectBackupsDir(root, '/home/a/desk.claimdesk'))).toMatch(/^desk-[0-9a-f]{8}$/);
  });
});

describe('rotation', () => {
  const at = (iso: string) => ({ time: new Date(iso) });

  it('keeps the newest ten and the newest of each of the last seven days', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    // Today: 14 backups a quarter of an hour apart; one a day (two on the 25th) before that.
    const today = Array.from({ length: 14 }, (_, i) => at(new Date(now.getTime() - i * 15 * 60_000).toISOString()));
    const older = [
      at('2026-11-28T18:00:00Z'),
      at('2026-11-27T18:00:00Z'),
      at('2026-11-25T09:00:00Z'),
      at('2026-11-25T18:00:00Z'),
      at('2026-11-23T18:00:00Z'),
      at('2026-11-22T18:00:00Z'), // eight days ago counting today: too old
      at('2026-10-01T18:00:00Z'),
    ];
    const removed = backupsToRemove([...older, ...today], now).map((b) => b.time.toISOString());
    expect(removed).toEqual([
      ...today.slice(10).map((b) => b.time.toISOString()),
      '2026-11-25T09:00:00.000Z',
      '2026-11-22T18:00:00.000Z',
      '2026-10-01T18:00:00.000Z',
    ]);
  });

  it('keeps the last three taken before a format update, however old', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const updates = ['2025-01-01', '2025-06-01', '2026-01-01', '2026-06-01'].map((d) => ({ time: new Date(`${d}T10:00:00Z`), beforeUpdate: true }));
    const recent = Array.from({ length: 12 }, (_, i) => ({ time: new Date(now.getTime() - i * 60_000), beforeUpdate: false }));
    const removed = backupsToRemove([...updates, ...recent], now);
    expect(removed).toEqual([recent[10], recent[11], updates[0]]);
  });

  it('keeps everything while there are few', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(backupsToRemove([at('2020-01-01T00:00:00Z'), at('2026-11-29T11:00:00Z')], now)).toEqual([]);
  });

  it('writeBackup applies it on disk, and the list reads name, time and size newest first', () => {
    const { db, file } = tempProject();
    addArticle(db);
    const dir = path.join(tempFolder(), 'backups');
    const start = new Date('2026-11-29T08:00:00Z').getTime();
    for (let i = 0; i < 13; i++) writeBackup(db, file, dir, new Date(start + i * 60_000), { keepNewest: 3, dailyDays: 2, keepBeforeUpdate: 0 });
    const list = listBackups(dir);
    expect(list.map((b) => b.name)).toEqual(['test-20261129T081200Z.claimdesk', 'test-20261129T081100Z.claimdesk', 'test-20261129T081000Z.claimdesk']);
    expect(list[0]!.bytes).toBe(fs.statSync(list[0]!.file).size);
    expect(fs.readdirSync(dir).length).toBe(3);
  });
});

describe('restoreBackup', () => {
  it('puts the backup in place and keeps the replaced file, and its log, aside byte for byte', () => {
    const { db, file } = tempProject();
    addArticle(db, 'Backed up');
    const dir = path.join(tempFolder(), 'backups');
    const backup = writeBackup(db, file, dir, new Date('2026-11-29T08:00:00Z'));
    addArticle(db, 'After the backup');
    closeProject(db);
    fs.writeFileSync(`${file}-wal`, 'a stray log that belongs to the old file');
    const before = fs.readFileSync(file);

    const report = restoreBackup(backup.file, file, new Date('2026-11-29T09:00:00Z'), 'damaged');
    expect(report.keptAs).toBe(path.join(path.dirname(file), 'test (damaged 20261129T090000Z).claimdesk'));
    expect(fs.readFileSync(report.keptAs!).equals(before)).toBe(true);
    expect(fs.readFileSync(`${report.keptAs!}-wal`, 'utf8')).toBe('a stray log that belongs to the old file');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(titles(file)).toEqual(['Backed up']);
    expect(listBackups(dir).map((b) => b.name)).toEqual([backup.name]);
  });

  it('refuses a damaged backup and changes nothing', () => {
    const { db, file } = tempProject();
    addArticle(db, 'Current');
    closeProject(db);
    const bad = path.join(tempFolder(), 'desk-20261129T080000Z.claimdesk');
    fs.writeFileSync(bad, fs.readFileSync(file).subarray(0, 100));
    const siblings = fs.readdirSync(path.dirname(file)).sort();
    expect(caught(() => restoreBackup(bad, file, new Date())).kind).toBe('damaged');
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(siblings);
    expect(titles(file)).toEqual(['Current']);
  });
});
