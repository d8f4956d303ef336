/**
 * Review sessions: making one from a list of claims, listing them, reading one as the current
 * reviewer may see it, closing and reopening. Votes, comments and the lead's sign-off are in
 * `votes.ts`, `comments.ts` and `decisions.ts`.
 *
 * Blind sessions are enforced here, not in the UI: while a reviewer has not voted on a claim
 * (and the lead has not decided it), the other reviewers' votes on it are not returned at all.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type {
  ClaimStatus,
  NewReviewSession,
  PersonRef,
  ReviewDecision,
  ReviewItem,
  ReviewSession,
  ReviewSessionDetail,
  ReviewVote,
} from '../../../shared/domain';
import { readingOrder } from '../../../shared/domain/reading-order';
import { AppError } from '../../../shared/result';
import { agreementSummary, type RatedUnit } from '../../../shared/review/agreement';
import { getActor } from '../actor';
import { recordCreate, recordDiff } from '../history-log';
import { nowIso, oneOf, recordId, requiredText } from '../validate';
import { QUEUE_ORDERS } from '../../../shared/domain';
import { SESSION_SPEC } from './review-records';
import { rowSnapshot } from './row-history';
import { moveInQueue } from './session-queue';

/** The most claims one session can hold. */
export const MAX_SESSION_CLAIMS = 5000;
const MAX_TITLE = 200;

interface SessionRow {
  id: number;
  uid: string;
  title: string;
  blind: number;
  lead_id: number;
  created_at: string;
  closed_at: string | null;
}

/** `p` joined as a person: columns p_id, p_name, p_initials, p_color. */
interface PersonColumns {
  p_id: number | null;
  p_name: string | null;
  p_initials: string | null;
  p_color: string | null;
}

/** The PersonRef of joined profile columns, or null when there is none. */
export function toPerson(row: PersonColumns): PersonRef | null {
  if (row.p_id === null) return null;
  return { id: row.p_id, name: row.p_name ?? '', initials: row.p_initials ?? '', color: row.p_color ?? '#6e7781' };
}

/** The profile acting on `db`; AppError('invalid-argument') when nobody is. */
export function requireReviewer(db: Database): number {
  const actor = getActor(db);
  if (actor === null) throw new AppError('invalid-argument', 'Choose who you are (the person menu) before reviewing.');
  return actor;
}

function sessionRow(db: Database, id: number): SessionRow {
  const row = db
    .prepare<[number], SessionRow>(
      'SELECT id, uid, title, blind, lead_id, created_at, closed_at FROM review_sessions WHERE id = ? AND deleted_at IS NULL',
    )
    .get(id);
  if (row === undefined) throw new AppError('not-found', 'This review session does not exist.');
  return row;
}

/** A live session, for the other review modules; AppError('conflict') when it is closed and `open` is asked. */
export function requireSession(db: Database, id: number, options: { open?: boolean } = {}): SessionRow {
  const row = sessionRow(db, recordId(id, 'The session'));
  if (options.open === true && row.closed_at !== null) {
    throw new AppError('conflict', 'This session is closed; reopen it to change anything.');
  }
  return row;
}

/**
 * Starts a session led by the current reviewer over `input.claimIds` (live claims), ordered by
 * `input.order`. AppError('invalid-argument') for no claims, too many, a claim that does not
 * exist or is in the bin, or a blank title.
 */
export function createSession(db: Database, input: NewReviewSession): ReviewSession {
  return db.transaction(() => {
    const lead = requireReviewer(db);
    const title = requiredText(input.title, 'Give the session a title.');
    if ([...title].length > MAX_TITLE) throw new AppError('invalid-argument', `A session title is at most ${MAX_TITLE} characters.`);
    const order = oneOf(input.order, QUEUE_ORDERS, 'The order of the queue');
    const ids = [...new Set(input.claimIds.map((id) => recordId(id, 'A claim')))];
    if (ids.length === 0) throw new AppError('invalid-argument', 'A session needs at least one claim; the filters show none.');
    if (ids.length > MAX_SESSION_CLAIMS) {
      throw new AppError('invalid-argument', `A session holds at most ${MAX_SESSION_CLAIMS} claims; narrow the filters.`);
    }
    const claims = queueOrder(db, ids, order);
    const id = db
      .prepare<[string, string, number, number, number, string], number>(
        'INSERT INTO review_sessions (uid, title, blind, lead_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      )
      .pluck()
      .get(randomUUID(), title, input.blind ? 1 : 0, lead, lead, nowIso()) as number;
    const insert = db.prepare<[number, number, number]>('INSERT INTO review_items (session_id, claim_id, position) VALUES (?, ?, ?)');
    claims.forEach((claimId, position) => insert.run(id, claimId, position));
    recordCreate(db, 'session', id, { ...rowSnapshot(db, SESSION_SPEC, id), queue: claims });
    return getSession(db, id);
  })();
}

interface QueueRow {
  id: number;
  document_id: number;
  pos_start: number;
  pos_end: number;
  confidence: number;
  status: string;
  deleted_at: string | null;
}

/** `ids` (live claims) in the queue order asked for; documents keep the order they first appear in. */
function queueOrder(db: Database, ids: readonly number[], order: (typeof QUEUE_ORDERS)[number]): number[] {
  const select = db.prepare<[number], QueueRow>(
    'SELECT id, document_id, pos_start, pos_end, confidence, status, deleted_at FROM claims WHERE id = ?',
  );
  const rows = ids.map((id) => {
    const row = select.get(id);
    if (row === undefined || row.deleted_at !== null) throw new AppError('invalid-argument', 'A claim of the list no longer exists; refresh and try again.');
    return row;
  });
  const documentRank = new Map<number, number>();
  for (const row of rows) if (!documentRank.has(row.document_id)) documentRank.set(row.document_id, documentRank.size);
  const reading = (a: QueueRow, b: QueueRow) =>
    documentRank.get(a.document_id)! - documentRank.get(b.document_id)! ||
    readingOrder({ id: a.id, anchor: { start: a.pos_start, end: a.pos_end } }, { id: b.id, anchor: { start: b.pos_start, end: b.pos_end } });
  const unsettled = (row: QueueRow) => (row.status === 'settled' ? 1 : 0);
  const compare =
    order === 'confidence'
      ? (a: QueueRow, b: QueueRow) => a.confidence - b.confidence || reading(a, b)
      : order === 'unsettled'
        ? (a: QueueRow, b: QueueRow) => unsettled(a) - unsettled(b) || reading(a, b)
        : reading;
  return rows.sort(compare).map((row) => row.id);
}

const SESSION_LIST = `
  SELECT s.id, s.uid, s.title, s.blind, s.lead_id, s.created_at, s.closed_at,
         p.id AS p_id, p.name AS p_name, p.initials AS p_initials, p.color AS p_color,
         (SELECT count(*) FROM review_items i JOIN claims c ON c.id = i.claim_id
           WHERE i.session_id = s.id AND c.deleted_at IS NULL) AS item_count,
         (SELECT count(*) FROM review_items i JOIN claims c ON c.id = i.claim_id
           WHERE i.session_id = s.id AND c.deleted_at IS NULL AND i.decided_at IS NOT NULL) AS decided_count,
         (SELECT json_group_array(document_id) FROM (
            SELECT c.document_id, min(i.position) AS first FROM review_items i JOIN claims c ON c.id = i.claim_id
            WHERE i.session_id = s.id GROUP BY c.document_id ORDER BY first)) AS document_ids
  FROM review_sessions s JOIN profiles p ON p.id = s.lead_id
  WHERE s.deleted_at IS NULL`;

type SessionListRow = SessionRow & PersonColumns & { item_count: number; decided_count: number; document_ids: string };

function toSession(row: SessionListRow): ReviewSession {
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    blind: row.blind === 1,
    lead: toPerson(row)!,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    documentIds: JSON.parse(row.document_ids) as number[],
    itemCount: row.item_count,
    decidedCount: row.decided_count,
  };
}

/** Every live session, open ones first, newest first. */
export function listSessions(db: Database): ReviewSession[] {
  return db
    .prepare<[], SessionListRow>(`${SESSION_LIST} ORDER BY s.closed_at IS NOT NULL, s.created_at DESC, s.id DESC`)
    .all()
    .map(toSession);
}

/** One live session. AppError('not-found'). */
export function getSession(db: Database, id: number): ReviewSession {
  const row = db.prepare<[number], SessionListRow>(`${SESSION_LIST} AND s.id = ?`).get(recordId(id, 'The session'));
  if (row === undefined) throw new AppError('not-found', 'This review session does not exist.');
  return toSession(row);
}

interface ItemRow {
  id: number;
  claim_id: number;
  position: number;
  exact: string;
  document_id: number;
  document_title: string;
  verdict_id: number;
  confidence: number;
  status: string;
  final_verdict_id: number | null;
  final_confidence: number | null;
  decided_at: string | null;
  reason: string | null;
}

type VoteRow = {
  id: number;
  uid: string;
  session_id: number;
  claim_id: number;
  verdict_id: number;
  confidence: number;
  comment: string | null;
  cast_at: string;
  updated_at: string;
} & PersonColumns;

const VOTE_COLUMNS = `v.id, v.uid, v.session_id, v.claim_id, v.verdict_id, v.confidence, v.comment, v.cast_at, v.updated_at,
  p.id AS p_id, p.name AS p_name, p.initials AS p_initials, p.color AS p_color`;

/** The live votes of a session, by claim, oldest first. */
export function sessionVotes(db: Database, sessionId: number): Map<number, ReviewVote[]> {
  const rows = db
    .prepare<[number], VoteRow>(
      `SELECT ${VOTE_COLUMNS} FROM review_votes v JOIN profiles p ON p.id = v.reviewer_id
       WHERE v.session_id = ? AND v.deleted_at IS NULL ORDER BY v.cast_at, v.id`,
    )
    .all(sessionId);
  const byClaim = new Map<number, ReviewVote[]>();
  for (const row of rows) {
    const vote: ReviewVote = {
      id: row.id,
      uid: row.uid,
      sessionId: row.session_id,
      claimId: row.claim_id,
      reviewer: toPerson(row)!,
      verdictId: row.verdict_id,
      confidence: row.confidence,
      comment: row.comment,
      castAt: row.cast_at,
      updatedAt: row.updated_at,
    };
    byClaim.set(row.claim_id, [...(byClaim.get(row.claim_id) ?? []), vote]);
  }
  return byClaim;
}

/** The verdicts with the most votes (several on a tie), smallest id first; empty for no votes. */
export function majorityVerdicts(votes: readonly Pick<ReviewVote, 'verdictId'>[]): number[] {
  const counts = new Map<number, number>();
  for (const vote of votes) counts.set(vote.verdictId, (counts.get(vote.verdictId) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  return [...counts].filter(([, n]) => n === most && n > 0).map(([verdictId]) => verdictId).sort((a, b) => a - b);
}

/** The session's queue rows (live claims only), in order. */
export function sessionItems(db: Database, sessionId: number): (ItemRow & { decided_by: PersonRef | null })[] {
  return db
    .prepare<[number], ItemRow & PersonColumns>(
      `SELECT i.id, i.claim_id, i.position, i.final_verdict_id, i.final_confidence, i.decided_at, i.reason,
              c.exact, c.document_id, d.title AS document_title, c.verdict_id, c.confidence, c.status,
              p.id AS p_id, p.name AS p_name, p.initials AS p_initials, p.color AS p_color
       FROM review_items i JOIN claims c ON c.id = i.claim_id JOIN documents d ON d.id = c.document_id
       LEFT JOIN profiles p ON p.id = i.decided_by
       WHERE i.session_id = ? AND c.deleted_at IS NULL ORDER BY i.position`,
    )
    .all(sessionId)
    .map((row) => ({ ...row, decided_by: toPerson(row) }));
}

/**
 * Session `id` as the current reviewer may see it: the queue with their own votes, the others'
 * votes where they are not hidden, the lead's decisions, and the agreement on the claims whose
 * votes they can see. Votes on a claim are hidden in a blind session until the reviewer has
 * voted on it, the lead has decided it, or the session is closed. AppError('not-found').
 */
export function getSessionDetail(db: Database, id: number): ReviewSessionDetail {
  const session = getSession(db, id);
  const me = getActor(db);
  const votes = sessionVotes(db, session.id);
  const items: ReviewItem[] = sessionItems(db, session.id).map((row) => {
    const all = votes.get(row.claim_id) ?? [];
    const myVote = all.find((v) => v.reviewer.id === me) ?? null;
    const decision: ReviewDecision | null =
      row.decided_at === null
        ? null
        : { verdictId: row.final_verdict_id!, confidence: row.final_confidence!, by: row.decided_by, at: row.decided_at, reason: row.reason };
    const visible = !session.blind || myVote !== null || decision !== null || session.closedAt !== null;
    const shown = visible ? all : null;
    return {
      id: row.id,
      sessionId: session.id,
      claimId: row.claim_id,
      claim: {
        exact: row.exact,
        documentId: row.document_id,
        documentTitle: row.document_title,
        verdictId: row.verdict_id,
        confidence: row.confidence,
        status: row.status as ClaimStatus,
      },
      position: row.position,
      decision,
      myVote,
      votes: shown,
      voteCount: all.length,
      majorityVerdictIds: shown === null ? [] : majorityVerdicts(shown),
      disagreement: shown !== null && new Set(shown.map((v) => v.verdictId)).size > 1,
    };
  });
  return { session, items, agreement: sessionAgreement(items), isLead: me === session.lead.id };
}

/** Agreement on the items whose votes are visible; raters are reviewers by name (with initials to tell namesakes apart). */
export function sessionAgreement(items: readonly Pick<ReviewItem, 'claimId' | 'votes'>[]): ReviewSessionDetail['agreement'] {
  const raterOf = (p: PersonRef) => `${p.name} (${p.initials})`;
  const raters = [...new Set(items.flatMap((item) => (item.votes ?? []).map((v) => raterOf(v.reviewer))))].sort();
  const units: RatedUnit[] = items
    .filter((item) => item.votes !== null && item.votes.length > 0)
    .map((item) => ({
      unit: item.claimId,
      ratings: raters.map((rater) => item.votes!.find((v) => raterOf(v.reviewer) === rater)?.verdictId ?? null),
    }));
  return { summary: agreementSummary({ raters, units }), claimsHidden: items.filter((item) => item.votes === null).length };
}

/** Closes session `id` (lead only): nothing in it changes until it is reopened. */
export function closeSession(db: Database, id: number): ReviewSession {
  return setClosed(db, id, true);
}

/** Reopens closed session `id` (lead only). */
export function reopenSession(db: Database, id: number): ReviewSession {
  return setClosed(db, id, false);
}

function setClosed(db: Database, id: number, closed: boolean): ReviewSession {
  return db.transaction(() => {
    const row = requireSession(db, id);
    requireLead(db, row);
    const before = rowSnapshot(db, SESSION_SPEC, row.id);
    db.prepare('UPDATE review_sessions SET closed_at = ? WHERE id = ?').run(closed ? nowIso() : null, row.id);
    recordDiff(db, 'session', row.id, before, rowSnapshot(db, SESSION_SPEC, row.id));
    return getSession(db, row.id);
  })();
}

/**
 * Moves claim `claimId` one place up (−1) or down (+1) in the queue of open session `id`
 * (lead only); recorded, so it can be undone.
 */
export function moveClaim(db: Database, id: number, claimId: number, delta: -1 | 1): ReviewSessionDetail {
  return db.transaction(() => {
    const row = requireSession(db, id, { open: true });
    requireLead(db, row);
    moveInQueue(db, row.id, recordId(claimId, 'The claim'), delta);
    return getSessionDetail(db, row.id);
  })();
}

/** AppError('conflict') unless the current reviewer leads `session`. */
export function requireLead(db: Database, session: Pick<SessionRow, 'lead_id'>): void {
  const me = requireReviewer(db);
  if (me !== session.lead_id) {
    const name = db.prepare<[number], string>('SELECT name FROM profiles WHERE id = ?').pluck().get(session.lead_id);
    throw new AppError('conflict', `Only the session's lead (${name ?? 'someone else'}) can do this.`);
  }
}
