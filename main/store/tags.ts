/**
 * The tag vocabulary: a tree of named, coloured tags. Tags are renamed, moved, merged and
 * deleted; a delete says where its claims go (another tag, or nowhere) and its sub-tags move
 * up to its parent. Free tags typed in the claim form are created at the top level.
 */
import type { Database } from 'better-sqlite3';
import type { Tag } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { changeClaim, claimRecord } from './claim-record';
import { asPartOf, recordChange, recordDelete, recordDiff } from './history-log';
import {
  checkNameFree,
  checkParent,
  checkTagColor,
  checkTagName,
  claimsWithTag,
  insertTag,
  liveChildren,
  mergeTagRecords,
  requireLiveTag,
  tagHistory,
  tagRow,
  type TagRow,
} from './tag-record';
import { invalid, nameKey, recordId } from './validate';

/** Every live tag, in tree order (children after their parent, siblings by name), with its path and count of live claims. */
export function listTags(db: Database): Tag[] {
  const rows = db
    .prepare<[], TagRow & { claim_count: number }>(
      `SELECT t.id, t.parent_id, t.name, t.color, t.deleted_at, t.merged_into_id,
              (SELECT count(*) FROM claim_tags ct JOIN claims c ON c.id = ct.claim_id
               WHERE ct.tag_id = t.id AND c.deleted_at IS NULL) AS claim_count
       FROM tags t WHERE t.deleted_at IS NULL`,
    )
    .all();
  const children = new Map<number | null, typeof rows>();
  for (const row of rows) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  const tags: Tag[] = [];
  const visit = (parentId: number | null, path: readonly string[]) => {
    const level = (children.get(parentId) ?? []).sort((a, b) => nameKey(a.name).localeCompare(nameKey(b.name)) || a.id - b.id);
    for (const row of level) {
      const own = [...path, row.name];
      const { id, parent_id: parentId, name, color, claim_count: claimCount } = row;
      tags.push({ id, parentId, name, color, path: own, claimCount });
      visit(row.id, own);
    }
  };
  visit(null, []);
  return tags;
}

function liveTag(db: Database, id: number): Tag {
  const tag = listTags(db).find((t) => t.id === id);
  if (tag === undefined) throw new AppError('not-found', 'This tag does not exist (it may have been deleted).');
  return tag;
}

function requireEditable(db: Database, id: number): TagRow {
  const row = tagRow(db, id);
  if (row.deleted_at !== null) invalid(`The tag "${row.name}" was deleted; restore it first.`);
  return row;
}

/**
 * Adds a tag under `parentId` (null: top level). AppError('invalid-argument') for a blank
 * name, a name its siblings already have, a bad colour or a parent that is not a live tag.
 */
export function createTag(db: Database, fields: { name: string; parentId: number | null; color: string | null }): Tag {
  return db.transaction(() => {
    const parentId = fields.parentId === null ? null : recordId(fields.parentId, 'The parent tag');
    return liveTag(db, insertTag(db, { ...fields, parentId }));
  })();
}

/** Renames and/or recolours a live tag (null colour: inherit the parent's). */
export function updateTag(db: Database, id: number, fields: { name: string; color: string | null }): Tag {
  return db.transaction(() => {
    const row = requireEditable(db, id);
    const name = checkTagName(fields.name);
    const color = checkTagColor(fields.color);
    checkNameFree(db, row.parent_id, name, [id]);
    const before = tagHistory.snapshot(db, id);
    tagHistory.apply(db, id, { name, color });
    recordDiff(db, 'tag', id, before, tagHistory.snapshot(db, id));
    return liveTag(db, id);
  })();
}

/** Moves a live tag under `parentId` (null: top level). AppError('invalid-argument') for a cycle or a name clash. */
export function moveTag(db: Database, id: number, parentId: number | null): Tag {
  return db.transaction(() => {
    const row = requireEditable(db, id);
    const target = parentId === null ? null : recordId(parentId, 'The parent tag');
    checkParent(db, id, target);
    checkNameFree(db, target, row.name, [id]);
    const before = tagHistory.snapshot(db, id);
    tagHistory.apply(db, id, { parentId: target });
    recordDiff(db, 'tag', id, before, tagHistory.snapshot(db, id));
    return liveTag(db, id);
  })();
}

/**
 * Merges tag `mergeId` into `keepId`: its claims and sub-tags move to `keepId` (a claim with
 * both keeps one link) and it goes to the bin. Undoable from the history. AppError
 * 'invalid-argument' (same tag, or `keepId` below `mergeId`), 'conflict' (a sub-tag name
 * clash under `keepId`).
 */
export function mergeTags(db: Database, keepId: number, mergeId: number): Tag {
  return db.transaction(() => {
    requireEditable(db, keepId);
    requireEditable(db, mergeId);
    const { before, after } = mergeTagRecords(db, keepId, mergeId);
    recordChange(db, { entity: 'tag', entityId: mergeId, action: 'merge', before, after });
    return liveTag(db, keepId);
  })();
}

/**
 * Deletes tag `id`: its sub-tags move up to its parent, and its claims (live or in the bin)
 * get tag `moveClaimsTo` instead, or lose it when null — each change recorded in the history.
 * A deleted tag is unchanged.
 */
export function deleteTag(db: Database, id: number, moveClaimsTo: number | null): void {
  db.transaction(() => {
    const row = tagRow(db, id);
    if (row.deleted_at !== null) return;
    const target = moveClaimsTo === null ? null : requireLiveTag(db, recordId(moveClaimsTo, 'The tag to move claims to'));
    if (target === id) invalid('Choose another tag to move the claims to.');
    const children = liveChildren(db, id);
    for (const child of children) checkNameFree(db, row.parent_id, child.name, [id], 'conflict');
    const claims = claimsWithTag(db, id);
    // Sub-tags moving up and claims losing (or swapping) the tag are part of the delete
    // (recorded first, so it can own them), so undoing it puts everything back.
    const entry = recordDelete(db, 'tag', id);
    asPartOf(db, entry, () => {
      for (const child of children) {
        const before = tagHistory.snapshot(db, child.id);
        db.prepare('UPDATE tags SET parent_id = ? WHERE id = ?').run(row.parent_id, child.id);
        recordDiff(db, 'tag', child.id, before, tagHistory.snapshot(db, child.id));
      }
      for (const claimId of claims) {
        const kept = claimRecord(db, claimId).tagIds.filter((tagId) => tagId !== id);
        const tagIds = target === null || kept.includes(target) ? kept : [...kept, target].sort((a, b) => a - b);
        changeClaim(db, claimId, { tagIds });
      }
    });
    tagHistory.apply(db, id, { deletedAt: new Date().toISOString() });
  })();
}

/** The live top-level tag called `name` (case-insensitively), created if there is none: a free tag. */
export function findOrCreateTag(db: Database, name: string): Tag {
  return db.transaction(() => {
    const wanted = checkTagName(name);
    const existing = db
      .prepare<[], { id: number; name: string }>('SELECT id, name FROM tags WHERE parent_id IS NULL AND deleted_at IS NULL')
      .all()
      .find((tag) => nameKey(tag.name) === nameKey(wanted));
    return liveTag(db, existing?.id ?? insertTag(db, { name: wanted, parentId: null, color: null }));
  })();
}
