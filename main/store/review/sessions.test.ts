import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { setActor } from '../actor';
import { deleteClaim, getClaim } from '../claims';
import { listHistory, undoChange } from '../history';
import { ensureProfile } from '../profiles';
import { addArticle, addClaim, expectRefused, tempProject } from '../test-support';
import { addComment, deleteComment, listComments } from './comments';
import { decideClaim } from './decisions';
import { closeSession, createSession, getSessionDetail, listSessions, moveClaim, reopenSession } from './sessions';
import { castVote, withdrawVote } from './votes';

const UNPROVEN = 3;
const FALSE = 5;
const VERIFIED = 1;

/** A project with three claims and two reviewers; Ana (the lead) is acting. */
function desk() {
  const { db } = tempProject();
  const ana = ensureProfile(db, { uid: 'ana', name: 'Ana Lopes', initials: 'AL', color: '#0969da' });
  const ben = ensureProfile(db, { uid: 'ben', name: 'Ben Okafor', initials: 'BO', color: '#8250df' });
  setActor(db, ana.id);
  const doc = addArticle(db);
  const toll = addClaim(db, doc, '14 people were killed', { confidence: 70 });
  const order = addClaim(db, doc, 'a shoot-to-kill order', { confidence: 20 });
  const police = addClaim(db, doc, 'Police said', { confidence: 90, status: 'settled' });
  return { db, ana, ben, doc, toll, order, police };
}

const as = (db: Database, profileId: number) => setActor(db, profileId);

describe('review sessions', () => {
  it('makes a queue from the listed claims in the order asked for, led by whoever made it', () => {
    const { db, ana, toll, order, police } = desk();
    const reading = createSession(db, { title: 'Tuesday toll', blind: true, claimIds: [order.id, police.id, toll.id], order: 'reading' });
    expect(reading).toMatchObject({ title: 'Tuesday toll', blind: true, lead: { id: ana.id, name: 'Ana Lopes' }, itemCount: 3, decidedCount: 0, closedAt: null });
    expect(getSessionDetail(db, reading.id).items.map((i) => i.claimId)).toEqual([police.id, toll.id, order.id]);
    expect(getSessionDetail(db, reading.id).items[1]!.claim).toEqual({ exact: '14 people were killed', documentId: toll.documentId, documentTitle: 'Unrest in the capital', verdictId: UNPROVEN, confidence: 70, status: 'open' });

    const doubtful = createSession(db, { title: 'Least sure', blind: false, claimIds: [toll.id, police.id, order.id], order: 'confidence' });
    expect(getSessionDetail(db, doubtful.id).items.map((i) => i.claimId)).toEqual([order.id, toll.id, police.id]);

    const unsettled = createSession(db, { title: 'Open first', blind: false, claimIds: [police.id, toll.id], order: 'unsettled' });
    expect(getSessionDetail(db, unsettled.id).items.map((i) => i.claimId)).toEqual([toll.id, police.id]);
    expect(listSessions(db).map((s) => s.title)).toEqual(['Open first', 'Least sure', 'Tuesday toll']);
  });

  it('refuses an empty queue, a deleted claim and a reviewer-less connection, changing nothing', () => {
    const { db, toll, order } = desk();
    expectRefused(db, () => createSession(db, { title: 'Empty', blind: false, claimIds: [], order: 'reading' }), 'invalid-argument', /at least one claim/);
    deleteClaim(db, order.id);
    expectRefused(db, () => createSession(db, { title: 'Gone', blind: false, claimIds: [toll.id, order.id], order: 'reading' }), 'invalid-argument', /no longer exists/);
    expectRefused(db, () => createSession(db, { title: ' ', blind: false, claimIds: [toll.id], order: 'reading' }), 'invalid-argument', /title/);
    setActor(db, null);
    expectRefused(db, () => createSession(db, { title: 'Nobody', blind: false, claimIds: [toll.id], order: 'reading' }), 'invalid-argument', /who you are/);
  });
});

describe('blind votes', () => {
  it('hides the others’ votes from a reviewer until they cast their own, then shows them all', () => {
    const { db, ana, ben, toll } = desk();
    const s = createSession(db, { title: 'Blind', blind: true, claimIds: [toll.id], order: 'reading' });
    castVote(db, s.id, toll.id, { verdictId: FALSE, confidence: 80, comment: 'Hospital count is lower' });

    as(db, ben.id);
    const before = getSessionDetail(db, s.id).items[0]!;
    expect(before.votes).toBeNull();
    expect(before.voteCount).toBe(1);
    expect(before.myVote).toBeNull();
    expect(before.majorityVerdictIds).toEqual([]);
    expect(getSessionDetail(db, s.id).agreement.claimsHidden).toBe(1);
    expect(JSON.stringify(getSessionDetail(db, s.id))).not.toContain('Hospital count');

    castVote(db, s.id, toll.id, { verdictId: UNPROVEN, confidence: 60, comment: null });
    const after = getSessionDetail(db, s.id).items[0]!;
    expect(after.votes?.map((v) => [v.reviewer.name, v.verdictId])).toEqual([
      ['Ana Lopes', FALSE],
      ['Ben Okafor', UNPROVEN],
    ]);
    expect(after.myVote?.verdictId).toBe(UNPROVEN);
    expect(after.disagreement).toBe(true);
    expect(after.majorityVerdictIds).toEqual([UNPROVEN, FALSE]);

    as(db, ana.id);
    expect(getSessionDetail(db, s.id).items[0]!.votes).toHaveLength(2);
  });

  it('shows every vote at once in an open (not blind) session', () => {
    const { db, ben, toll } = desk();
    const s = createSession(db, { title: 'Open', blind: false, claimIds: [toll.id], order: 'reading' });
    castVote(db, s.id, toll.id, { verdictId: FALSE, confidence: 80, comment: null });
    as(db, ben.id);
    expect(getSessionDetail(db, s.id).items[0]!.votes).toHaveLength(1);
  });

  it('keeps one vote per reviewer, changed in place, withdrawn to the bin and back by undo', () => {
    const { db, toll } = desk();
    const s = createSession(db, { title: 'Votes', blind: false, claimIds: [toll.id], order: 'reading' });
    const first = castVote(db, s.id, toll.id, { verdictId: FALSE, confidence: 80, comment: null });
    const second = castVote(db, s.id, toll.id, { verdictId: UNPROVEN, confidence: 55, comment: 'On reflection' });
    expect(second.id).toBe(first.id);
    expect(getSessionDetail(db, s.id).items[0]!.votes).toHaveLength(1);

    withdrawVote(db, s.id, toll.id);
    expect(getSessionDetail(db, s.id).items[0]!.voteCount).toBe(0);
    const withdrawal = listHistory(db, { claimId: toll.id })[0]!;
    expect(withdrawal).toMatchObject({ entity: 'vote', action: 'delete', claimId: toll.id });
    undoChange(db, withdrawal.id);
    expect(getSessionDetail(db, s.id).items[0]!.myVote).toMatchObject({ verdictId: UNPROVEN, comment: 'On reflection' });
  });

  it('refuses a vote on a claim outside the session, a retired verdict or a bad confidence', () => {
    const { db, toll, order } = desk();
    const s = createSession(db, { title: 'Votes', blind: false, claimIds: [toll.id], order: 'reading' });
    expectRefused(db, () => castVote(db, s.id, order.id, { verdictId: FALSE, confidence: 50, comment: null }), 'invalid-argument', /not in the session/);
    expectRefused(db, () => castVote(db, s.id, toll.id, { verdictId: 999, confidence: 50, comment: null }), 'invalid-argument', /verdict/);
    expectRefused(db, () => castVote(db, s.id, toll.id, { verdictId: FALSE, confidence: 101, comment: null }), 'invalid-argument', /confidence/);
  });
});

describe('the lead’s sign-off', () => {
  it('settles the claim with the final verdict, needs a reason against the majority, and undoes as one', () => {
    const { db, ana, ben, toll } = desk();
    const s = createSession(db, { title: 'Toll', blind: true, claimIds: [toll.id], order: 'reading' });
    castVote(db, s.id, toll.id, { verdictId: FALSE, confidence: 80, comment: null });
    as(db, ben.id);
    castVote(db, s.id, toll.id, { verdictId: FALSE, confidence: 60, comment: null });
    expectRefused(db, () => decideClaim(db, s.id, toll.id, { verdictId: FALSE, confidence: 75, reason: null }), 'conflict', /Only the session's lead \(Ana Lopes\)/);

    as(db, ana.id);
    expectRefused(db, () => decideClaim(db, s.id, toll.id, { verdictId: VERIFIED, confidence: 75, reason: null }), 'invalid-argument', /differs from the majority/);
    const item = decideClaim(db, s.id, toll.id, { verdictId: VERIFIED, confidence: 75, reason: 'Morgue register confirms 14' });
    expect(item.decision).toMatchObject({ verdictId: VERIFIED, confidence: 75, reason: 'Morgue register confirms 14', by: { name: 'Ana Lopes' } });
    expect(getClaim(db, toll.id)).toMatchObject({ verdictId: VERIFIED, confidence: 75, status: 'settled' });
    expect(getSessionDetail(db, s.id).session.decidedCount).toBe(1);

    // Votes close once decided.
    as(db, ben.id);
    expectRefused(db, () => castVote(db, s.id, toll.id, { verdictId: VERIFIED, confidence: 60, comment: null }), 'conflict', /already decided/);

    const signOff = listHistory(db, { claimId: toll.id }).find((e) => e.entity === 'decision')!;
    undoChange(db, signOff.id);
    expect(getClaim(db, toll.id)).toMatchObject({ verdictId: UNPROVEN, confidence: 70, status: 'open' });
    expect(getSessionDetail(db, s.id).items[0]!.decision).toBeNull();
  });

  it('needs no reason when the final verdict is the majority’s or one of a tie', () => {
    const { db, ben, toll } = desk();
    const s = createSession(db, { title: 'Tie', blind: false, claimIds: [toll.id], order: 'reading' });
    castVote(db, s.id, toll.id, { verdictId: FALSE, confidence: 80, comment: null });
    as(db, ben.id);
    castVote(db, s.id, toll.id, { verdictId: UNPROVEN, confidence: 60, comment: null });
    as(db, getSessionDetail(db, s.id).session.lead.id);
    expect(decideClaim(db, s.id, toll.id, { verdictId: UNPROVEN, confidence: 60, reason: null }).decision?.reason).toBeNull();
  });

  it('freezes a closed session until the lead reopens it', () => {
    const { db, ben, toll } = desk();
    const s = createSession(db, { title: 'Closing', blind: true, claimIds: [toll.id], order: 'reading' });
    castVote(db, s.id, toll.id, { verdictId: FALSE, confidence: 80, comment: null });
    as(db, ben.id);
    expectRefused(db, () => closeSession(db, s.id), 'conflict', /lead/);
    as(db, s.lead.id);
    expect(closeSession(db, s.id).closedAt).not.toBeNull();
    as(db, ben.id);
    // Closed: the blind is lifted, and nothing more can be cast.
    expect(getSessionDetail(db, s.id).items[0]!.votes).toHaveLength(1);
    expectRefused(db, () => castVote(db, s.id, toll.id, { verdictId: FALSE, confidence: 50, comment: null }), 'conflict', /closed/);
    as(db, s.lead.id);
    expect(reopenSession(db, s.id).closedAt).toBeNull();
  });
});

describe('the discussion thread', () => {
  it('keeps comments in order with their authors, in the claim’s history, deletable and restorable', () => {
    const { db, ben, toll } = desk();
    const s = createSession(db, { title: 'Talk', blind: false, claimIds: [toll.id], order: 'reading' });
    addComment(db, toll.id, 'Which hospital?', s.id);
    as(db, ben.id);
    const reply = addComment(db, toll.id, 'Central, per the wire', null);
    expect(listComments(db, toll.id).map((c) => [c.author?.initials, c.body, c.sessionId])).toEqual([
      ['AL', 'Which hospital?', s.id],
      ['BO', 'Central, per the wire', null],
    ]);
    deleteComment(db, reply.id);
    expect(listComments(db, toll.id)).toHaveLength(1);
    const deleted = listHistory(db, { claimId: toll.id })[0]!;
    expect(deleted).toMatchObject({ entity: 'comment', action: 'delete', actor: { name: 'Ben Okafor' } });
    undoChange(db, deleted.id);
    expect(listComments(db, toll.id)).toHaveLength(2);
    expectRefused(db, () => addComment(db, toll.id, '   ', null), 'invalid-argument', /Write something/);
  });
});

describe('agreement in a session', () => {
  it('gives percent agreement and Cohen’s kappa for two reviewers, with the counts', () => {
    const { db, ben, toll, order, police } = desk();
    const s = createSession(db, { title: 'Agree', blind: true, claimIds: [toll.id, order.id, police.id], order: 'reading' });
    const votes: [number, number, number][] = [
      [toll.id, FALSE, FALSE],
      [order.id, UNPROVEN, FALSE],
      [police.id, VERIFIED, VERIFIED],
    ];
    for (const [claimId, a] of votes) castVote(db, s.id, claimId, { verdictId: a, confidence: 50, comment: null });
    as(db, ben.id);
    for (const [claimId, , b] of votes) castVote(db, s.id, claimId, { verdictId: b, confidence: 50, comment: null });
    const { summary, claimsHidden } = getSessionDetail(db, s.id).agreement;
    expect(claimsHidden).toBe(0);
    expect(summary.raters).toEqual(['Ana Lopes (AL)', 'Ben Okafor (BO)']);
    expect(summary.percent).toMatchObject({ units: 3, pairs: 3, agreeingPairs: 2 });
    // Observed 2/3; expected: A = {F:1, U:1, V:1}, B = {F:2, V:1} → (1·2 + 1·1)/9 = 1/3; κ = (2/3 − 1/3)/(1 − 1/3) = 0.5.
    expect(summary.kappa?.kappa).toBeCloseTo(0.5, 12);
    expect(summary.headline).toBe('cohens-kappa');
  });
});

describe('the queue’s priority order', () => {
  it('lets the lead move a claim up or down, recorded and undoable; others may not', () => {
    const { db, ben, toll, order, police } = desk();
    const s = createSession(db, { title: 'Order', blind: false, claimIds: [toll.id, order.id, police.id], order: 'reading' });
    const queue = () => getSessionDetail(db, s.id).items.map((i) => i.claimId);
    const start = queue();
    moveClaim(db, s.id, start[2]!, -1);
    expect(queue()).toEqual([start[0], start[2], start[1]]);
    moveClaim(db, s.id, start[0]!, -1); // already first: nothing
    expect(queue()).toEqual([start[0], start[2], start[1]]);
    const [move] = listHistory(db, { entity: 'session', entityId: s.id });
    expect(move).toMatchObject({ action: 'update', before: { queue: start }, after: { queue: [start[0], start[2], start[1]] } });
    undoChange(db, move!.id);
    expect(queue()).toEqual(start);
    as(db, ben.id);
    expectRefused(db, () => moveClaim(db, s.id, start[1]!, 1), 'conflict', /lead/);
  });
});
