import { describe, expect, it } from 'vitest';
import { describeRange } from '../../shared/anchoring';
import { setActor } from './actor';
import { deleteClaim, getClaim, restoreClaim } from './claims';
import { listHistory, undoChange } from './history';
import { ensureProfile } from './profiles';
import { LIST_QUEUE_SQL, listVersionChanges, reattachVersionChange, resolveVersionChange } from './version-queue';
import { linkAsNewVersion } from './versions';
import { expectRefused, queryPlan, tempProject } from './test-support';
import { story, V2 } from './version-fixtures';

/** The story, linked: the queue of version 2 and its rows by kind. */
function linkedStory() {
  const { db } = tempProject();
  const { v1, v2 } = story(db);
  const profile = ensureProfile(db, { uid: 'p-lena', name: 'Lena Hartsby', initials: 'LH', color: '#336699' });
  setActor(db, profile.id);
  linkAsNewVersion(db, v2, v1);
  const queue = listVersionChanges(db, v2);
  const row = (exact: string) => queue.find((r) => r.before.exact.startsWith(exact))!;
  return { db, v2, profile, changed: row('At least'), detained: row('1,240'), vanished: row('Order'), shoot: row('shoot') };
}

describe('the changes queue', () => {
  it('confirms a new placement: the claim is unchanged, the row resolved by who and when', () => {
    const { db, v2, changed, profile } = linkedStory();
    const before = getClaim(db, changed.claimId);
    const row = resolveVersionChange(db, changed.id, 'confirm');
    expect(row).toMatchObject({ resolution: 'confirmed', resolvedBy: { id: profile.id, name: 'Lena Hartsby' } });
    expect(row.resolvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(getClaim(db, changed.claimId)).toEqual(before);
    expect(listVersionChanges(db, v2).filter((r) => r.resolution === null)).toHaveLength(3);
    expectRefused(db, () => resolveVersionChange(db, changed.id, 'confirm'), 'conflict', /already confirmed/);
    expectRefused(db, () => resolveVersionChange(db, changed.id, 'retire'), 'conflict');

    // Reopened, it waits again.
    expect(resolveVersionChange(db, changed.id, 'reopen')).toMatchObject({ resolution: null, resolvedBy: null, resolvedAt: null });
    expectRefused(db, () => resolveVersionChange(db, changed.id, 'reopen'), 'conflict', /not resolved/);
  });

  it('attaches a vanished claim to a selected passage, undoably', () => {
    const { db, v2, vanished } = linkedStory();
    expect(vanished.after).toBeNull();
    const start = V2.indexOf('1,240 people had been detained');
    const anchor = describeRange(V2, start, start + '1,240 people had been detained'.length);
    expectRefused(db, () => reattachVersionChange(db, vanished.id, { ...anchor, exact: 'something else entirely here!' }), 'invalid-argument');

    const row = reattachVersionChange(db, vanished.id, anchor);
    expect(row).toMatchObject({ resolution: 'reattached', after: { exact: '1,240 people had been detained' } });
    expect(row.quoteDiff.map((p) => p.kind)).toContain('added');
    expect(getClaim(db, vanished.claimId).anchor).toEqual(anchor);

    // Undoing the re-attachment in the history reopens the row; redoing it resolves it again.
    const entry = listHistory(db, { entity: 'claim', entityId: vanished.claimId })[0]!;
    expect(entry.after).toMatchObject({ anchor: { exact: '1,240 people had been detained' } });
    const undo = undoChange(db, entry.id);
    expect(listVersionChanges(db, v2).find((r) => r.id === vanished.id)).toMatchObject({ resolution: null, after: null });
    undoChange(db, undo.id);
    expect(listVersionChanges(db, v2).find((r) => r.id === vanished.id)).toMatchObject({ resolution: 'reattached' });
  });

  it('retires a claim into the bin; restoring it from the history, or reopening the row, brings it back', () => {
    const { db, v2, shoot, detained } = linkedStory();
    const row = resolveVersionChange(db, shoot.id, 'retire');
    expect(row).toMatchObject({ resolution: 'retired', claimInBin: true });
    expect(getClaim(db, shoot.claimId).deletedAt).not.toBeNull();
    const [entry] = listHistory(db, { entity: 'claim', entityId: shoot.claimId });
    expect(entry).toMatchObject({ action: 'delete', actor: { name: 'Lena Hartsby' } });

    undoChange(db, entry!.id);
    expect(getClaim(db, shoot.claimId).deletedAt).toBeNull();
    expect(listVersionChanges(db, v2).find((r) => r.id === shoot.id)).toMatchObject({ resolution: null, claimInBin: false });

    // Retired again, then reopened from the queue: the claim is restored and the undo recorded.
    resolveVersionChange(db, shoot.id, 'retire');
    expect(resolveVersionChange(db, shoot.id, 'reopen')).toMatchObject({ resolution: null, claimInBin: false });
    expect(listHistory(db, { entity: 'claim', entityId: shoot.claimId })[0]).toMatchObject({ action: 'undo' });

    // A claim put in the bin from the claims panel can be retired, but not confirmed; brought
    // back from the bin, its row waits again.
    deleteClaim(db, detained.claimId);
    expectRefused(db, () => resolveVersionChange(db, detained.id, 'confirm'), 'invalid-argument', /in the bin/);
    expect(resolveVersionChange(db, detained.id, 'retire')).toMatchObject({ resolution: 'retired', claimInBin: true });
    restoreClaim(db, detained.claimId);
    expect(listVersionChanges(db, v2).find((r) => r.id === detained.id)).toMatchObject({ resolution: null, claimInBin: false });
  });

  it('refuses a row that does not exist', () => {
    const { db } = linkedStory();
    expectRefused(db, () => resolveVersionChange(db, 999, 'confirm'), 'not-found');
    expectRefused(db, () => listVersionChanges(db, 999), 'not-found');
  });

  it('is read through the claims of the document and the unique claim id', () => {
    const { db, v2 } = linkedStory();
    const plan = queryPlan(db, LIST_QUEUE_SQL, [v2]);
    expect(plan).toContain('claims_by_document');
    expect(plan).toMatch(/SEARCH vc USING INDEX sqlite_autoindex_version_changes_1 \(claim_id=\?\)/);
  });
});
