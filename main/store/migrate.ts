/**
 * Schema migrations. Each migration is one numbered file in `migrations/`, append-only: a
 * migration that has shipped is never edited; a change to the schema is a new migration.
 *
 * `PRAGMA user_version` holds the number of the last migration applied. Everything pending is
 * applied in one transaction together with the new user_version, so a crash or a failing
 * migration leaves the database exactly at its old version.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import { MIGRATIONS } from './migrations';
import { APPLICATION_ID, newerVersionMessage } from './project-format';

/** One step of the schema. `up` runs inside the migration transaction; it must not commit. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

/** The format version this build writes and the newest it can read. */
export const LATEST_VERSION = MIGRATIONS.length;

/** Reads the database's format version (`PRAGMA user_version`). */
export function readUserVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the last migration of `migrations` (which must be numbered 1..N
 * in order, else a plain Error: a programming error). Throws AppError('newer-version') for a
 * database newer than the list. Returns the versions before and after.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  checkOrder(migrations);
  const latest = migrations.length;
  const from = readUserVersion(db);
  if (from > latest) throw new AppError('newer-version', newerVersionMessage(from, latest));
  if (from === latest) return { from, to: latest };

  // Foreign keys are off while migrating, so that a later migration can rebuild a table the
  // way SQLite documents (create, copy, drop, rename); violations are checked before commit.
  // The pragma is a no-op inside a transaction, hence outside.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    const apply = db.transaction(() => {
      // Read again under the write lock: another process may have migrated meanwhile.
      const current = readUserVersion(db);
      if (current > latest) throw new AppError('newer-version', newerVersionMessage(current, latest));
      for (const migration of migrations.slice(current)) migration.up(db);
      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new Error(`Migrations left ${violations.length} foreign-key violation(s); nothing was applied.`);
      }
      // PRAGMA takes no bound parameters; both values are integers checked above.
      db.pragma(`user_version = ${latest}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    });
    apply.immediate();
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return { from, to: latest };
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1 || !Number.isInteger(migration.version)) {
      throw new Error(
        `Migrations must be numbered 1..N in order: position ${index + 1} holds version ` +
          `${migration.version} ("${migration.name}").`,
      );
    }
  });
}
