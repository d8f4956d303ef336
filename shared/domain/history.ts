/**
 * The history of every change to a claim, source, speaker, tag or verdict: who, when, what
 * changed. `before` and `after` hold only the fields that changed (null for a create's before
 * or a delete's after). Any entry can be undone — not only the last — which applies its
 * `before` values again and records the undo as a change of its own.
 */

/**
 * What kinds of record the history covers: the claim record and its libraries, and the
 * review records (sessions, votes, comments, the lead's decisions, publication overrides,
 * merges of review packages and the conflicts they left).
 */
export const HISTORY_ENTITIES = [
  'claim', 'source', 'speaker', 'tag', 'verdict',
  'session', 'vote', 'comment', 'decision', 'override', 'merge', 'conflict',
] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

/** What happened. */
export const HISTORY_ACTIONS = ['create', 'update', 'delete', 'restore', 'merge', 'undo'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** One recorded change. */
export interface HistoryEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: { readonly id: number; readonly name: string; readonly initials: string } | null;
  readonly entity: HistoryEntity;
  readonly entityId: number;
  readonly action: HistoryAction;
  readonly before: Readonly<Record<string, unknown>> | null;
  readonly after: Readonly<Record<string, unknown>> | null;
  /** The entry this one undid, for action 'undo'. */
  readonly undoes: number | null;
  /** The undo entry that undid this one, if any. */
  readonly undoneBy: number | null;
  /** The claim the change concerns: the claim itself, or the claim a vote or comment is on. */
  readonly claimId: number | null;
}
