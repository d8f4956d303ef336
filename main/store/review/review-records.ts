/**
 * The review records as the history sees them (see `row-history.ts`): which fields of each
 * are tracked, so that any vote, comment, sign-off, override, session change, merge or
 * conflict resolution can be undone from the history like an edit of a claim.
 */
import { AppError } from '../../../shared/result';
import type { HistoryHandler } from '../history-log';
import { invalid, optionalText, requiredText } from '../validate';
import { requireLiveVerdict } from '../verdict-record';
import { asBoolean, fromBoolean, rowHistory, type RowSpec } from './row-history';

function checkConfidence(value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    invalid('The confidence must be a whole number from 0 to 100.');
  }
}

export const SESSION_SPEC: RowSpec = {
  table: 'review_sessions',
  noun: 'review session',
  columns: { title: 'title', blind: 'blind', leadId: 'lead_id', closedAt: 'closed_at', deletedAt: 'deleted_at' },
  read: { blind: asBoolean },
  write: { blind: fromBoolean },
  check(_db, _id, values) {
    if ('title' in values) requiredText(values.title, 'A session needs a title.');
  },
};

export const VOTE_SPEC: RowSpec = {
  table: 'review_votes',
  noun: 'vote',
  columns: { verdictId: 'verdict_id', confidence: 'confidence', comment: 'comment', deletedAt: 'deleted_at' },
  check(db, _id, values) {
    if ('verdictId' in values) requireLiveVerdict(db, values.verdictId as number);
    if ('confidence' in values) checkConfidence(values.confidence);
    if ('comment' in values) optionalText(values.comment, 'The comment');
  },
};

export const COMMENT_SPEC: RowSpec = {
  table: 'review_comments',
  noun: 'comment',
  columns: { body: 'body', deletedAt: 'deleted_at' },
  check(_db, _id, values) {
    if ('body' in values) requiredText(values.body, 'A comment needs some text.');
  },
};

/** The lead's sign-off, on the session's queue row. */
export const DECISION_SPEC: RowSpec = {
  table: 'review_items',
  noun: 'claim of the session',
  columns: {
    verdictId: 'final_verdict_id',
    confidence: 'final_confidence',
    decidedBy: 'decided_by',
    decidedAt: 'decided_at',
    reason: 'reason',
  },
  check(db, _id, values) {
    if (typeof values.verdictId === 'number') requireLiveVerdict(db, values.verdictId);
    if (typeof values.confidence === 'number') checkConfidence(values.confidence);
  },
};

export const OVERRIDE_SPEC: RowSpec = {
  table: 'publication_overrides',
  noun: 'override',
  columns: { reason: 'reason', deletedAt: 'deleted_at' },
};

export const MERGE_SPEC: RowSpec = {
  table: 'review_merges',
  noun: 'merge',
  columns: { deletedAt: 'deleted_at' },
  // Undoing a merge undoes what it brought; redoing would bring back only the merge's row.
  check(_db, _id, values) {
    if ('deletedAt' in values && values.deletedAt === null) {
      throw new AppError('conflict', 'An undone merge cannot be redone from the history; merge the package again.');
    }
  },
};

export const CONFLICT_SPEC: RowSpec = {
  table: 'merge_conflicts',
  noun: 'conflict',
  columns: { resolution: 'resolution', resolvedBy: 'resolved_by', resolvedAt: 'resolved_at' },
  // Redoing a resolution would mark it resolved without making its change; resolve it again.
  check(_db, _id, values) {
    if (typeof values.resolution === 'string') {
      throw new AppError('conflict', 'An undone resolution cannot be redone from the history; resolve the conflict again.');
    }
  },
};

export const voteHistory: HistoryHandler = rowHistory(VOTE_SPEC);
export const commentHistory: HistoryHandler = rowHistory(COMMENT_SPEC);
export const decisionHistory: HistoryHandler = rowHistory(DECISION_SPEC);
export const overrideHistory: HistoryHandler = rowHistory(OVERRIDE_SPEC);
export const mergeHistory: HistoryHandler = rowHistory(MERGE_SPEC);
export const conflictHistory: HistoryHandler = rowHistory(CONFLICT_SPEC);
