/**
 * The project's verdict scale.
 */
import type { Database } from 'better-sqlite3';
import type { Verdict } from '../../shared/domain';
import { toVerdict, type VerdictRow } from './rows';

/** The verdicts of the scale, in their display order. */
export function listVerdicts(db: Database): Verdict[] {
  return db
    .prepare<[], VerdictRow>('SELECT id, key, label, color, position FROM verdicts ORDER BY position, id')
    .all()
    .map(toVerdict);
}

/** True if `id` is a verdict of the scale. */
export function verdictExists(db: Database, id: number): boolean {
  return db.prepare<[number], number>('SELECT 1 FROM verdicts WHERE id = ?').pluck().get(id) !== undefined;
}
