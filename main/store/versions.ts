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
 */
import type { Database } from 'better-sqlite3';
import { anchorAll, describeRange, type AnchorResult } from '../../shared/anchoring';
import type { Claim, ClaimInput, DocumentSummary, TextAnchor, VersionChangeKind, VersionComparison, VersionLinkReport } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { alignParagraphs, compareParagraphs, countWords, paragraphLocator, prefixInParagraph, suffixInParagraph } from '../../shared/versions/text-diff';
import { createClaim, linkClaims, listClaims } from './claims';
import { getDocumentSummary } from './documents';
import { DOCUMENT_SUMMARY_COLUMNS, toDocumentSummary, type DocumentSummaryRow } from './rows';
import { insertVersionChange } from './version-queue';
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
  return db.transaction(() => {
    const next = getDocumentSummary(db, newDocumentId);
    const previous = getDocumentSummary(db, previousDocumentId);
    if (newDocumentId === previousDocumentId) throw new AppError('invalid-argument', 'A document cannot be a new version of itself.');
    if (next.versionCount > 1) {
      throw new AppError('conflict', `“${next.title}” is already version ${next.version} of ${next.versionCount}; it cannot be linked again.`);
    }
    if (previous.version < previous.versionCount) {
      throw new AppError('conflict', `“${previous.title}” already has a newer version (version ${previous.versionCount}); link to the latest version.`);
    }
    if (next.claimCount > 0) {
      throw new AppError(
        'conflict',
        `“${next.title}” already has claims of its own; only a document without claims can become a new version, so that the previous version's claims can be carried over.`,
      );
    }
    const version = previous.versionCount + 1;
    db.prepare('UPDATE documents SET series_id = ?, version = ? WHERE id = ?').run(previous.seriesId, version, newDocumentId);

    const textOf = db.prepare<[number], string>('SELECT plain_text FROM documents WHERE id = ?').pluck();
    const text = textOf.get(newDocumentId) ?? '';
    const oldText = textOf.get(previousDocumentId) ?? '';
    const kindOf = changeClassifier(oldText, text);
    const counts: Record<VersionChangeKind | 'unchanged', number> = { unchanged: 0, moved: 0, changed: 0, vanished: 0 };
    const claims = listClaims(db, previousDocumentId);
    // All at once, so that each claim is looked for where the one before it went (see anchorAll).
    const placed = new Map<number, AnchorResult>();
    for (const { id, ...result } of anchorAll(text, claims.map(({ id, anchor }) => ({ id, anchor }))).anchored) placed.set(id, result);
    for (const old of claims) {
      const found = placed.get(old.id) ?? null;
      const kind = kindOf(old.anchor, found);
      const anchor = found === null ? unplacedAnchor(text, old.anchor) : describeRange(text, found.start, found.end);
      const carried = createClaim(db, { documentId: newDocumentId, anchor, input: inputOf(old), unplaced: found === null });
      linkClaims(db, old.id, carried.id);
      if (kind !== 'unchanged') insertVersionChange(db, { claimId: carried.id, previous: old, kind, method: found?.method ?? null });
      counts[kind] += 1;
    }
    return { documentId: newDocumentId, previousId: previousDocumentId, seriesId: previous.seriesId, version, carried: claims.length, ...counts };
  })();
}

/**
 * What a claim's re-anchoring from `oldText` to `text` means for the user. Found word for word,
 * it is untouched when the words around it in its paragraph are the same (context beyond a
 * paragraph break is not the claim's business) and its paragraph kept its place among the
 * others (text added above it only shifts offsets); otherwise it 'moved'.
 */
function changeClassifier(oldText: string, text: string) {
  // Old paragraph index → the new paragraph it became (unchanged or edited in place).
  const kept = new Map<number, number>();
  for (const pair of alignParagraphs(oldText, text)) if (pair.before !== null && pair.after !== null) kept.set(pair.before, pair.after);
  const oldParagraph = paragraphLocator(oldText);
  const newParagraph = paragraphLocator(text);
  return (old: TextAnchor, found: AnchorResult | null): VersionChangeKind | 'unchanged' => {
    if (found === null) return 'vanished';
    if (found.method === 'fuzzy') return 'changed';
    const prefix = text.slice(Math.max(0, found.start - old.prefix.length), found.start);
    const suffix = text.slice(found.end, found.end + old.suffix.length);
    const sameContext = prefixInParagraph(prefix) === prefixInParagraph(old.prefix) && suffixInParagraph(suffix) === suffixInParagraph(old.suffix);
    const samePlace = kept.get(oldParagraph(old.start)) === newParagraph(found.start);
    return sameContext && samePlace ? 'unchanged' : 'moved';
  };
}

/**
 * The anchor of a claim whose quote is not in `text`: the old quote and context, at the old
 * offsets moved inside the text (an unplaced anchor only needs offsets that fit). AppError
 * 'invalid-argument' when the whole new text is shorter than the quote.
 */
function unplacedAnchor(text: string, old: TextAnchor): TextAnchor {
  const length = old.exact.length;
  if (length > text.length) {
    throw new AppError('invalid-argument', `The new version is shorter than the quote “${old.exact.slice(0, 60)}” of the previous one; it cannot be a version of it.`);
  }
  const start = Math.min(old.start, text.length - length);
  return { ...old, start, end: start + length };
}

/** The claim form's input that recreates `claim`'s record (not its anchor, group or bin state). */
function inputOf(claim: Claim): ClaimInput {
  return {
    sources: claim.sources.map((link) => ({ source: { sourceId: link.source.id }, role: link.role, pinpoint: link.pinpoint })),
    attribution: {
      kind: claim.attribution.kind,
      chain: claim.attribution.chain.map((hop) => ({ speaker: { speakerId: hop.speaker.id }, role: hop.role, reliability: hop.reliability })),
    },
    claimType: claim.claimType,
    verdictId: claim.verdictId,
    confidence: claim.confidence,
    rationale: claim.rationale,
    status: claim.status,
    note: claim.note,
    tagIds: [...claim.tagIds],
    newTags: [],
  };
}

/**
 * What changed from version `fromId` to version `toId` of one series, paragraph by paragraph.
 * AppError 'not-found', or 'invalid-argument' for two documents that are not versions of one series.
 */
export function compareVersions(db: Database, fromId: number, toId: number): VersionComparison {
  return db.transaction(() => {
    const from = getDocumentSummary(db, fromId);
    const to = getDocumentSummary(db, toId);
    if (from.seriesId !== to.seriesId) throw new AppError('invalid-argument', `“${from.title}” and “${to.title}” are not versions of the same article.`);
    const textOf = db.prepare<[number], string>('SELECT plain_text FROM documents WHERE id = ?').pluck();
    const paragraphs = compareParagraphs(textOf.get(fromId) ?? '', textOf.get(toId) ?? '');
    const parts = paragraphs.flatMap((p) => p.parts);
    return { from, to, paragraphs, wordsAdded: countWords(parts, 'added'), wordsRemoved: countWords(parts, 'removed') };
  })();
}
