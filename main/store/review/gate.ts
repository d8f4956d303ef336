/**
 * The publication gate: before a report goes out as final, the claims it would contain are
 * checked, and each problem is fixed or overridden with a written reason.
 *
 * - no-source: the claim cites no source.
 * - no-verdict: its verdict is not settled (status other than 'settled').
 * - no-second-reviewer: fewer than two different people have looked at it — counted among the
 *   claim's author, the reviewers with a live vote on it in any live session, and the leads
 *   who signed it off.
 *
 * An override is kept while the problem is fixed: if the problem comes back, the reason written
 * for it still stands (and shows) until someone withdraws it. Overrides are recorded in the
 * claim's history, so they can be undone there.
 */
import type { Database } from 'better-sqlite3';
import {
  GATE_PROBLEMS,
  MAX_OVERRIDE_REASON,
  type Claim,
  type ClaimFilter,
  type GateClaim,
  type GateOverride,
  type GateProblem,
  type GateReport,
  type PublicationOverride,
} from '../../../shared/domain';
import { readingOrder } from '../../../shared/domain/reading-order';
import { AppError } from '../../../shared/result';
import { getClaim } from '../claim-read';
import { listClaims } from '../claims';
import { exportSelection } from '../export-selection';
import { recordCreate, recordDelete } from '../history-log';
import { invalid, nowIso, oneOf, recordId, requiredText } from '../validate';
import { OVERRIDE_SPEC } from './review-records';
import { rowSnapshot } from './row-history';
import { requireReviewer, toPerson } from './sessions';

/** Different people who have looked at claim @claim: its author, live voters, signing leads. */
const PEOPLE_SQL = `
  SELECT count(DISTINCT person) FROM (
    SELECT created_by AS person FROM claims WHERE id = @claim
    UNION ALL
    SELECT v.reviewer_id FROM review_votes v JOIN review_sessions s ON s.id = v.session_id
    WHERE v.claim_id = @claim AND v.deleted_at IS NULL AND s.deleted_at IS NULL
    UNION ALL
    SELECT i.decided_by FROM review_items i JOIN review_sessions s ON s.id = i.session_id
    WHERE i.claim_id = @claim AND i.decided_at IS NOT NULL AND s.deleted_at IS NULL
  )`;

interface OverrideRow {
  id: number;
  claim_id: number;
  problem: GateProblem;
  reason: string;
  at: string;
  p_id: number | null;
  p_name: string | null;
  p_initials: string | null;
  p_color: string | null;
}

const OVERRIDE_SELECT = `
  SELECT o.id, o.claim_id, o.problem, o.reason, o.at,
         p.id AS p_id, p.name AS p_name, p.initials AS p_initials, p.color AS p_color
  FROM publication_overrides o LEFT JOIN profiles p ON p.id = o.by_id`;

function toOverride(row: OverrideRow): PublicationOverride {
  return { id: row.id, claimId: row.claim_id, problem: row.problem, reason: row.reason, by: toPerson(row), at: row.at };
}

/** The gate's problems with `claim`, in GATE_PROBLEMS order. */
function problemsOf(db: Database, claim: Claim): GateProblem[] {
  const problems: GateProblem[] = [];
  if (claim.sources.length === 0) problems.push('no-source');
  if (claim.status !== 'settled') problems.push('no-verdict');
  const people = db.prepare<{ claim: number }, number>(PEOPLE_SQL).pluck().get({ claim: claim.id }) ?? 0;
  if (people < 2) problems.push('no-second-reviewer');
  return problems;
}

/** The live overrides of claim `claimId`, by problem. */
function liveOverrides(db: Database, claimId: number): Map<GateProblem, PublicationOverride> {
  const rows = db.prepare<[number], OverrideRow>(`${OVERRIDE_SELECT} WHERE o.claim_id = ? AND o.deleted_at IS NULL`).all(claimId);
  return new Map(rows.map((row) => [row.problem, toOverride(row)]));
}

/**
 * Checks the claims an export of document `documentId` (with `filter`, the filters on screen)
 * would contain: the claims with problems in reading order, each problem with its live
 * override, and whether the report is ready. AppError('not-found') for no such document.
 */
export function checkGate(db: Database, scope: { documentId: number; filter?: ClaimFilter | undefined }): GateReport {
  return db.transaction((): GateReport => {
    const documentId = recordId(scope.documentId, 'The document');
    const numbers = new Map(listClaims(db, documentId).sort(readingOrder).map((c, i) => [c.id, i + 1]));
    const selection = exportSelection(db, documentId, scope.filter);
    const claims: GateClaim[] = [];
    let open = 0;
    for (const claim of selection) {
      const problems = problemsOf(db, claim);
      if (problems.length === 0) continue;
      const overrides = liveOverrides(db, claim.id);
      const findings = problems.map((problem) => {
        const o = overrides.get(problem);
        const override: GateOverride | null = o === undefined ? null : { id: o.id, reason: o.reason, by: o.by, at: o.at };
        if (override === null) open += 1;
        return { problem, override };
      });
      claims.push({ claimId: claim.id, number: numbers.get(claim.id) ?? 0, quote: claim.anchor.exact, findings });
    }
    return { documentId, checked: selection.length, claims, open, ready: open === 0 };
  })();
}

/** A one-line summary of what still blocks a final report, for a refusal. */
export function describeOpenProblems(report: GateReport): string {
  const waiting = report.claims.filter((c) => c.findings.some((f) => f.override === null));
  const list = waiting.map((c) => `claim ${c.number} (${c.findings.filter((f) => f.override === null).map((f) => GATE_WORDS[f.problem]).join(', ')})`);
  return `${waiting.length === 1 ? '1 claim still needs' : `${waiting.length} claims still need`} attention before a final report: ${list.join('; ')}.`;
}

const GATE_WORDS: Record<GateProblem, string> = {
  'no-source': 'no source',
  'no-verdict': 'verdict not settled',
  'no-second-reviewer': 'no second reviewer',
};

/**
 * Records the current reviewer's reason for publishing claim `claimId` despite `problem`.
 * AppError('invalid-argument') for no reviewer set, a blank or too long reason, or a problem
 * the claim does not have; 'not-found' for a claim that does not exist or is in the bin;
 * 'conflict' when the problem is already overridden.
 */
export function overrideGate(db: Database, claimId: number, problem: GateProblem, reason: string): PublicationOverride {
  return db.transaction((): PublicationOverride => {
    const me = requireReviewer(db);
    const claim = getClaim(db, recordId(claimId, 'The claim'));
    if (claim.deletedAt !== null) throw new AppError('not-found', 'This claim is in the bin.');
    const kind = oneOf(problem, GATE_PROBLEMS, 'The problem');
    const text = requiredText(reason, 'Write why this claim may be published anyway.');
    if ([...text].length > MAX_OVERRIDE_REASON) invalid(`A reason is at most ${MAX_OVERRIDE_REASON} characters.`);
    if (!problemsOf(db, claim).includes(kind)) invalid('This claim does not have that problem; nothing to override.');
    if (liveOverrides(db, claim.id).has(kind)) throw new AppError('conflict', 'This problem is already overridden; withdraw that override first.');
    const id = db
      .prepare<[number, string, string, number, string], number>(
        'INSERT INTO publication_overrides (claim_id, problem, reason, by_id, at) VALUES (?, ?, ?, ?, ?) RETURNING id',
      )
      .pluck()
      .get(claim.id, kind, text, me, nowIso()) as number;
    recordCreate(db, 'override', id, { problem: kind, ...rowSnapshot(db, OVERRIDE_SPEC, id) }, claim.id);
    return getOverride(db, id);
  })();
}

/** A live override. AppError('not-found'). */
export function getOverride(db: Database, id: number): PublicationOverride {
  const row = db.prepare<[number], OverrideRow>(`${OVERRIDE_SELECT} WHERE o.id = ? AND o.deleted_at IS NULL`).get(recordId(id, 'The override'));
  if (row === undefined) throw new AppError('not-found', 'This override does not exist or was withdrawn.');
  return toOverride(row);
}

/**
 * Withdraws override `id` (to the bin; undoable from the claim's history). AppError
 * 'invalid-argument' for no reviewer set, 'not-found' for an override already withdrawn.
 */
export function withdrawOverride(db: Database, id: number): void {
  db.transaction(() => {
    requireReviewer(db);
    const override = getOverride(db, id);
    db.prepare('UPDATE publication_overrides SET deleted_at = ? WHERE id = ?').run(nowIso(), override.id);
    recordDelete(db, 'override', override.id, override.claimId);
  })();
}
