/**
 * Opening a project for reading only. The command line never changes a project: no
 * migration, no WAL switch, no checkpoint — the connection is read-only at the SQLite level
 * and `query_only` on top. The file is judged the way the app judges it (header first with
 * plain fs, then SQLite's own view, which includes a write-ahead log the app may be holding
 * open), and refused with the app's messages. A project from an older format is refused too:
 * upgrading it is a write, which is the app's job.
 *
 * SQLite, like any reader of a database in WAL mode, may leave its `-wal` (empty) and `-shm`
 * files beside a project that no one else has open: a read-only connection may not remove them.
 * The app removes them when it next closes the project. The project file itself is not touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/result';
import { LATEST_VERSION, readUserVersion } from '../store/migrate';
import { nativeBindingOption } from '../store/native-binding';
import { APPLICATION_ID, newerVersionMessage } from '../store/project-format';
import { damagedMessage, readProjectHeader } from '../store/project-header';
import { RuntimeError } from './cli-errors';

/**
 * Opens the project at `file` read-only. Throws AppError 'not-found', 'not-a-project' or
 * 'newer-version' (the app's refusals), or a RuntimeError for a project in an older format or
 * a SQLite module Node cannot load. A refused file is left exactly as it was.
 */
export function openProjectReadOnly(file: string): Database.Database {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) throw new AppError('not-found', `The project "${file}" does not exist.`);
  if (stat.isDirectory()) throw new AppError('not-a-project', `"${file}" is a folder, not a Claimdesk project.`);
  if (stat.size === 0) throw new AppError('not-a-project', `"${file}" is empty; it is not a Claimdesk project.`);

  const header = readHeader(file);
  if (header.userVersion > LATEST_VERSION) {
    throw new AppError('newer-version', newerVersionMessage(header.userVersion, LATEST_VERSION));
  }

  let db: Database.Database;
  try {
    db = new Database(file, { ...nativeBindingOption(), readonly: true, fileMustExist: true });
  } catch (error) {
    throw nativeModuleError(error) ?? new AppError('not-a-project', damagedMessage(file));
  }
  try {
    db.pragma('query_only = ON');
    db.pragma('busy_timeout = 5000');
    let applicationId: number;
    let userVersion: number;
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number;
      userVersion = readUserVersion(db);
      db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    } catch {
      throw new AppError('not-a-project', damagedMessage(file));
    }
    if (applicationId !== APPLICATION_ID) {
      throw new AppError('not-a-project', `"${path.basename(file)}" is a SQLite database but not a Claimdesk project.`);
    }
    if (userVersion > LATEST_VERSION) {
      throw new AppError('newer-version', newerVersionMessage(userVersion, LATEST_VERSION));
    }
    if (userVersion < LATEST_VERSION) {
      throw new RuntimeError(
        `"${path.basename(file)}" was saved by an older version of Claimdesk (format ${userVersion}; ` +
          `this version reads format ${LATEST_VERSION}). Open it once in the Claimdesk app to bring it up to date, ` +
          'then run this command again. The file has not been changed.',
      );
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs `read` on the project at `file`, opened read-only, and closes it whatever happens. */
export function withProject<T>(file: string, read: (db: Database.Database) => T): T {
  const db = openProjectReadOnly(file);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** readProjectHeader, with a file the user may not read reported as such. */
function readHeader(file: string): ReturnType<typeof readProjectHeader> {
  try {
    return readProjectHeader(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EACCES' || code === 'EPERM') throw new RuntimeError(`Cannot read "${file}": permission denied.`);
    throw error;
  }
}

/**
 * better-sqlite3 loads its compiled module when the first database opens. A module built for
 * another runtime (Electron's, say) fails there; that is a setup problem, not a damaged file.
 */
function nativeModuleError(error: unknown): RuntimeError | null {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : '';
  if (code !== 'ERR_DLOPEN_FAILED' && !/NODE_MODULE_VERSION|bindings file|better_sqlite3\.node/.test(message)) return null;
  return new RuntimeError(
    `Node ${process.version} cannot load the SQLite module (better-sqlite3): ${message.split('\n')[0]}\n` +
      'Rebuild it for this Node with "npm rebuild better-sqlite3" in the Claimdesk folder.',
  );
}
