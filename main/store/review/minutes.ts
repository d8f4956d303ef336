/**
 * Gathering the minutes of a review session from the project: every live vote (blind or not),
 * the lead's decisions, the discussion said in the session, and the publication overrides on
 * the session's claims, read in one transaction so the minutes are one consistent moment.
 *
 * Minutes show every vote, so in a blind session they would lift the blind for whoever saves
 * them: while such a session is open only its lead may; once it is closed, anyone may.
 */
import type { Database } from 'better-sqlite3';
import { GATE_PROBLEM_LABELS, type GateProblem, type PersonRef, type ReviewSession } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { MinutesComment, MinutesOverride, MinutesParticipant, MinutesPerson, SessionMinutes } from '../../../shared/review/minutes';
import { getActor } from '../actor';
import { nowIso } from '../validate';
import { getSession, majorityVerdicts, sessionAgreement, sessionVotes, toPerson } from './sessions';

/** What the minutes say about their making. */
export interface MinutesOptions {
  /** The application and its version ("Claimdesk 0.1.0"). */
  readonly generator?: string;
  /** When the minutes are made (ISO-8601); now by default. */
  readonly now?: string;
}

interface PersonColumns {
  p_id: number | null;
  p_name: string | null;
  p_initials: string | null;
  p_color: string | null;
}

interface ItemRow extends PersonColumns {
  claim_id: number;
  exact: string;
  document_title: string;
  final_verdict_id: number | null;
  final_confidence: number | null;
  decided_at: string | null;
  reason: string | null;
}

interface CommentRow extends PersonColumns {
  claim_id: number;
  body: string;
  created_at: string;
}

interface OverrideRow extends PersonColumns {
  claim_id: number;
  problem: GateProblem;
  reason: string;
  at: string;
}

const PERSON = 'p.id AS p_id, p.name AS p_name, p.initials AS p_initials, p.color AS p_color';

function minutesPerson(person: PersonRef): MinutesPerson;
function minutesPerson(person: PersonRef | null): MinutesPerson | null;
function minutesPerson(person: PersonRef | null): MinutesPerson | null {
  return person === null ? null : { name: person.name, initials: person.initials };
}

/**
 * Session `sessionId`, if the current reviewer may save its minutes. AppError('not-found');
 * AppError('conflict') for an open blind session when the current reviewer is not its lead.
 */
export function requireMinutesAccess(db: Database, sessionId: number): ReviewSession {
  const session = getSession(db, sessionId);
  if (session.blind && session.closedAt === null && getActor(db) !== session.lead.id) {
    throw new AppError(
      'conflict',
      `The minutes show every vote, and this blind session is still open: only its lead (${session.lead.name}) can save them until the session is closed.`,
    );
  }
  return session;
}

/**
 * The minutes of session `sessionId`: its live claims in queue order with all their votes,
 * decisions and the comments said in the session, the agreement over all votes, who took part,
 * and the live publication overrides on its claims. Access as `requireMinutesAccess`.
 */
export function gatherMinutes(db: Database, sessionId: number, options: MinutesOptions = {}): SessionMinutes {
  return db.transaction(() => {
    const session = requireMinutesAccess(db, sessionId);
    const labels: Record<string, string> = Object.fromEntries(
      db
        .prepare<[], { id: number; label: string }>('SELECT id, label FROM verdicts')
        .all()
        .map((v) => [String(v.id), v.label]),
    );
    const label = (verdictId: number) => labels[String(verdictId)] ?? `verdict ${verdictId}`;

    const items = db
      .prepare<[number], ItemRow>(
        `SELECT i.claim_id, c.exact, d.title AS document_title, i.final_verdict_id, i.final_confidence, i.decided_at, i.reason, ${PERSON}
         FROM review_items i JOIN claims c ON c.id = i.claim_id JOIN documents d ON d.id = c.document_id
         LEFT JOIN profiles p ON p.id = i.decided_by
         WHERE i.session_id = ? AND c.deleted_at IS NULL ORDER BY i.position`,
      )
      .all(session.id);
    const numberOf = new Map(items.map((item, index) => [item.claim_id, index + 1]));
    const votes = sessionVotes(db, session.id);

    const comments = new Map<number, MinutesComment[]>();
    const commentCounts = new Map<number, { person: MinutesPerson; n: number }>();
    const commentRows = db
      .prepare<[number], CommentRow>(
        `SELECT m.claim_id, m.body, m.created_at, ${PERSON}
         FROM review_comments m LEFT JOIN profiles p ON p.id = m.author_id
         WHERE m.session_id = ? AND m.deleted_at IS NULL ORDER BY m.created_at, m.id`,
      )
      .all(session.id);
    for (const row of commentRows.filter((r) => numberOf.has(r.claim_id))) {
      const author = minutesPerson(toPerson(row));
      comments.set(row.claim_id, [...(comments.get(row.claim_id) ?? []), { author, body: row.body, at: row.created_at }]);
      if (row.p_id !== null && author !== null) {
        commentCounts.set(row.p_id, { person: author, n: (commentCounts.get(row.p_id)?.n ?? 0) + 1 });
      }
    }

    const voteCounts = new Map<number, { person: MinutesPerson; n: number }>();
    const voteTimes: string[] = [];
    const claims = items.map((item, index) => {
      const cast = votes.get(item.claim_id) ?? [];
      for (const v of cast) {
        voteCounts.set(v.reviewer.id, { person: minutesPerson(v.reviewer), n: (voteCounts.get(v.reviewer.id)?.n ?? 0) + 1 });
        voteTimes.push(v.castAt, v.updatedAt);
      }
      const majority = majorityVerdicts(cast);
      const decided = item.decided_at !== null && item.final_verdict_id !== null;
      return {
        number: index + 1,
        quote: item.exact,
        document: item.document_title,
        votes: cast.map((v) => ({ reviewer: minutesPerson(v.reviewer), verdict: label(v.verdictId), confidence: v.confidence, comment: v.comment, at: v.updatedAt })),
        majority: majority.map(label),
        disagreement: new Set(cast.map((v) => v.verdictId)).size > 1,
        decision: decided
          ? {
              verdict: label(item.final_verdict_id!),
              confidence: item.final_confidence ?? 0,
              by: minutesPerson(toPerson(item)),
              at: item.decided_at!,
              reason: item.reason,
              againstMajority: majority.length > 0 && !majority.includes(item.final_verdict_id!),
            }
          : null,
        comments: comments.get(item.claim_id) ?? [],
      };
    });

    const overrides: MinutesOverride[] = db
      .prepare<[number], OverrideRow>(
        `SELECT o.claim_id, o.problem, o.reason, o.at, ${PERSON}
         FROM publication_overrides o JOIN review_items i ON i.claim_id = o.claim_id AND i.session_id = ?
         LEFT JOIN profiles p ON p.id = o.by_id
         WHERE o.deleted_at IS NULL ORDER BY i.position, o.at, o.id`,
      )
      .all(session.id)
      .filter((row) => numberOf.has(row.claim_id))
      .map((row) => ({
        claimNumber: numberOf.get(row.claim_id)!,
        quote: items[numberOf.get(row.claim_id)! - 1]!.exact,
        problem: GATE_PROBLEM_LABELS[row.problem] ?? row.problem,
        reason: row.reason,
        by: minutesPerson(toPerson(row)),
        at: row.at,
      }));

    const participants = takingPart(session, voteCounts, commentCounts);
    voteTimes.sort();
    return {
      title: session.title,
      blind: session.blind,
      lead: minutesPerson(session.lead),
      startedAt: session.createdAt,
      closedAt: session.closedAt,
      firstVoteAt: voteTimes[0] ?? null,
      lastVoteAt: voteTimes.at(-1) ?? null,
      madeAt: options.now ?? nowIso(),
      generator: options.generator ?? 'Claimdesk',
      participants,
      agreement: sessionAgreement(items.map((item) => ({ claimId: item.claim_id, votes: votes.get(item.claim_id) ?? [] }))).summary,
      verdictLabels: labels,
      claims,
      overrides,
    };
  })();
}

/** The lead, then reviewers by votes (most first, then by name), then those who only commented. */
function takingPart(
  session: ReviewSession,
  votes: ReadonlyMap<number, { person: MinutesPerson; n: number }>,
  comments: ReadonlyMap<number, { person: MinutesPerson; n: number }>,
): MinutesParticipant[] {
  const ids = new Set([...votes.keys(), ...comments.keys()]);
  ids.delete(session.lead.id);
  const entry = (id: number, person: MinutesPerson): MinutesParticipant => ({
    person,
    lead: id === session.lead.id,
    votes: votes.get(id)?.n ?? 0,
    comments: comments.get(id)?.n ?? 0,
  });
  const others = [...ids]
    .map((id) => entry(id, (votes.get(id) ?? comments.get(id))!.person))
    .sort((a, b) => Number(b.votes > 0) - Number(a.votes > 0) || b.votes - a.votes || a.person.name.localeCompare(b.person.name));
  return [entry(session.lead.id, minutesPerson(session.lead)), ...others];
}
