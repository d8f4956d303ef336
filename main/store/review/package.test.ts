/**
 * Review packages between two real project files: the desk's master, and a copy made with
 * VACUUM INTO after some work, in which a second reviewer votes, comments, adds a claim and
 * edits fields. The package exported from the copy is merged into the master.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ReviewPackage } from '../../../shared/domain';
import { setActor } from '../actor';
import { getClaim, updateClaim } from '../claims';
import { claimRecord } from '../claim-record';
import { undoChange } from '../history';
import { closeProject, openProject } from '../open-project';
import { ensureProfile } from '../profiles';
import { addArticle, addClaim, anchorOf, claimInput, dumpTables, sourceFields, tempProject } from '../test-support';
import { createClaim } from '../claims';
import { addComment } from './comments';
import { listConflicts, listMerges, resolveConflict } from './merges';
import { buildReviewPackage } from './package-export';
import { readReviewPackage } from './package-format';
import { mergeReviewPackage } from './package-merge';
import { createSession } from './sessions';
import { castVote } from './votes';
import { decideClaim } from './decisions';

const VERIFIED = 1;
const UNPROVEN = 3;
const FALSE = 5;

const ANA = { uid: 'ana-0000', name: 'Ana Lopes', initials: 'AL', color: '#0969da' };
const BEN = { uid: 'ben-0000', name: 'Ben Okafor', initials: 'BO', color: '#8250df' };

/** The master with two claims in a session, and a copy of it made then; Ana acts in the master, Ben in the copy. */
function twoDesks() {
  const { db: master, file } = tempProject();
  const ana = ensureProfile(master, ANA).id;
  const ben = ensureProfile(master, BEN).id;
  setActor(master, ana);
  const doc = addArticle(master);
  const toll = addClaim(master, doc, '14 people were killed', { confidence: 50 });
  const order = addClaim(master, doc, 'a shoot-to-kill order', { confidence: 20 });
  const session = createSession(master, { title: 'Tuesday toll', blind: false, claimIds: [toll.id, order.id], order: 'reading' });
  // Ben voted at the desk before taking his copy home.
  setActor(master, ben);
  castVote(master, session.id, order.id, { verdictId: UNPROVEN, confidence: 40, comment: null });
  setActor(master, ana);

  const copyFile = path.join(path.dirname(file), 'copy.claimdesk');
  master.prepare('VACUUM INTO ?').run(copyFile);
  const copy = openProject(copyFile);
  onTestFinished(() => closeProject(copy));
  setActor(copy, ben);
  return { master, copy, ana, ben, doc, toll, order, session };
}

/** Ben changes his vote on the order at the desk too, after taking his copy. */
function bensDeskVote(d: ReturnType<typeof twoDesks>) {
  setActor(d.master, d.ben);
  castVote(d.master, d.session.id, d.order.id, { verdictId: VERIFIED, confidence: 70, comment: null });
  setActor(d.master, d.ana);
}

/** Ben's work in his copy: a vote, a changed vote, a comment, a new claim with a new source and tag, edits. */
function bensWork(d: ReturnType<typeof twoDesks>) {
  const { copy, doc, toll, order, session } = d;
  castVote(copy, session.id, toll.id, { verdictId: FALSE, confidence: 85, comment: 'Hospital count is 9.' });
  castVote(copy, session.id, order.id, { verdictId: FALSE, confidence: 60, comment: null });
  addComment(copy, toll.id, 'The ministry revised the figure on Wednesday.', session.id);
  const tuesday = createClaim(copy, {
    documentId: doc,
    anchor: anchorOf('in the capital on Tuesday'),
    input: claimInput({
      claimType: 'event',
      sources: [{ source: { newSource: sourceFields({ title: 'Hospital register', url: 'https://example.org/register' }) }, role: 'supporting', pinpoint: 'p. 4' }],
      newTags: ['Casualties'],
      note: 'Date checked against the register.',
    }),
  });
  updateClaim(copy, toll.id, claimInput({ confidence: 80, note: 'Hospitals say 9.', rationale: 'Two hospitals count 9.' }));
  return { tuesday };
}

function exportFrom(copy: Database): { pkg: ReviewPackage; bytes: Uint8Array } {
  const pkg = buildReviewPackage(copy, 'Claimdesk test');
  return { pkg, bytes: new TextEncoder().encode(JSON.stringify(pkg)) };
}

function merge(db: Database, bytes: Uint8Array) {
  return mergeReviewPackage(db, readReviewPackage(bytes, 'ben.claimdesk-review'), 'ben.claimdesk-review');
}

/** What a user sees of the project: live claims with their fields, live votes and comments. */
function projectState(db: Database) {
  const claims = db
    .prepare<[], { id: number; uid: string }>('SELECT id, uid FROM claims WHERE deleted_at IS NULL ORDER BY id')
    .all()
    .map(({ id, uid }) => {
      const { anchor, verdictId, confidence, note, rationale, status, claimType, sources, tagIds } = claimRecord(db, id);
      return { uid, anchor, verdictId, confidence, note, rationale, status, claimType, sources, tagIds };
    });
  const votes = db.prepare('SELECT uid, session_id, claim_id, reviewer_id, verdict_id, confidence, comment FROM review_votes WHERE deleted_at IS NULL ORDER BY id').all();
  const comments = db.prepare('SELECT uid, claim_id, author_id, body FROM review_comments WHERE deleted_at IS NULL ORDER BY id').all();
  const sessions = db.prepare('SELECT uid, title FROM review_sessions WHERE deleted_at IS NULL ORDER BY id').all();
  const merges = db.prepare('SELECT package_uid FROM review_merges WHERE deleted_at IS NULL').all();
  return { claims, votes, comments, sessions, merges };
}

describe('review packages', () => {
  it('brings everything the reviewer did in their copy into the master', () => {
    const d = twoDesks();
    const { tuesday } = bensWork(d);
    const { pkg, bytes } = exportFrom(d.copy);
    expect(pkg).toMatchObject({ format: 'claimdesk-review-package', version: 1, madeBy: BEN, generator: 'Claimdesk test' });
    expect(pkg.votes).toHaveLength(2);
    expect(pkg.newClaims.map((c) => c.uid)).toEqual([tuesday.uid]);
    expect(pkg.edits.map((e) => [e.field, e.base, e.theirs])).toEqual(
      expect.arrayContaining([
        ['confidence', 50, 80],
        ['note', null, 'Hospitals say 9.'],
        ['rationale', null, 'Two hospitals count 9.'],
      ]),
    );

    const report = merge(d.master, bytes);
    expect(report).toMatchObject({
      alreadyMerged: false,
      // Ben's vote on the order, cast at the desk and changed in his copy, is brought up to date.
      merged: { sessions: 0, votes: 2, comments: 1, claims: 1, edits: 3 },
      conflicts: 0,
      notMerged: [],
    });
    expect(report.mergeId).not.toBeNull();

    const toll = getClaim(d.master, d.toll.id);
    expect(toll).toMatchObject({ confidence: 80, note: 'Hospitals say 9.', rationale: 'Two hospitals count 9.' });
    const arrived = d.master.prepare<[string], number>('SELECT id FROM claims WHERE uid = ?').pluck().get(tuesday.uid)!;
    const claim = getClaim(d.master, arrived);
    expect(claim).toMatchObject({ claimType: 'event', note: 'Date checked against the register.', createdBy: d.ben, deletedAt: null });
    expect(claim.anchor).toEqual(anchorOf('in the capital on Tuesday'));
    expect(claim.sources.map((s) => [s.source.title, s.role, s.pinpoint])).toEqual([['Hospital register', 'supporting', 'p. 4']]);
    expect(d.master.prepare('SELECT t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = ?').pluck().all(arrived)).toEqual(['Casualties']);
    const votes = d.master
      .prepare('SELECT claim_id, reviewer_id, verdict_id, confidence, comment FROM review_votes WHERE deleted_at IS NULL ORDER BY claim_id')
      .all();
    expect(votes).toEqual([
      { claim_id: d.toll.id, reviewer_id: d.ben, verdict_id: FALSE, confidence: 85, comment: 'Hospital count is 9.' },
      { claim_id: d.order.id, reviewer_id: d.ben, verdict_id: FALSE, confidence: 60, comment: null },
    ]);
    expect(d.master.prepare('SELECT body, author_id FROM review_comments').all()).toEqual([
      { body: 'The ministry revised the figure on Wednesday.', author_id: d.ben },
    ]);
    expect(listMerges(d.master)).toMatchObject([{ madeBy: 'Ben Okafor', conflictCount: 0, openConflicts: 0, historyEntryId: report.historyEntryId }]);
  });

  it('changes nothing when the same package is merged twice, or re-exported under a new uid', () => {
    const d = twoDesks();
    bensWork(d);
    const { bytes } = exportFrom(d.copy);
    merge(d.master, bytes);
    const after = dumpTables(d.master);

    const again = merge(d.master, bytes);
    expect(again.alreadyMerged).toBe(true);
    expect(dumpTables(d.master)).toEqual(after);

    const reexported = exportFrom(d.copy);
    const fresh = merge(d.master, reexported.bytes);
    expect(fresh).toMatchObject({ alreadyMerged: false, mergeId: null, conflicts: 0, merged: { votes: 0, comments: 0, claims: 0, edits: 0, sessions: 0 } });
    expect(fresh.alreadyHere).toBeGreaterThan(0);
    expect(dumpTables(d.master)).toEqual(after);
  });

  it('keeps an edit met by a different edit here as a conflict, overwriting nothing, and resolves it either way', () => {
    const d = twoDesks();
    bensWork(d);
    // Meanwhile at the desk Ana changes the same note and the same confidence differently.
    updateClaim(d.master, d.toll.id, claimInput({ confidence: 60, note: 'Desk: waiting for the ministry.' }));
    bensDeskVote(d);
    const report = merge(d.master, exportFrom(d.copy).bytes);
    expect(report.conflicts).toBe(3);
    expect(getClaim(d.master, d.toll.id)).toMatchObject({ confidence: 60, note: 'Desk: waiting for the ministry.', rationale: 'Two hospitals count 9.' });

    const conflicts = listConflicts(d.master, report.mergeId!);
    const byField = Object.fromEntries(conflicts.map((c) => [c.field, c]));
    expect(byField.note).toMatchObject({ claimId: d.toll.id, base: '(empty)', ours: 'Desk: waiting for the ministry.', theirs: 'Hospitals say 9.', resolution: null });
    expect(byField.confidence).toMatchObject({ base: '50%', ours: '60%', theirs: '80%' });
    expect(byField.vote).toMatchObject({ claimId: d.order.id, base: 'Unproven, 40%', ours: 'Verified, 70%', theirs: 'False, 60%' });

    resolveConflict(d.master, byField.note!.id, 'theirs');
    expect(getClaim(d.master, d.toll.id).note).toBe('Hospitals say 9.');
    resolveConflict(d.master, byField.confidence!.id, 'ours');
    expect(getClaim(d.master, d.toll.id).confidence).toBe(60);
    resolveConflict(d.master, byField.vote!.id, 'theirs');
    expect(d.master.prepare('SELECT verdict_id, confidence FROM review_votes WHERE claim_id = ? AND deleted_at IS NULL').get(d.order.id)).toEqual({ verdict_id: FALSE, confidence: 60 });
    expect(listMerges(d.master)[0]).toMatchObject({ conflictCount: 3, openConflicts: 0 });
    expect(() => resolveConflict(d.master, byField.note!.id, 'ours')).toThrow(/already resolved/);

    // Undoing a resolution puts the value back and reopens the conflict.
    const resolution = d.master
      .prepare<[number], number>("SELECT id FROM history WHERE entity = 'conflict' AND entity_id = ? AND action = 'update'")
      .pluck()
      .get(byField.note!.id)!;
    undoChange(d.master, resolution);
    expect(getClaim(d.master, d.toll.id).note).toBe('Desk: waiting for the ministry.');
    expect(listConflicts(d.master).find((c) => c.id === byField.note!.id)?.resolution).toBeNull();
    // Merging the package again (under a new uid) does not list the same conflicts twice.
    const before = dumpTables(d.master);
    expect(merge(d.master, exportFrom(d.copy).bytes)).toMatchObject({ mergeId: null, conflicts: 0 });
    expect(dumpTables(d.master)).toEqual(before);
  });

  it('undoes a whole merge from its history entry, resolutions included, and lets the package be merged again', () => {
    const d = twoDesks();
    bensWork(d);
    updateClaim(d.master, d.toll.id, claimInput({ confidence: 50, note: 'Desk note.' }));
    bensDeskVote(d);
    const before = projectState(d.master);
    const { bytes } = exportFrom(d.copy);
    const report = merge(d.master, bytes);
    const vote = listConflicts(d.master).find((c) => c.field === 'vote')!;
    resolveConflict(d.master, vote.id, 'theirs');
    expect(projectState(d.master)).not.toEqual(before);

    undoChange(d.master, report.historyEntryId!);
    expect(projectState(d.master)).toEqual(before);
    expect(listMerges(d.master)).toEqual([]);
    expect(listConflicts(d.master)).toEqual([]);
    // The undo cannot be redone half-way (the merge's row without what it brought).
    const undo = d.master.prepare<[number], number>('SELECT undone_by_id FROM history WHERE id = ?').pluck().get(report.historyEntryId!)!;
    expect(() => undoChange(d.master, undo)).toThrow(/merge the package again/);

    const again = merge(d.master, bytes);
    expect(again).toMatchObject({ alreadyMerged: false, merged: { votes: 1, comments: 1, claims: 1 } });
    expect(projectState(d.master).claims).toHaveLength(3);
  });

  it('creates a session the reviewer started in their copy, and lists what it cannot merge with why', () => {
    const d = twoDesks();
    const doc2 = addArticle(d.copy, 'A second article');
    d.copy.prepare("UPDATE documents SET plain_text = plain_text || ' More.' WHERE id = ?").run(doc2);
    const elsewhere = createClaim(d.copy, { documentId: doc2, anchor: anchorOf('14 people were killed'), input: claimInput() });
    const mine = createSession(d.copy, { title: 'Ben’s pass', blind: true, claimIds: [d.toll.id, elsewhere.id], order: 'reading' });
    castVote(d.copy, mine.id, d.toll.id, { verdictId: VERIFIED, confidence: 90, comment: null });
    castVote(d.copy, mine.id, elsewhere.id, { verdictId: FALSE, confidence: 90, comment: null });
    d.copy.prepare('UPDATE claims SET group_id = id WHERE id = ?').run(d.toll.id);
    updateClaim(d.copy, d.order.id, claimInput({ confidence: 20, tagIds: [], newTags: ['Orders'] }));

    // The desk had renamed Ben's profile meanwhile; a package does not rename it back.
    d.master.prepare("UPDATE profiles SET name = 'Ben Okafor (desk)' WHERE id = ?").run(d.ben);
    const report = merge(d.master, exportFrom(d.copy).bytes);
    expect(report.merged).toMatchObject({ sessions: 1, votes: 1, claims: 0 });
    expect(d.master.prepare('SELECT name FROM profiles WHERE id = ?').pluck().get(d.ben)).toBe('Ben Okafor (desk)');
    const reasons = report.notMerged.map((n) => `${n.what}: ${n.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^New claim “14 people were killed”: The article “A second article” is not in this project/),
        expect.stringMatching(/^Session “Ben’s pass”: 1 of the claims in its queue are not in this project/),
        expect.stringMatching(/^A vote: Its claim is not in this project/),
        expect.stringMatching(/^A change to “a shoot-to-kill order”: Tags: Orders\. Review packages do not merge/),
      ]),
    );
    const session = d.master.prepare<[string], { id: number; title: string; blind: number; lead_id: number }>('SELECT id, title, blind, lead_id FROM review_sessions WHERE uid = ?').get(mine.uid)!;
    expect(session).toMatchObject({ title: 'Ben’s pass', blind: 1, lead_id: d.ben });
    expect(d.master.prepare('SELECT claim_id FROM review_items WHERE session_id = ?').pluck().all(session.id)).toEqual([d.toll.id]);
    // What could not be merged is kept with the merge.
    expect(listMerges(d.master)[0]!.notMerged).toEqual(report.notMerged);
  });
});

describe('edits made before the copy', () => {
  it('does not bring back a reviewer’s change the desk has changed again since the copy', () => {
    const { db: master, file } = tempProject();
    const ana = ensureProfile(master, ANA).id;
    const ben = ensureProfile(master, BEN).id;
    setActor(master, ben);
    const doc = addArticle(master);
    const toll = addClaim(master, doc, '14 people were killed', { confidence: 50 });
    updateClaim(master, toll.id, claimInput({ confidence: 60, note: 'Ben at the desk.' }));
    const copyFile = path.join(path.dirname(file), 'copy.claimdesk');
    master.prepare('VACUUM INTO ?').run(copyFile);
    const copy = openProject(copyFile);
    onTestFinished(() => closeProject(copy));
    setActor(copy, ben);
    updateClaim(copy, toll.id, claimInput({ confidence: 60, note: 'Ben at the desk.', rationale: 'Ben at home.' }));
    setActor(master, ana);
    updateClaim(master, toll.id, claimInput({ confidence: 65, note: 'Ana later.' }));

    const report = merge(master, exportFrom(copy).bytes);
    expect(report).toMatchObject({ conflicts: 0, merged: { edits: 1 } });
    expect(getClaim(master, toll.id)).toMatchObject({ confidence: 65, note: 'Ana later.', rationale: 'Ben at home.' });
  });
});

describe('votes met by votes', () => {
  it('keeps a second vote by the same reviewer as a conflict, and leaves a claim the lead has decided alone', () => {
    const d = twoDesks();
    castVote(d.copy, d.session.id, d.toll.id, { verdictId: FALSE, confidence: 85, comment: null });
    castVote(d.copy, d.session.id, d.order.id, { verdictId: FALSE, confidence: 60, comment: null });
    // After the copy was taken, Ben also voted on the toll at the desk, and Ana decided the order.
    setActor(d.master, d.ben);
    castVote(d.master, d.session.id, d.toll.id, { verdictId: VERIFIED, confidence: 70, comment: null });
    setActor(d.master, d.ana);
    decideClaim(d.master, d.session.id, d.order.id, { verdictId: UNPROVEN, confidence: 40, reason: null });
    const votesBefore = d.master.prepare('SELECT * FROM review_votes ORDER BY id').all();

    const report = merge(d.master, exportFrom(d.copy).bytes);
    expect(report.conflicts).toBe(1);
    expect(report.notMerged).toEqual([{ what: 'Vote on “a shoot-to-kill order”', reason: 'The lead has already decided this claim here; votes were closed.' }]);
    expect(d.master.prepare('SELECT * FROM review_votes ORDER BY id').all()).toEqual(votesBefore);
    expect(listConflicts(d.master)).toMatchObject([{ field: 'vote', claimId: d.toll.id, base: null, ours: 'Verified, 70%', theirs: 'False, 85%' }]);
  });
});

describe('hostile review packages', () => {
  function refusedWith(bytes: Uint8Array, kind: string, message: RegExp) {
    const d = twoDesks();
    const before = dumpTables(d.master);
    let caught: unknown;
    try {
      merge(d.master, bytes);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ kind });
    expect((caught as Error).message).toMatch(message);
    expect(dumpTables(d.master)).toEqual(before);
  }
  const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
  function validPackage(): ReviewPackage {
    const d = twoDesks();
    bensWork(d);
    return exportFrom(d.copy).pkg;
  }

  it('refuses what is not a package, names the problem, and changes nothing', () => {
    refusedWith(encode('{"format": "claimdesk-review-package", '), 'bad-file', /not JSON/);
    refusedWith(new Uint8Array([0xff, 0xfe, 0x00, 0x7b]), 'bad-file', /not JSON/);
    refusedWith(encode({ format: 'something-else', version: 1 }), 'bad-file', /not a Claimdesk review package/);
    refusedWith(encode([1, 2, 3]), 'bad-file', /not a Claimdesk review package/);
    refusedWith(encode({ ...validPackage(), version: 2 }), 'newer-version', /newer version of Claimdesk \(review package version 2/);
  });

  it('refuses a damaged package, saying where, and changes nothing', () => {
    const pkg = validPackage();
    refusedWith(encode({ ...pkg, votes: [{ ...pkg.votes[0]!, confidence: 200 }] }), 'bad-file', /at votes\.0\.confidence/);
    refusedWith(encode({ ...pkg, votes: [pkg.votes[0]!, pkg.votes[0]!] }), 'bad-file', /votes list .* twice/);
    refusedWith(encode({ ...pkg, extra: true }), 'bad-file', /damaged review package/);
    refusedWith(encode({ ...pkg, comments: [{ ...pkg.comments[0]!, uid: "x'); DROP TABLE claims; --" }] }), 'bad-file', /at comments\.0\.uid/);
    refusedWith(encode({ ...pkg, edits: [{ ...pkg.edits[0]!, field: 'confidence', theirs: 'lots' }] }), 'bad-file', /cannot have/);
    refusedWith(encode({ ...pkg, newClaims: [{ ...pkg.newClaims[0]!, anchor: { ...pkg.newClaims[0]!.anchor, end: 3 } }] }), 'bad-file', /at newClaims\.0\.anchor/);
    refusedWith(new Uint8Array(50 * 1024 * 1024 + 1), 'too-large', /larger than the 50 MB/);
  });
});
