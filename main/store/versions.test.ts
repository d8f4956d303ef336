import { describe, expect, it } from 'vitest';
import { setActor } from './actor';
import { deleteClaim, getClaim, linkClaims, linkedClaims, listClaims, updateClaim } from './claims';
import { createDocument, getDocument, listDocuments } from './documents';
import { listHistory } from './history';
import { ensureProfile } from './profiles';
import { claimInput, expectRefused, meta, pause, tempProject, articleBody } from './test-support';
import { addText, story, tag, V1, V2 } from './version-fixtures';
import { listVersionChanges } from './version-queue';
import { compareVersions, findPreviousVersionCandidate, keepSeparate, linkAsNewVersion, listVersions } from './versions';

describe('linking a new version', () => {
  it('carries every claim over, untouched ones without a queue row, the others listed by kind', () => {
    const { db } = tempProject();
    const { v1, v2, claims } = story(db);
    const report = linkAsNewVersion(db, v2, v1);
    expect(report).toEqual({ documentId: v2, previousId: v1, seriesId: v1, version: 2, carried: 6, unchanged: 2, moved: 2, changed: 1, vanished: 1 });

    const carried = listClaims(db, v2);
    expect(carried.map((c) => c.anchor.exact)).toEqual([
      'fired on protesters',
      'At least 41 people have been killed',
      'Ilse Marrov',
      '1,240 people had been detained',
      'Order will be restored by Sunday, whatever it takes',
      'shoot-to-kill order',
    ]);
    for (const claim of carried) {
      const placed = V2.slice(claim.anchor.start, claim.anchor.end) === claim.anchor.exact;
      expect(placed, claim.anchor.exact).toBe(claim.anchor.exact !== 'Order will be restored by Sunday, whatever it takes');
    }

    const queue = listVersionChanges(db, v2);
    expect(queue.map((row) => [row.kind, row.method, row.before.exact, row.after?.exact ?? null, row.resolution])).toEqual([
      ['changed', 'fuzzy', 'At least 38 people have been killed', 'At least 41 people have been killed', null],
      // Same words, same place, but the sentence after it was removed.
      ['moved', 'position', '1,240 people had been detained', '1,240 people had been detained', null],
      ['vanished', null, 'Order will be restored by Sunday, whatever it takes', null, null],
      // Its paragraph moved below the next one.
      ['moved', 'quote', 'shoot-to-kill order', 'shoot-to-kill order', null],
    ]);
    const [changed, , vanished] = queue;
    expect(changed!.quoteDiff).toEqual([
      { kind: 'same', text: 'At least ' },
      { kind: 'removed', text: '38' },
      { kind: 'added', text: '41' },
      { kind: 'same', text: ' people have been killed' },
    ]);
    expect(changed!.passageDiff.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '38' },
      { kind: 'added', text: '41' },
    ]);
    expect(changed!.previousClaimId).toBe(claims.toll.id);
    expect(changed!.previousDocumentId).toBe(v1);
    expect(vanished!.quoteDiff).toEqual([{ kind: 'removed', text: 'Order will be restored by Sunday, whatever it takes' }]);
    expect(vanished!.before).toEqual({ prefix: ',240 people had been detained. "', exact: 'Order will be restored by Sunday, whatever it takes', suffix: '," she said.' });
  });

  it('links each carried claim with its old claim, in the group the old claim was in, each change recorded', () => {
    const { db } = tempProject();
    const { v1, v2, claims } = story(db);
    // Two claims of the old version are already linked as one claim.
    linkClaims(db, claims.shoot.id, claims.order.id);
    const group = Math.min(claims.shoot.id, claims.order.id);
    linkAsNewVersion(db, v2, v1);
    for (const old of listClaims(db, v1)) {
      const inGroup = old.id === claims.shoot.id || old.id === claims.order.id;
      const expected = inGroup ? group : old.id;
      expect(old.groupId, old.anchor.exact).toBe(expected);
      // On the new version: its own carried claim, and the other group member's when it was in one.
      const carried = linkedClaims(db, old.id).filter((c) => c.documentId === v2);
      expect(carried, old.anchor.exact).toHaveLength(inGroup ? 2 : 1);
      const entries = (id: number) => listHistory(db, { entity: 'claim', entityId: id });
      const changes = (id: number) => entries(id).filter((e) => e.action === 'update').map((e) => [e.before?.['groupId'], e.after?.['groupId']]);
      for (const c of carried) {
        expect(c.groupId).toBe(expected);
        // Created in the group: its one entry, the create, says so.
        expect(entries(c.id).map((e) => [e.action, e.after?.['groupId']])).toEqual([['create', expected]]);
      }
      if (!inGroup) expect(changes(old.id)).toEqual([[null, old.id]]);
    }
    // The two linked before, and their two carried claims: one claim in four documents' worth of places.
    expect(linkedClaims(db, claims.shoot.id)).toHaveLength(3);
  });

  it('gives each carried claim the same record, by the current actor, linked with the old claim', () => {
    const { db } = tempProject();
    const { v1, v2, claims } = story(db);
    const editor = ensureProfile(db, { uid: 'p-ama', name: 'Ama Mensah', initials: 'AM', color: '#336699' });
    setActor(db, editor.id);
    linkAsNewVersion(db, v2, v1);

    const toll = listClaims(db, v2).find((c) => c.anchor.exact.includes('41'))!;
    const old = getClaim(db, claims.toll.id);
    expect(toll).toMatchObject({
      verdictId: 2, confidence: 75, note: 'Ministry bulletin', status: 'open', claimType: null, tagIds: old.tagIds, sources: old.sources, attribution: old.attribution, createdBy: editor.id,
    });
    expect(toll.uid).not.toBe(old.uid);
    expect(linkedClaims(db, toll.id).map((c) => c.id)).toEqual([old.id]);
    expect(getClaim(db, claims.order.id).status).toBe('in-review');
    expect(listClaims(db, v2).find((c) => c.anchor.exact.startsWith('Order'))).toMatchObject({ verdictId: 5, status: 'in-review' });
    // The previous version keeps its claims as they were.
    expect(listClaims(db, v1).map((c) => c.anchor.exact)).toContain('At least 38 people have been killed');
    const created = listHistory(db, { entity: 'claim', entityId: toll.id });
    expect(created.map((e) => [e.action, e.actor?.name])).toContainEqual(['create', 'Ama Mensah']);
  });

  it('numbers the versions of a series and lists them oldest first', () => {
    const { db } = tempProject();
    const { v1, v2 } = story(db);
    expect(getDocument(db, v2)).toMatchObject({ seriesId: v2, version: 1, versionCount: 1 });
    linkAsNewVersion(db, v2, v1);
    pause(3);
    const v3 = addText(db, V2.replace('41 people', '43 people'));
    const report = linkAsNewVersion(db, v3, v2);
    // The claim not found in version 2 is still not found in version 3: carried over unplaced again.
    expect(report).toMatchObject({ seriesId: v1, version: 3, carried: 6, changed: 1, vanished: 1, moved: 0, unchanged: 4 });
    expect(listVersions(db, v2).map((d) => [d.id, d.version, d.versionCount])).toEqual([
      [v1, 1, 3],
      [v2, 2, 3],
      [v3, 3, 3],
    ]);
    // The library lists every version; it shows the latest of each series.
    expect(listDocuments(db).filter((d) => d.version === d.versionCount).map((d) => d.id)).toEqual([v3]);
  });

  it('only carries live claims', () => {
    const { db } = tempProject();
    const { v1, v2, claims } = story(db);
    deleteClaim(db, claims.fired.id);
    expect(linkAsNewVersion(db, v2, v1)).toMatchObject({ carried: 5, unchanged: 1 });
    expect(listClaims(db, v2, { includeDeleted: true })).toHaveLength(5);
  });

  it('refuses to link a document to itself, twice, to an older version, or with claims of its own, changing nothing', () => {
    const { db } = tempProject();
    const { v1, v2 } = story(db);
    expectRefused(db, () => linkAsNewVersion(db, v1, v1), 'invalid-argument', /itself/);
    expectRefused(db, () => linkAsNewVersion(db, v2, 999), 'not-found');
    const own = tag(db, v2, V2, 'fired on protesters');
    expectRefused(db, () => linkAsNewVersion(db, v2, v1), 'conflict', /already has claims of its own/);
    deleteClaim(db, own.id);

    linkAsNewVersion(db, v2, v1);
    expectRefused(db, () => linkAsNewVersion(db, v2, v1), 'conflict', /already version 2 of 2/);
    const v3 = addText(db, V2);
    expectRefused(db, () => linkAsNewVersion(db, v3, v1), 'conflict', /already has a newer version/);
    expectRefused(db, () => linkAsNewVersion(db, v1, v3), 'conflict', /already version 1 of 2/);
  });

  it('refuses a new version shorter than a quote it would have to keep', () => {
    const { db } = tempProject();
    const { v1 } = story(db);
    const tiny = addText(db, 'Short.');
    expectRefused(db, () => linkAsNewVersion(db, tiny, v1), 'invalid-argument', /shorter than the quote/);
  });

  it('carries an unchanged text over with no queue at all, even with a paragraph added on top', () => {
    const { db } = tempProject();
    const { v1, claims } = story(db);
    const v2 = addText(db, `Update: the ministry revised its figures.\n\n${V1}`);
    expect(linkAsNewVersion(db, v2, v1)).toMatchObject({ carried: 6, unchanged: 6 });
    expect(listVersionChanges(db, v2)).toEqual([]);
    expect(listClaims(db, v2).find((c) => c.anchor.exact === 'shoot-to-kill order')!.anchor.start).toBe(V1.indexOf('shoot-to-kill') + 'Update: the ministry revised its figures.\n\n'.length);
    expect(claims.fired.documentId).toBe(v1);
  });

  it('keeps the claim form working on a carried claim', () => {
    const { db } = tempProject();
    const { v1, v2 } = story(db);
    linkAsNewVersion(db, v2, v1);
    const toll = listClaims(db, v2).find((c) => c.anchor.exact.includes('41'))!;
    expect(updateClaim(db, toll.id, claimInput({ verdictId: 1, confidence: 90 }))).toMatchObject({ verdictId: 1, confidence: 90 });
  });
});

describe('the earlier version with the same address', () => {
  it('is suggested for a new document on its own, until linked or kept separate', () => {
    const { db } = tempProject();
    const { v1, v2 } = story(db);
    expect(findPreviousVersionCandidate(db, v2)?.id).toBe(v1);
    // Never a later document, nor one with another address.
    expect(findPreviousVersionCandidate(db, v1)).toBeNull();
    pause(3);
    const other = addText(db, V2, 'https://other.example/story');
    expect(findPreviousVersionCandidate(db, other)).toBeNull();

    linkAsNewVersion(db, v2, v1);
    expect(findPreviousVersionCandidate(db, v2)).toBeNull();
    pause(3);
    const v3 = addText(db, V2);
    // The superseded first version is not offered: the latest of its series is.
    expect(findPreviousVersionCandidate(db, v3)?.id).toBe(v2);
    keepSeparate(db, v3);
    expect(findPreviousVersionCandidate(db, v3)).toBeNull();
  });

  it('is not suggested for a document without an address or with claims of its own', () => {
    const { db } = tempProject();
    const { v2 } = story(db);
    const bare = addText(db, V2, null);
    expect(findPreviousVersionCandidate(db, bare)).toBeNull();
    tag(db, v2, V2, 'fired on protesters');
    expect(findPreviousVersionCandidate(db, v2)).toBeNull();
    expectRefused(db, () => findPreviousVersionCandidate(db, 999), 'not-found');
  });
});

describe('comparing versions', () => {
  it('shows, paragraph by paragraph, what changed', () => {
    const { db } = tempProject();
    const { v1, v2 } = story(db);
    expect(() => compareVersions(db, v1, v2)).toThrow(/not versions of the same article/);
    linkAsNewVersion(db, v2, v1);
    const comparison = compareVersions(db, v1, v2);
    expect(comparison.from.id).toBe(v1);
    expect(comparison.to.id).toBe(v2);
    expect(comparison.paragraphs.map((p) => p.kind)).toEqual(['same', 'changed', 'changed', 'removed', 'same', 'added']);
    expect(comparison.paragraphs[1]!.parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '38' },
      { kind: 'added', text: '41' },
    ]);
    expect(comparison.wordsRemoved).toBeGreaterThan(comparison.wordsAdded);
  });
});

describe('documents with a language and a source format', () => {
  it('stores them, and refuses what is not a language tag or a known format', () => {
    const { db } = tempProject();
    const body = articleBody('Texto');
    const doc = createDocument(db, { meta: meta('Nota'), body, plainText: 'Texto', language: 'pt-BR', sourceFormat: 'html' });
    expect(doc).toMatchObject({ language: 'pt-BR', sourceFormat: 'html', seriesId: doc.id, version: 1, versionCount: 1 });
    expect(createDocument(db, { meta: meta('Plain'), body, plainText: 'Texto' })).toMatchObject({ language: null, sourceFormat: null });
    expectRefused(db, () => createDocument(db, { meta: meta('Bad'), body, plainText: 'Texto', language: 'not a tag' }), 'invalid-argument', /language tag/);
    expectRefused(db, () => createDocument(db, { meta: meta('Bad'), body, plainText: 'Texto', sourceFormat: 'rtf' as never }), 'invalid-argument', /source format/);
  });
});
