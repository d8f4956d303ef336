/**
 * Migration 2: the full claim record.
 *
 * - `profiles`: who works on the project; `history`: every change to a claim, source,
 *   speaker, tag or verdict (before/after JSON of the changed fields only).
 * - `sources` becomes a library of CSL-like records, chosen by id (the v1 reuse by identical
 *   title/url/note goes). Null v1 titles become the url, else the note, else "Untitled
 *   source". Sources and speakers are soft-deleted; a merged one points at its keeper.
 * - `source_attachments`: archived files with their SHA-256 (soft-deleted too, so a delete can
 *   be undone).
 * - `speakers` and `attribution_hops`: each distinct v1 speaker name (case-insensitively)
 *   becomes one speaker, cited as hop 0 ('said', reliability 'unknown') of its claims; the
 *   claims table loses its speaker column.
 * - `claims` gains claim type, rationale, status, group (the smallest claim id of the claims
 *   linked as one; a label, not a foreign key, since that claim may go with its document) and
 *   author. `claim_sources` gains role and pinpoint; `verdicts` a retired_at.
 * - `tags` (a hierarchy; live names unique among siblings) and `claim_tags`.
 * - FTS indexes over claims (exact, note, rationale) and sources (title, publisher, notes, url).
 *
 * Tables whose constraints change are rebuilt the documented way (create, copy, drop,
 * rename); foreign keys are off meanwhile and checked by the runner before commit. Frozen once
 * shipped: the value lists are spelled out here, and a test checks they match the domain.
 */
import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/** Value lists allowed by migration 2's CHECK constraints. */
export const V2_VALUES = {
  attributionKinds: ['direct-quote', 'paraphrase', 'according-to', 'anonymous', 'unattributed'],
  claimTypes: ['statistic', 'quote', 'event', 'causal', 'prediction', 'opinion'],
  claimStatuses: ['open', 'in-review', 'settled'],
  sourceRoles: ['origin', 'supporting', 'contradicting', 'context'],
  sourceTypes: [
    'news-article', 'interview', 'broadcast', 'speech', 'official-statement', 'report', 'dataset',
    'web-page', 'social-media-post', 'personal-communication',
  ],
  reliabilities: ['credible', 'mixed', 'not-credible', 'unknown'],
  speakerKinds: ['person', 'organisation', 'government-body', 'media-outlet', 'anonymous'],
  hopRoles: ['said', 'reported', 'quoted', 'published'],
  historyEntities: ['claim', 'source', 'speaker', 'tag', 'verdict'],
  historyActions: ['create', 'update', 'delete', 'restore', 'merge', 'undo'],
} as const;

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
const COLOR = "GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'";
const oneOf = (values: readonly string[]) => `IN (${values.map((v) => `'${v}'`).join(', ')})`;
const V = V2_VALUES;

const NEW_TABLES = `
CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (uid <> ''),
  name TEXT NOT NULL CHECK (name <> ''),
  initials TEXT NOT NULL CHECK (initials <> ''),
  color TEXT NOT NULL CHECK (color ${COLOR}),
  created_at TEXT NOT NULL DEFAULT (${NOW})
) STRICT;

CREATE TABLE history (
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
  -- A change made as a consequence of another (claims moved off a deleted verdict) is part of it.
  part_of_id INTEGER REFERENCES history (id)
) STRICT;
CREATE INDEX history_by_entity ON history (entity, entity_id, id);
CREATE INDEX history_parts ON history (part_of_id) WHERE part_of_id IS NOT NULL;

CREATE TABLE speakers (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind ${oneOf(V.speakerKinds)}),
  name TEXT NOT NULL CHECK (name <> ''),
  role TEXT,
  affiliation TEXT,
  external_id TEXT,
  created_at TEXT NOT NULL DEFAULT (${NOW}),
  updated_at TEXT NOT NULL DEFAULT (${NOW}),
  deleted_at TEXT,
  merged_into_id INTEGER REFERENCES speakers (id)
) STRICT;

CREATE TABLE attribution_hops (
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  speaker_id INTEGER NOT NULL REFERENCES speakers (id),
  role TEXT NOT NULL CHECK (role ${oneOf(V.hopRoles)}),
  reliability TEXT NOT NULL CHECK (reliability ${oneOf(V.reliabilities)}),
  PRIMARY KEY (claim_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX attribution_hops_by_speaker ON attribution_hops (speaker_id);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES tags (id),
  name TEXT NOT NULL CHECK (name <> ''),
  color TEXT CHECK (color IS NULL OR color ${COLOR}),
  created_at TEXT NOT NULL DEFAULT (${NOW}),
  updated_at TEXT NOT NULL DEFAULT (${NOW}),
  deleted_at TEXT,
  merged_into_id INTEGER REFERENCES tags (id)
) STRICT;
CREATE INDEX tags_by_parent ON tags (parent_id);
-- lower() folds ASCII only; the store also compares names with full Unicode case folding.
CREATE UNIQUE INDEX tags_live_name ON tags (ifnull(parent_id, 0), lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE claim_tags (
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id),
  PRIMARY KEY (claim_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_tags_by_tag ON claim_tags (tag_id);

CREATE TABLE source_attachments (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources (id),
  file_name TEXT NOT NULL CHECK (file_name <> ''),
  media_type TEXT NOT NULL CHECK (media_type <> ''),
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  data BLOB NOT NULL,
  added_at TEXT NOT NULL DEFAULT (${NOW}),
  added_by INTEGER REFERENCES profiles (id),
  deleted_at TEXT
) STRICT;
CREATE INDEX source_attachments_by_source ON source_attachments (source_id);

ALTER TABLE verdicts ADD COLUMN retired_at TEXT;
ALTER TABLE claim_sources ADD COLUMN role TEXT NOT NULL DEFAULT 'origin' CHECK (role ${oneOf(V.sourceRoles)});
ALTER TABLE claim_sources ADD COLUMN pinpoint TEXT;
`;

const REBUILD_SOURCES = `
DROP TRIGGER sources_fts_after_insert;
DROP TRIGGER sources_fts_after_delete;
DROP TRIGGER sources_fts_after_update;
DROP TABLE sources_fts;

CREATE TABLE sources_v2 (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL DEFAULT 'web-page' CHECK (type ${oneOf(V.sourceTypes)}),
  title TEXT NOT NULL CHECK (title <> ''),
  publisher TEXT,
  authors_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors_json) AND json_type(authors_json) = 'array'),
  issued TEXT,
  accessed TEXT,
  url TEXT,
  language TEXT,
  notes TEXT,
  reliability TEXT NOT NULL DEFAULT 'unknown' CHECK (reliability ${oneOf(V.reliabilities)}),
  reliability_reason TEXT,
  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (${NOW}),
  updated_at TEXT NOT NULL DEFAULT (${NOW}),
  deleted_at TEXT,
  merged_into_id INTEGER REFERENCES sources (id)
) STRICT;

INSERT INTO sources_v2 (id, title, url, notes, created_at, updated_at)
  SELECT id, coalesce(title, url, note, 'Untitled source'), url, note, created_at, created_at FROM sources;
DROP TABLE sources;
ALTER TABLE sources_v2 RENAME TO sources;
CREATE INDEX sources_by_reliability ON sources (reliability);
`;

const REBUILD_CLAIMS = `
DROP TRIGGER claims_fts_after_insert;
DROP TRIGGER claims_fts_after_delete;
DROP TRIGGER claims_fts_after_update;
DROP TABLE claims_fts;

CREATE TABLE claims_v2 (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  exact TEXT NOT NULL CHECK (exact <> ''),
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  pos_start INTEGER NOT NULL CHECK (pos_start >= 0),
  pos_end INTEGER NOT NULL CHECK (pos_end > pos_start),
  attribution_kind TEXT NOT NULL CHECK (attribution_kind ${oneOf(V.attributionKinds)}),
  claim_type TEXT CHECK (claim_type IS NULL OR claim_type ${oneOf(V.claimTypes)}),
  verdict_id INTEGER NOT NULL REFERENCES verdicts (id),
  confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  rationale TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status ${oneOf(V.claimStatuses)}),
  note TEXT,
  group_id INTEGER,
  created_by INTEGER REFERENCES profiles (id),
  created_at TEXT NOT NULL DEFAULT (${NOW}),
  updated_at TEXT NOT NULL DEFAULT (${NOW}),
  deleted_at TEXT
) STRICT;

INSERT INTO claims_v2 (id, document_id, exact, prefix, suffix, pos_start, pos_end, attribution_kind,
                       verdict_id, confidence, note, created_at, updated_at, deleted_at)
  SELECT id, document_id, exact, prefix, suffix, pos_start, pos_end, attribution_kind,
         verdict_id, confidence, note, created_at, updated_at, deleted_at FROM claims;
DROP TABLE claims;
ALTER TABLE claims_v2 RENAME TO claims;

CREATE INDEX claims_by_document ON claims (document_id, pos_start);
CREATE INDEX claims_by_verdict ON claims (verdict_id);
CREATE INDEX claims_by_status ON claims (status);
CREATE INDEX claims_by_type ON claims (claim_type);
CREATE INDEX claims_by_author ON claims (created_by);
CREATE INDEX claims_by_group ON claims (group_id);
CREATE INDEX claims_by_confidence ON claims (confidence);
CREATE INDEX claims_in_bin ON claims (deleted_at) WHERE deleted_at IS NOT NULL;
`;

/**
 * An FTS5 index over `table` (external content, rowid = id), filled from the table, and the
 * triggers that keep it in step (a copy of migration 1's helper, frozen with this file).
 */
function ftsTable(table: string, columns: readonly string[]): string {
  const fts = `${table}_fts`;
  const list = columns.join(', ');
  const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ');
  return `
CREATE VIRTUAL TABLE ${fts} USING fts5(
  ${list},
  content = '${table}', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO ${fts} (${fts}) VALUES ('rebuild');
CREATE TRIGGER ${fts}_after_insert AFTER INSERT ON ${table} BEGIN
  INSERT INTO ${fts} (rowid, ${list}) VALUES (new.id, ${values('new')});
END;
CREATE TRIGGER ${fts}_after_delete AFTER DELETE ON ${table} BEGIN
  INSERT INTO ${fts} (${fts}, rowid, ${list}) VALUES ('delete', old.id, ${values('old')});
END;
CREATE TRIGGER ${fts}_after_update AFTER UPDATE OF ${list} ON ${table} BEGIN
  INSERT INTO ${fts} (${fts}, rowid, ${list}) VALUES ('delete', old.id, ${values('old')});
  INSERT INTO ${fts} (rowid, ${list}) VALUES (new.id, ${values('new')});
END;`;
}

/**
 * Turns each v1 claim's speaker text into a speaker (one per name, compared with full Unicode
 * case folding, spelled as its first claim spelled it) and hop 0 of the claim's chain.
 */
function moveSpeakers(db: Database, claims: readonly { id: number; speaker: string }[]): void {
  const insertSpeaker = db.prepare<[string], number>("INSERT INTO speakers (kind, name) VALUES ('person', ?) RETURNING id");
  const insertHop = db.prepare<[number, number]>(
    "INSERT INTO attribution_hops (claim_id, position, speaker_id, role, reliability) VALUES (?, 0, ?, 'said', 'unknown')",
  );
  const byName = new Map<string, number>();
  for (const { id, speaker } of claims) {
    const key = speaker.normalize('NFC').toLowerCase();
    let speakerId = byName.get(key);
    if (speakerId === undefined) {
      speakerId = insertSpeaker.pluck().get(speaker) as number;
      byName.set(key, speakerId);
    }
    insertHop.run(id, speakerId);
  }
}

/** Migration 2: the full claim record (see the header of this file). */
export const claimRecord: Migration = {
  version: 2,
  name: 'claim-record',
  up(db: Database): void {
    const speakers = db
      .prepare<[], { id: number; speaker: string }>(
        "SELECT id, trim(speaker) AS speaker FROM claims WHERE trim(ifnull(speaker, '')) <> '' ORDER BY id",
      )
      .all();
    db.exec(REBUILD_SOURCES);
    db.exec(REBUILD_CLAIMS);
    db.exec(NEW_TABLES);
    moveSpeakers(db, speakers);
    db.exec(ftsTable('claims', ['exact', 'note', 'rationale']));
    db.exec(ftsTable('sources', ['title', 'publisher', 'notes', 'url']));
  },
};
