/**
 * Migration 1: the first schema.
 *
 * - `project`: one row (id 1) describing the project file.
 * - `verdicts`: the project's verdict scale; `key` is stable, label/colour/position editable.
 * - `documents`: articles. `body_json` is the ProseMirror document; `plain_text` is the text
 *   the claim anchors refer to. `origin` says where an article came from ('sample:1', ...).
 * - `claims`: a quoted span of a document's plain text (W3C TextQuoteSelector exact/prefix/
 *   suffix, TextPositionSelector pos_start/pos_end in UTF-16 code units), with attribution,
 *   verdict and confidence. `deleted_at` set = in the bin, restorable; NULL = live.
 * - `sources` and `claim_sources`: a claim's sources, in order. A source row is shared by
 *   every claim that cites the identical (title, url, note).
 * - `*_fts`: FTS5 indexes over external content, kept in step by triggers.
 *
 * Timestamps are ISO-8601 UTC with milliseconds. This file is frozen once shipped: the
 * attribution kinds below are spelled out rather than taken from `shared/domain.ts`, so that
 * a later change to the domain needs a new migration (a test checks the two agree).
 */
import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/** The attribution kinds allowed by migration 1's CHECK constraint. */
export const ATTRIBUTION_KINDS_V1 = ['direct-quote', 'paraphrase', 'according-to', 'anonymous'] as const;

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

const SCHEMA = `
CREATE TABLE project (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (${NOW})
) STRICT;

INSERT INTO project (id, name) VALUES (1, 'Untitled project');

CREATE TABLE verdicts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  color TEXT NOT NULL CHECK (color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  position INTEGER NOT NULL
) STRICT;

INSERT INTO verdicts (id, key, label, color, position) VALUES
  (1, 'verified', 'Verified', '#1a7f37', 1),
  (2, 'likely-true', 'Likely true', '#4d9a2a', 2),
  (3, 'unproven', 'Unproven', '#9a6700', 3),
  (4, 'misleading', 'Misleading', '#bc4c00', 4),
  (5, 'false', 'False', '#cf222e', 5),
  (6, 'not-checkable', 'Not checkable', '#6e7781', 6);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  publication TEXT,
  author TEXT,
  url TEXT,
  published_on TEXT,
  body_json TEXT NOT NULL CHECK (json_valid(body_json)),
  plain_text TEXT NOT NULL,
  origin TEXT,
  created_at TEXT NOT NULL DEFAULT (${NOW}),
  updated_at TEXT NOT NULL DEFAULT (${NOW})
) STRICT;

CREATE INDEX documents_by_origin ON documents (origin);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  exact TEXT NOT NULL CHECK (exact <> ''),
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  pos_start INTEGER NOT NULL CHECK (pos_start >= 0),
  pos_end INTEGER NOT NULL CHECK (pos_end > pos_start),
  speaker TEXT,
  attribution_kind TEXT NOT NULL CHECK (attribution_kind IN (${ATTRIBUTION_KINDS_V1.map((k) => `'${k}'`).join(', ')})),
  verdict_id INTEGER NOT NULL REFERENCES verdicts (id),
  confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  note TEXT,
  created_at TEXT NOT NULL DEFAULT (${NOW}),
  updated_at TEXT NOT NULL DEFAULT (${NOW}),
  deleted_at TEXT
) STRICT;

CREATE INDEX claims_by_document ON claims (document_id, pos_start);
CREATE INDEX claims_by_verdict ON claims (verdict_id);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  title TEXT,
  url TEXT,
  note TEXT,
  created_at TEXT NOT NULL DEFAULT (${NOW}),
  CHECK (title IS NOT NULL OR url IS NOT NULL OR note IS NOT NULL)
) STRICT;

-- Finds the row to reuse for an identical (title, url, note); IS comparisons use it too.
CREATE INDEX sources_by_identity ON sources (title, url, note);

CREATE TABLE claim_sources (
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  source_id INTEGER NOT NULL REFERENCES sources (id),
  PRIMARY KEY (claim_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX claim_sources_by_source ON claim_sources (source_id);

${ftsTable('documents', ['title', 'plain_text'])}
${ftsTable('claims', ['exact', 'note', 'speaker'])}
${ftsTable('sources', ['title', 'url', 'note'])}
`;

/**
 * An FTS5 index over `table`'s columns (external content, rowid = id) and the three triggers
 * that keep it in step. The update trigger fires only when an indexed column is written, so
 * bumping updated_at does not re-index a long article.
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

/** Migration 1: project, verdict scale, documents, claims, sources and their FTS indexes. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db: Database): void {
    db.exec(SCHEMA);
  },
};
