/**
 * The discussion thread of a claim: comments by reviewers, oldest first, each possibly said
 * within a session. A comment goes to the bin (undoable), never away. Recorded in the history
 * of the claim.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ReviewComment } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { recordCreate, recordDelete } from '../history-log';
import { nowIso, recordId, requiredText } from '../validate';
import { COMMENT_SPEC } from './review-records';
import { rowSnapshot } from './row-history';
import { requireReviewer, requireSession, toPerson } from './sessions';

/** The longest comment, in characters. */
export const MAX_COMMENT_CHARS = 10_000;

interface CommentRow {
  id: number;
  uid: string;
  claim_id: number;
  session_id: number | null;
  body: string;
  created_at: string;
  p_id: number | null;
  p_name: string | null;
  p_initials: string | null;
  p_color: string | null;
}

const SELECT_COMMENTS = `
  SELECT m.id, m.uid, m.claim_id, m.session_id, m.body, m.created_at,
         p.id AS p_id, p.name AS p_name, p.initials AS p_initials, p.color AS p_color
  FROM review_comments m LEFT JOIN profiles p ON p.id = m.author_id`;

function toComment(row: CommentRow): ReviewComment {
  return {
    id: row.id,
    uid: row.uid,
    claimId: row.claim_id,
    sessionId: row.session_id,
    author: toPerson(row),
    body: row.body,
    createdAt: row.created_at,
  };
}

/** The live comments on claim `claimId`, oldest first. */
export function listComments(db: Database, claimId: number): ReviewComment[] {
  return db
    .prepare<[number], CommentRow>(`${SELECT_COMMENTS} WHERE m.claim_id = ? AND m.deleted_at IS NULL ORDER BY m.created_at, m.id`)
    .all(recordId(claimId, 'The claim'))
    .map(toComment);
}

/**
 * Adds the current reviewer's comment to claim `claimId`'s thread, said within session
 * `sessionId` (open, holding the claim) or outside any. AppError('invalid-argument').
 */
export function addComment(db: Database, claimId: number, body: string, sessionId: number | null): ReviewComment {
  return db.transaction(() => {
    const me = requireReviewer(db);
    const text = requiredText(body, 'Write something first.');
    if ([...text].length > MAX_COMMENT_CHARS) throw new AppError('invalid-argument', `A comment is at most ${MAX_COMMENT_CHARS} characters.`);
    const claim = db.prepare<[number], number>('SELECT id FROM claims WHERE id = ? AND deleted_at IS NULL').pluck().get(recordId(claimId, 'The claim'));
    if (claim === undefined) throw new AppError('not-found', 'This claim does not exist or is in the bin.');
    if (sessionId !== null) requireSession(db, sessionId, { open: true });
    const id = db
      .prepare<unknown[], number>(
        'INSERT INTO review_comments (uid, claim_id, session_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      )
      .pluck()
      .get(randomUUID(), claim, sessionId, me, text, nowIso()) as number;
    recordCreate(db, 'comment', id, { sessionId, ...rowSnapshot(db, COMMENT_SPEC, id) }, claim);
    return toComment(db.prepare<[number], CommentRow>(`${SELECT_COMMENTS} WHERE m.id = ?`).get(id)!);
  })();
}

/** Moves comment `id` to the bin (undoable from the history). AppError('not-found'). */
export function deleteComment(db: Database, id: number): void {
  db.transaction(() => {
    requireReviewer(db);
    const row = db
      .prepare<[number], { claim_id: number }>('SELECT claim_id FROM review_comments WHERE id = ? AND deleted_at IS NULL')
      .get(recordId(id, 'The comment'));
    if (row === undefined) throw new AppError('not-found', 'This comment does not exist.');
    db.prepare('UPDATE review_comments SET deleted_at = ? WHERE id = ?').run(nowIso(), id);
    recordDelete(db, 'comment', id, row.claim_id);
  })();
}
