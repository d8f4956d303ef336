import { describe, expect, it } from 'vitest';
import { deleteClaim, getClaim } from './claims';
import { listHistory } from './history';
import { createTag, deleteTag, findOrCreateTag, listTags, mergeTags, moveTag, updateTag } from './tags';
import { addArticle, addClaim, expectRefused, tempProject } from './test-support';

const top = (name: string, color: string | null = null) => ({ name, parentId: null, color });

describe('tags', () => {
  it('builds a vocabulary with paths, colours and live claim counts', () => {
    const { db } = tempProject();
    const casualties = createTag(db, top('Casualties', '#AA0000'));
    const deaths = createTag(db, { name: 'Deaths', parentId: casualties.id, color: null });
    const arrests = createTag(db, top('Arrests'));
    const documentId = addArticle(db);
    addClaim(db, documentId, '14 people', { tagIds: [deaths.id] });
    deleteClaim(db, addClaim(db, documentId, 'Tuesday', { tagIds: [deaths.id] }).id);
    expect(listTags(db)).toEqual([
      { id: arrests.id, parentId: null, name: 'Arrests', color: null, path: ['Arrests'], claimCount: 0 },
      { id: casualties.id, parentId: null, name: 'Casualties', color: '#aa0000', path: ['Casualties'], claimCount: 0 },
      { id: deaths.id, parentId: casualties.id, name: 'Deaths', color: null, path: ['Casualties', 'Deaths'], claimCount: 1 },
    ]);
  });

  it('keeps live names unique among siblings, case-insensitively', () => {
    const { db } = tempProject();
    const casualties = createTag(db, top('Casualties'));
    createTag(db, top('Ölflecken'));
    expectRefused(db, () => createTag(db, top('casualties')), 'invalid-argument', 'There is already a tag "Casualties" at the top level.');
    expectRefused(db, () => createTag(db, top('ÖLFLECKEN')), 'invalid-argument');
    expect(createTag(db, { name: 'Casualties', parentId: casualties.id, color: null }).path).toEqual(['Casualties', 'Casualties']);
    expectRefused(db, () => createTag(db, top(' ')), 'invalid-argument', 'A tag needs a name.');
    expectRefused(db, () => createTag(db, { name: 'X', parentId: 99, color: null }), 'invalid-argument', 'The tag #99 does not exist.');
  });

  it('renames, recolours and moves a tag; refuses a cycle', () => {
    const { db } = tempProject();
    const a = createTag(db, top('Violence'));
    const b = createTag(db, { name: 'Deaths', parentId: a.id, color: null });
    const c = createTag(db, { name: 'Children', parentId: b.id, color: null });
    expect(updateTag(db, b.id, { name: 'Fatalities', color: '#00ff00' })).toMatchObject({ name: 'Fatalities', color: '#00ff00' });
    expect(moveTag(db, c.id, null).path).toEqual(['Children']);
    moveTag(db, c.id, b.id);
    expectRefused(db, () => moveTag(db, a.id, c.id), 'invalid-argument', 'A tag cannot be moved under itself or one of its own sub-tags.');
    expectRefused(db, () => moveTag(db, a.id, a.id), 'invalid-argument');
  });

  it('merges two tags: claims and sub-tags move, no claim gets the tag twice', () => {
    const { db } = tempProject();
    const keep = createTag(db, top('Casualties'));
    const dupe = createTag(db, top('Victims'));
    const child = createTag(db, { name: 'Children', parentId: dupe.id, color: null });
    const documentId = addArticle(db);
    const both = addClaim(db, documentId, '14 people', { tagIds: [keep.id, dupe.id] });
    const onlyDupe = addClaim(db, documentId, 'Tuesday', { tagIds: [dupe.id] });
    const merged = mergeTags(db, keep.id, dupe.id);
    expect(merged.claimCount).toBe(2);
    expect([getClaim(db, both.id).tagIds, getClaim(db, onlyDupe.id).tagIds]).toEqual([[keep.id], [keep.id]]);
    expect(listTags(db).find((t) => t.id === child.id)?.path).toEqual(['Casualties', 'Children']);
    expect(listTags(db).map((t) => t.id)).not.toContain(dupe.id);
    expectRefused(db, () => mergeTags(db, child.id, keep.id), 'invalid-argument', 'A tag cannot be merged into one of its own sub-tags.');
  });

  it('refuses a merge that would give a tag two sub-tags of the same name', () => {
    const { db } = tempProject();
    const keep = createTag(db, top('Casualties'));
    const dupe = createTag(db, top('Victims'));
    createTag(db, { name: 'Children', parentId: keep.id, color: null });
    createTag(db, { name: 'children', parentId: dupe.id, color: null });
    expectRefused(db, () => mergeTags(db, keep.id, dupe.id), 'conflict', 'There is already a tag "Children" under "Casualties".');
  });

  it('deletes a tag: sub-tags move up, claims get the chosen tag or lose it, each change recorded', () => {
    const { db } = tempProject();
    const parent = createTag(db, top('Violence'));
    const doomed = createTag(db, { name: 'Deaths', parentId: parent.id, color: null });
    const child = createTag(db, { name: 'Children', parentId: doomed.id, color: null });
    const target = createTag(db, top('Casualties'));
    const documentId = addArticle(db);
    const a = addClaim(db, documentId, '14 people', { tagIds: [doomed.id] });
    const b = addClaim(db, documentId, 'Tuesday', { tagIds: [doomed.id, target.id] });
    deleteTag(db, doomed.id, target.id);
    expect([getClaim(db, a.id).tagIds, getClaim(db, b.id).tagIds]).toEqual([[target.id], [target.id]]);
    expect(listTags(db).find((t) => t.id === child.id)?.path).toEqual(['Violence', 'Children']);
    expect(listHistory(db, { entity: 'claim', entityId: a.id })[0]).toMatchObject({ before: { tagIds: [doomed.id] }, after: { tagIds: [target.id] } });
    expect(listHistory(db, { entity: 'tag', entityId: child.id })[0]).toMatchObject({ before: { parentId: doomed.id }, after: { parentId: parent.id } });

    const c = addClaim(db, documentId, 'shoot-to-kill', { tagIds: [child.id] });
    deleteTag(db, child.id, null);
    expect(getClaim(db, c.id).tagIds).toEqual([]);
  });

  it('finds or creates a free tag at the top level', () => {
    const { db } = tempProject();
    const parent = createTag(db, top('Violence'));
    createTag(db, { name: 'Arson', parentId: parent.id, color: null });
    const free = findOrCreateTag(db, ' arson ');
    expect(free).toMatchObject({ parentId: null, name: 'arson' });
    expect(findOrCreateTag(db, 'ARSON').id).toBe(free.id);
    expect(listTags(db)).toHaveLength(3);
  });
});
