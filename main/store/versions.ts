/**
 * Versions of a document (see `shared/domain/versions.ts` for the model): the series a document
 * belongs to, linking a newly imported document as the next version of another, which carries
 * the previous version's claims over, the suggestion of an earlier version with the same
 * address, and the comparison of two versions. The changes queue that linking fills is in
 * `version-queue.ts`.
 *
 * Importing never links: an import always makes a document of its own (version 1 of its own
 * series), and linking is a separate, explicit step — so the importers need not know about
 * versions, and a wrong guess is never made silently.
 *
 * Linking and comparing cost seconds on a long article; the app runs them in its version worker
 * thread, on a connection of the worker's own (linkAsNewVersionWith in `version-link.ts`, and
 * compareVersions below), and the synchronous functions here run on the calling thread where
 * there is no worker (tests, command-line tools).
 */
import type { Database } from 'better-sqlite3';
import type { DocumentSummary, ParagraphDiff, VersionComparison, VersionLinkReport } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { planLink } from '../../shared/versions/link-plan';
import { compareParagraphs, countWords } from '../../shared/versions/text-diff';
import { getDocumentSummary } from './documents';
import { DOCUMENT_SUMMARY_COLUMNS, toDocumentSummary, type DocumentSummaryRow } from './rows';
import { readLink, writeLink } from './version-link';
import { nowIso } from './validate';

/** Every version of the series `documentId` belongs to, oldest first. AppError('not-found'). */
export function listVersions(db: Database, documentId: number): DocumentSummary[] {
  const { seriesId } = getDocumentSummary(db, documentId);
  return db
    .prepare<[number], DocumentSummaryRow>(`SELECT ${DOCUMENT_SUMMARY_COLUMNS} FROM documents d WHERE d.series_id = ? ORDER BY d.version`)
    .all(seriesId)
    .map(toDocumentSummary);
}

/**
 * An earlier document that `documentId` looks like a new version of, or null: the most recent
 * other document with the same address (`url`, compared exactly) that is the latest version of
 * its series. Only offered for a document that is on its own (a series of one), has no live
 * claims of its own, and that the user has not kept separate (see keepSeparate). AppError('not-found').
 */
export function findPreviousVersionCandidate(db: Database, documentId: number): DocumentSummary | null {
  const doc = getDocumentSummary(db, documentId);
  if (doc.url === null || doc.versionCount > 1 || doc.claimCount > 0) return null;
  const keptSeparate = db.prepare<[number], string | null>('SELECT kept_separate_at FROM documents WHERE id = ?').pluck().get(documentId);
  if (keptSeparate !== null) return null;
  const row = db
    .prepare<[string, number, string, string, number], DocumentSummaryRow>(
      `SELECT ${DOCUMENT_SUMMARY_COLUMNS} FROM documents d
       WHERE d.url = ? AND d.id <> ?
         AND (d.created_at < ? OR (d.created_at = ? AND d.id < ?))
         AND d.version = (SELECT max(s.version) FROM documents s WHERE s.series_id = d.series_id)
       ORDER BY d.created_at DESC, d.id DESC LIMIT 1`,
    )
    .get(doc.url, documentId, doc.createdAt, doc.createdAt, documentId);
  return row === undefined ? null : toDocumentSummary(row);
}

/** Records that `documentId` is not a new version of an earlier document: no more suggestions for it. AppError('not-found'). */
export function keepSeparate(db: Database, documentId: number): DocumentSummary {
  return db.transaction(() => {
    getDocumentSummary(db, documentId);
    db.prepare('UPDATE documents SET kept_separate_at = coalesce(kept_separate_at, ?) WHERE id = ?').run(nowIso(), documentId);
    return getDocumentSummary(db, documentId);
  })();
}

/**
 * Makes `newDocumentId` the next version of the series of `previousDocumentId` and carries
 * every live claim of the previous version over to it, in one transaction:
 *
 * - each claim is re-anchored on the new text (position, exact quote, approximate quote);
 * - a new claim with the same record (sources, attribution, type, verdict, confidence,
 *   rationale, status, tags, note) is made on the new version by the connection's actor, and
 *   linked with the old one as the same claim;
 * - found word for word with the same words around it in its paragraph: carried over
 *   untouched; found word for word but elsewhere or with other surroundings: a 'moved' row in
 *   the changes queue; found approximately: 'changed'; not found: the claim is made unplaced
 *   (an orphan, shown as not found) and 'vanished'.
 *
 * Refused, changing nothing: AppError 'not-found' for either document; 'invalid-argument' for a
 * document linked to itself; 'conflict' when the new document already belongs to a series of
 * versions, when the previous one already has a newer version, or when the new document has
 * live claims of its own (its claims would mix with those carried over).
 */
export function linkAsNewVersion(db: Database, newDocumentId: number, previousDocumentId: number): VersionLinkReport {
  // The three steps of linkAsNewVersionWith (version-link.ts), here in one transaction on this thread.
  return db.transaction(() => {
    const snapshot = readLink(db, newDocumentId, previousDocumentId);
    const report = writeLink(db, snapshot, planLink(snapshot.input));
    if (report === 'stale') throw new Error('The documents changed inside the transaction that links them.');
    return report;
  })();
}

/**
 * What changed from version `fromId` to version `toId` of one series, paragraph by paragraph.
 * AppError 'not-found', or 'invalid-argument' for two documents that are not versions of one series.
 */
export function compareVersions(db: Database, fromId: number, toId: number): VersionComparison {
  const { from, to, before, after } = readComparison(db, fromId, toId);
  return comparison(from, to, compareParagraphs(before, after));
}

function readComparison(db: Database, fromId: number, toId: number) {
  return db.transaction(() => {
    const from = getDocumentSummary(db, fromId);
    const to = getDocumentSummary(db, toId);
    if (from.seriesId !== to.seriesId) throw new AppError('invalid-argument', `“${from.title}” and “${to.title}” are not versions of the same article.`);
    const textOf = db.prepare<[number], string>('SELECT plain_text FROM documents WHERE id = ?').pluck();
    return { from, to, before: textOf.get(fromId) ?? '', after: textOf.get(toId) ?? '' };
  })();
}

function comparison(from: DocumentSummary, to: DocumentSummary, paragraphs: ParagraphDiff[]): VersionComparison {
  const parts = paragraphs.flatMap((p) => p.parts);
  return { from, to, paragraphs, wordsAdded: countWords(parts, 'added'), wordsRemoved: countWords(parts, 'removed') };
}
