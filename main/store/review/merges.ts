/**
 * The merges of review packages as the desk sees them — what each brought, the conflicts it
 * left, the history entry that undoes it — and resolving a conflict: 'ours' keeps the value
 * here, 'theirs' applies the package's value (through changeClaim, or to the vote). A
 * resolution is recorded as a 'conflict' entry that is part of the merge's entry, and the
 * change it makes as part of the resolution: undoing the resolution undoes its change, and
 * undoing the merge undoes its resolutions too.
 */
import type { Database } from 'better-sqlite3';
import {
  CLAIM_STATUS_LABELS,
  CLAIM_TYPE_LABELS,
  CONFLICT_RESOLUTIONS,
  MERGE_FIELDS,
  type ClaimStatus,
  type ClaimType,
  type ConflictResolution,
  type FieldValue,
  type MergeConflict,
  type MergeField,
  type MergeSummary,
} from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { getActor } from '../actor';
import { changeClaim, checkClaimValues } from '../claim-record';
import { asPartOf, recordDiff } from '../history-log';
import { nowIso, oneOf, recordId } from '../validate';
import { RECORD_FIELDS } from './package-export';
import { mergeEntryId, recordValue, type MergeSummaryJson } from './package-merge';
import { CONFLICT_SPEC, VOTE_SPEC } from './review-records';
import { rowSnapshot } from './row-history';

interface MergeRow {
  id: number;
  package_uid: string;
  file_name: string | null;
  made_by: string;
  made_at: string;
  merged_at: string;
  summary_json: string;
  conflict_count: number;
  open_conflicts: number;
}

/** The standing merges (not undone), newest first. */
export function listMerges(db: Database): MergeSummary[] {
  return db
    .prepare<[], MergeRow>(
      `SELECT m.id, m.package_uid, m.file_name, m.made_by, m.made_at, m.merged_at, m.summary_json,
              (SELECT count(*) FROM merge_conflicts c WHERE c.merge_id = m.id) AS conflict_count,
              (SELECT count(*) FROM merge_conflicts c WHERE c.merge_id = m.id AND c.resolution IS NULL) AS open_conflicts
       FROM review_merges m WHERE m.deleted_at IS NULL ORDER BY m.merged_at DESC, m.id DESC`,
    )
    .all()
    .map((row) => {
      const summary = JSON.parse(row.summary_json) as Partial<MergeSummaryJson>;
      return {
        id: row.id,
        packageUid: row.package_uid,
        fileName: row.file_name,
        madeBy: row.made_by,
        madeAt: row.made_at,
        mergedAt: row.merged_at,
        merged: summary.merged ?? { sessions: 0, votes: 0, comments: 0, claims: 0, edits: 0 },
        alreadyHere: summary.alreadyHere ?? 0,
        notMerged: summary.notMerged ?? [],
        conflictCount: row.conflict_count,
        openConflicts: row.open_conflicts,
        historyEntryId: mergeEntryId(db, row.id),
      };
    });
}

interface ConflictRow {
  id: number;
  merge_id: number;
  claim_id: number;
  field: string;
  base_json: string | null;
  ours_json: string;
  theirs_json: string;
  resolution: ConflictResolution | null;
  resolved_at: string | null;
  exact: string;
  document_title: string;
  claim_deleted_at: string | null;
}

const SELECT_CONFLICTS = `
  SELECT mc.id, mc.merge_id, mc.claim_id, mc.field, mc.base_json, mc.ours_json, mc.theirs_json, mc.resolution, mc.resolved_at,
         c.exact, d.title AS document_title, c.deleted_at AS claim_deleted_at
  FROM merge_conflicts mc JOIN review_merges m ON m.id = mc.merge_id
  JOIN claims c ON c.id = mc.claim_id JOIN documents d ON d.id = c.document_id
  WHERE m.deleted_at IS NULL`;

/** The conflicts of standing merges (of merge `mergeId` only, if given), oldest first, resolved ones included. */
export function listConflicts(db: Database, mergeId?: number): MergeConflict[] {
  const rows =
    mergeId === undefined
      ? db.prepare<[], ConflictRow>(`${SELECT_CONFLICTS} ORDER BY mc.id`).all()
      : db.prepare<[number], ConflictRow>(`${SELECT_CONFLICTS} AND mc.merge_id = ? ORDER BY mc.id`).all(recordId(mergeId, 'The merge'));
  return rows.map((row) => toConflict(db, row));
}

function toConflict(db: Database, row: ConflictRow): MergeConflict {
  const field = row.field as MergeField | 'vote';
  const show = (json: string) => describeValue(db, field, JSON.parse(json) as unknown);
  return {
    id: row.id,
    mergeId: row.merge_id,
    claimId: row.claim_id,
    claimExact: row.exact,
    documentTitle: row.document_title,
    field,
    base: row.base_json === null ? null : show(row.base_json),
    ours: show(row.ours_json),
    theirs: show(row.theirs_json),
    resolution: row.resolution,
    resolvedAt: row.resolved_at,
  };
}

function verdictLabel(db: Database, key: unknown): string {
  const label = typeof key === 'string' ? db.prepare<[string], string>('SELECT label FROM verdicts WHERE key = ?').pluck().get(key) : undefined;
  return label ?? `“${String(key)}” (not on this project's scale)`;
}

/** A value of a conflict in words. */
function describeValue(db: Database, field: MergeField | 'vote', value: unknown): string {
  if (field === 'vote') {
    const vote = value as { verdict: string; confidence: number; comment: string | null };
    return `${verdictLabel(db, vote.verdict)}, ${vote.confidence}%${vote.comment === null ? '' : ` — “${vote.comment}”`}`;
  }
  if (value === null) return '(empty)';
  switch (field) {
    case 'verdict':
      return verdictLabel(db, value);
    case 'confidence':
      return `${String(value)}%`;
    case 'status':
      return CLAIM_STATUS_LABELS[value as ClaimStatus] ?? String(value);
    case 'claimType':
      return CLAIM_TYPE_LABELS[value as ClaimType] ?? String(value);
    default:
      return String(value);
  }
}

/**
 * Resolves conflict `id` of a standing merge: 'ours' keeps this project's value, 'theirs'
 * applies the package's. Undoable from the history. AppError 'not-found' (no such conflict, or
 * its merge was undone), 'conflict' (already resolved; or the claim is in the bin, or the vote
 * here was withdrawn, for 'theirs'), 'invalid-argument' (their verdict is not on the scale).
 */
export function resolveConflict(db: Database, id: number, resolution: ConflictResolution): MergeConflict {
  return db.transaction(() => {
    const choice = oneOf(resolution, CONFLICT_RESOLUTIONS, 'The resolution');
    const row = db.prepare<[number], ConflictRow>(`${SELECT_CONFLICTS} AND mc.id = ?`).get(recordId(id, 'The conflict'));
    if (row === undefined) throw new AppError('not-found', 'This conflict does not exist, or its merge was undone.');
    if (row.resolution !== null) throw new AppError('conflict', 'This conflict is already resolved; undo the resolution in the history to choose again.');
    if (choice === 'theirs' && row.claim_deleted_at !== null) {
      throw new AppError('conflict', 'The claim is in the bin; restore it before taking the package\u2019s value.');
    }
    const resolve = () => {
      const before = rowSnapshot(db, CONFLICT_SPEC, row.id);
      db.prepare('UPDATE merge_conflicts SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?').run(choice, getActor(db), nowIso(), row.id);
      const entry = recordDiff(db, 'conflict', row.id, before, rowSnapshot(db, CONFLICT_SPEC, row.id), 'update', row.claim_id)!;
      if (choice === 'theirs') asPartOf(db, entry, () => takeTheirs(db, row));
    };
    const mergeEntry = mergeEntryId(db, row.merge_id);
    if (mergeEntry === null) resolve();
    else asPartOf(db, mergeEntry, resolve);
    return toConflict(db, db.prepare<[number], ConflictRow>(`${SELECT_CONFLICTS} AND mc.id = ?`).get(row.id)!);
  })();
}

function takeTheirs(db: Database, row: ConflictRow): void {
  const library = {
    verdictId: (key: string) =>
      db.prepare<[string], number>('SELECT id FROM verdicts WHERE key = ? AND retired_at IS NULL').pluck().get(key) ?? null,
  };
  if (row.field === 'vote') {
    const theirs = JSON.parse(row.theirs_json) as { sessionUid: string; reviewerUid: string; verdict: string; confidence: number; comment: string | null };
    const vote = db
      .prepare<[string, number, string], number>(
        `SELECT v.id FROM review_votes v JOIN review_sessions s ON s.id = v.session_id JOIN profiles p ON p.id = v.reviewer_id
         WHERE s.uid = ? AND v.claim_id = ? AND p.uid = ? AND v.deleted_at IS NULL`,
      )
      .pluck()
      .get(theirs.sessionUid, row.claim_id, theirs.reviewerUid);
    if (vote === undefined) throw new AppError('conflict', 'The vote here has been withdrawn since; there is nothing to replace.');
    const verdictId = library.verdictId(theirs.verdict);
    if (verdictId === null) throw new AppError('invalid-argument', `The verdict “${theirs.verdict}” is not on this project's scale.`);
    const before = rowSnapshot(db, VOTE_SPEC, vote);
    db.prepare('UPDATE review_votes SET verdict_id = ?, confidence = ?, comment = ?, updated_at = ? WHERE id = ?').run(
      verdictId,
      theirs.confidence,
      theirs.comment,
      nowIso(),
      vote,
    );
    recordDiff(db, 'vote', vote, before, rowSnapshot(db, VOTE_SPEC, vote), 'update', row.claim_id);
    return;
  }
  const field = oneOf(row.field, MERGE_FIELDS, 'The field');
  const value = recordValue(library, field, JSON.parse(row.theirs_json) as FieldValue);
  if (value === undefined) throw new AppError('invalid-argument', `The verdict “${row.theirs_json}” is not on this project's scale.`);
  changeClaim(db, row.claim_id, checkClaimValues(db, { [RECORD_FIELDS[field]]: value }));
}
