/**
 * Local profiles: the people who work on a project. A profile is found again by its `uid`,
 * which travels with the person from desk to desk.
 */
import type { Database } from 'better-sqlite3';
import type { Profile, ProfileFields } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { hexColor, nowIso, requiredText } from './validate';

interface ProfileRow {
  id: number;
  uid: string;
  name: string;
  initials: string;
  color: string;
}

const PROFILE_COLUMNS = 'id, uid, name, initials, color';

/** Every profile of the project, by name. */
export function listProfiles(db: Database): Profile[] {
  return db.prepare<[], ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles ORDER BY name, id`).all().map(toProfile);
}

/** One profile; AppError('not-found') if there is none. */
export function getProfile(db: Database, id: number): Profile {
  const row = db.prepare<[number], ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles WHERE id = ?`).get(id);
  if (row === undefined) throw new AppError('not-found', 'This profile does not exist.');
  return toProfile(row);
}

/**
 * The profile with `p.uid`, created if new, else given `p`'s name, initials and colour.
 * AppError('invalid-argument') for a blank uid or name, initials that are not 1–3
 * characters, or a colour that is not `#rrggbb`.
 */
export function ensureProfile(db: Database, p: { uid: string } & ProfileFields): Profile {
  const uid = requiredText(p.uid, 'A profile needs an identifier.');
  const name = requiredText(p.name, 'Please type your name.');
  const initials = requiredText(p.initials, 'Please type your initials.');
  if ([...initials].length > 3) throw new AppError('invalid-argument', 'Initials are one to three letters.');
  const color = hexColor(p.color, 'The colour');
  const id = db
    .prepare<[string, string, string, string, string], number>(
      `INSERT INTO profiles (uid, name, initials, color, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (uid) DO UPDATE SET name = excluded.name, initials = excluded.initials, color = excluded.color
       RETURNING id`,
    )
    .pluck()
    .get(uid, name, initials, color, nowIso()) as number;
  return getProfile(db, id);
}

function toProfile(row: ProfileRow): Profile {
  return { id: row.id, uid: row.uid, name: row.name, initials: row.initials, color: row.color };
}
