/**
 * Votes: each reviewer's verdict, confidence and comment on a claim of a session — one live
 * vote per reviewer and claim, changed in place, withdrawn to the bin. Recorded in the history
 * of the claim. A claim the lead has decided, or a closed session, takes no more votes.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ReviewVote, VoteInput } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { recordCreate, recordDelete, recordDiff } from '../history-log';
import { invalid, nowIso, optionalText, recordId } from '../validate';
import { requireLiveVerdict } from '../verdict-record';
import { VOTE_SPEC } from './review-records';
import { rowSnapshot } from './row-history';
import { requireReviewer, requireSession, sessionVotes } from './sessions';

const MAX_COMMENT = 5000;

/** The queue row of `claimId` in `sessionId`; AppError('invalid-argument') if the claim is not in it. */
export function requireItem(db: Database, sessionId: number, claimId: number): { id: number; decided_at: string | null } {
  const row = db
    .prepare<[number, number], { id: number; decided_at: string | null }>(
      `SELECT i.id, i.decided_at FROM review_items i JOIN claims c ON c.id = i.claim_id
       WHERE i.session_id = ? AND i.claim_id = ? AND c.deleted_at IS NULL`,
    )
    .get(sessionId, recordId(claimId, 'The claim'));
  if (row === undefined) throw new AppError('invalid-argument', 'This claim is not in the session.');
  return row;
}

/** Checks a vote's fields. AppError('invalid-argument'). */
export function checkVote(db: Database, input: VoteInput): VoteInput {
  const verdictId = requireLiveVerdict(db, recordId(input.verdictId, 'The verdict'));
  const c = input.confidence;
  if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 100) invalid('The confidence must be a whole number from 0 to 100.');
  const comment = optionalText(input.comment, 'The comment');
  if (comment !== null && [...comment].length > MAX_COMMENT) invalid(`A vote's comment is at most ${MAX_COMMENT} characters.`);
  return { verdictId, confidence: c, comment };
}

/**
 * Casts (or changes) the current reviewer's vote on claim `claimId` of session `sessionId`.
 * AppError('conflict') once the lead has decided the claim or the session is closed.
 */
export function castVote(db: Database, sessionId: number, claimId: number, input: VoteInput): ReviewVote {
  return db.transaction(() => {
    const me = requireReviewer(db);
    const session = requireSession(db, sessionId, { open: true });
    const item = requireItem(db, session.id, claimId);
    if (item.decided_at !== null) throw new AppError('conflict', 'The lead has already decided this claim; votes are closed.');
    const vote = checkVote(db, input);
    const existing = db
      .prepare<[number, number, number], number>(
        'SELECT id FROM review_votes WHERE session_id = ? AND claim_id = ? AND reviewer_id = ? AND deleted_at IS NULL',
      )
      .pluck()
      .get(session.id, claimId, me);
    const now = nowIso();
    if (existing === undefined) {
      const id = db
        .prepare<unknown[], number>(
          `INSERT INTO review_votes (uid, session_id, claim_id, reviewer_id, verdict_id, confidence, comment, cast_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .pluck()
        .get(randomUUID(), session.id, claimId, me, vote.verdictId, vote.confidence, vote.comment, now, now) as number;
      recordCreate(db, 'vote', id, { sessionId: session.id, ...rowSnapshot(db, VOTE_SPEC, id) }, claimId);
      return findVote(db, session.id, claimId, id);
    }
    const before = rowSnapshot(db, VOTE_SPEC, existing);
    db.prepare('UPDATE review_votes SET verdict_id = ?, confidence = ?, comment = ?, updated_at = ? WHERE id = ?').run(
      vote.verdictId,
      vote.confidence,
      vote.comment,
      now,
      existing,
    );
    recordDiff(db, 'vote', existing, before, rowSnapshot(db, VOTE_SPEC, existing), 'update', claimId);
    return findVote(db, session.id, claimId, existing);
  })();
}

/** Withdraws the current reviewer's vote on `claimId` (to the bin; undoable). AppError('not-found') if there is none. */
export function withdrawVote(db: Database, sessionId: number, claimId: number): void {
  db.transaction(() => {
    const me = requireReviewer(db);
    const session = requireSession(db, sessionId, { open: true });
    const item = requireItem(db, session.id, claimId);
    if (item.decided_at !== null) throw new AppError('conflict', 'The lead has already decided this claim; votes are closed.');
    const id = db
      .prepare<[number, number, number], number>(
        'SELECT id FROM review_votes WHERE session_id = ? AND claim_id = ? AND reviewer_id = ? AND deleted_at IS NULL',
      )
      .pluck()
      .get(session.id, claimId, me);
    if (id === undefined) throw new AppError('not-found', 'You have not voted on this claim.');
    db.prepare('UPDATE review_votes SET deleted_at = ? WHERE id = ?').run(nowIso(), id);
    recordDelete(db, 'vote', id, claimId);
  })();
}

function findVote(db: Database, sessionId: number, claimId: number, id: number): ReviewVote {
  return sessionVotes(db, sessionId).get(claimId)!.find((v) => v.id === id)!;
}
