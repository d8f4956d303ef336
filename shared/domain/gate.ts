/**
 * The publication gate. Before a report goes out as final, every claim it would contain is
 * checked for three problems: it cites no source, its verdict is not settled, or fewer than two
 * different people have looked at it. Each problem is fixed, or overridden with a written
 * reason that is recorded in the claim's history (and shown in the session minutes). The
 * report is ready when every problem found has a live override.
 */
import type { GateProblem, PersonRef } from './review';

/** The most characters an override's reason may have. */
export const MAX_OVERRIDE_REASON = 2000;

/** The live override of one problem, as the checklist shows it. */
export interface GateOverride {
  readonly id: number;
  readonly reason: string;
  readonly by: PersonRef | null;
  readonly at: string;
}

/** One problem of a claim, and its override if someone has written one. */
export interface GateFinding {
  readonly problem: GateProblem;
  readonly override: GateOverride | null;
}

/** A claim with at least one problem. */
export interface GateClaim {
  readonly claimId: number;
  /** The claim's number in reading order, as the claims panel shows it. */
  readonly number: number;
  readonly quote: string;
  readonly findings: readonly GateFinding[];
}

/** The gate's report on the claims of one export. */
export interface GateReport {
  readonly documentId: number;
  /** How many claims the export would contain. */
  readonly checked: number;
  /** The claims with problems, in reading order. */
  readonly claims: readonly GateClaim[];
  /** Problems without a live override. */
  readonly open: number;
  /** Every problem is overridden (or there are none): a final report may go out. */
  readonly ready: boolean;
}
