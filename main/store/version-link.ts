/**
 * Linking a new version in three steps, so that the costly middle can run off the main thread
 * (see linkAsNewVersion in `versions.ts` for what linking does):
 *
 * 1. readLink: one short read transaction checks the two documents and takes what the plan
 *    needs (both texts, the previous version's live claims and their anchors);
 * 2. planLink (`shared/versions/link-plan.ts`): re-anchoring and classifying, pure — in a worker
 *    thread in the app;
 * 3. writeLink: one write transaction that first reads everything again and checks that nothing
 *    the plan relied on changed (the checks, both texts, the set of live claims and their
 *    anchors), then carries every claim over — all claims or none.
 *
 * A claim's record (sources, verdict, note, …) is read in step 3, so an edit of a record made
 * during step 2 is carried over; an edit of a claim's anchor, a new or deleted claim, or an
 * edited text makes the plan stale.
 */
import type { Database } from 'better-sqlite3';
import type { Claim, ClaimInput, DocumentSummary, VersionChangeKind, VersionLinkReport } from '../../shared/domain';
import { AppError } from '../../shared/result';
import type { LinkInput, LinkPlan } from '../../shared/versions/link-plan';
import { listClaims, startGroup } from './claims';
import { createClaims, RefusedClaim, type NewClaimItem } from './claims-bulk';
import { getDocumentSummary } from './documents';
import { statement } from './statements';
import { insertVersionChange } from './version-queue';

/** What linking read: the two documents as checked, the plan's input, and the claims as stored. */
export interface LinkSnapshot {
  readonly next: DocumentSummary;
  readonly previous: DocumentSummary;
  readonly input: LinkInput;
  readonly claims: readonly Claim[];
}

/** Computes a plan from its input; in the app, in a worker thread. */
export type LinkPlanner = (input: LinkInput) => Promise<LinkPlan>;

// How many times a plan made stale by a change during its computation is made again.
const MAX_PLAN_ATTEMPTS = 2;

/**
 * Checks that `newDocumentId` may become the next version of `previousDocumentId` and reads what
 * the plan needs, in one transaction. The refusals of linkAsNewVersion.
 */
export function readLink(db: Database, newDocumentId: number, previousDocumentId: number): LinkSnapshot {
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
    const textOf = db.prepare<[number], string>('SELECT plain_text FROM documents WHERE id = ?').pluck();
    const claims = listClaims(db, previousDocumentId);
    return {
      next,
      previous,
      input: { oldText: textOf.get(previousDocumentId) ?? '', text: textOf.get(newDocumentId) ?? '', claims: claims.map(({ id, anchor }) => ({ id, anchor })) },
      claims,
    };
  })();
}

/**
 * Carries the claims over as `plan` says, in one transaction, after reading the documents again:
 * 'stale' (nothing written) when what the plan was computed from (`planned`) changed since; the
 * refusals of linkAsNewVersion when the documents can no longer be linked.
 */
export function writeLink(db: Database, planned: LinkSnapshot, plan: LinkPlan): VersionLinkReport | 'stale' {
  // Immediate: the write lock is taken before the first read, so a connection in another thread
  // (the version worker's) waits for another writer instead of failing after its reads.
  return db.transaction(() => {
    const now = readLink(db, planned.next.id, planned.previous.id);
    if (!sameInput(now.input, planned.input) || plan.carried.length !== now.claims.length) return 'stale';
    const { previous } = now;
    const version = previous.versionCount + 1;
    db.prepare('UPDATE documents SET series_id = ?, version = ? WHERE id = ?').run(previous.seriesId, version, now.next.id);
    const counts: Record<VersionChangeKind | 'unchanged', number> = { unchanged: 0, moved: 0, changed: 0, vanished: 0 };
    if (plan.carried.some((c, i) => c.previousId !== now.claims[i]!.id)) throw new Error('A link plan does not follow the claims it was made for.');
    // All claims in one batch (createClaim one by one reads the document's text for each), each
    // created in the group of the claim it carries over: linked as linkClaims links, with one
    // history entry for the new claim.
    const ids = createCarriedClaims(
      db,
      now.next.id,
      now.claims.map((old, i) => ({ anchor: plan.carried[i]!.anchor, input: inputOf(old), unplaced: plan.carried[i]!.unplaced, groupId: startGroup(db, old.id) })),
    );
    now.claims.forEach((old, i) => {
      const { kind, method } = plan.carried[i]!;
      if (kind !== 'unchanged') insertVersionChange(db, { claimId: ids[i]!, previous: old, kind, method });
      counts[kind] += 1;
    });
    return { documentId: now.next.id, previousId: previous.id, seriesId: previous.seriesId, version, carried: now.claims.length, ...counts };
  }).immediate();
}

/**
 * linkAsNewVersion with the plan computed by `planner` (a worker thread in the app), between a
 * short read and a short write: the main thread is never busy for the re-anchoring. A plan
 * made stale by a change in the meantime is made again once; AppError 'conflict' if it is
 * stale again. Otherwise the refusals and results of linkAsNewVersion.
 */
export async function linkAsNewVersionWith(db: Database, planner: LinkPlanner, newDocumentId: number, previousDocumentId: number): Promise<VersionLinkReport> {
  for (let attempt = 1; attempt <= MAX_PLAN_ATTEMPTS; attempt++) {
    const snapshot = readLink(db, newDocumentId, previousDocumentId);
    const plan = await planner(snapshot.input);
    const report = writeLink(db, snapshot, plan);
    if (report !== 'stale') return report;
  }
  throw new AppError(
    'conflict',
    'The documents or their claims kept changing while the new version was being linked, so nothing was linked. Try again when no one else is editing them.',
  );
}

/**
 * The report of a link already written: null unless `newDocumentId` is now the version right
 * after `previousDocumentId`. For a caller that lost the answer of a link made elsewhere (a
 * worker stopped between its commit and its answer); the counts are read back from the new
 * version's claims and its changes queue.
 */
export function writtenLink(db: Database, newDocumentId: number, previousDocumentId: number): VersionLinkReport | null {
  return db.transaction(() => {
    const next = getDocumentSummary(db, newDocumentId);
    const previous = getDocumentSummary(db, previousDocumentId);
    if (next.seriesId !== previous.seriesId || next.version !== previous.version + 1) return null;
    const carried = statement<[number], number>(db, 'SELECT count(*) FROM claims WHERE document_id = ?').pluck().get(newDocumentId) ?? 0;
    const counts: Record<VersionChangeKind, number> = { moved: 0, changed: 0, vanished: 0 };
    const rows = statement<[number], { kind: VersionChangeKind; n: number }>(
      db,
      'SELECT vc.kind, count(*) AS n FROM version_changes vc JOIN claims c ON c.id = vc.claim_id WHERE c.document_id = ? GROUP BY vc.kind',
    ).all(newDocumentId);
    for (const { kind, n } of rows) counts[kind] = n;
    const unchanged = carried - counts.moved - counts.changed - counts.vanished;
    return { documentId: next.id, previousId: previous.id, seriesId: next.seriesId, version: next.version, carried, unchanged, ...counts };
  })();
}

/** createClaims, refusing as createClaim does (an AppError without the batch index). */
function createCarriedClaims(db: Database, documentId: number, items: readonly NewClaimItem[]): number[] {
  try {
    return createClaims(db, documentId, items);
  } catch (error) {
    if (error instanceof RefusedClaim) throw new AppError(error.kind, error.message);
    throw error;
  }
}

function sameInput(a: LinkInput, b: LinkInput): boolean {
  if (a.text !== b.text || a.oldText !== b.oldText || a.claims.length !== b.claims.length) return false;
  return a.claims.every((claim, i) => {
    const other = b.claims[i]!;
    const [x, y] = [claim.anchor, other.anchor];
    return claim.id === other.id && x.start === y.start && x.end === y.end && x.exact === y.exact && x.prefix === y.prefix && x.suffix === y.suffix;
  });
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
