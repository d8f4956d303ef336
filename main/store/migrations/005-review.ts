/**
 * Migration 5: newsroom review — sessions, votes, discussion, sign-off, the publication gate's
 * overrides, and merges of review packages made on other machines.
 *
 * - `review_sessions`: a named session with a lead and a blind flag; `uid` is random and
 *   travels in review packages. `closed_at` set = the session is over (read-only).
 * - `review_items`: the session's queue — one row per claim, in priority order (`position`).
 *   The lead's sign-off is on the row: final verdict and confidence, who, when, and the reason
 *   (required by the store when the final verdict is not the majority's).
 * - `review_votes`: one live vote per (session, claim, reviewer): verdict, confidence, comment.
 * - `review_comments`: the discussion thread of a claim (optionally said within a session).
 * - `publication_overrides`: a reason, written by someone, for publishing a claim despite a
 *   problem the publication gate found (no source, no settled verdict, no second reviewer).
 * - `review_merges` and `merge_conflicts`: each imported review package (its uid, so the same
 *   package is not merged twice while its merge stands) and the edits that met a different
 *   edit of the same field here, kept side by side until the desk resolves them.
 * - `history` is rebuilt to cover these records (its CHECK on `entity` grows) and gains
 *   `claim_id`: the claim a change concerns, so a claim's history shows its votes, comments,
 *   sign-off and merges beside its own edits.
 *
 * Everything soft-deletes (`deleted_at`), so undo can bring it back. Frozen once shipped: the
 * value lists are spelled out here, and a test checks they match the domain.
 */
import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/** The value lists of migration 5's CHECK constraints (a test checks the domain agrees). */
export const V5_VALUES = {
  historyEntities: ['claim', 'source', 'speaker', 'tag', 'verdict', 'session', 'vote', 'comment', 'decision', 'override', 'merge', 'conflict'],
  historyActions: ['create', 'update', 'delete', 'restore', 'merge', 'undo'],
  gateProblems: ['no-source', 'no-verdict', 'no-second-reviewer'],
  conflictResolutions: ['ours', 'theirs'],
} as const;

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
const oneOf = (values: readonly string[]) => `IN (${values.map((v) => `'${v}'`).join(', ')})`;
const V = V5_VALUES;

const SCHEMA = `
CREATE TABLE history_v5 (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (${NOW}),
  actor_id INTEGER REFERENCES profiles (id),
  entity TEXT NOT NULL CHECK (entity ${oneOf(V.historyEntities)}),
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action ${oneOf(V.historyActions)}),
  before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
  undoes_id INTEGER REFERENCES history (id),
  undone_by_id INTEGER REFERENCES history (id),
  part_of_id INTEGER REFERENCES history (id),
  -- The claim this change concerns (the claim itself, or the claim a vote or comment is on).
  claim_id INTEGER
) STRICT;
INSERT INTO history_v5 (id, at, actor_id, entity, entity_id, action, before_json, after_json, undoes_id, undone_by_id, part_of_id, claim_id)
  SELECT id, at, actor_id, entity, entity_id, action, before_json, after_json, undoes_id, undone_by_id, part_of_id,
         CASE WHEN entity = 'claim' THEN entity_id END
  FROM history;
DROP TABLE history;
ALTER TABLE history_v5 RENAME TO history;
CREATE INDEX history_by_entity ON history (entity, entity_id, id);
CREATE INDEX history_parts ON history (part_of_id) WHERE part_of_id IS NOT NULL;
CREATE INDEX history_by_claim ON history (claim_id, id) WHERE claim_id IS NOT NULL;

CREATE TABLE review_sessions (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (uid <> ''),
  title TEXT NOT NULL CHECK (title <> ''),
  blind INTEGER NOT NULL CHECK (blind IN (0, 1)),
  lead_id INTEGER NOT NULL REFERENCES profiles (id),
  created_by INTEGER REFERENCES profiles (id),
  created_at TEXT NOT NULL DEFAULT (${NOW}),
  closed_at TEXT,
  deleted_at TEXT
) STRICT;

CREATE TABLE review_items (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES review_sessions (id),
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  final_verdict_id INTEGER REFERENCES verdicts (id),
  final_confidence INTEGER CHECK (final_confidence IS NULL OR final_confidence BETWEEN 0 AND 100),
  decided_by INTEGER REFERENCES profiles (id),
  decided_at TEXT,
  reason TEXT,
  UNIQUE (session_id, claim_id),
  CHECK ((final_verdict_id IS NULL) = (decided_at IS NULL))
) STRICT;
CREATE INDEX review_items_by_claim ON review_items (claim_id);

CREATE TABLE review_votes (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (uid <> ''),
  session_id INTEGER NOT NULL REFERENCES review_sessions (id),
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  reviewer_id INTEGER NOT NULL REFERENCES profiles (id),
  verdict_id INTEGER NOT NULL REFERENCES verdicts (id),
  confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  comment TEXT,
  cast_at TEXT NOT NULL DEFAULT (${NOW}),
  updated_at TEXT NOT NULL DEFAULT (${NOW}),
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX review_votes_live ON review_votes (session_id, claim_id, reviewer_id) WHERE deleted_at IS NULL;
CREATE INDEX review_votes_by_claim ON review_votes (claim_id);

CREATE TABLE review_comments (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (uid <> ''),
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  session_id INTEGER REFERENCES review_sessions (id),
  author_id INTEGER REFERENCES profiles (id),
  body TEXT NOT NULL CHECK (body <> ''),
  created_at TEXT NOT NULL DEFAULT (${NOW}),
  deleted_at TEXT
) STRICT;
CREATE INDEX review_comments_by_claim ON review_comments (claim_id, id);

CREATE TABLE publication_overrides (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  problem TEXT NOT NULL CHECK (problem ${oneOf(V.gateProblems)}),
  reason TEXT NOT NULL CHECK (reason <> ''),
  by_id INTEGER REFERENCES profiles (id),
  at TEXT NOT NULL DEFAULT (${NOW}),
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX publication_overrides_live ON publication_overrides (claim_id, problem) WHERE deleted_at IS NULL;

CREATE TABLE review_merges (
  id INTEGER PRIMARY KEY,
  package_uid TEXT NOT NULL CHECK (package_uid <> ''),
  file_name TEXT,
  made_by TEXT NOT NULL,
  made_at TEXT NOT NULL,
  merged_at TEXT NOT NULL DEFAULT (${NOW}),
  summary_json TEXT NOT NULL CHECK (json_valid(summary_json)),
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX review_merges_live ON review_merges (package_uid) WHERE deleted_at IS NULL;

CREATE TABLE merge_conflicts (
  id INTEGER PRIMARY KEY,
  merge_id INTEGER NOT NULL REFERENCES review_merges (id),
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  field TEXT NOT NULL CHECK (field <> ''),
  base_json TEXT CHECK (base_json IS NULL OR json_valid(base_json)),
  ours_json TEXT NOT NULL CHECK (json_valid(ours_json)),
  theirs_json TEXT NOT NULL CHECK (json_valid(theirs_json)),
  resolution TEXT CHECK (resolution IS NULL OR resolution ${oneOf(V.conflictResolutions)}),
  resolved_by INTEGER REFERENCES profiles (id),
  resolved_at TEXT,
  CHECK ((resolution IS NULL) = (resolved_at IS NULL))
) STRICT;
CREATE INDEX merge_conflicts_by_merge ON merge_conflicts (merge_id);
CREATE INDEX merge_conflicts_by_claim ON merge_conflicts (claim_id);
`;

/** Migration 5: review sessions, votes, comments, sign-off, overrides, merges; history covers them. */
export const review: Migration = {
  version: 5,
  name: 'review',
  up(db: Database): void {
    db.exec(SCHEMA);
  },
};
