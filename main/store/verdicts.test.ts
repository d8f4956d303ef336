import { describe, expect, it } from 'vitest';
import { createClaim, deleteClaim, getClaim } from './claims';
import { listHistory } from './history';
import { addArticle, addClaim, anchorOf, claimInput, expectRefused, tempProject } from './test-support';
import { createVerdict, deleteVerdict, listVerdicts, reorderVerdicts, updateVerdict } from './verdicts';

describe('verdicts', () => {
  it('lists the default scale in order with live claim counts', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    addClaim(db, documentId, '14 people', { verdictId: 5 });
    deleteClaim(db, addClaim(db, documentId, 'Tuesday', { verdictId: 5 }).id);
    const scale = listVerdicts(db);
    expect(scale.map((v) => [v.key, v.position])).toEqual([
      ['verified', 1], ['likely-true', 2], ['unproven', 3], ['misleading', 4], ['false', 5], ['not-checkable', 6],
    ]);
    expect(scale.find((v) => v.key === 'false')?.claimCount).toBe(1);
  });

  it('adds a verdict at the end with a unique key made from its label', () => {
    const { db } = tempProject();
    const mostly = createVerdict(db, { label: 'Mostly false', color: '#AA3300' });
    expect(mostly).toMatchObject({ key: 'mostly-false', label: 'Mostly false', color: '#aa3300', position: 7, claimCount: 0 });
    updateVerdict(db, mostly.id, { label: 'Largely false', color: '#aa3300' });
    expect(createVerdict(db, { label: 'Mostly  false!', color: '#000000' }).key).toBe('mostly-false-2');
  });

  it('keeps each claim on its verdict through a rename, a recolour and a reorder', () => {
    const { db } = tempProject();
    const claim = addClaim(db, addArticle(db), '14 people', { verdictId: 2 });
    updateVerdict(db, 2, { label: 'Probably true', color: '#123456' });
    const ids = listVerdicts(db).map((v) => v.id).reverse();
    const scale = reorderVerdicts(db, ids);
    expect(scale.map((v) => v.id)).toEqual(ids);
    expect(scale.find((v) => v.id === 2)).toMatchObject({ label: 'Probably true', color: '#123456', position: 5, claimCount: 1 });
    expect(getClaim(db, claim.id).verdictId).toBe(2);
  });

  it('refuses a reorder that is not exactly the live verdicts', () => {
    const { db } = tempProject();
    for (const bad of [[1, 2, 3], [1, 2, 3, 4, 5, 6, 6], [1, 2, 3, 4, 5, 99], [1, 2, 3, 4, 5, 6, 7]]) {
      expectRefused(db, () => reorderVerdicts(db, bad), 'invalid-argument', 'The new order must list every verdict of the scale exactly once.');
    }
  });

  it('refuses blank, duplicate (case-insensitively) and badly coloured verdicts', () => {
    const { db } = tempProject();
    expectRefused(db, () => createVerdict(db, { label: ' ', color: '#000000' }), 'invalid-argument', 'A verdict needs a label.');
    expectRefused(db, () => createVerdict(db, { label: 'FALSE', color: '#000000' }), 'invalid-argument', 'The scale already has a verdict "FALSE".');
    expectRefused(db, () => createVerdict(db, { label: 'Satire', color: 'red' }), 'invalid-argument', /colour like #1a7f37/);
    expectRefused(db, () => updateVerdict(db, 1, { label: 'Unproven', color: '#000000' }), 'invalid-argument');
    expectRefused(db, () => updateVerdict(db, 99, { label: 'Nope', color: '#000000' }), 'not-found');
  });

  it('will not delete a verdict in use without a verdict to move its claims to', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    addClaim(db, documentId, '14 people', { verdictId: 4 });
    deleteClaim(db, addClaim(db, documentId, 'Tuesday', { verdictId: 4 }).id);
    expectRefused(db, () => deleteVerdict(db, 4, null), 'conflict', '2 claims have the verdict "Misleading". Choose a verdict to move them to.');
    expectRefused(db, () => deleteVerdict(db, 4, 4), 'invalid-argument');
    expectRefused(db, () => deleteVerdict(db, 4, 99), 'invalid-argument');
  });

  it('moves the claims of a deleted verdict, live and in the bin, recording each move, and retires it', () => {
    const { db } = tempProject();
    const documentId = addArticle(db);
    const live = addClaim(db, documentId, '14 people', { verdictId: 4 });
    const binned = addClaim(db, documentId, 'Tuesday', { verdictId: 4 });
    deleteClaim(db, binned.id);
    deleteVerdict(db, 4, 5);
    expect([getClaim(db, live.id).verdictId, getClaim(db, binned.id).verdictId]).toEqual([5, 5]);
    expect(listVerdicts(db).map((v) => v.id)).toEqual([1, 2, 3, 5, 6]);
    expect(db.prepare('SELECT count(*) FROM verdicts').pluck().get()).toBe(6);
    expect(listHistory(db, { entity: 'claim', entityId: live.id })[0]).toMatchObject({ action: 'update', before: { verdictId: 4 }, after: { verdictId: 5 } });
    expectRefused(db, () => createClaim(db, { documentId, anchor: anchorOf('shoot'), input: claimInput({ verdictId: 4 }) }), 'invalid-argument', /"Misleading" was deleted/);
    expect(createVerdict(db, { label: 'Misleading', color: '#bc4c00' }).key).toBe('misleading-2');
  });

  it('never deletes the last verdict of the scale', () => {
    const { db } = tempProject();
    for (const id of [1, 2, 3, 4, 5]) deleteVerdict(db, id, null);
    expectRefused(db, () => deleteVerdict(db, 6, null), 'conflict', 'The scale needs at least one verdict; add another before deleting this one.');
  });
});
