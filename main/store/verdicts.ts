/**
 * The project's verdict scale. Users rename, recolour, reorder and add verdicts; a claim keeps
 * its verdict (by id) through all of that. A verdict in use cannot vanish silently: deleting
 * it needs a verdict to move its claims to, and then it is retired, not removed.
 */
import type { Database } from 'better-sqlite3';
import type { Verdict, VerdictFields } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { changeClaim } from './claim-record';
import { asPartOf, recordCreate, recordDelete, recordDiff } from './history-log';
import { invalid, recordId, recordIds } from './validate';
import {
  VERDICT_COLUMNS,
  checkVerdictFields,
  claimsWithVerdict,
  requireLiveVerdict,
  retireVerdict,
  verdictHistory,
  verdictRow,
  type VerdictRow,
} from './verdict-record';

/** The live verdicts of the scale in order (position 1 = first), each with its count of live claims. */
export function listVerdicts(db: Database): Verdict[] {
  return db
    .prepare<[], VerdictRow>(`SELECT ${VERDICT_COLUMNS} FROM verdicts v WHERE v.retired_at IS NULL ORDER BY v.position, v.id`)
    .all()
    .map((row, index) => ({
      id: row.id,
      key: row.key,
      label: row.label,
      color: row.color,
      position: index + 1,
      claimCount: row.claim_count,
    }));
}

function liveVerdict(db: Database, id: number): Verdict {
  const verdict = listVerdicts(db).find((v) => v.id === id);
  if (verdict === undefined) throw new AppError('not-found', 'This verdict does not exist (it may have been deleted).');
  return verdict;
}

/**
 * Adds a verdict at the end of the scale. Its key is made from the label (unique, also among
 * retired verdicts). AppError('invalid-argument') for a blank or taken label or a bad colour.
 */
export function createVerdict(db: Database, fields: VerdictFields): Verdict {
  return db.transaction(() => {
    const { label, color } = checkVerdictFields(db, fields, null);
    const keys = new Set(db.prepare<[], string>('SELECT key FROM verdicts').pluck().all());
    const base = keyOf(label);
    let key = base;
    for (let n = 2; keys.has(key); n++) key = `${base}-${n}`;
    const id = db
      .prepare<[string, string, string], number>(
        `INSERT INTO verdicts (key, label, color, position)
         VALUES (?, ?, ?, (SELECT ifnull(max(position), 0) + 1 FROM verdicts)) RETURNING id`,
      )
      .pluck()
      .get(key, label, color) as number;
    recordCreate(db, 'verdict', id, verdictHistory.snapshot(db, id));
    return liveVerdict(db, id);
  })();
}

/** A stable key from a label: "Mostly false" → "mostly-false". */
function keyOf(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return slug === '' ? 'verdict' : slug;
}

/** Renames and/or recolours a live verdict; its claims keep it. AppError 'not-found' / 'invalid-argument'. */
export function updateVerdict(db: Database, id: number, fields: VerdictFields): Verdict {
  return db.transaction(() => {
    const before = verdictHistory.snapshot(db, id);
    if (before.deletedAt !== null) invalid('This verdict was deleted from the scale.');
    const { label, color } = checkVerdictFields(db, fields, id);
    db.prepare('UPDATE verdicts SET label = ?, color = ? WHERE id = ?').run(label, color, id);
    recordDiff(db, 'verdict', id, before, verdictHistory.snapshot(db, id));
    return liveVerdict(db, id);
  })();
}

/**
 * Puts the scale in the order of `ids`, which must list every live verdict exactly once
 * (else AppError('invalid-argument')). Returns the scale.
 */
export function reorderVerdicts(db: Database, ids: readonly number[]): Verdict[] {
  return db.transaction(() => {
    const order = recordIds(ids, 'A verdict');
    const live = listVerdicts(db).map((v) => v.id);
    if (order.length !== ids.length || order.length !== live.length || !live.every((id) => order.includes(id))) {
      invalid('The new order must list every verdict of the scale exactly once.');
    }
    order.forEach((id, index) => {
      const before = verdictHistory.snapshot(db, id);
      if (before.position === index + 1) return;
      db.prepare('UPDATE verdicts SET position = ? WHERE id = ?').run(index + 1, id);
      recordDiff(db, 'verdict', id, before, verdictHistory.snapshot(db, id));
    });
    return listVerdicts(db);
  })();
}

/**
 * Deletes (retires) verdict `id`. Claims that carry it — live or in the bin — move to
 * `moveClaimsTo`, each move recorded in the claim's history. AppError('conflict') when claims
 * carry it and `moveClaimsTo` is null, or when it is the last live verdict;
 * 'invalid-argument' for a target that is not another live verdict.
 */
export function deleteVerdict(db: Database, id: number, moveClaimsTo: number | null): void {
  db.transaction(() => {
    const row = verdictRow(db, id);
    if (row.retired_at !== null) return;
    const claims = claimsWithVerdict(db, id);
    const target = claims.length > 0 && moveClaimsTo !== null ? requireLiveVerdict(db, recordId(moveClaimsTo, 'The verdict to move claims to')) : null;
    if (target === id) invalid('Choose another verdict to move the claims to.');
    // The moves are part of the delete (recorded first, so it can own them): undoing the
    // delete puts the claims back on this verdict.
    const entry = recordDelete(db, 'verdict', id);
    asPartOf(db, entry, () => {
      for (const claimId of target === null ? [] : claims) changeClaim(db, claimId, { verdictId: target! });
    });
    retireVerdict(db, id);
  })();
}
