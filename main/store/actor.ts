/**
 * Who is acting on a connection: the profile every change made through it is attributed to
 * (history rows, a claim's author). It lives beside the connection, not in the database, so
 * two windows on one project can act as two people.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/result';

const actors = new WeakMap<Database, number | null>();

/**
 * Attributes the following changes on `db` to profile `profileId` (null: nobody).
 * AppError('not-found') for a profile that does not exist.
 */
export function setActor(db: Database, profileId: number | null): void {
  if (profileId !== null) {
    const exists = db.prepare<[number], number>('SELECT 1 FROM profiles WHERE id = ?').pluck().get(profileId);
    if (exists === undefined) throw new AppError('not-found', 'This profile does not exist.');
  }
  actors.set(db, profileId);
}

/** The profile changes on `db` are attributed to, or null when none was set. */
export function getActor(db: Database): number | null {
  return actors.get(db) ?? null;
}
