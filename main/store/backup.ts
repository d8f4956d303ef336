/**
 * Copies of the project file that are safe to take while it is open: "Save a copy as…",
 * automatic backups and their rotation, and putting a backup back in place.
 *
 * A project lives in WAL mode, so committed changes may still sit in `<file>-wal`; copying the
 * main file with `fs` would miss them (or catch a page half-checkpointed). A copy is therefore
 * made by SQLite itself with `VACUUM INTO` — a consistent snapshot of everything committed — into
 * a temporary file beside the target, checked with `PRAGMA quick_check`, flushed to disk and only
 * then renamed over the target. A failure at any step leaves the target as it was and no
 * temporary file behind.
 *
 * Backups are named `<project name>-<UTC timestamp>.claimdesk` (timestamp `20261129T092428Z`),
 * so the folder sorts by time and a listing needs no index.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/result';
import { fsyncFile, fsyncFolder, isProjectOrCompanion } from './file-safety';
import { nativeBindingOption } from './native-binding';
import { APPLICATION_ID, PROJECT_EXTENSION } from './project-format';

/**
 * Writes a consistent, checked copy of the open project `db` to `target`, replacing a file of
 * that name atomically. AppError('forbidden') when `target` is the project's own file (or one
 * of `alsoProtect`) or a companion of it (-wal, -shm, -journal). Returns the copy's size.
 */
export function writeProjectCopy(db: Database.Database, target: string, alsoProtect: readonly string[] = []): { bytes: number } {
  const resolved = path.resolve(target);
  const projects = [db.name, ...alsoProtect].filter((p) => p !== '' && p !== ':memory:').map((p) => path.resolve(p));
  if (projects.some((p) => isProjectOrCompanion(resolved, p))) {
    throw new AppError('forbidden', 'A copy cannot be saved over the project file itself. Choose another name.');
  }
  const folder = path.dirname(resolved);
  const temp = path.join(folder, `.${path.basename(resolved)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.copy`);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    checkCopy(temp);
    fsyncFile(temp);
    const bytes = fs.statSync(temp).size;
    fs.renameSync(temp, resolved);
    fsyncFolder(folder);
    return { bytes };
  } catch (error) {
    throw asCopyError(error, folder);
  } finally {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) fs.rmSync(f, { force: true });
  }
}

/**
 * Opens a copy and checks it is a readable Claimdesk project: `quick_check` says ok and the
 * application id is ours. Throws AppError('damaged') otherwise. Closes it again; a copy left in
 * rollback mode stays byte-for-byte as it was.
 */
export function checkCopy(file: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { ...nativeBindingOption(), fileMustExist: true, readonly: true });
    const check = db.pragma('quick_check', { simple: true });
    const applicationId = db.pragma('application_id', { simple: true });
    if (check !== 'ok' || applicationId !== APPLICATION_ID) throw new Error(`check: ${String(check)}`);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('damaged', `The copy "${path.basename(file)}" did not pass SQLite's check; nothing was replaced.`);
  } finally {
    db?.close();
  }
}

/** One automatic backup in the backups folder. */
export interface BackupEntry {
  /** File name inside the backups folder. */
  readonly name: string;
  readonly file: string;
  /** When it was taken (from its name). */
  readonly time: Date;
  readonly bytes: number;
  /** Taken just before this version of Claimdesk updated the file to its format. */
  readonly beforeUpdate: boolean;
}

/** How many backups rotation keeps. */
export interface RotationPolicy {
  /** The newest this many, whatever their age. */
  readonly keepNewest: number;
  /** And the newest backup of each of the last this many UTC days (today included). */
  readonly dailyDays: number;
  /** And the newest this many taken before an update of the file's format, however old. */
  readonly keepBeforeUpdate: number;
}

/** Ten newest plus one a day for a week, and the last three taken before a format update. */
export const DEFAULT_ROTATION: RotationPolicy = { keepNewest: 10, dailyDays: 7, keepBeforeUpdate: 3 };

/** `20261129T092428Z` for a time (UTC, to the second). */
export function backupStamp(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * The file name of a backup of `projectName` taken at `time` (odd characters of the name
 * replaced), marked `-before-update` when taken before a format update.
 */
export function backupFileName(projectName: string, time: Date, beforeUpdate = false): string {
  return `${safeName(projectName)}-${backupStamp(time)}${beforeUpdate ? BEFORE_UPDATE : ''}${PROJECT_EXTENSION}`;
}

const BEFORE_UPDATE = '-before-update';
const BACKUP_NAME = /^(.+)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(-before-update)?\.claimdesk$/;

/** The project name and time in a backup's file name, or null when it is not one. */
export function parseBackupName(name: string): { project: string; time: Date; beforeUpdate: boolean } | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const time = new Date(`${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${m[7]}Z`);
  return Number.isNaN(time.getTime()) ? null : { project: m[1]!, time, beforeUpdate: m[8] !== undefined };
}

/**
 * The backups folder of one project inside the app's backups folder: its name plus a short
 * hash of its full path, so two projects called "desk" in different folders never rotate each
 * other's backups away.
 */
export function projectBackupsDir(backupsRoot: string, projectPath: string): string {
  const resolved = path.resolve(projectPath);
  const hash = crypto.createHash('sha256').update(process.platform === 'linux' ? resolved : resolved.toLowerCase()).digest('hex').slice(0, 8);
  return path.join(backupsRoot, `${safeName(projectName(resolved))}-${hash}`);
}

/** The name of a project file without its folder and extension. */
export function projectName(projectPath: string): string {
  return path.basename(projectPath, path.extname(projectPath));
}

function safeName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim();
  return cleaned === '' ? 'project' : cleaned.slice(0, 60);
}

/** The backups in `dir`, newest first. A missing folder has none. */
export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    entries.push({ name, file, time: parsed.time, bytes: stat.size, beforeUpdate: parsed.beforeUpdate });
  }
  return entries.sort((a, b) => b.time.getTime() - a.time.getTime() || (a.name < b.name ? 1 : -1));
}

/**
 * Which backups rotation removes: all but the newest `keepNewest`, the newest of each of the
 * last `dailyDays` UTC days counted back from `now`, and the newest `keepBeforeUpdate` taken
 * before a format update. Pure; the order of `backups` does not matter.
 */
export function backupsToRemove<T extends { readonly time: Date; readonly beforeUpdate?: boolean }>(
  backups: readonly T[],
  now: Date,
  policy: RotationPolicy = DEFAULT_ROTATION,
): T[] {
  const newestFirst = [...backups].sort((a, b) => b.time.getTime() - a.time.getTime());
  const keep = new Set<T>(newestFirst.slice(0, policy.keepNewest));
  for (const backup of newestFirst.filter((b) => b.beforeUpdate === true).slice(0, policy.keepBeforeUpdate)) keep.add(backup);
  const today = utcDay(now);
  const seenDays = new Set<number>();
  for (const backup of newestFirst) {
    const day = utcDay(backup.time);
    if (today - day >= policy.dailyDays || day > today || seenDays.has(day)) continue;
    seenDays.add(day);
    keep.add(backup);
  }
  return newestFirst.filter((b) => !keep.has(b));
}

function utcDay(time: Date): number {
  return Math.floor(time.getTime() / 86_400_000);
}

/**
 * Takes a backup of `db` into `dir` (created when missing) named for `projectPath` and `now`
 * (marked when `beforeUpdate`), then applies rotation. Returns the new backup.
 */
export function writeBackup(
  db: Database.Database,
  projectPath: string,
  dir: string,
  now: Date,
  policy: RotationPolicy = DEFAULT_ROTATION,
  beforeUpdate = false,
): BackupEntry {
  fs.mkdirSync(dir, { recursive: true });
  const name = backupFileName(projectName(projectPath), now, beforeUpdate);
  const file = path.join(dir, name);
  const { bytes } = writeProjectCopy(db, file, [projectPath]);
  for (const old of backupsToRemove(listBackups(dir), now, policy)) fs.rmSync(old.file, { force: true });
  return { name, file, time: parseBackupName(name)!.time, bytes, beforeUpdate };
}

/** What restoring a backup did. */
export interface RestoreReport {
  /** The backup now in place. */
  readonly restoredFrom: string;
  /** Where the file that was replaced now is (bytes untouched), or null when there was none. */
  readonly keptAs: string | null;
}

/**
 * Puts the backup `backupFile` in place of `projectPath`, which must be closed. The file it
 * replaces is not deleted: it is renamed aside, with its -wal, to
 * `<name> (<reason> <UTC timestamp>).claimdesk`, its bytes untouched. The backup is checked
 * first and copied beside the project under a temporary name, so a failure leaves everything
 * as it was.
 */
export function restoreBackup(backupFile: string, projectPath: string, now: Date, reason: 'damaged' | 'replaced' = 'replaced'): RestoreReport {
  checkCopy(backupFile);
  const project = path.resolve(projectPath);
  const folder = path.dirname(project);
  const temp = path.join(folder, `.${path.basename(project)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.restore`);
  try {
    fs.copyFileSync(backupFile, temp, fs.constants.COPYFILE_EXCL);
    fsyncFile(temp);
    let keptAs: string | null = null;
    if (fs.existsSync(project)) {
      keptAs = path.join(folder, `${projectName(project)} (${reason === 'damaged' ? 'damaged' : 'before restore'} ${backupStamp(now)})${PROJECT_EXTENSION}`);
      if (fs.existsSync(keptAs)) throw new AppError('conflict', `"${path.basename(keptAs)}" already exists; try again in a second.`);
      fs.renameSync(project, keptAs);
      // The log belongs to the file it was written for: it goes aside with it, or SQLite would
      // replay the old file's pages into the restored one.
      if (fs.existsSync(`${project}-wal`)) fs.renameSync(`${project}-wal`, `${keptAs}-wal`);
      fs.rmSync(`${project}-shm`, { force: true });
    }
    fs.renameSync(temp, project);
    fsyncFolder(folder);
    return { restoredFrom: backupFile, keptAs };
  } catch (error) {
    throw asCopyError(error, folder);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function asCopyError(error: unknown, folder: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : '';
  if (code === 'EROFS' || /readonly|read-only/i.test(message)) return new AppError('forbidden', `The disk holding ${folder} is read-only. Choose another folder.`);
  if (code === 'EACCES' || code === 'EPERM') return new AppError('forbidden', `Claimdesk may not write to ${folder}. Choose another folder.`);
  if (code === 'ENOENT' || /unable to open/i.test(message)) return new AppError('not-found', `The folder ${folder} does not exist or cannot be written.`);
  if (code === 'ENOSPC' || /disk is full|SQLITE_FULL/i.test(message)) return new AppError('too-large', 'The disk is full: the copy was not saved.');
  if (code === 'EISDIR') return new AppError('invalid-argument', 'That name is a folder. Choose a file name.');
  if (/malformed|corrupt|not a database/i.test(message)) return new AppError('damaged', 'The project could not be read completely, so no copy was made. Export what you need instead.');
  return error;
}
