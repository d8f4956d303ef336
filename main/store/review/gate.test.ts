import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { setActor } from '../actor';
import { deleteClaim, updateClaim } from '../claims';
import { listHistory, undoChange } from '../history';
import { ensureProfile } from '../profiles';
import { createSource } from '../sources';
import { addArticle, addClaim, claimInput, expectRefused, sourceFields, tempProject } from '../test-support';
import { decideClaim } from './decisions';
import { checkGate, describeOpenProblems, overrideGate, withdrawOverride } from './gate';
import { createSession } from './sessions';
import { castVote, withdrawVote } from './votes';

const UNPROVEN = 3;
const FALSE = 5;

/** A project with two claims by Ana (who is acting), and Ben, a colleague. */
function desk() {
  const { db } = tempProject();
  const ana = ensureProfile(db, { uid: 'ana', name: 'Ana Lopes', initials: 'AL', color: '#0969da' });
  const ben = ensureProfile(db, { uid: 'ben', name: 'Ben Okafor', initials: 'BO', color: '#8250df' });
  setActor(db, ana.id);
  const doc = addArticle(db);
  const order = addClaim(db, doc, 'a shoot-to-kill order');
  const toll = addClaim(db, doc, '14 people were killed');
  return { db, ana, ben, doc, toll, order };
}

const problemsOf = (db: Database, doc: number, claimId: number) =>
  checkGate(db, { documentId: doc })
    .claims.find((c) => c.claimId === claimId)
    ?.findings.map((f) => f.problem) ?? [];

describe('the publication gate', () => {
  it('lists every claim of the export with its problems, in reading order, numbered as the panel numbers them', () => {
    const { db, doc, toll, order } = desk();
    const report = checkGate(db, { documentId: doc });
    expect(report).toMatchObject({ documentId: doc, checked: 2, open: 6, ready: false });
    expect(report.claims.map((c) => [c.number, c.claimId, c.quote])).toEqual([
      [1, toll.id, '14 people were killed'],
      [2, order.id, 'a shoot-to-kill order'],
    ]);
    expect(report.claims[0]!.findings).toEqual([
      { problem: 'no-source', override: null },
      { problem: 'no-verdict', override: null },
      { problem: 'no-second-reviewer', override: null },
    ]);
  });

  it('checks only the claims the export would contain: the filtered ones, none in the bin', () => {
    const { db, doc, toll, order } = desk();
    updateClaim(db, order.id, claimInput({ verdictId: FALSE }));
    const filtered = checkGate(db, { documentId: doc, filter: { verdictIds: [FALSE] } });
    expect(filtered.checked).toBe(1);
    expect(filtered.claims.map((c) => [c.number, c.claimId])).toEqual([[2, order.id]]);
    deleteClaim(db, toll.id);
    expect(checkGate(db, { documentId: doc }).claims.map((c) => c.claimId)).toEqual([order.id]);
    expectRefused(db, () => checkGate(db, { documentId: 999 }), 'not-found');
  });

  it('clears "no source" once the claim cites one', () => {
    const { db, doc, toll } = desk();
    const statement = createSource(db, sourceFields());
    updateClaim(db, toll.id, claimInput({ sources: [{ source: { sourceId: statement.id }, role: 'origin', pinpoint: null }] }));
    expect(problemsOf(db, doc, toll.id)).toEqual(['no-verdict', 'no-second-reviewer']);
  });

  it('clears "verdict not settled" once the claim is settled', () => {
    const { db, doc, toll } = desk();
    updateClaim(db, toll.id, claimInput({ status: 'in-review' }));
    expect(problemsOf(db, doc, toll.id)).toContain('no-verdict');
    updateClaim(db, toll.id, claimInput({ status: 'settled' }));
    expect(problemsOf(db, doc, toll.id)).toEqual(['no-source', 'no-second-reviewer']);
  });

  it('clears "no second reviewer" when a second person votes, and brings it back when the vote is withdrawn', () => {
    const { db, ana, ben, doc, toll } = desk();
    const s = createSession(db, { title: 'Tuesday toll', blind: false, claimIds: [toll.id], order: 'reading' });
    castVote(db, s.id, toll.id, { verdictId: FALSE, confidence: 80, comment: null });
    expect(problemsOf(db, doc, toll.id)).toContain('no-second-reviewer'); // the author voting is still one person
    setActor(db, ben.id);
    castVote(db, s.id, toll.id, { verdictId: FALSE, confidence: 70, comment: null });
    expect(problemsOf(db, doc, toll.id)).not.toContain('no-second-reviewer');
    withdrawVote(db, s.id, toll.id);
    expect(problemsOf(db, doc, toll.id)).toContain('no-second-reviewer');

    // A lead who signs off is a second person too, and the sign-off settles the verdict.
    const led = createSession(db, { title: 'Ben leads', blind: false, claimIds: [toll.id], order: 'reading' });
    setActor(db, ana.id);
    castVote(db, led.id, toll.id, { verdictId: UNPROVEN, confidence: 50, comment: null });
    setActor(db, ben.id);
    decideClaim(db, led.id, toll.id, { verdictId: UNPROVEN, confidence: 50, reason: null });
    expect(problemsOf(db, doc, toll.id)).toEqual(['no-source']);
  });

  it('records an override in the claim’s history, counts the problem as settled, and undoes it from there', () => {
    const { db, ana, doc, toll } = desk();
    const override = overrideGate(db, toll.id, 'no-source', '  The figure is our own count at the morgue.  ');
    expect(override).toMatchObject({ claimId: toll.id, problem: 'no-source', reason: 'The figure is our own count at the morgue.', by: { id: ana.id, name: 'Ana Lopes' } });
    const report = checkGate(db, { documentId: doc });
    expect(report.open).toBe(5);
    expect(report.claims[0]!.findings[0]).toEqual({
      problem: 'no-source',
      override: { id: override.id, reason: 'The figure is our own count at the morgue.', by: override.by, at: override.at },
    });

    const entry = listHistory(db, { claimId: toll.id })[0]!;
    expect(entry).toMatchObject({ entity: 'override', entityId: override.id, action: 'create', claimId: toll.id, actor: { id: ana.id } });
    expect(entry.after).toMatchObject({ problem: 'no-source', reason: 'The figure is our own count at the morgue.', deletedAt: null });
    undoChange(db, entry.id);
    expect(checkGate(db, { documentId: doc }).claims[0]!.findings[0]!.override).toBeNull();
  });

  it('withdraws an override to the bin, and undo brings it back', () => {
    const { db, doc, toll } = desk();
    const override = overrideGate(db, toll.id, 'no-second-reviewer', 'Single-reporter desk on Sunday.');
    withdrawOverride(db, override.id);
    expect(checkGate(db, { documentId: doc }).claims[0]!.findings[2]!.override).toBeNull();
    const withdrawal = listHistory(db, { claimId: toll.id })[0]!;
    expect(withdrawal).toMatchObject({ entity: 'override', action: 'delete', claimId: toll.id });
    undoChange(db, withdrawal.id);
    expect(checkGate(db, { documentId: doc }).claims[0]!.findings[2]!.override?.reason).toBe('Single-reporter desk on Sunday.');
    expectRefused(db, () => withdrawOverride(db, 999), 'not-found');
  });

  it('is ready once every problem of every claim is fixed or overridden', () => {
    const { db, doc, toll, order } = desk();
    for (const claim of [toll, order]) {
      for (const problem of ['no-source', 'no-verdict', 'no-second-reviewer'] as const) overrideGate(db, claim.id, problem, 'Editor’s call');
    }
    expect(checkGate(db, { documentId: doc })).toMatchObject({ open: 0, ready: true });
  });

  it('refuses an override without a reason, with too long a reason, for a problem the claim does not have, twice, or by nobody — changing nothing', () => {
    const { db, doc, toll } = desk();
    expectRefused(db, () => overrideGate(db, toll.id, 'no-source', '   '), 'invalid-argument', /why/);
    expectRefused(db, () => overrideGate(db, toll.id, 'no-source', 'x'.repeat(2001)), 'invalid-argument', /2000/);
    updateClaim(db, toll.id, claimInput({ status: 'settled' }));
    expectRefused(db, () => overrideGate(db, toll.id, 'no-verdict', 'Because'), 'invalid-argument', /does not have/);
    expectRefused(db, () => overrideGate(db, toll.id, 'bad' as never, 'Because'), 'invalid-argument');
    overrideGate(db, toll.id, 'no-source', 'Because');
    expectRefused(db, () => overrideGate(db, toll.id, 'no-source', 'Again'), 'conflict', /already/);
    setActor(db, null);
    expectRefused(db, () => overrideGate(db, toll.id, 'no-second-reviewer', 'Because'), 'invalid-argument', /who you are/);
    expect(checkGate(db, { documentId: doc }).open).toBe(4);
  });

  it('says which claims still block a final report and why', () => {
    const { db, doc, toll, order } = desk();
    for (const problem of ['no-source', 'no-verdict', 'no-second-reviewer'] as const) overrideGate(db, toll.id, problem, 'Editor’s call');
    overrideGate(db, order.id, 'no-source', 'Editor’s call');
    expect(describeOpenProblems(checkGate(db, { documentId: doc }))).toBe(
      '1 claim still needs attention before a final report: claim 2 (verdict not settled, no second reviewer).',
    );
  });
});
