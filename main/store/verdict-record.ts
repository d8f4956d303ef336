/**
 * Verdict rows, their checks, and their record form for the history:
 * `{ label, color, position, deletedAt }` (`position` as stored; gaps are harmless, the scale
 * is read in position order). A deleted verdict is retired, never removed: claims and the
 * history may still name it.
 */
import type { Database } from 'better-sqlite3';
import type { VerdictFields } from '../../shared/domain';
import { AppError } from '../../shared/result';
import type { HistoryHandler } from './history-log';
import { statement } from './statements';
import { hexColor, invalid, nameKey, nowIso, requiredText } from './validate';

/** A row of `verdicts` with its count of live claims; `v` is `verdicts`. */
export const VERDICT_COLUMNS = `
  v.id, v.key, v.label, v.color, v.position, v.retired_at,
  (SELECT count(*) FROM claims c WHERE c.verdict_id = v.id AND c.deleted_at IS NULL) AS claim_count`;

/** A row selected with VERDICT_COLUMNS. */
export interface VerdictRow {
  id: number;
  key: string;
  label: string;
  color: string;
  position: number;
  retired_at: string | null;
  claim_count: number;
}

/** The row of verdict `id`, live or retired; AppError('not-found'). */
export function verdictRow(db: Database, id: number): VerdictRow {
  const row = db.prepare<[number], VerdictRow>(`SELECT ${VERDICT_COLUMNS} FROM verdicts v WHERE v.id = ?`).get(id);
  if (row === undefined) throw new AppError('not-found', 'This verdict does not exist.');
  return row;
}

/** Verdict `id` as given to a claim: it must exist and be live, else AppError('invalid-argument'). Returns the id. */
export function requireLiveVerdict(db: Database, id: number): number {
  const row = statement<[number], { label: string; retired_at: string | null }>(db, 'SELECT label, retired_at FROM verdicts WHERE id = ?').get(id);
  if (row === undefined) invalid('This verdict does not exist.');
  if (row.retired_at !== null) invalid(`The verdict "${row.label}" was deleted from the scale; choose another.`);
  return id;
}

/** Checks verdict fields: a label unique among live verdicts (other than `exceptId`) and a colour. */
export function checkVerdictFields(db: Database, fields: VerdictFields, exceptId: number | null): VerdictFields {
  if (typeof fields !== 'object' || fields === null) invalid('A verdict needs a label and a colour.');
  const label = requiredText(fields.label, 'A verdict needs a label.');
  const color = hexColor(fields.color, 'The colour of a verdict');
  checkLabelFree(db, label, exceptId, (message) => invalid(message));
  return { label, color };
}

function checkLabelFree(db: Database, label: string, exceptId: number | null, fail: (message: string) => never): void {
  const labels = db
    .prepare<[number], string>('SELECT label FROM verdicts WHERE retired_at IS NULL AND id <> ?')
    .pluck()
    .all(exceptId ?? 0);
  if (labels.some((other) => nameKey(other) === nameKey(label))) fail(`The scale already has a verdict "${label}".`);
}

/** Number of claims, live or in the bin, that carry verdict `id`. */
export function claimsWithVerdict(db: Database, id: number): number[] {
  return db.prepare<[number], number>('SELECT id FROM claims WHERE verdict_id = ? ORDER BY id').pluck().all(id);
}

/**
 * Retires verdict `id`. AppError('conflict') while any claim carries it, or when it is the
 * last live verdict of the scale.
 */
export function retireVerdict(db: Database, id: number): void {
  const row = verdictRow(db, id);
  const live = db.prepare<[], number>('SELECT count(*) FROM verdicts WHERE retired_at IS NULL').pluck().get() as number;
  if (live <= 1) throw new AppError('conflict', 'The scale needs at least one verdict; add another before deleting this one.');
  const count = claimsWithVerdict(db, id).length;
  if (count > 0) {
    throw new AppError(
      'conflict',
      `${count} ${count === 1 ? 'claim has' : 'claims have'} the verdict "${row.label}". Choose a verdict to move them to.`,
    );
  }
  db.prepare('UPDATE verdicts SET retired_at = ? WHERE id = ?').run(nowIso(), id);
}

/** Brings retired verdict `id` back; AppError('conflict') if a live verdict has its label meanwhile. */
export function unretireVerdict(db: Database, id: number): void {
  checkLabelFree(db, verdictRow(db, id).label, id, (message) => {
    throw new AppError('conflict', `${message} Rename one of them first.`);
  });
  db.prepare('UPDATE verdicts SET retired_at = NULL WHERE id = ?').run(id);
}

/** The history's view of verdicts. */
export const verdictHistory: HistoryHandler = {
  snapshot(db, id) {
    const row = verdictRow(db, id);
    return { label: row.label, color: row.color, position: row.position, deletedAt: row.retired_at };
  },

  apply(db, id, values) {
    const row = verdictRow(db, id);
    if ('label' in values || 'color' in values) {
      const fields = checkVerdictFields(db, { label: row.label, color: row.color, ...(values as Partial<VerdictFields>) }, id);
      db.prepare('UPDATE verdicts SET label = ?, color = ? WHERE id = ?').run(fields.label, fields.color, id);
    }
    if (typeof values.position === 'number' && Number.isInteger(values.position)) {
      db.prepare('UPDATE verdicts SET position = ? WHERE id = ?').run(values.position, id);
    }
    if (values.deletedAt === null && row.retired_at !== null) unretireVerdict(db, id);
    if (typeof values.deletedAt === 'string' && row.retired_at === null) retireVerdict(db, id);
  },
};
