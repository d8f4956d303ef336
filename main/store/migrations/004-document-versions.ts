/**
 * Migration 4: versions of a document, its language and format, and the changes queue.
 *
 * - `documents.series_id`: the id of the first version of the document's series; a document
 *   imported on its own is version 1 of a series of its own (series_id = id). A trigger gives
 *   every new row its own series, so importers need not know about versions. Existing
 *   documents become version 1 of their own series here.
 * - `documents.version`: 1, 2, 3… within the series; (series_id, version) is unique.
 * - `documents.language`: a BCP 47 tag, or null; `documents.source_format`: the format the
 *   article was imported from, or null (unknown for documents imported before this migration).
 * - `documents.kept_separate_at`: when the user said the document is not a new version of an
 *   earlier one with the same address (the app stops suggesting it).
 * - `version_changes`: the changes queue, one row per carried-over claim that needs a look:
 *   the claim on the new version, the claim it came from, why (changed, moved, vanished), the
 *   old passage, how the quote was found, and how and by whom the row was resolved. A row
 *   resolved by a change of the claim names that change's history entry, so undoing the change
 *   in the history reopens the row.
 *
 * Columns are added with ALTER TABLE (nullable or with a default), so `documents` and its
 * search index are not rebuilt. Frozen once shipped: the value lists below are spelled out here.
 */
import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/** The value lists of migration 4's CHECK constraints (a test checks the domain agrees). */
export const V4_VALUES = {
  sourceFormats: ['text', 'markdown', 'html', 'docx', 'pdf', 'paste'],
  changeKinds: ['changed', 'moved', 'vanished'],
  anchorMethods: ['position', 'quote', 'fuzzy'],
  resolutions: ['confirmed', 'reattached', 'retired'],
} as const;

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
const oneOf = (values: readonly string[]) => `IN (${values.map((v) => `'${v}'`).join(', ')})`;
const V = V4_VALUES;

const SCHEMA = `
ALTER TABLE documents ADD COLUMN series_id INTEGER REFERENCES documents (id);
ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE documents ADD COLUMN language TEXT
  CHECK (language IS NULL OR (length(language) BETWEEN 2 AND 35 AND language NOT GLOB '*[^A-Za-z0-9-]*'));
ALTER TABLE documents ADD COLUMN source_format TEXT CHECK (source_format IS NULL OR source_format ${oneOf(V.sourceFormats)});
ALTER TABLE documents ADD COLUMN kept_separate_at TEXT;

UPDATE documents SET series_id = id;

CREATE UNIQUE INDEX documents_by_series ON documents (series_id, version);
CREATE INDEX documents_by_url ON documents (url) WHERE url IS NOT NULL;

-- A new document starts a series of its own unless the insert names one.
CREATE TRIGGER documents_own_series AFTER INSERT ON documents WHEN new.series_id IS NULL BEGIN
  UPDATE documents SET series_id = new.id WHERE id = new.id;
END;

CREATE TABLE version_changes (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL UNIQUE REFERENCES claims (id) ON DELETE CASCADE,
  previous_claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind ${oneOf(V.changeKinds)}),
  old_exact TEXT NOT NULL CHECK (old_exact <> ''),
  old_prefix TEXT NOT NULL,
  old_suffix TEXT NOT NULL,
  method TEXT CHECK (method IS NULL OR method ${oneOf(V.anchorMethods)}),
  resolution TEXT CHECK (resolution IS NULL OR resolution ${oneOf(V.resolutions)}),
  resolved_by INTEGER REFERENCES profiles (id),
  resolved_at TEXT,
  resolved_entry_id INTEGER REFERENCES history (id),
  created_at TEXT NOT NULL DEFAULT (${NOW}),
  CHECK ((resolution IS NULL) = (resolved_at IS NULL)),
  CHECK ((kind = 'vanished') = (method IS NULL))
) STRICT;

CREATE INDEX version_changes_by_previous ON version_changes (previous_claim_id);
`;

/** Migration 4: document series and versions, language and source format, and the changes queue. */
export const documentVersions: Migration = {
  version: 4,
  name: 'document-versions',
  up(db: Database): void {
    db.exec(SCHEMA);
  },
};
