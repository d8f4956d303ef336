/**
 * Opening a project file, and refusing a file that is not one without changing a byte of it.
 *
 * Order matters: the header is checked with plain `fs` first (SQLite would treat an empty file
 * as a new database); then SQLite reads `application_id` and `user_version` and parses the
 * schema before anything writes (setting WAL mode rewrites the header, and a WAL file may hold
 * a newer version than the header; SQLite itself notices a file shorter than its header says
 * when it parses the schema); only then is the connection configured and migrated.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/result';
import { createProjectFile } from './create-project-file';
import { LATEST_VERSION, migrate, readUserVersion } from './migrate';
import { nativeBindingOption } from './native-binding';
import { APPLICATION_ID, PROJECT_EXTENSION, newerVersionMessage } from './project-format';
import { damagedMessage, readProjectHeader } from './project-header';

export { APPLICATION_ID, PROJECT_EXTENSION };

/** File name of the default project inside the app's user-data folder. */
export const DEFAULT_PROJECT_FILE = `library${PROJECT_EXTENSION}`;

/** Options of openProject. */
export interface OpenOptions {
  /** Create a new project when `file` does not exist. */
  readonly create?: boolean;
  /**
   * Called with the configured connection once the file has passed its checks and before any
   * migration runs: the moment to take a backup of the file as it was.
   */
  readonly beforeMigrate?: (db: Database.Database) => void;
}

/**
 * Opens the project at `file` (creating it atomically when missing and `create` is set),
 * configured (WAL, synchronous FULL, foreign keys, busy timeout) and migrated to
 * LATEST_VERSION. Throws AppError 'not-found', 'not-a-project' or 'newer-version'; a refused
 * file is left exactly as it was.
 */
export function openProject(file: string, options: OpenOptions = {}): Database.Database {
  const name = path.basename(file);
  let stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) {
    if (!options.create) throw new AppError('not-found', `"${name}" does not exist.`);
    createProjectFile(file);
    stat = fs.statSync(file);
  }
  if (stat.isDirectory()) throw new AppError('not-a-project', `"${name}" is a folder, not a Claimdesk project.`);
  if (stat.size === 0) throw new AppError('not-a-project', 'This file is empty; it is not a Claimdesk project.');

  const header = readProjectHeader(file);
  if (header.userVersion > LATEST_VERSION) {
    throw new AppError('newer-version', newerVersionMessage(header.userVersion, LATEST_VERSION));
  }
  // With a write-ahead log present the header may be stale (its content is still in the log),
  // and the last read-write connection to close would checkpoint the log into the file: so
  // the file is inspected read-only, and reopened for writing once it has passed.
  const hasWal = (fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;

  let db = inspect(file, hasWal);
  if (hasWal) {
    db.close();
    db = new Database(file, { ...nativeBindingOption(), fileMustExist: true });
  }
  try {
    configureConnection(db);
    db.pragma('journal_mode = WAL');
    options.beforeMigrate?.(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Another connection to a project that openProject has opened and migrated (in another thread:
 * linking a version in the version worker), configured as openProject configures its own.
 * AppError 'not-a-project' unless the file is a project at this build's format version.
 */
export function openProjectConnection(file: string): Database.Database {
  const db = new Database(file, { ...nativeBindingOption(), fileMustExist: true });
  try {
    configureConnection(db);
    const ours = db.pragma('application_id', { simple: true }) === APPLICATION_ID && readUserVersion(db) === LATEST_VERSION;
    if (!ours || db.pragma('journal_mode', { simple: true }) !== 'wal') throw new AppError('not-a-project', damagedMessage(file));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * What every connection to a project sets (the journal mode, WAL, is the file's and is set
 * once by openProject): wait up to 5 s for another connection's write, make every commit
 * durable (synchronous FULL: a commit the user saw survives a power cut), enforce foreign keys.
 */
function configureConnection(db: Database.Database): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** Opens (creating if needed) the default project, `<userDataDir>/library.claimdesk`. */
export function openDefaultProject(userDataDir: string): Database.Database {
  fs.mkdirSync(userDataDir, { recursive: true });
  return openProject(path.join(userDataDir, DEFAULT_PROJECT_FILE), { create: true });
}

/** Closes a project opened by openProject (the log is checkpointed into the file). Idempotent. */
export function closeProject(db: Database.Database): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } catch {
    // Advisory only (it may find the file busy); closing matters more.
  }
  db.close();
}

/**
 * Opens the file and checks, with reads only, that SQLite agrees with the header: our
 * application id, a version this build reads, and a schema that parses. Closes and throws
 * otherwise.
 */
function inspect(file: string, readonly: boolean): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { ...nativeBindingOption(), fileMustExist: true, readonly });
  } catch {
    throw new AppError('not-a-project', damagedMessage(file));
  }
  try {
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
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
