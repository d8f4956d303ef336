/**
 * One open project file with everything around it that is not the data: the backup taken on
 * opening (before migrations touch an older file), the automatic backups while it is open and
 * on closing, the read-only recovery of a damaged file, and the network-share warning. Electron
 * and the test harness open projects through this, so both behave alike.
 *
 * A damaged file is never opened for writing. It is judged with reads only (its header with
 * `fs`, then SQLite read-only: the schema parses and `quick_check` says ok); a file that fails
 * is opened from a copy (see recovery.ts) and the session is read-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ProjectFileStatus, ReadOnlyReason } from '../../shared/ipc/project-file';
import { AppError } from '../../shared/result';
import { DEFAULT_ROTATION, listBackups, projectBackupsDir, restoreBackup, writeBackup, type BackupEntry, type RestoreReport } from './backup';
import { BackupSchedule } from './backup-schedule';
import { LATEST_VERSION, readUserVersion } from './migrate';
import { nativeBindingOption } from './native-binding';
import { detectNetworkFileSystem, networkShareMessage } from './network-share';
import { closeProject, openProject } from './open-project';
import { damagedMessage, readProjectHeader } from './project-header';
import { discardRecovery, openRecoveryCopy, type RecoveredProject } from './recovery';

/** The banner of a damaged project that could be read. */
export const DAMAGED_MESSAGE = 'This project file is damaged. It is open read-only: export what you need, or restore a backup.';
/** The banner of a damaged project of which nothing could be read. */
export const UNREADABLE_MESSAGE = 'This project file is damaged and nothing in it could be read. It has not been changed; restore a backup to carry on.';

export interface SessionOptions {
  /** Create the project when the file does not exist. */
  readonly create?: boolean;
  /** The app's backups folder (`<userData>/backups`); each project gets a folder inside. */
  readonly backupsRoot: string;
  /** Where copies of damaged files are opened (a private temporary folder). */
  readonly recoveryRoot: string;
  readonly clock?: () => Date;
  /** For tests: the network file system to report instead of asking the operating system. */
  readonly networkFileSystem?: string | null;
  /** Told about automatic backups that failed. */
  readonly onBackupError?: (error: unknown) => void;
}

/** An open project file. */
export interface ProjectSession {
  readonly db: Database.Database;
  /** The user's project file (not the recovery copy). */
  readonly file: string;
  readonly status: ProjectFileStatus;
  /** This project's backups folder. */
  readonly backupsDir: string;
  /** Automatic backups; null while read-only. */
  readonly schedule: BackupSchedule | null;
  /** The backups, newest first. */
  listBackups(): BackupEntry[];
  /** Closes the project (taking a last backup if anything changed), then puts backup `name` in place. Reopen afterwards. */
  restore(name: string): RestoreReport;
  /** Closes the project, taking a last backup if anything changed since the previous one. Idempotent. */
  close(): void;
}

/**
 * Opens `file`. Throws what openProject throws for a file that is not a project, is missing or
 * is from a newer version; opens a damaged project read-only from a copy.
 */
export function openProjectSession(file: string, options: SessionOptions): ProjectSession {
  const clock = options.clock ?? (() => new Date());
  const backupsDir = projectBackupsDir(options.backupsRoot, file);
  const network = options.networkFileSystem !== undefined ? options.networkFileSystem : detectNetworkFileSystem(file);
  const networkWarning = network ? networkShareMessage(network) : null;

  if (isDamaged(file)) return recoverySession(file, openRecoveryCopy(file, options.recoveryRoot), backupsDir, networkWarning, clock);

  let backupWarning: string | null = null;
  let openedAt: Date | null = null;
  let db: Database.Database;
  try {
    db = openProject(file, {
      ...(options.create !== undefined ? { create: options.create } : {}),
      beforeMigrate: (conn) => {
        const older = readUserVersion(conn) < LATEST_VERSION;
        if (!older && !changedSinceLastBackup(file, backupsDir)) return;
        const now = clock();
        try {
          writeBackup(conn, file, backupsDir, now, DEFAULT_ROTATION, older);
          openedAt = now;
        } catch (error) {
          options.onBackupError?.(error);
          backupWarning = older
            ? 'Claimdesk could not back up this project before updating it to the current format.'
            : 'Claimdesk could not back up this project on opening.';
        }
      },
    });
  } catch (error) {
    // Damage the read-only checks did not see (a page only a migration reads, say). The
    // migration rolled back; by now the file has been open for writing, so a log left by a
    // crash may have been checkpointed into it, but nothing of Claimdesk's was written.
    if (!(error instanceof AppError) && isCorruption(error) && fs.existsSync(file)) {
      return recoverySession(file, openRecoveryCopy(file, options.recoveryRoot), backupsDir, networkWarning, clock);
    }
    throw error;
  }
  const schedule = new BackupSchedule({ db, projectPath: file, dir: backupsDir, clock, ...(options.onBackupError ? { onError: options.onBackupError } : {}) });
  if (openedAt) schedule.backedUp(openedAt);
  const status: ProjectFileStatus = { readOnly: null, readOnlyMessage: null, networkWarning, backupWarning };
  let closed = false;
  const close = (lastBackup = true) => {
    if (closed) return;
    closed = true;
    if (lastBackup) schedule.final();
    closeProject(db);
    rememberClose(file, backupsDir);
  };
  return {
    db,
    file,
    status,
    backupsDir,
    schedule,
    listBackups: () => listBackups(backupsDir),
    restore(name) {
      const backup = findBackup(backupsDir, name);
      // No last backup: its rotation could remove the very backup being restored, and the
      // file it replaces is kept aside anyway.
      close(false);
      return restoreBackup(backup.file, file, clock(), 'replaced');
    },
    close: () => close(),
  };
}

function recoverySession(file: string, recovered: RecoveredProject, backupsDir: string, networkWarning: string | null, clock: () => Date): ProjectSession {
  const readOnly: ReadOnlyReason = recovered.readable ? 'damaged' : 'unreadable';
  const status: ProjectFileStatus = { readOnly, readOnlyMessage: recovered.readable ? DAMAGED_MESSAGE : UNREADABLE_MESSAGE, networkWarning, backupWarning: null };
  const close = () => discardRecovery(recovered);
  return {
    db: recovered.db,
    file,
    status,
    backupsDir,
    // A damaged file is never backed up: rotation would push good backups out with bad ones.
    schedule: null,
    listBackups: () => listBackups(backupsDir),
    restore(name) {
      const backup = findBackup(backupsDir, name);
      close();
      return restoreBackup(backup.file, file, clock(), 'damaged');
    },
    close,
  };
}

function findBackup(dir: string, name: string): BackupEntry {
  const backup = listBackups(dir).find((b) => b.name === name);
  if (!backup) throw new AppError('not-found', `There is no backup called "${name}".`);
  return backup;
}

/**
 * Whether `file` carries our header but cannot be read: SQLite refuses it, its schema does not
 * parse, or `quick_check` finds damage. Reads only. False for a missing file, for one that is
 * not a project at all and for one from a newer version (openProject refuses those).
 */
export function isDamaged(file: string): boolean {
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return false;
  try {
    const header = readProjectHeader(file);
    if (header.userVersion > LATEST_VERSION) return false;
  } catch (error) {
    return error instanceof AppError && error.message === damagedMessage(file);
  }
  // Read-only, so that nothing is checkpointed into a file that may be damaged. SQLite may
  // still create an empty log and index beside it; those that were not there are removed.
  const companions = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { ...nativeBindingOption(), fileMustExist: true, readonly: true });
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    if (readUserVersion(db) > LATEST_VERSION) return false;
    return db.pragma('quick_check', { simple: true }) !== 'ok';
  } catch {
    return true;
  } finally {
    db?.close();
    for (const f of companions) if (fs.statSync(f, { throwIfNoEntry: false })?.size === 0 || f.endsWith('-shm')) fs.rmSync(f, { force: true });
  }
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

const LAST_CLOSE = '.last-close.json';

/** Size and time of the project file (and its log) as a string, or null when missing. */
function fileMark(file: string): string | null {
  const main = fs.statSync(file, { throwIfNoEntry: false });
  if (!main) return null;
  const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
  return JSON.stringify([main.size, main.mtimeMs, wal?.size ?? 0, wal && wal.size > 0 ? wal.mtimeMs : 0]);
}

/**
 * Whether the file may have changed since the session that took the newest backup closed it:
 * true unless the file looks exactly as that session left it (a project opened again untouched
 * gets no backup that only repeats the last one).
 */
function changedSinceLastBackup(file: string, backupsDir: string): boolean {
  if (listBackups(backupsDir).length === 0) return true;
  try {
    return fs.readFileSync(path.join(backupsDir, LAST_CLOSE), 'utf8') !== fileMark(file);
  } catch {
    return true;
  }
}

/** Remembers how the session left the file (see changedSinceLastBackup). */
function rememberClose(file: string, backupsDir: string): void {
  const mark = fileMark(file);
  if (mark === null || listBackups(backupsDir).length === 0) return;
  try {
    fs.writeFileSync(path.join(backupsDir, LAST_CLOSE), mark);
  } catch {
    // Only costs one extra backup on the next opening.
  }
}

