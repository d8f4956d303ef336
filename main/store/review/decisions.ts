/**
 * The lead's sign-off: closing a claim of a session with the final verdict and confidence.
 * The claim takes that verdict and confidence and becomes settled, as part of the decision —
 * so undoing the decision in the history puts the claim back as it was too. A final verdict
 * that is not the majority's (or one of the tied ones) needs a written reason.
 */
import type { Database } from 'better-sqlite3';
import type { ReviewItem } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { changeClaim } from '../claim-record';
import { asPartOf, recordDiff } from '../history-log';
import { invalid, nowIso, optionalText, recordId } from '../validate';
import { requireLiveVerdict } from '../verdict-record';
import { DECISION_SPEC } from './review-records';
import { rowSnapshot } from './row-history';
import { getSessionDetail, majorityVerdicts, requireLead, requireReviewer, requireSession, sessionVotes } from './sessions';
import { requireItem } from './votes';

/** What the lead sends to close a claim. */
export interface DecisionInput {
  readonly verdictId: number;
  readonly confidence: number;
  readonly reason: string | null;
}

/**
 * Closes claim `claimId` of session `sessionId` with the lead's final verdict (deciding again
 * replaces the decision). AppError('conflict') for someone other than the lead or a closed
 * session; 'invalid-argument' for a verdict against the majority without a reason.
 */
export function decideClaim(db: Database, sessionId: number, claimId: number, input: DecisionInput): ReviewItem {
  return db.transaction(() => {
    const me = requireReviewer(db);
    const session = requireSession(db, sessionId, { open: true });
    requireLead(db, session);
    const item = requireItem(db, session.id, claimId);
    const verdictId = requireLiveVerdict(db, recordId(input.verdictId, 'The final verdict'));
    const c = input.confidence;
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 100) invalid('The confidence must be a whole number from 0 to 100.');
    const reason = optionalText(input.reason, 'The reason');
    const majority = majorityVerdicts(sessionVotes(db, session.id).get(claimId) ?? []);
    if (majority.length > 0 && !majority.includes(verdictId) && reason === null) {
      throw new AppError('invalid-argument', 'The final verdict differs from the majority of votes: write why.');
    }
    const before = rowSnapshot(db, DECISION_SPEC, item.id);
    db.prepare(
      'UPDATE review_items SET final_verdict_id = ?, final_confidence = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?',
    ).run(verdictId, c, me, nowIso(), reason, item.id);
    const entry = recordDiff(db, 'decision', item.id, before, rowSnapshot(db, DECISION_SPEC, item.id), 'update', claimId);
    if (entry !== null) asPartOf(db, entry, () => changeClaim(db, claimId, { verdictId, confidence: c, status: 'settled' }));
    return getSessionDetail(db, session.id).items.find((i) => i.claimId === claimId)!;
  })();
}
