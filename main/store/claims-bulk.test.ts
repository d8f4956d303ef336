import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimInput } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { setActor } from './actor';
import { claimRecord } from './claim-record';
import { createClaim, listClaims } from './claims';
import { BULK_INDEX_THRESHOLD, RefusedClaim, createClaims, type NewClaimItem } from './claims-bulk';
import { listHistory, undoChange } from './history';
import { asPartOf } from './history-log';
import { ensureProfile } from './profiles';
import { searchProject } from './search';
import { createSource } from './sources';
import { createSpeaker } from './speakers';
import { createTag } from './tags';
import { addArticle, anchorOf, claimInput, expectRefused, sourceFields, speakerFields, tempProject } from './test-support';

const QUOTES = ['14 people were killed', 'Police said', 'in the capital on Tuesday', 'The interior minister denied', 'shoot-to-kill order'];

/** A project with the test article, a profile acting, a source, a speaker and two tags, all with the same ids in every copy. */
function desk(): { db: Database; documentId: number; input: (i: number) => ClaimInput } {
  const { db } = tempProject();
  setActor(db, ensureProfile(db, { uid: 'u-1', name: 'Lena Hartsby', initials: 'LH', color: '#336699' }).id);
  const documentId = addArticle(db);
  const source = createSource(db, sourceFields({ title: 'Police statement' })).id;
  const speaker = createSpeaker(db, speakerFields({ name: 'Interior ministry', kind: 'government-body' })).id;
  const casualties = createTag(db, { name: 'Casualties', parentId: null, color: null }).id;
  const orders = createTag(db, { name: 'Orders', parentId: casualties, color: null }).id;
  const input = (i: number) =>
    claimInput({
      sources: i % 3 === 0 ? [] : [{ source: { sourceId: source }, role: 'origin', pinpoint: i % 2 === 0 ? `para. ${i}` : null }],
      attribution: i % 4 === 0 ? { kind: 'according-to', chain: [] } : { kind: 'direct-quote', chain: [{ speaker: { speakerId: speaker }, role: 'said', reliability: 'mixed' }] },
      claimType: i % 2 === 0 ? 'statistic' : null,
      verdictId: 1 + (i % 6),
      confidence: i % 101,
      rationale: i % 5 === 0 ? `  Rationale ${i}  ` : null,
      note: i % 2 === 0 ? `Morgue count ${i} differs` : '   ',
      tagIds: i % 3 === 1 ? [orders, casualties] : i % 3 === 2 ? [casualties] : [],
    });
  return { db, documentId, input };
}

function items(count: number, input: (i: number) => ClaimInput): NewClaimItem[] {
  return Array.from({ length: count }, (_, i) => ({ anchor: anchorOf(QUOTES[i % QUOTES.length]!), input: input(i) }));
}

/** A claim without what differs between two projects made at different moments (uid, timestamps). */
function comparable(claim: Claim) {
  const { uid: _uid, createdAt: _created, updatedAt: _updated, ...rest } = claim;
  return rest;
}

function history(db: Database) {
  return listHistory(db, { limit: 10_000 })
    .map(({ id, entity, entityId, action, before, after, claimId, actor }) => ({ id, entity, entityId, action, before, after, claimId, actor: actor?.name ?? null }))
    .sort((a, b) => a.id - b.id);
}

function searches(db: Database) {
  return ['killed', 'morgue', 'rationale', 'capit', 'shoot kill', 'differs 12'].map((q) => searchProject(db, q, 500).map((hit) => [hit.kind, hit.claimId, hit.snippet]));
}

/** FTS5's own check that the claims index holds exactly what the claims table says. */
function checkIndex(db: Database): void {
  db.prepare("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)").run();
}

function insertTrigger(db: Database): string | undefined {
  return db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE name = 'claims_fts_after_insert'").pluck().get();
}

describe('createClaims (many claims on one document at once)', () => {
  for (const count of [7, BULK_INDEX_THRESHOLD + 3]) {
    it(`leaves what createClaim one by one leaves: claims, links, history, search (${count} claims)`, () => {
      const one = desk();
      const bulk = desk();
      const trigger = insertTrigger(bulk.db);
      const created = items(count, one.input).map((item) => createClaim(one.db, { documentId: one.documentId, ...item }).id);
      const ids = createClaims(bulk.db, bulk.documentId, items(count, bulk.input));

      expect(ids).toEqual(created);
      for (const claim of listClaims(bulk.db, bulk.documentId)) {
        expect(claim.updatedAt).toBe(claim.createdAt);
        // What undo and the history view read: the record form of the claim as stored.
        expect(listHistory(bulk.db, { claimId: claim.id })[0]?.after).toEqual(claimRecord(bulk.db, claim.id));
      }
      expect(listClaims(bulk.db, bulk.documentId).map(comparable)).toEqual(listClaims(one.db, one.documentId).map(comparable));
      expect(history(bulk.db)).toEqual(history(one.db));
      expect(searches(bulk.db)).toEqual(searches(one.db));
      expect(searches(bulk.db)[0]).toHaveLength(Math.ceil(count / QUOTES.length) + 1);
      checkIndex(bulk.db);
      // The index trigger is back as the migrations made it: a claim created afterwards is found.
      expect(insertTrigger(bulk.db)).toBe(trigger);
      const later = createClaim(bulk.db, { documentId: bulk.documentId, anchor: anchorOf('Police said'), input: claimInput({ note: 'Zanzibar' }) });
      expect(searchProject(bulk.db, 'zanzibar').map((hit) => hit.claimId)).toEqual([later.id]);
      checkIndex(bulk.db);
    });
  }

  it('records history that undo reads as it reads createClaim’s', () => {
    const one = desk();
    const bulk = desk();
    createClaim(one.db, { documentId: one.documentId, ...items(1, one.input)[0]! });
    const [id] = createClaims(bulk.db, bulk.documentId, items(1, bulk.input));
    for (const { db } of [one, bulk]) {
      const [entry] = listHistory(db, { claimId: 1 });
      undoChange(db, entry!.id);
    }
    expect(listClaims(bulk.db, bulk.documentId, { includeDeleted: true }).map(comparable).map((c) => ({ ...c, deletedAt: c.deletedAt !== null }))).toEqual(
      listClaims(one.db, one.documentId, { includeDeleted: true }).map(comparable).map((c) => ({ ...c, deletedAt: c.deletedAt !== null })),
    );
    expect(listClaims(bulk.db, bulk.documentId)).toEqual([]);
    expect(history(bulk.db).map(({ action, claimId }) => [action, claimId])).toEqual(history(one.db).map(({ action, claimId }) => [action, claimId]));
    expect(id).toBe(1);
  });

  it('marks its history entries as part of the change that made them, as every other change does', () => {
    const { db, documentId, input } = desk();
    const [first] = listHistory(db, { limit: 1 });
    const ids = asPartOf(db, first!.id, () => createClaims(db, documentId, items(2, input)));
    const parts = db.prepare<[number], number>('SELECT entity_id FROM history WHERE part_of_id = ? ORDER BY id').pluck().all(first!.id);
    expect(parts).toEqual(ids);
    expect(db.prepare('SELECT count(*) FROM history WHERE part_of_id IS NULL AND entity = ?').pluck().get('claim')).toBe(0);
  });

  it('creates the new sources, speakers and free tags an input names, once each', () => {
    const { db, documentId, input } = desk();
    const ids = createClaims(db, documentId, [
      { anchor: anchorOf('Police said'), input: claimInput({ newTags: ['Arrests'], sources: [{ source: { newSource: sourceFields({ title: 'Wire' }) }, role: 'origin', pinpoint: null }] }) },
      { anchor: anchorOf('14 people were killed'), input: { ...input(1), newTags: ['arrests'] } },
    ]);
    const [first, second] = listClaims(db, documentId);
    expect([first!.id, second!.id].sort()).toEqual([...ids].sort());
    const arrests = first!.tagIds.find((t) => second!.tagIds.includes(t));
    expect(arrests).toBeDefined();
    expect(first!.sources.map((s) => s.source.title)).toEqual(['Wire']);
  });

  it('is all or nothing: a refused item names its place in the batch and nothing is stored', () => {
    const { db, documentId, input } = desk();
    const batch = items(BULK_INDEX_THRESHOLD + 1, input);
    const bad = [...batch, { anchor: { ...anchorOf('Police said'), exact: 'Police sad' }, input: input(0) }];
    let caught: unknown;
    expectRefused(db, () => {
      try {
        createClaims(db, documentId, bad);
      } catch (error) {
        caught = error;
        throw error;
      }
    }, 'invalid-argument', /does not match/);
    expect(caught).toBeInstanceOf(RefusedClaim);
    expect((caught as RefusedClaim).index).toBe(batch.length);
    expect(insertTrigger(db)).toBeDefined();
    checkIndex(db);

    expectRefused(db, () => createClaims(db, documentId, [{ anchor: anchorOf('Police said'), input: { ...input(0), verdictId: 99 } }]), 'invalid-argument');
    expectRefused(db, () => createClaims(db, 999, batch), 'not-found');
  });

  it('refuses an annotation imported twice, in the batch or before it', () => {
    const { db, documentId, input } = desk();
    const item = (importedFrom: string): NewClaimItem => ({ anchor: anchorOf('Police said'), input: input(0), importedFrom });
    expectRefused(db, () => createClaims(db, documentId, [item('urn:a'), item('urn:b'), item('urn:a')]), 'conflict', /already imported/);
    createClaims(db, documentId, [item('urn:a')]);
    let caught: unknown;
    try {
      createClaims(db, documentId, [item('urn:c'), item('urn:a')]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ kind: 'conflict', index: 1 });
  });

  it('stores an unplaced claim’s anchor as given, and an empty batch changes nothing', () => {
    const { db, documentId, input } = desk();
    const anchor = { exact: 'not in the text', prefix: '', suffix: '', start: 3, end: 18 };
    const [id] = createClaims(db, documentId, [{ anchor, input: input(0), unplaced: true }]);
    expect(listClaims(db, documentId).find((c) => c.id === id)?.anchor).toEqual(anchor);
    expectRefused(db, () => createClaims(db, documentId, [{ anchor, input: input(0) }]), 'invalid-argument');
    expect(createClaims(db, documentId, [])).toEqual([]);
  });
});
