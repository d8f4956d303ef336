/**
 * Importing a file of W3C Web Annotations (our own export, Hypothesis, Recogito, any tool that
 * writes the model) into a document: each annotation with a text quote becomes a claim,
 * placed on the document's text by position, then quote, then approximate quote. An
 * annotation that cannot be placed still becomes a claim — an orphan, listed in the report and
 * under "Not found in the text" until the user attaches it to a selection (reattachClaim).
 *
 * What becomes what (see `shared/import/annotation-file.ts` for how a file is read):
 * - quote → the claim's anchor, described afresh from the article where it was found;
 * - tags (tagging/classifying bodies, Hypothesis tags) → the project's tags, matched by path
 *   (case-insensitively; a lone name also matches the one nested tag of that name), created
 *   when missing;
 * - assessing body → the verdict with the same label (case-insensitively) and the confidence
 *   our export appends; a label not on the scale, or no verdict at all, gives the default
 *   verdict ("Unproven") and a warning, the foreign label kept in the rationale. Verdicts are
 *   never created;
 * - notes (commenting bodies and the like, Hypothesis text) → the claim's note, joined by blank
 *   lines, as plain text;
 * - sources (web addresses of identifying bodies; titles of our export's describing bodies) →
 *   the library's source with that address (or title), created when missing; the first cited
 *   as origin, the rest as supporting, as the claim form does.
 * Not brought back, because no annotation carries them (our export included): attribution,
 * claim type, status, rationale, source roles and pinpoints, confidential flags, authors and
 * dates. Imported claims are open, attributed "according to" with an empty chain, created now
 * by the current actor.
 *
 * An annotation imported before into this document — same id (for one without an id, same
 * SHA-256 of its canonical JSON), or a `urn:uuid:` id that is a claim of this document — is
 * a duplicate and left alone, so importing a file twice creates nothing the second time.
 *
 * All or nothing: one transaction. A file that cannot be read, or any annotation the store
 * refuses, is an AppError ('bad-file', 'too-large') naming the problem, and the project is
 * unchanged.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AnnotationImportReport, ClaimInput, ClaimSourceInput } from '../../shared/domain';
import { webUrlOrNull } from '../../shared/export/web-annotation';
import { readAnnotationFile, type ReadAnnotation } from '../../shared/import/annotation-file';
import { decodeText } from '../../shared/import/decode-text';
import { codePointConverter, placeQuote } from '../../shared/import/place-annotation';
import { AppError } from '../../shared/result';
import { createClaims, getDocument, RefusedClaim, type NewClaimItem } from '../store';
import { importLibrary, type ImportLibrary } from './annotation-library';

const DEFAULT_CONFIDENCE = 50;
const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/iu;
const LISTED = 10;

/**
 * Imports the annotations in `bytes` (the file `fileName`, reported by its base name) into
 * document `documentId` and says what it did. AppError 'not-found' (no such document), 'bad-file' or 'too-large' (see the
 * header), with the project unchanged.
 */
export function importAnnotations(db: Database, documentId: number, bytes: Uint8Array, fileName: string): AnnotationImportReport {
  const { plainText, url } = getDocument(db, documentId);
  const file = readAnnotationFile(decodeText(bytes));
  for (const annotation of file.annotations) {
    if (annotation.exact.length > plainText.length) {
      throw new AppError(
        'bad-file',
        `Annotation ${annotation.index + 1} has a quote longer than the whole article (${annotation.exact.length.toLocaleString('en')} characters against ${plainText.length.toLocaleString('en')}).`,
      );
    }
  }
  const toUtf16 = codePointConverter(plainText);

  return db.transaction((): AnnotationImportReport => {
    const library = importLibrary(db);
    const anchoredBy = { position: 0, quote: 0, fuzzy: 0 };
    const orphans: { claimId: number; exact: string }[] = [];
    const claimIds: number[] = [];
    const pending: { annotation: ReadAnnotation; method: keyof typeof anchoredBy | null; item: NewClaimItem }[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    let inBin = 0;
    const verdictNotes = { missing: 0, unknown: new Map<string, number>() };

    for (const annotation of file.annotations) {
      const importedFrom = annotation.id ?? `sha256:${createHash('sha256').update(annotation.canonicalJson ?? '').digest('hex')}`;
      // An annotation is known by its id and by the ids of the annotation it copies (an export
      // of claims that were themselves imported names their origin in `via`).
      const identities = [importedFrom, ...annotation.aliases];
      const earlier = identities.some((i) => seen.has(i)) ? 'this file' : firstKnown(db, documentId, identities);
      for (const identity of identities) seen.add(identity);
      if (earlier !== null) {
        duplicates++;
        if (earlier === 'in the bin') inBin++;
        continue;
      }
      const placement = placeQuote(plainText, annotation, toUtf16);
      pending.push({
        annotation,
        method: placement.method,
        item: { anchor: placement.anchor, input: claimInput(annotation, library, verdictNotes), importedFrom, unplaced: placement.method === null },
      });
    }
    // One batch: the store reads the article once and indexes the claims for search together.
    let ids: number[];
    try {
      ids = createClaims(db, documentId, pending.map((p) => p.item));
    } catch (error) {
      if (error instanceof RefusedClaim && error.kind === 'invalid-argument') {
        throw new AppError('bad-file', `Annotation ${pending[error.index]!.annotation.index + 1} cannot be imported: ${error.message}`);
      }
      throw error;
    }
    pending.forEach(({ method, item }, i) => {
      const claimId = ids[i]!;
      claimIds.push(claimId);
      if (method === null) orphans.push({ claimId, exact: item.anchor.exact });
      else anchoredBy[method]++;
    });

    return {
      documentId,
      fileName: path.basename(fileName),
      total: file.annotations.length,
      created: claimIds.length,
      duplicates,
      anchoredBy,
      orphans,
      skipped: file.skipped,
      warnings: warnings(library, verdictNotes, inBin, file.annotations, url),
      claimIds,
    };
  })();
}

/** Whether any of `identities` is already a claim of the document: null (no), 'live' or 'in the bin'. */
function firstKnown(db: Database, documentId: number, identities: readonly string[]): 'live' | 'in the bin' | null {
  for (const identity of identities) {
    const known = importedBefore(db, documentId, identity);
    if (known !== null) return known;
  }
  return null;
}

/** Whether an annotation with id `importedFrom` is already a claim of the document: null (no), 'live' or 'in the bin'. */
function importedBefore(db: Database, documentId: number, importedFrom: string): 'live' | 'in the bin' | null {
  const byImport = db
    .prepare<[number, string], { deleted_at: string | null }>('SELECT deleted_at FROM claims WHERE document_id = ? AND imported_from = ?')
    .get(documentId, importedFrom);
  const uid = UUID_URN.exec(importedFrom)?.[1]?.toLowerCase();
  const byUid =
    uid === undefined
      ? undefined
      : db.prepare<[string, number], { deleted_at: string | null }>('SELECT deleted_at FROM claims WHERE uid = ? AND document_id = ?').get(uid, documentId);
  const row = byImport ?? byUid;
  if (row === undefined) return null;
  return row.deleted_at === null ? 'live' : 'in the bin';
}

interface VerdictNotes {
  missing: number;
  unknown: Map<string, number>;
}

function claimInput(annotation: ReadAnnotation, library: ImportLibrary, verdictNotes: VerdictNotes): ClaimInput {
  const { verdict } = annotation;
  const matched = verdict === null ? null : library.verdictByLabel(verdict.label);
  let rationale: string | null = null;
  if (verdict === null) verdictNotes.missing++;
  else if (matched === null) {
    verdictNotes.unknown.set(verdict.label, (verdictNotes.unknown.get(verdict.label) ?? 0) + 1);
    rationale = `Verdict in the imported file: ${verdict.label}`;
  }
  const sourceIds = [...new Set(annotation.sources.map((source) => library.sourceId(source)))];
  const sources: ClaimSourceInput[] = sourceIds.map((sourceId, i) => ({
    source: { sourceId },
    role: i === 0 ? 'origin' : 'supporting',
    pinpoint: null,
  }));
  const notes = annotation.notes.map((note) => note.trim()).filter((note) => note !== '');
  return {
    sources,
    attribution: { kind: 'according-to', chain: [] },
    claimType: null,
    verdictId: (matched ?? library.defaultVerdict).id,
    confidence: verdict?.confidence ?? DEFAULT_CONFIDENCE,
    rationale,
    status: 'open',
    note: notes.length === 0 ? null : notes.join('\n\n'),
    tagIds: annotation.tags.map((path) => library.tagId(path)),
    newTags: [],
  };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function claims(n: number): string {
  return n === 1 ? '1 claim' : `${n.toLocaleString('en')} claims`;
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).map((name) => `“${clip(name)}”`).join(', ');
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}

function warnings(
  library: ImportLibrary,
  verdictNotes: VerdictNotes,
  inBin: number,
  annotations: readonly ReadAnnotation[],
  documentUrl: string | null,
): string[] {
  const lines: string[] = [];
  const fallback = `“${library.defaultVerdict.label}”`;
  for (const [label, count] of verdictNotes.unknown) {
    lines.push(`The verdict “${clip(label)}” is not on this project's scale: ${claims(count)} got ${fallback} instead, with that label kept in the rationale.`);
  }
  if (verdictNotes.missing > 0) lines.push(`${claims(verdictNotes.missing)} had no verdict in the file and got ${fallback}.`);
  if (library.createdTags.length > 0) {
    lines.push(`${library.createdTags.length === 1 ? 'A tag was' : `${library.createdTags.length} tags were`} created: ${listed(library.createdTags)}.`);
  }
  if (library.createdSources.length > 0) {
    lines.push(`${library.createdSources.length === 1 ? 'A source was' : `${library.createdSources.length} sources were`} added to the library: ${listed(library.createdSources)}.`);
  }
  if (inBin > 0) {
    lines.push(`${inBin === 1 ? 'One annotation was' : `${inBin} annotations were`} imported before and ${inBin === 1 ? 'is a claim' : 'are claims'} in the bin now; restore ${inBin === 1 ? 'it' : 'them'} from the bin to see ${inBin === 1 ? 'it' : 'them'} again.`);
  }
  const pages = [...new Set(annotations.map((a) => (a.targetSource === null ? null : webUrlOrNull(a.targetSource))).filter((u) => u !== null))];
  const here = webUrlOrNull(documentUrl);
  if (pages.length > 1) {
    lines.push(`The annotations in this file were made on ${pages.length} different pages; all were placed on this article.`);
  } else if (pages.length === 1 && here !== null && pages[0] !== here) {
    lines.push(`The annotations in this file were made on ${pages[0]}, not on this article's address (${here}); they were placed on its text all the same.`);
  }
  return lines;
}
