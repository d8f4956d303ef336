/**
 * Opening a damaged project without touching it. The file (and its write-ahead log, which may
 * hold the latest commits) is copied into a private recovery folder, and only the copy is
 * opened. The copy is the app's to change: a file cut short is padded back to the length its
 * header states, so SQLite reads the pages that are left, and an older copy is brought up to the
 * current schema where that still works. The session then refuses every change (see
 * main/ipc/read-only.ts); the copy is deleted when the project closes.
 *
 * When SQLite cannot read even the copy, an empty project in memory stands in, so the window
 * can still open and offer the backups. (The copy is padded, not repaired: what SQLite cannot
 * read through its own API stays unread.)
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION, migrate, readUserVersion } from './migrate';
import { nativeBindingOption } from './native-binding';
import { APPLICATION_ID } from './project-format';

/** A damaged project, opened from a copy. */
export interface RecoveredProject {
  readonly db: Database.Database;
  /** Whether anything of the file could be read (false: an empty stand-in). */
  readonly readable: boolean;
  /** The private folder holding the copy; removed by `discardRecovery`. */
  readonly folder: string;
}

/** Copies `file` (and its -wal) into a new folder under `recoveryRoot` and opens the copy. Never writes to `file`. */
export function openRecoveryCopy(file: string, recoveryRoot: string): RecoveredProject {
  fs.mkdirSync(recoveryRoot, { recursive: true });
  const folder = fs.mkdtempSync(path.join(recoveryRoot, `${path.basename(file)}-`));
  const copy = path.join(folder, path.basename(file));
  try {
    fs.copyFileSync(file, copy);
    if ((fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  } catch {
    return { db: emptyStandIn(), readable: false, folder };
  }
  padToPageCount(copy);
  const db = openCopy(copy);
  return db ? { db, readable: true, folder } : { db: emptyStandIn(), readable: false, folder };
}

/** Closes a recovered project and deletes its copy. Idempotent. */
export function discardRecovery(project: RecoveredProject): void {
  if (project.db.open) project.db.close();
  fs.rmSync(project.folder, { recursive: true, force: true });
}

function openCopy(copy: string): Database.Database | null {
  let db: Database.Database;
  try {
    db = new Database(copy, { ...nativeBindingOption(), fileMustExist: true });
  } catch {
    return null;
  }
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new Error('not ours');
    const version = readUserVersion(db);
    if (version > LATEST_VERSION) throw new Error('newer');
    if (version < LATEST_VERSION) {
      try {
        migrate(db);
      } catch {
        // The damage may be in a table a migration rebuilds: read what the old schema has.
      }
    }
    return db;
  } catch {
    db.close();
    return null;
  }
}

/**
 * A file cut short still names, in its schema, tables whose pages are gone, and SQLite then
 * refuses the whole schema. On the copy only: the missing pages are restored as zeros, so the
 * schema parses, the tables whose pages survived read as before and the others report damage.
 */
function padToPageCount(copy: string): void {
  const fd = fs.openSync(copy, 'r+');
  try {
    const header = Buffer.alloc(100);
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return;
    const raw = header.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return;
    const expected = header.readUInt32BE(28) * pageSize;
    // A sanity bound: a garbled count must not make a huge file.
    if (expected > fs.fstatSync(fd).size && expected <= 64 * 1024 ** 3) fs.ftruncateSync(fd, expected);
  } finally {
    fs.closeSync(fd);
  }
}

function emptyStandIn(): Database.Database {
  const db = new Database(':memory:', nativeBindingOption());
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

