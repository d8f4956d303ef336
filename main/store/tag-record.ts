/**
 * Tag rows, their checks, and their record form for the history:
 * `{ name, color, parentId, deletedAt, mergedIntoId }`.
 *
 * Tags form a tree; a live name is unique among its live siblings, compared case-insensitively
 * (checked here with full Unicode case folding; a partial unique index backs it for ASCII). A
 * merge moves the merged tag's claims (a claim that has both keeps one) and children to the
 * kept tag; the merge entry lists them so that undo can move them back.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import type { HistoryHandler, HistoryRecord } from './history-log';
import { recordCreate } from './history-log';
import { statement } from './statements';
import { hexColor, invalid, nameKey, nowIso, requiredText } from './validate';

/** A row of `tags`. */
export interface TagRow {
  id: number;
  parent_id: number | null;
  name: string;
  color: string | null;
  deleted_at: string | null;
  merged_into_id: number | null;
}

const TAG_COLUMNS = 'id, parent_id, name, color, deleted_at, merged_into_id';

/** The row of tag `id`, live or not; AppError('not-found'). */
export function tagRow(db: Database, id: number): TagRow {
  const row = statement<[number], TagRow>(db, `SELECT ${TAG_COLUMNS} FROM tags WHERE id = ?`).get(id);
  if (row === undefined) throw new AppError('not-found', 'This tag does not exist (it may have been deleted).');
  return row;
}

/** Tag `id` as given to a claim: it must exist and be live, else AppError('invalid-argument'). Returns the id. */
export function requireLiveTag(db: Database, id: number): number {
  const row = statement<[number], TagRow>(db, `SELECT ${TAG_COLUMNS} FROM tags WHERE id = ?`).get(id);
  if (row === undefined) invalid(`The tag #${id} does not exist.`);
  if (row.deleted_at !== null) invalid(`The tag "${row.name}" was deleted; restore it first.`);
  return id;
}

/** A tag name, trimmed; AppError('invalid-argument') when blank. */
export function checkTagName(name: unknown): string {
  return requiredText(name, 'A tag needs a name.');
}

/** A tag colour: `#rrggbb` (lower-cased) or null to inherit the parent's. */
export function checkTagColor(color: unknown): string | null {
  return color === null || color === undefined ? null : hexColor(color, 'The colour of a tag');
}

/** Throws `kind` unless no live tag under `parentId` (other than `exceptIds`) is called `name`. */
export function checkNameFree(
  db: Database,
  parentId: number | null,
  name: string,
  exceptIds: readonly number[],
  kind: 'invalid-argument' | 'conflict' = 'invalid-argument',
): void {
  const siblings = db
    .prepare<[number], { id: number; name: string }>(
      'SELECT id, name FROM tags WHERE ifnull(parent_id, 0) = ? AND deleted_at IS NULL',
    )
    .all(parentId ?? 0);
  const clash = siblings.find((tag) => !exceptIds.includes(tag.id) && nameKey(tag.name) === nameKey(name));
  if (clash !== undefined) {
    const where = parentId === null ? 'at the top level' : `under "${tagRow(db, parentId).name}"`;
    throw new AppError(kind, `There is already a tag "${clash.name}" ${where}.`);
  }
}

/** Ids of tag `id` and all its descendants (live or not). */
export function withDescendants(db: Database, id: number): number[] {
  return db
    .prepare<[number], number>(
      `WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT t.id FROM tags t JOIN tree ON t.parent_id = tree.id)
       SELECT id FROM tree`,
    )
    .pluck()
    .all(id);
}

/** Checks that `parentId` may hold tag `id` (null: a new tag): it is live and not `id` or below it. */
export function checkParent(db: Database, id: number | null, parentId: number | null): void {
  if (parentId === null) return;
  requireLiveTag(db, parentId);
  if (id !== null && withDescendants(db, id).includes(parentId)) {
    invalid('A tag cannot be moved under itself or one of its own sub-tags.');
  }
}

/** Inserts a checked tag and records its creation; returns its id. Call inside a transaction. */
export function insertTag(db: Database, fields: { name: string; parentId: number | null; color: string | null }): number {
  const name = checkTagName(fields.name);
  const color = checkTagColor(fields.color);
  checkParent(db, null, fields.parentId);
  checkNameFree(db, fields.parentId, name, []);
  const now = nowIso();
  const id = db
    .prepare<unknown[], number>(
      'INSERT INTO tags (parent_id, name, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id',
    )
    .pluck()
    .get(fields.parentId, name, color, now, now) as number;
  recordCreate(db, 'tag', id, tagHistory.snapshot(db, id));
  return id;
}

/** The live tags directly under tag `id`. */
export function liveChildren(db: Database, id: number): TagRow[] {
  return db
    .prepare<[number], TagRow>(`SELECT ${TAG_COLUMNS} FROM tags WHERE parent_id = ? AND deleted_at IS NULL ORDER BY id`)
    .all(id);
}

/** Claims (live or in the bin) that carry tag `id`. */
export function claimsWithTag(db: Database, id: number): number[] {
  return db.prepare<[number], number>('SELECT claim_id FROM claim_tags WHERE tag_id = ? ORDER BY claim_id').pluck().all(id);
}

/** Moves tag `id` to the bin. AppError('conflict') while claims carry it or live tags sit under it. */
export function binTag(db: Database, id: number, mergedIntoId: number | null = null): void {
  const children = liveChildren(db, id).length;
  const claims = claimsWithTag(db, id).length;
  if (children > 0 || claims > 0) {
    throw new AppError(
      'conflict',
      'This tag is in use; delete it from the tags view to choose where its claims and sub-tags go.',
    );
  }
  const now = nowIso();
  db.prepare('UPDATE tags SET deleted_at = ?, merged_into_id = ?, updated_at = ? WHERE id = ?').run(now, mergedIntoId, now, id);
}

/** Brings tag `id` back. AppError('conflict') if its parent is gone or a live sibling has its name. */
export function unbinTag(db: Database, id: number): void {
  const row = tagRow(db, id);
  if (row.parent_id !== null && tagRow(db, row.parent_id).deleted_at !== null) {
    throw new AppError('conflict', `The tag "${row.name}" sat under a tag that was deleted; restore that one first.`);
  }
  checkNameFree(db, row.parent_id, row.name, [id], 'conflict');
  db.prepare('UPDATE tags SET deleted_at = NULL, merged_into_id = NULL, updated_at = ? WHERE id = ?').run(nowIso(), id);
}

interface MovedTagLinks {
  moved: number[];
  dropped: number[];
  children: number[];
}

/** The history's view of tags. */
export const tagHistory: HistoryHandler = {
  snapshot(db, id): HistoryRecord {
    const row = tagRow(db, id);
    return {
      name: row.name,
      color: row.color,
      parentId: row.parent_id,
      deletedAt: row.deleted_at,
      mergedIntoId: row.merged_into_id,
    };
  },

  apply(db, id, values) {
    const row = tagRow(db, id);
    if (values.deletedAt === null && row.deleted_at !== null) unbinTag(db, id);
    const name = 'name' in values ? checkTagName(values.name) : row.name;
    const parentId = 'parentId' in values ? (values.parentId as number | null) : row.parent_id;
    if (name !== row.name || parentId !== row.parent_id) {
      checkParent(db, id, parentId);
      checkNameFree(db, parentId, name, [id], 'conflict');
    }
    const color = 'color' in values ? checkTagColor(values.color) : row.color;
    db.prepare('UPDATE tags SET name = ?, parent_id = ?, color = ?, updated_at = ? WHERE id = ?').run(
      name, parentId, color, nowIso(), id,
    );
    if (typeof values.deletedAt === 'string' && row.deleted_at === null) binTag(db, id);
  },

  merge: (db, keepId, mergeId) => mergeTagRecords(db, keepId, mergeId),
  unmerge: (db, mergeId, after) => unmergeTagRecords(db, mergeId, after),
};

/**
 * Merges live tag `mergeId` into live tag `keepId` (see the header); returns the merge entry's
 * before and after. AppError 'invalid-argument' (a tag in the bin, the same tag, or `keepId`
 * below `mergeId`), 'conflict' (a sub-tag whose name `keepId` already has).
 */
export function mergeTagRecords(db: Database, keepId: number, mergeId: number): { before: HistoryRecord; after: HistoryRecord } {
  for (const id of [keepId, mergeId]) requireLiveTag(db, id);
  if (keepId === mergeId) invalid('A tag cannot be merged into itself.');
  if (withDescendants(db, mergeId).includes(keepId)) invalid('A tag cannot be merged into one of its own sub-tags.');
  const children = liveChildren(db, mergeId);
  for (const child of children) checkNameFree(db, keepId, child.name, [], 'conflict');
  const links: MovedTagLinks = { moved: [], dropped: [], children: children.map((c) => c.id) };
  for (const claimId of claimsWithTag(db, mergeId)) {
    const hasKeep = db.prepare('SELECT 1 FROM claim_tags WHERE claim_id = ? AND tag_id = ?').get(claimId, keepId) !== undefined;
    if (hasKeep) {
      db.prepare('DELETE FROM claim_tags WHERE claim_id = ? AND tag_id = ?').run(claimId, mergeId);
      links.dropped.push(claimId);
    } else {
      db.prepare('UPDATE claim_tags SET tag_id = ? WHERE claim_id = ? AND tag_id = ?').run(keepId, claimId, mergeId);
      links.moved.push(claimId);
    }
  }
  db.prepare('UPDATE tags SET parent_id = ? WHERE parent_id = ? AND deleted_at IS NULL').run(keepId, mergeId);
  binTag(db, mergeId, keepId);
  const deletedAt = tagRow(db, mergeId).deleted_at;
  return { before: { deletedAt: null, mergedIntoId: null }, after: { deletedAt, mergedIntoId: keepId, links } };
}

/** Reverses the merge of tag `mergeId` described by the `after` of its merge entry. */
function unmergeTagRecords(db: Database, mergeId: number, after: HistoryRecord): void {
  const keepId = after.mergedIntoId as number;
  const links = after.links as MovedTagLinks;
  unbinTag(db, mergeId);
  for (const claimId of links.moved) {
    db.prepare('UPDATE claim_tags SET tag_id = ? WHERE claim_id = ? AND tag_id = ?').run(mergeId, claimId, keepId);
  }
  for (const claimId of links.dropped) {
    db.prepare('INSERT OR IGNORE INTO claim_tags (claim_id, tag_id) VALUES (?, ?)').run(claimId, mergeId);
  }
  for (const childId of links.children) {
    db.prepare('UPDATE tags SET parent_id = ? WHERE id = ? AND parent_id = ?').run(mergeId, childId, keepId);
  }
}
