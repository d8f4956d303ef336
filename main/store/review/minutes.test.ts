import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { minutesMarkdown } from '../../../shared/review/minutes';
import { setActor } from '../actor';
import { deleteClaim } from '../claims';
import { ensureProfile } from '../profiles';
import { addArticle, addClaim, expectRefused, tempProject } from '../test-support';
import { addComment } from './comments';
import { decideClaim } from './decisions';
import { overrideGate } from './gate';
import { gatherMinutes } from './minutes';
import { closeSession, createSession, getSessionDetail } from './sessions';
import { castVote, withdrawVote } from './votes';

const VERIFIED = 1;
const UNPROVEN = 3;
const FALSE = 5;
const NOW = '2026-03-15T11:00:00.000Z';

const as = (db: Database, profileId: number | null) => setActor(db, profileId);
const vote = (db: Database, sessionId: number, claimId: number, verdictId: number, comment: string | null = null) =>
  castVote(db, sessionId, claimId, { verdictId, confidence: 60, comment });

/**
 * A blind session led by Ana over three claims, in reading order: "Police said" (1), the toll
 * (2) and the order (3). Ben and Ana vote on all three and split on the order; Cy comments on
 * it. Ana settles the toll with the majority and the order against it, and overrides the
 * missing source of "Police said". Ana is acting at the end.
 */
function reviewedDesk() {
  const { db } = tempProject();
  const ana = ensureProfile(db, { uid: 'ana', name: 'Ana Lopes', initials: 'AL', color: '#0969da' });
  const ben = ensureProfile(db, { uid: 'ben', name: 'Ben Okafor', initials: 'BO', color: '#8250df' });
  const cy = ensureProfile(db, { uid: 'cy', name: 'Cy Ndiaye', initials: 'CN', color: '#1a7f37' });
  as(db, ana.id);
  const doc = addArticle(db);
  const toll = addClaim(db, doc, '14 people were killed');
  const order = addClaim(db, doc, 'a shoot-to-kill order');
  const police = addClaim(db, doc, 'Police said');
  const denied = addClaim(db, doc, 'The interior minister denied');
  const session = createSession(db, { title: 'Tuesday toll', blind: true, claimIds: [toll.id, order.id, police.id], order: 'reading' });

  as(db, ben.id);
  vote(db, session.id, police.id, VERIFIED);
  vote(db, session.id, toll.id, FALSE);
  vote(db, session.id, order.id, FALSE, 'No written order has been seen');
  addComment(db, order.id, 'Said outside the session', null);
  as(db, cy.id);
  vote(db, session.id, police.id, FALSE);
  withdrawVote(db, session.id, police.id);
  addComment(db, order.id, 'Which unit was it given to?', session.id);
  as(db, ana.id);
  vote(db, session.id, police.id, VERIFIED);
  vote(db, session.id, toll.id, FALSE);
  vote(db, session.id, order.id, UNPROVEN);
  decideClaim(db, session.id, toll.id, { verdictId: FALSE, confidence: 80, reason: null });
  decideClaim(db, session.id, order.id, { verdictId: VERIFIED, confidence: 70, reason: 'The transcript has the order word for word' });
  overrideGate(db, police.id, 'no-source', 'The police statement was read out on air; the recording is our source');
  overrideGate(db, denied.id, 'no-source', 'Not in this session');
  return { db, ana, ben, cy, doc, session, toll, order, police, denied };
}

describe('gatherMinutes', () => {
  it('reads every vote, decision, comment of the session and override on its claims', () => {
    const { db, session } = reviewedDesk();
    const minutes = gatherMinutes(db, session.id, { generator: 'Claimdesk 0.1.0', now: NOW });
    expect(minutes).toMatchObject({ title: 'Tuesday toll', blind: true, lead: { name: 'Ana Lopes', initials: 'AL' }, closedAt: null, madeAt: NOW, generator: 'Claimdesk 0.1.0' });
    expect(minutes.startedAt).toBe(session.createdAt);
    expect(minutes.firstVoteAt! <= minutes.lastVoteAt!).toBe(true);
    expect(minutes.firstVoteAt! >= session.createdAt).toBe(true);

    expect(minutes.claims.map((c) => [c.number, c.quote, c.document, c.disagreement])).toEqual([
      [1, 'Police said', 'Unrest in the capital', false],
      [2, '14 people were killed', 'Unrest in the capital', false],
      [3, 'a shoot-to-kill order', 'Unrest in the capital', true],
    ]);
    const [police, toll, order] = minutes.claims;
    // Cy's vote was withdrawn: it is not counted.
    expect(police!.votes.map((v) => [v.reviewer.name, v.verdict])).toEqual([
      ['Ben Okafor', 'Verified'],
      ['Ana Lopes', 'Verified'],
    ]);
    expect(police!.decision).toBeNull();
    expect(toll!.decision).toMatchObject({ verdict: 'False', confidence: 80, by: { name: 'Ana Lopes' }, reason: null, againstMajority: false });
    expect(order!.votes.map((v) => [v.reviewer.initials, v.verdict, v.comment])).toEqual([
      ['BO', 'False', 'No written order has been seen'],
      ['AL', 'Unproven', null],
    ]);
    expect(order!.majority).toEqual(['Unproven', 'False']);
    expect(order!.decision).toMatchObject({ verdict: 'Verified', reason: 'The transcript has the order word for word', againstMajority: true });
    // Only what was said in the session.
    expect(order!.comments.map((c) => [c.author?.name, c.body])).toEqual([['Cy Ndiaye', 'Which unit was it given to?']]);

    expect(minutes.participants).toEqual([
      { person: { name: 'Ana Lopes', initials: 'AL' }, lead: true, votes: 3, comments: 0 },
      { person: { name: 'Ben Okafor', initials: 'BO' }, lead: false, votes: 3, comments: 0 },
      { person: { name: 'Cy Ndiaye', initials: 'CN' }, lead: false, votes: 0, comments: 1 },
    ]);
    expect(minutes.overrides).toEqual([
      {
        claimNumber: 1,
        quote: 'Police said',
        problem: 'No source',
        reason: 'The police statement was read out on air; the recording is our source',
        by: { name: 'Ana Lopes', initials: 'AL' },
        at: expect.any(String),
      },
    ]);

    const { percent, kappa, raters } = minutes.agreement;
    expect(raters).toEqual(['Ana Lopes (AL)', 'Ben Okafor (BO)']);
    expect(percent).toMatchObject({ units: 3, pairs: 3, agreeingPairs: 2 });
    // Ana V F U, Ben V F F: observed 2/3, expected (1·1 + 1·2)/9 = 1/3, kappa 0.5.
    expect(kappa?.kappa).toBeCloseTo(0.5, 12);

    const md = minutesMarkdown(minutes);
    expect(md).toContain('**Differs from the majority:** the votes were tied between Unproven, False.\\\n*Reason:* The transcript has the order word for word');
    expect(md.indexOf('### Claim 3 of 3')).toBeLessThan(md.indexOf('### Claim 1 of 3'));
  });

  it('shows the lead every vote of a blind session, even those the review screen still hides from them', () => {
    const { db } = tempProject();
    const ana = ensureProfile(db, { uid: 'ana', name: 'Ana Lopes', initials: 'AL', color: '#0969da' });
    const ben = ensureProfile(db, { uid: 'ben', name: 'Ben Okafor', initials: 'BO', color: '#8250df' });
    as(db, ana.id);
    const claim = addClaim(db, addArticle(db), '14 people were killed');
    const session = createSession(db, { title: 'Blind', blind: true, claimIds: [claim.id], order: 'reading' });
    as(db, ben.id);
    vote(db, session.id, claim.id, FALSE, 'Hospital count is lower');
    as(db, ana.id);
    expect(getSessionDetail(db, session.id).items[0]!.votes).toBeNull();
    expect(gatherMinutes(db, session.id).claims[0]!.votes).toMatchObject([{ reviewer: { name: 'Ben Okafor' }, verdict: 'False', comment: 'Hospital count is lower' }]);
  });

  it('lets only the lead save the minutes of an open blind session, and anyone once it is closed', () => {
    const { db, ana, ben, session } = reviewedDesk();
    as(db, ben.id);
    expectRefused(db, () => gatherMinutes(db, session.id), 'conflict', /only its lead \(Ana Lopes\) can save them until the session is closed/);
    as(db, null);
    expectRefused(db, () => gatherMinutes(db, session.id), 'conflict', /only its lead/);

    as(db, ana.id);
    closeSession(db, session.id);
    for (const who of [ben.id, null]) {
      as(db, who);
      const minutes = gatherMinutes(db, session.id);
      expect(minutes.closedAt).not.toBeNull();
      expect(minutes.claims.flatMap((c) => c.votes)).toHaveLength(6);
    }
  });

  it('lets anyone save the minutes of an open session that is not blind', () => {
    const { db, ana, ben, toll } = reviewedDesk();
    as(db, ana.id);
    const open = createSession(db, { title: 'Open', blind: false, claimIds: [toll.id], order: 'reading' });
    as(db, ben.id);
    expect(gatherMinutes(db, open.id)).toMatchObject({ title: 'Open', blind: false, claims: [{ quote: '14 people were killed', votes: [] }] });
  });

  it('leaves out claims in the bin and numbers the rest in queue order; says when nothing is voted', () => {
    const { db, session, police, denied } = reviewedDesk();
    deleteClaim(db, police.id);
    const minutes = gatherMinutes(db, session.id);
    expect(minutes.claims.map((c) => [c.number, c.quote])).toEqual([
      [1, '14 people were killed'],
      [2, 'a shoot-to-kill order'],
    ]);
    expect(minutes.overrides).toEqual([]);
    expect(minutes.participants.map((p) => [p.person.initials, p.votes])).toEqual([
      ['AL', 2],
      ['BO', 2],
      ['CN', 0],
    ]);

    const quiet = createSession(db, { title: 'Quiet', blind: true, claimIds: [denied.id], order: 'reading' });
    expect(gatherMinutes(db, quiet.id)).toMatchObject({
      firstVoteAt: null,
      lastVoteAt: null,
      participants: [{ person: { name: 'Ana Lopes' }, lead: true, votes: 0, comments: 0 }],
      agreement: { percent: { value: null, reason: 'no-pairable-ratings' } },
    });
  });

  it('refuses a session that does not exist', () => {
    const { db } = reviewedDesk();
    expectRefused(db, () => gatherMinutes(db, 999), 'not-found');
  });
});
