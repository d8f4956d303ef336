/**
 * Newsroom review. A review session gathers a queue of claims (from one or more documents, in
 * priority order); each reviewer casts a vote on each claim — a verdict, a confidence, a
 * comment — and the session's lead closes each claim with the final verdict and a sign-off.
 * In a blind session a reviewer sees the others' votes only after casting their own (main
 * withholds them; the renderer never receives them). Every claim has a discussion thread.
 *
 * Before a report is exported as final, the publication gate lists the claims without a
 * source, without a settled verdict, or without a second reviewer; each is fixed or overridden
 * with a written reason, recorded and shown in the session minutes.
 *
 * Work done on another machine travels as a review package (votes, comments, new claims, edits
 * of claim fields) and is merged into the desk's project; an edit that meets a different edit
 * of the same field here becomes a conflict shown side by side, never an overwrite.
 */

import type { AgreementSummary } from '../review/agreement';
import type { ClaimStatus } from './claim';

/** Someone named beside a vote, comment or decision. */
export interface PersonRef {
  readonly id: number;
  readonly name: string;
  readonly initials: string;
  readonly color: string;
}

/** How a session's queue is ordered when it is made. */
export const QUEUE_ORDERS = ['reading', 'confidence', 'unsettled'] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];

/** Labels shown to users for each queue order. */
export const QUEUE_ORDER_LABELS: Record<QueueOrder, string> = {
  reading: 'Reading order',
  confidence: 'Least confident first',
  unsettled: 'Unsettled first',
};

/** A review session as listed. */
export interface ReviewSession {
  readonly id: number;
  /** Random, never changed: the same session in two copies of a project has the same uid. */
  readonly uid: string;
  readonly title: string;
  /** Reviewers see the others' votes only after casting their own. */
  readonly blind: boolean;
  readonly lead: PersonRef;
  readonly createdAt: string;
  readonly closedAt: string | null;
  /** The documents its claims are on, in order of first appearance in the queue. */
  readonly documentIds: readonly number[];
  readonly itemCount: number;
  /** Claims the lead has closed. */
  readonly decidedCount: number;
}

/** What the user chooses when starting a session. */
export interface NewReviewSession {
  readonly title: string;
  readonly blind: boolean;
  /** The claims, as listed on screen (the current filters); the store orders them by `order`. */
  readonly claimIds: readonly number[];
  readonly order: QueueOrder;
}

/** One reviewer's vote on one claim of a session. */
export interface ReviewVote {
  readonly id: number;
  readonly uid: string;
  readonly sessionId: number;
  readonly claimId: number;
  readonly reviewer: PersonRef;
  readonly verdictId: number;
  /** 0–100. */
  readonly confidence: number;
  readonly comment: string | null;
  readonly castAt: string;
  readonly updatedAt: string;
}

/** What a reviewer sends to cast (or change) their vote. */
export interface VoteInput {
  readonly verdictId: number;
  readonly confidence: number;
  readonly comment: string | null;
}

/** A message in a claim's discussion thread. */
export interface ReviewComment {
  readonly id: number;
  readonly uid: string;
  readonly claimId: number;
  /** The session it was written in, if any. */
  readonly sessionId: number | null;
  readonly author: PersonRef | null;
  readonly body: string;
  readonly createdAt: string;
}

/** The lead's sign-off on a claim of a session. */
export interface ReviewDecision {
  readonly verdictId: number;
  readonly confidence: number;
  readonly by: PersonRef | null;
  readonly at: string;
  /** Why, when the final verdict is not the majority's (required then). */
  readonly reason: string | null;
}

/** What a session's queue shows of a claim. */
export interface ReviewClaim {
  readonly exact: string;
  readonly documentId: number;
  readonly documentTitle: string;
  /** The claim's current verdict and confidence (the desk's, before or after the sign-off). */
  readonly verdictId: number;
  readonly confidence: number;
  readonly status: ClaimStatus;
}

/** A claim in a session's queue, with what the current reviewer may see of it. */
export interface ReviewItem {
  readonly id: number;
  readonly sessionId: number;
  readonly claimId: number;
  readonly claim: ReviewClaim;
  /** 0-based place in the queue. */
  readonly position: number;
  readonly decision: ReviewDecision | null;
  /** The current reviewer's own vote. */
  readonly myVote: ReviewVote | null;
  /**
   * Every live vote, or null while they are hidden (a blind session, the current reviewer has
   * not voted, and the claim is not decided).
   */
  readonly votes: readonly ReviewVote[] | null;
  /** How many votes are cast, hidden or not. */
  readonly voteCount: number;
  /** The verdicts with the most votes (several on a tie); empty when votes are hidden or none. */
  readonly majorityVerdictIds: readonly number[];
  /** Votes are cast and not all for one verdict (false while hidden). */
  readonly disagreement: boolean;
}

/**
 * The agreement on verdicts in a session, computed on the claims whose votes the current
 * reviewer may see: raters are the reviewers' names, units the claims, categories verdict ids.
 * The summary carries the counts behind each figure (pairs, confusion and coincidence tables).
 */
export interface SessionAgreement {
  readonly summary: AgreementSummary;
  /** Claims left out because their votes are still hidden from the current reviewer. */
  readonly claimsHidden: number;
}

/** A whole session as the review screen shows it. */
export interface ReviewSessionDetail {
  readonly session: ReviewSession;
  /** In queue order. */
  readonly items: readonly ReviewItem[];
  readonly agreement: SessionAgreement;
  /** The current reviewer is the lead. */
  readonly isLead: boolean;
}

/** What the publication gate checks for each claim. */
export const GATE_PROBLEMS = ['no-source', 'no-verdict', 'no-second-reviewer'] as const;
export type GateProblem = (typeof GATE_PROBLEMS)[number];

/** Labels shown to users for each gate problem. */
export const GATE_PROBLEM_LABELS: Record<GateProblem, string> = {
  'no-source': 'No source',
  'no-verdict': 'Verdict not settled',
  'no-second-reviewer': 'No second reviewer',
};

/** A written reason for publishing a claim despite a gate problem. */
export interface PublicationOverride {
  readonly id: number;
  readonly claimId: number;
  readonly problem: GateProblem;
  readonly reason: string;
  readonly by: PersonRef | null;
  readonly at: string;
}

/** How a merge conflict was settled. */
export const CONFLICT_RESOLUTIONS = ['ours', 'theirs'] as const;
export type ConflictResolution = (typeof CONFLICT_RESOLUTIONS)[number];
