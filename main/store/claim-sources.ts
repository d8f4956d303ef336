/**
 * The ordered sources of claims. A `sources` row is shared: citing the identical
 * (title, url, note) again reuses it, so the same source cited by many claims is one row.
 * Rows no longer cited are kept (they are the seed of a future sources library).
 */
import type { Database } from 'better-sqlite3';
import type { SourceRef } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { blankToNull } from './rows';

interface SourceRow {
  claim_id: number;
  title: string | null;
  url: string | null;
  note: string | null;
}

const SOURCE_COLUMNS = 'cs.claim_id, s.title, s.url, s.note';

/** The sources of one claim, in order. */
export function sourcesOfClaim(db: Database, claimId: number): SourceRef[] {
  return db
    .prepare<[number], SourceRow>(
      `SELECT ${SOURCE_COLUMNS} FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
       WHERE cs.claim_id = ? ORDER BY cs.position`,
    )
    .all(claimId)
    .map(toSourceRef);
}

/** The sources of every claim of a document, in one query: claim id → its sources in order. */
export function sourcesOfDocument(db: Database, documentId: number): Map<number, SourceRef[]> {
  const rows = db
    .prepare<[number], SourceRow>(
      `SELECT ${SOURCE_COLUMNS} FROM claims c
       JOIN claim_sources cs ON cs.claim_id = c.id
       JOIN sources s ON s.id = cs.source_id
       WHERE c.document_id = ? ORDER BY cs.claim_id, cs.position`,
    )
    .all(documentId);
  const byClaim = new Map<number, SourceRef[]>();
  for (const row of rows) {
    const list = byClaim.get(row.claim_id);
    if (list === undefined) byClaim.set(row.claim_id, [toSourceRef(row)]);
    else list.push(toSourceRef(row));
  }
  return byClaim;
}

/**
 * Replaces a claim's sources with `sources`, in order; call inside the claim's transaction.
 * AppError('invalid-argument') for a source with no title, URL or note.
 */
export function writeClaimSources(db: Database, claimId: number, sources: readonly SourceRef[]): void {
  const find = db.prepare<[string | null, string | null, string | null], number>(
    'SELECT id FROM sources WHERE title IS ? AND url IS ? AND note IS ? ORDER BY id LIMIT 1',
  );
  const insert = db.prepare<[string | null, string | null, string | null], number>(
    'INSERT INTO sources (title, url, note) VALUES (?, ?, ?) RETURNING id',
  );
  const link = db.prepare<[number, number, number]>(
    'INSERT INTO claim_sources (claim_id, position, source_id) VALUES (?, ?, ?)',
  );
  db.prepare<[number]>('DELETE FROM claim_sources WHERE claim_id = ?').run(claimId);
  sources.forEach((source, position) => {
    const title = blankToNull(source.title);
    const url = blankToNull(source.url);
    const note = blankToNull(source.note);
    if (title === null && url === null && note === null) {
      throw new AppError('invalid-argument', 'A source needs a title, a URL or a note.');
    }
    const id = find.pluck().get(title, url, note) ?? (insert.pluck().get(title, url, note) as number);
    link.run(claimId, position, id);
  });
}

function toSourceRef(row: SourceRow): SourceRef {
  return { title: row.title, url: row.url, note: row.note };
}
