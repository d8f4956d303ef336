import { describe, expect, it } from 'vitest';
import { setActor } from './actor';
import { addAttachment } from './attachments';
import { deleteClaim, getClaim, restoreClaim, updateClaim } from './claims';
import { listHistory, undoChange } from './history';
import { ensureProfile } from './profiles';
import { createSource, deleteSource, getSource, mergeSources, restoreSource, updateSource } from './sources';
import { createSpeaker, getSpeaker, mergeSpeakers } from './speakers';
import { createTag, deleteTag, listTags, mergeTags, updateTag } from './tags';
import {
  addArticle,
  addClaim,
  claimInput,
  expectRefused,
  queryPlan,
  sourceFields,
  speakerFields,
  tempProject,
} from './test-support';
import { deleteVerdict, listVerdicts, reorderVerdicts, updateVerdict } from './verdicts';

const cite = (sourceId: number, pinpoint: string | null = null) => ({ source: { sourceId }, role: 'origin' as const, pinpoint });
const tagById = (db: Parameters<typeof listTags>[0], id: number) => listTags(db).find((tag) => tag.id === id);
const lastEntry = (db: Parameters<typeof listHistory>[0]) => listHistory(db, { limit: 1 })[0];

describe('recording', () => {
  it('records who, when and only what changed, for every kind of change', () => {
    const { db } = tempProject();
    const profile = ensureProfile(db, { uid: 'u', name: 'Lena Hartsby', initials: 'LH', color: '#336699' });
    setActor(db, profile.id);
    const documentId = addArticle(db);
    const claim = addClaim(db, documentId, '14 people', {
      sources: [{ source: { newSource: sourceFields({ title: 'Registry' }) }, role: 'origin', pinpoint: null }],
    });
    const sourceId = claim.sources[0]?.source.id as number;
    updateClaim(db, claim.id, claimInput({ sources: [cite(sourceId, 'p. 3')], confidence: 80 }));
    deleteClaim(db, claim.id);
    restoreClaim(db, claim.id);
    updateSource(db, sourceId, sourceFields({ title: 'Civil registry' }));
    updateVerdict(db, 3, { label: 'Unproven', color: '#000000' });

    const entries = listHistory(db);
    expect(entries.map((e) => [e.entity, e.action])).toEqual([
      ['verdict', 'update'], ['source', 'update'], ['claim', 'restore'], ['claim', 'delete'],
      ['claim', 'update'], ['claim', 'create'], ['source', 'create'],
    ]);
    for (const entry of entries) {
      expect(entry.actor).toEqual({ id: profile.id, name: 'Lena Hartsby', initials: 'LH' });
      expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    const [verdict, source, restore, del, update, create] = entries;
    expect(verdict).toMatchObject({ entityId: 3, before: { color: '#9a6700' }, after: { color: '#000000' } });
    expect(source).toMatchObject({ before: { title: 'Registry' }, after: { title: 'Civil registry' } });
    expect(restore?.before).toEqual({ deletedAt: expect.any(String) });
    expect(restore?.after).toEqual({ deletedAt: null });
    expect(del).toMatchObject({ before: { deletedAt: null }, after: null });
    expect(update?.before).toEqual({ confidence: 50, sources: [{ sourceId, role: 'origin', pinpoint: null }] });
    expect(update?.after).toEqual({ confidence: 80, sources: [{ sourceId, role: 'origin', pinpoint: 'p. 3' }] });
    expect(create).toMatchObject({ before: null, after: { verdictId: 3, confidence: 50, status: 'open', deletedAt: null } });
  });

  it('lists newest first, by kind or by record, through the history_by_entity index', () => {
    const { db } = tempProject();
    const a = createSource(db, sourceFields({ title: 'A' }));
    const b = createSource(db, sourceFields({ title: 'B' }));
    updateSource(db, a.id, sourceFields({ title: 'A2' }));
    createSpeaker(db, speakerFields());
    expect(listHistory(db, { entity: 'source', entityId: a.id }).map((e) => e.action)).toEqual(['update', 'create']);
    expect(listHistory(db, { entity: 'source' }).map((e) => e.entityId)).toEqual([a.id, b.id, a.id]);
    expect(listHistory(db, { limit: 2 }).map((e) => e.entity)).toEqual(['speaker', 'source']);
    const plan = queryPlan(db, 'SELECT id FROM history h WHERE h.entity = ? AND h.entity_id = ? ORDER BY h.id DESC', ['claim', 1]);
    expect(plan).toContain('history_by_entity (entity=? AND entity_id=?)');
  });
});

describe('undoChange', () => {
  it('undoes an update, marks it undone, and refuses to undo it twice', () => {
    const { db } = tempProject();
    const claim = addClaim(db, addArticle(db), '14 people', { note: 'first' });
    updateClaim(db, claim.id, claimInput({ note: 'second', verdictId: 5 }));
    const entry = lastEntry(db);
    const undo = undoChange(db, entry?.id as number);
    expect(undo).toMatchObject({ action: 'undo', undoes: entry?.id, before: { note: 'second', verdictId: 5 }, after: { note: 'first', verdictId: 3 } });
    expect(getClaim(db, claim.id)).toMatchObject({ note: 'first', verdictId: 3 });
    expect(listHistory(db).find((e) => e.id === entry?.id)?.undoneBy).toBe(undo.id);
    expectRefused(db, () => undoChange(db, entry?.id as number), 'conflict', 'This change has already been undone.');
    expectRefused(db, () => undoChange(db, 999), 'not-found');
  });

  it('undoes an older entry while keeping the newer changes', () => {
    const { db } = tempProject();
    const claim = addClaim(db, addArticle(db), '14 people', { note: 'first' });
    updateClaim(db, claim.id, claimInput({ note: 'second' }));
    const older = lastEntry(db)?.id as number;
    updateClaim(db, claim.id, claimInput({ note: 'second', confidence: 95, status: 'settled' }));
    undoChange(db, older);
    expect(getClaim(db, claim.id)).toMatchObject({ note: 'first', confidence: 95, status: 'settled' });
  });

  it('undoes a delete by a restore and a create by a delete, and redoes by undoing the undo', () => {
    const { db } = tempProject();
    const claim = addClaim(db, addArticle(db), '14 people');
    const created = lastEntry(db)?.id as number;
    deleteClaim(db, claim.id);
    undoChange(db, lastEntry(db)?.id as number);
    expect(getClaim(db, claim.id).deletedAt).toBeNull();

    const undoCreate = undoChange(db, created);
    expect(getClaim(db, claim.id).deletedAt).not.toBeNull();
    const redo = undoChange(db, undoCreate.id);
    expect(redo).toMatchObject({ undoes: undoCreate.id, before: { deletedAt: expect.any(String) }, after: { deletedAt: null } });
    expect(getClaim(db, claim.id).deletedAt).toBeNull();
  });

  it('refuses an undo that would break a rule, changing nothing', () => {
    const { db } = tempProject();
    const source = createSource(db, sourceFields());
    const created = lastEntry(db)?.id as number;
    addClaim(db, addArticle(db), '14 people', { sources: [cite(source.id)] });
    expectRefused(db, () => undoChange(db, created), 'conflict', /cited by 1 claim/);
  });

  it('undoes a source merge: the merged source, its links and attachments come back; redo merges again', () => {
    const { db } = tempProject();
    const keep = createSource(db, sourceFields({ title: 'Keep' }));
    const dupe = createSource(db, sourceFields({ title: 'Dupe' }));
    const attachment = addAttachment(db, dupe.id, { fileName: 'a.txt', mediaType: 'text/plain', bytes: new Uint8Array([1, 2, 3]) });
    const documentId = addArticle(db);
    const both = addClaim(db, documentId, '14 people', {
      sources: [cite(keep.id), { source: { sourceId: dupe.id }, role: 'supporting', pinpoint: 'p. 2' }],
    });
    const only = addClaim(db, documentId, 'Tuesday', { sources: [cite(dupe.id, 'p. 9')] });
    const before = [getClaim(db, both.id).sources, getClaim(db, only.id).sources];

    mergeSources(db, keep.id, dupe.id);
    const merge = lastEntry(db);
    expect(merge).toMatchObject({ entity: 'source', entityId: dupe.id, action: 'merge', after: { mergedIntoId: keep.id } });
    const undo = undoChange(db, merge?.id as number);
    expect([getClaim(db, both.id).sources, getClaim(db, only.id).sources]).toEqual(before);
    expect(getSource(db, dupe.id)).toMatchObject({ deletedAt: null, claimCount: 2, attachments: [attachment] });
    expect(getSource(db, keep.id)).toMatchObject({ claimCount: 1, attachments: [] });

    undoChange(db, undo.id);
    expect(getSource(db, dupe.id)).toMatchObject({ deletedAt: expect.any(String), claimCount: 0 });
    expect(getSource(db, keep.id).claimCount).toBe(2);
  });

  it('undoes speaker and tag merges', () => {
    const { db } = tempProject();
    const keepSpeaker = createSpeaker(db, speakerFields({ name: 'Ministry' }));
    const dupeSpeaker = createSpeaker(db, speakerFields({ name: 'The Ministry' }));
    const keepTag = createTag(db, { name: 'Deaths', parentId: null, color: null });
    const dupeTag = createTag(db, { name: 'Fatalities', parentId: null, color: null });
    const child = createTag(db, { name: 'Children', parentId: dupeTag.id, color: null });
    const claim = addClaim(db, addArticle(db), '14 people', {
      attribution: { kind: 'according-to', chain: [{ speaker: { speakerId: dupeSpeaker.id }, role: 'said', reliability: 'mixed' }] },
      tagIds: [keepTag.id, dupeTag.id],
    });
    mergeSpeakers(db, keepSpeaker.id, dupeSpeaker.id);
    undoChange(db, lastEntry(db)?.id as number);
    expect(getClaim(db, claim.id).attribution.chain[0]?.speaker.id).toBe(dupeSpeaker.id);
    expect(getSpeaker(db, dupeSpeaker.id).deletedAt).toBeNull();

    mergeTags(db, keepTag.id, dupeTag.id);
    expect(getClaim(db, claim.id).tagIds).toEqual([keepTag.id]);
    undoChange(db, lastEntry(db)?.id as number);
    expect(getClaim(db, claim.id).tagIds).toEqual([keepTag.id, dupeTag.id]);
    expect(tagById(db, child.id)?.parentId).toBe(dupeTag.id);
  });

  it('undoes a restore and edits of sources and tags', () => {
    const { db } = tempProject();
    const source = createSource(db, sourceFields({ title: 'One' }));
    deleteSource(db, source.id);
    restoreSource(db, source.id);
    undoChange(db, lastEntry(db)?.id as number);
    expect(getSource(db, source.id).deletedAt).not.toBeNull();
    const tag = createTag(db, { name: 'Deaths', parentId: null, color: null });
    updateTag(db, tag.id, { name: 'Fatalities', color: '#ff0000' });
    undoChange(db, lastEntry(db)?.id as number);
    expect(tagById(db, tag.id)).toMatchObject({ name: 'Deaths', color: null });
  });

  it('undoes the scale edits: a reorder, and a delete together with the claims it moved', () => {
    const { db } = tempProject();
    reorderVerdicts(db, [2, 1, 3, 4, 5, 6]);
    expect(listHistory(db).map((e) => [e.entityId, e.before, e.after])).toEqual([
      [1, { position: 1 }, { position: 2 }],
      [2, { position: 2 }, { position: 1 }],
    ]);
    undoChange(db, listHistory(db)[0]?.id as number);
    undoChange(db, listHistory(db)[2]?.id as number);
    expect(listVerdicts(db).map((v) => v.id)).toEqual([1, 2, 3, 4, 5, 6]);

    const claim = addClaim(db, addArticle(db), '14 people', { verdictId: 4 });
    deleteVerdict(db, 4, 5);
    expect(getClaim(db, claim.id).verdictId).toBe(5);
    const move = listHistory(db, { entity: 'claim', entityId: claim.id })[0];
    expect(move).toMatchObject({ before: { verdictId: 4 }, after: { verdictId: 5 } });
    const deletion = listHistory(db, { entity: 'verdict', entityId: 4 })[0];
    expect(deletion?.action).toBe('delete');
    undoChange(db, deletion?.id as number);
    expect(listVerdicts(db).map((v) => v.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(getClaim(db, claim.id).verdictId).toBe(4);
    expect(listHistory(db, { entity: 'claim', entityId: claim.id }).find((e) => e.id === move?.id)?.undoneBy).not.toBeNull();

    // A move alone cannot be undone while its verdict is deleted: the claim would carry a verdict off the scale.
    deleteVerdict(db, 4, 5);
    const secondMove = listHistory(db, { entity: 'claim', entityId: claim.id })[0]?.id as number;
    expectRefused(db, () => undoChange(db, secondMove), 'invalid-argument');
    expect(getClaim(db, claim.id).verdictId).toBe(5);
  });

  it('undoes a tag delete together with what it moved: sub-tags return under it, claims get it back', () => {
    const { db } = tempProject();
    const tag = createTag(db, { name: 'Casualties', parentId: null, color: '#ff0000' });
    const child = createTag(db, { name: 'Deaths', parentId: tag.id, color: null });
    const other = createTag(db, { name: 'Injuries', parentId: null, color: null });
    const claim = addClaim(db, addArticle(db), '14 people', { tagIds: [tag.id] });
    deleteTag(db, tag.id, other.id);
    expect(tagById(db, tag.id)).toBeUndefined();
    expect(tagById(db, child.id)?.parentId).toBeNull();
    expect(getClaim(db, claim.id).tagIds).toEqual([other.id]);

    undoChange(db, listHistory(db, { entity: 'tag', entityId: tag.id })[0]?.id as number);
    expect(tagById(db, tag.id)).toMatchObject({ name: 'Casualties', color: '#ff0000' });
    expect(tagById(db, child.id)?.parentId).toBe(tag.id);
    expect(getClaim(db, claim.id).tagIds).toEqual([tag.id]);
  });
});
