import { describe, expect, it } from 'vitest';
import { setActor } from './actor';
import {
  LIST_CLAIMS_SQL,
  createClaim,
  deleteClaim,
  getClaim,
  linkClaims,
  linkedClaims,
  listClaims,
  reattachClaim,
  restoreClaim,
  unlinkClaim,
  updateClaim,
} from './claims';
import { listHistory, undoChange } from './history';
import { createDocument } from './documents';
import { ensureProfile } from './profiles';
import { createSource, deleteSource } from './sources';
import { createSpeaker } from './speakers';
import { createTag } from './tags';
import {
  addArticle,
  addClaim,
  ARTICLE_TEXT,
  anchorOf,
  claimInput,
  expectRefused,
  meta,
  pause,
  queryPlan,
  sourceFields,
  speakerFields,
  tempProject,
  articleBody,
} from './test-support';

describe('claims', () => {
  it('creates a claim with its full record and reads it back resolved', () => {
    const { db } = tempProject();
    const profile = ensureProfile(db, { uid: 'u-1', name: 'Lena Hartsby', initials: 'LH', color: '#336699' });
    setActor(db, profile.id);
    const documentId = addArticle(db);
    const police = createSource(db, sourceFields({ title: 'Police statement', reliability: 'mixed' }));
    const ministry = createSpeaker(db, speakerFields({ name: 'Interior ministry', kind: 'government-body' }));
    const tag = createTag(db, { name: 'Casualties', parentId: null, color: '#aa0000' });
    const claim = createClaim(db, {
      documentId,
      anchor: anchorOf('14 people were killed'),
      input: claimInput({
        sources: [{ source: { sourceId: police.id }, role: 'origin', pinpoint: 'para. 2' }],
        attribution: { kind: 'according-to', chain: [{ speaker: { speakerId: ministry.id }, role: 'said', reliability: 'mixed' }] },
        claimType: 'statistic',
        verdictId: 4,
        confidence: 40,
        rationale: '  Hospitals count eleven.  ',
        status: 'in-review',
        note: 'Check the morgue.',
        tagIds: [tag.id],
      }),
    });
    expect(claim).toMatchObject({
      documentId,
      anchor: anchorOf('14 people were killed'),
      sources: [
        { source: { id: police.id, type: 'web-page', title: 'Police statement', publisher: null, url: null, reliability: 'mixed' }, role: 'origin', pinpoint: 'para. 2' },
      ],
      attribution: { kind: 'according-to', chain: [{ speaker: { id: ministry.id, name: 'Interior ministry', kind: 'government-body' }, role: 'said', reliability: 'mixed' }] },
      claimType: 'statistic',
      verdictId: 4,
      confidence: 40,
      rationale: 'Hospitals count eleven.',
      status: 'in-review',
      note: 'Check the morgue.',
      tagIds: [tag.id],
      groupId: null,
      deletedAt: null,
      createdBy: profile.id,
    });
    expect(getClaim(db, claim.id)).toEqual(claim);
    expect(listClaims(db, documentId)).toEqual([claim]);
  });

  it('creates the new sources, speakers and free tags the form names, with the claim', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const claim = addClaim(db, documentId, '14 people', {
      sources: [{ source: { newSource: sourceFields({ title: 'Hospital register' }) }, role: 'contradicting', pinpoint: null }],
      attribution: { kind: 'direct-quote', chain: [{ speaker: { newSpeaker: speakerFields({ name: 'Duty doctor' }) }, role: 'said', reliability: 'credible' }] },
      newTags: ['Toll', 'toll'],
    });
    expect(claim.sources.map((s) => [s.source.title, s.role])).toEqual([['Hospital register', 'contradicting']]);
    expect(claim.attribution.chain.map((h) => h.speaker.name)).toEqual(['Duty doctor']);
    expect(claim.tagIds).toHaveLength(1);
    const again = addClaim(db, documentId, 'Tuesday', { newTags: ['TOLL'] });
    expect(again.tagIds).toEqual(claim.tagIds);
  });

  it('lists claims in text order, the bin only when asked', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const later = addClaim(db, documentId, 'shoot-to-kill order');
    const longer = addClaim(db, documentId, '14 people were killed');
    const shorter = addClaim(db, documentId, '14 people');
    deleteClaim(db, later.id);
    expect(listClaims(db, documentId).map((c) => c.id)).toEqual([shorter.id, longer.id]);
    expect(listClaims(db, documentId, { includeDeleted: true }).map((c) => c.id)).toEqual([shorter.id, longer.id, later.id]);
  });

  it('anchors by UTF-16 offsets, also past characters outside the BMP', () => {
    const { db } = tempProject();
    const text = 'Crowd 📣 chanted; officials said 3 were arrested.';
    const { id: documentId } = createDocument(db, { meta: meta('Emoji'), body: articleBody(text), plainText: text });
    const exact = '3 were arrested';
    const start = text.indexOf(exact);
    const anchor = { exact, prefix: 'said ', suffix: '.', start, end: start + exact.length };
    expect(createClaim(db, { documentId, anchor, input: claimInput() }).anchor.start).toBe(start);
  });

  it('refuses an anchor that does not match the text, a missing document, an unknown verdict', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const anchor = anchorOf('14 people');
    for (const bad of [{ ...anchor, exact: '15 people' }, { ...anchor, start: anchor.start + 1, end: anchor.end + 1 }, { ...anchor, start: 100_000, end: 100_009 }]) {
      expectRefused(db, () => createClaim(db, { documentId, anchor: bad, input: claimInput() }), 'invalid-argument', 'The selected text does not match the document.');
    }
    expectRefused(db, () => createClaim(db, { documentId: 999, anchor, input: claimInput() }), 'not-found');
    expectRefused(db, () => createClaim(db, { documentId, anchor, input: claimInput({ verdictId: 99 }) }), 'invalid-argument', 'This verdict does not exist.');
    expect(() => getClaim(db, 999)).toThrow(expect.objectContaining({ kind: 'not-found' }));
    expect(() => listClaims(db, 999)).toThrow(expect.objectContaining({ kind: 'not-found' }));
  });

  it('refuses to cite a source in the bin, and leaves nothing behind', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const gone = createSource(db, sourceFields({ title: 'Old leaflet' }));
    deleteSource(db, gone.id);
    const input = claimInput({
      sources: [
        { source: { newSource: sourceFields({ title: 'Fresh source' }) }, role: 'origin', pinpoint: null },
        { source: { sourceId: gone.id }, role: 'context', pinpoint: null },
      ],
    });
    expectRefused(db, () => createClaim(db, { documentId, anchor: anchorOf('14 people'), input }), 'invalid-argument', 'The source "Old leaflet" is in the bin; restore it first.');
  });

  it('updates the record, keeps the anchor, and bumps updated_at only when something changed', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const claim = addClaim(db, documentId, '14 people');
    pause(3);
    expect(updateClaim(db, claim.id, claimInput())).toEqual(claim);
    const updated = updateClaim(db, claim.id, claimInput({ verdictId: 5, confidence: 90, note: '  ', status: 'settled' }));
    expect(updated).toMatchObject({ verdictId: 5, confidence: 90, note: null, status: 'settled', anchor: claim.anchor });
    expect(updated.updatedAt > claim.updatedAt).toBe(true);
    expect(updated.createdAt).toBe(claim.createdAt);
  });

  it('moves a claim to the bin and restores it; a claim in the bin cannot be edited', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const claim = addClaim(db, documentId, '14 people');
    const deleted = deleteClaim(db, claim.id);
    expect(deleted.deletedAt).not.toBeNull();
    expect(deleteClaim(db, claim.id)).toEqual(deleted);
    expectRefused(db, () => updateClaim(db, claim.id, claimInput()), 'invalid-argument', /in the bin/);
    expect(restoreClaim(db, claim.id).deletedAt).toBeNull();
    expect(listClaims(db, documentId).map((c) => c.id)).toEqual([claim.id]);
  });

  it('refuses to restore a claim whose source went to the bin meanwhile', () => {
    const { db } = tempProject();
    const source = createSource(db, sourceFields({ title: 'Leaflet' }));
    const claim = addClaim(db, addArticle(db), '14 people', { sources: [{ source: { sourceId: source.id }, role: 'origin', pinpoint: null }] });
    deleteClaim(db, claim.id);
    deleteSource(db, source.id);
    expectRefused(db, () => restoreClaim(db, claim.id), 'conflict', 'This claim cites the source "Leaflet", which is in the bin; restore it first.');
  });

  it('links claims across documents as one claim, and unlinks them', () => {
    const { db } = tempProject();
    const [a, b, c] = [addArticle(db, 'A'), addArticle(db, 'B'), addArticle(db, 'C')].map((doc) => addClaim(db, doc, '14 people'));
    if (a === undefined || b === undefined || c === undefined) throw new Error('claims missing');
    expect(linkClaims(db, c.id, b.id).groupId).toBe(b.id);
    expect(linkClaims(db, b.id, a.id).groupId).toBe(a.id);
    expect([a, b, c].map((claim) => getClaim(db, claim.id).groupId)).toEqual([a.id, a.id, a.id]);
    expect(linkedClaims(db, b.id).map((claim) => claim.id)).toEqual([a.id, c.id]);
    expect(unlinkClaim(db, a.id).groupId).toBeNull();
    expect(linkedClaims(db, a.id)).toEqual([]);
    expect([b, c].map((claim) => getClaim(db, claim.id).groupId)).toEqual([b.id, b.id]);
    unlinkClaim(db, c.id);
    expect([a, b, c].map((claim) => getClaim(db, claim.id).groupId)).toEqual([null, null, null]);
    expectRefused(db, () => linkClaims(db, a.id, a.id), 'invalid-argument');
  });

  it('removes the claims of a deleted document, with their links and search entries', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const other = addArticle(db, 'Other');
    const source = createSource(db, sourceFields());
    addClaim(db, documentId, '14 people', {
      note: 'toll',
      sources: [{ source: { sourceId: source.id }, role: 'origin', pinpoint: null }],
      attribution: { kind: 'direct-quote', chain: [{ speaker: { newSpeaker: speakerFields() }, role: 'said', reliability: 'unknown' }] },
      newTags: ['Deaths'],
    });
    addClaim(db, other, 'Tuesday', { note: 'date' });
    db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect([count('claims'), count('claim_sources'), count('attribution_hops'), count('claim_tags'), count('sources')]).toEqual([1, 0, 0, 0, 1]);
    db.exec("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')");
    expect(db.prepare("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'toll'").pluck().get()).toBe(0);
  });

  it('lists claims through the claims_by_document index, already in text order', () => {
    const { db } = tempProject();
    const plan = queryPlan(db, LIST_CLAIMS_SQL, [1, 0]);
    expect(plan).toContain('USING INDEX claims_by_document (document_id=?)');
    expect(plan).not.toMatch(/SCAN (c|claims)\b/);
    expect(plan).not.toContain('TEMP B-TREE');
  });
});

describe('claim identity', () => {
  it('gives each new claim its own uid, kept through edits, the bin and restore', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const a = addClaim(db, documentId, '14 people');
    const b = addClaim(db, documentId, '14 people');
    expect(a.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(b.uid).not.toBe(a.uid);
    expect(a.importedFrom).toBeNull();
    updateClaim(db, a.id, claimInput({ confidence: 90 }));
    deleteClaim(db, a.id);
    expect(restoreClaim(db, a.id).uid).toBe(a.uid);
  });

  it('records where an imported claim came from, once per document', () => {
    const { db } = tempProject();
    const first = addArticle(db);
    const second = addArticle(db, 'Follow-up');
    const iri = 'https://hypothes.is/a/Zx81aQ';
    const imported = createClaim(db, { documentId: first, anchor: anchorOf('Tuesday'), input: claimInput(), importedFrom: iri });
    expect(imported.importedFrom).toBe(iri);
    expectRefused(db, () => createClaim(db, { documentId: first, anchor: anchorOf('14 people'), input: claimInput(), importedFrom: iri }), 'conflict', /already imported/);
    expect(createClaim(db, { documentId: second, anchor: anchorOf('Tuesday'), input: claimInput(), importedFrom: iri }).importedFrom).toBe(iri);
    expectRefused(db, () => createClaim(db, { documentId: first, anchor: anchorOf('Tuesday'), input: claimInput(), importedFrom: '' }), 'invalid-argument');
  });

  it('stores an unplaced claim whose quote is not in the text, with offsets inside the text', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const anchor = { exact: 'a curfew was declared', prefix: 'Officials said ', suffix: '.', start: 10, end: 31 };
    expectRefused(db, () => createClaim(db, { documentId, anchor, input: claimInput() }), 'invalid-argument', /does not match/);
    const orphan = createClaim(db, { documentId, anchor, input: claimInput(), unplaced: true });
    expect(orphan.anchor).toEqual(anchor);
    const past = { ...anchor, start: ARTICLE_TEXT.length - 5, end: ARTICLE_TEXT.length - 5 + anchor.exact.length };
    expectRefused(db, () => createClaim(db, { documentId, anchor: past, input: claimInput(), unplaced: true }), 'invalid-argument');
    expectRefused(db, () => createClaim(db, { documentId, anchor: { ...anchor, end: 30 }, input: claimInput(), unplaced: true }), 'invalid-argument');
  });
});

describe('reattachClaim', () => {
  it('moves a claim to other text, as a change of its anchor in the history, by the current actor', () => {
    const { db } = tempProject();
    const profile = ensureProfile(db, { uid: 'u-1', name: 'Lena Hartsby', initials: 'LH', color: '#336699' });
    const documentId = addArticle(db);
    const orphan = createClaim(db, {
      documentId,
      anchor: { exact: '15 people were killed', prefix: 'Police said ', suffix: ' in the capital', start: 12, end: 33 },
      input: claimInput({ note: 'kept' }),
      unplaced: true,
    });
    setActor(db, profile.id);
    const moved = reattachClaim(db, orphan.id, anchorOf('14 people were killed'));
    expect(moved).toMatchObject({ id: orphan.id, uid: orphan.uid, note: 'kept', anchor: anchorOf('14 people were killed') });
    const [entry] = listHistory(db, { entity: 'claim', entityId: orphan.id });
    expect(entry).toMatchObject({
      action: 'update',
      actor: { id: profile.id },
      before: { anchor: orphan.anchor },
      after: { anchor: anchorOf('14 people were killed') },
    });
    expect(Object.keys(entry?.after ?? {})).toEqual(['anchor']);
    // Re-attaching to where it already is records nothing.
    reattachClaim(db, orphan.id, anchorOf('14 people were killed'));
    expect(listHistory(db, { entity: 'claim', entityId: orphan.id })).toHaveLength(2);
  });

  it('is undone from the history like any change, and redone', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const claim = addClaim(db, documentId, '14 people');
    reattachClaim(db, claim.id, anchorOf('shoot-to-kill order'));
    const entry = listHistory(db, { entity: 'claim', entityId: claim.id })[0];
    const undo = undoChange(db, entry!.id);
    expect(getClaim(db, claim.id).anchor).toEqual(claim.anchor);
    expect(undo).toMatchObject({ before: { anchor: anchorOf('shoot-to-kill order') }, after: { anchor: claim.anchor } });
    undoChange(db, undo.id);
    expect(getClaim(db, claim.id).anchor).toEqual(anchorOf('shoot-to-kill order'));
  });

  it('refuses an anchor that does not match the text, a claim in the bin, a missing claim', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const claim = addClaim(db, documentId, '14 people');
    const wrong = { ...anchorOf('Tuesday'), exact: 'Monday' };
    expectRefused(db, () => reattachClaim(db, claim.id, wrong), 'invalid-argument', /does not match/);
    expectRefused(db, () => reattachClaim(db, claim.id, { ...anchorOf('Tuesday'), end: 9999 }), 'invalid-argument');
    expectRefused(db, () => reattachClaim(db, claim.id, null as never), 'invalid-argument');
    deleteClaim(db, claim.id);
    expectRefused(db, () => reattachClaim(db, claim.id, anchorOf('Tuesday')), 'invalid-argument', /in the bin/);
    expectRefused(db, () => reattachClaim(db, 999, anchorOf('Tuesday')), 'not-found');
  });
});
