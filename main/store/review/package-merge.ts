/**
 * Merging a review package into the project, in one transaction, as one history entry.
 *
 * The merge's row in `review_merges` is inserted and its 'merge' create entry recorded first;
 * everything the package brings is applied inside `asPartOf` that entry, so undoing the entry
 * undoes the whole merge (claims to the bin, votes and comments to the bin, sessions deleted,
 * applied edits reverted, the merge row deleted so the package can be merged again).
 *
 * Order: new claims (their article found by text hash), then sessions unknown here, then
 * votes, comments and edits, so each can refer to what came before it.
 *
 * - Everything is idempotent by uid: a vote, comment, claim or session already here is left
 *   alone. The same package merged again while its merge stands changes nothing.
 * - An edit is three-way: ours = the value here, theirs from the package, base = the value
 *   before the reviewer's first change this project's history does not hold (changes it holds
 *   were made before the copy, and whatever the desk did since stands). ours ==
 *   theirs: nothing to do. ours == base: theirs is applied (recorded, part of the merge).
 *   Otherwise it is kept in `merge_conflicts` with base, ours and theirs for the desk to
 *   resolve — never overwritten. A conflict already kept by a standing merge is not kept twice.
 * - A vote by the package's author on a claim of a session where they already have a
 *   different live vote here is a conflict too.
 * - What cannot be merged (an article, claim, session or verdict this project lacks, a claim
 *   already decided, changes packages do not carry) is listed in the report and kept in the
 *   merge's summary. A package that would change nothing — everything already here, and
 *   whatever cannot be merged already listed by a standing merge — records no merge at all.
 */
import type { Database } from 'better-sqlite3';
import {
  MERGE_FIELD_LABELS,
  type FieldValue,
  type MergeField,
  type MergeReport,
  type NotMerged,
  type PackageClaim,
  type PackagePerson,
  type ReviewPackage,
} from '../../../shared/domain';
import { createClaim, type NewClaim } from '../claims';
import { changeClaim, checkClaimValues, claimHistory, claimRecord } from '../claim-record';
import { asPartOf, recordCreate, recordDiff } from '../history-log';
import { ensureProfile } from '../profiles';
import { nowIso } from '../validate';
import { RECORD_FIELDS } from './package-export';
import { packageLibrary, type PackageLibrary } from './package-library';
import { COMMENT_SPEC, MERGE_SPEC, SESSION_SPEC, VOTE_SPEC, commentHistory, voteHistory } from './review-records';
import { rowHistory, rowSnapshot } from './row-history';

interface Tally {
  sessions: number;
  votes: number;
  comments: number;
  claims: number;
  edits: number;
  alreadyHere: number;
  conflicts: number;
  notMerged: NotMerged[];
}

/** What `summary_json` of a merge holds. */
export interface MergeSummaryJson {
  readonly madeByUid: string;
  readonly generator: string;
  readonly merged: MergeReport['merged'];
  readonly alreadyHere: number;
  readonly conflicts: number;
  readonly notMerged: readonly NotMerged[];
}

class NothingNew extends Error {
  constructor(readonly report: MergeReport) {
    super('nothing new');
  }
}

/** The 'merge' create entry of live merge `mergeId` (the entry to undo), or null. */
export function mergeEntryId(db: Database, mergeId: number): number | null {
  return (
    db
      .prepare<[number], number>(
        "SELECT id FROM history WHERE entity = 'merge' AND entity_id = ? AND action = 'create' AND undone_by_id IS NULL ORDER BY id DESC LIMIT 1",
      )
      .pluck()
      .get(mergeId) ?? null
  );
}

/**
 * Merges checked package `pkg` (see `readReviewPackage`), read from `fileName`, into `db`, and
 * says what it did. Errors from the store (AppError) leave the project unchanged.
 */
export function mergeReviewPackage(db: Database, pkg: ReviewPackage, fileName: string | null): MergeReport {
  try {
    return db.transaction((): MergeReport => {
      const standing = db
        .prepare<[string], { id: number; summary_json: string }>('SELECT id, summary_json FROM review_merges WHERE package_uid = ? AND deleted_at IS NULL')
        .get(pkg.uid);
      if (standing !== undefined) {
        const summary = JSON.parse(standing.summary_json) as MergeSummaryJson;
        return {
          ...reportHead(pkg, fileName),
          mergeId: standing.id,
          historyEntryId: mergeEntryId(db, standing.id),
          alreadyMerged: true,
          merged: { sessions: 0, votes: 0, comments: 0, claims: 0, edits: 0 },
          alreadyHere: 0,
          conflicts: 0,
          notMerged: summary.notMerged,
        };
      }
      // Tags, sources and speakers the new claims need are made first, on their own, so that
      // undoing the merge leaves them in the library, as undoing a claim made in the form does
      // (a tag still carried by a claim in the bin cannot go to the bin).
      const library = packageLibrary(db);
      const newClaims = prepareClaims(db, library, pkg);
      const mergeId = db
        .prepare<unknown[], number>(
          `INSERT INTO review_merges (package_uid, file_name, made_by, made_at, merged_at, summary_json)
           VALUES (?, ?, ?, ?, ?, '{}') RETURNING id`,
        )
        .pluck()
        .get(pkg.uid, fileName, pkg.madeBy.name, pkg.madeAt, nowIso()) as number;
      const entry = recordCreate(db, 'merge', mergeId, { packageUid: pkg.uid, fileName, madeBy: pkg.madeBy.name, ...rowSnapshot(db, MERGE_SPEC, mergeId) });
      const tally = asPartOf(db, entry, () => applyPackage(db, pkg, mergeId, library, newClaims));
      const merged = { sessions: tally.sessions, votes: tally.votes, comments: tally.comments, claims: tally.claims, edits: tally.edits };
      const report: MergeReport = {
        ...reportHead(pkg, fileName),
        mergeId,
        historyEntryId: entry,
        alreadyMerged: false,
        merged,
        alreadyHere: tally.alreadyHere,
        conflicts: tally.conflicts,
        notMerged: tally.notMerged,
      };
      const changed = Object.values(merged).reduce((a, b) => a + b, 0) + tally.conflicts;
      if (changed === 0 && allListedBefore(db, mergeId, tally.notMerged)) {
        throw new NothingNew({ ...report, mergeId: null, historyEntryId: null });
      }
      const summary: MergeSummaryJson = {
        madeByUid: pkg.madeBy.uid,
        generator: pkg.generator,
        merged,
        alreadyHere: tally.alreadyHere,
        conflicts: tally.conflicts,
        notMerged: tally.notMerged,
      };
      db.prepare('UPDATE review_merges SET summary_json = ? WHERE id = ?').run(JSON.stringify(summary), mergeId);
      return report;
    })();
  } catch (error) {
    if (error instanceof NothingNew) return error.report;
    throw error;
  }
}

function reportHead(pkg: ReviewPackage, fileName: string | null) {
  return { packageUid: pkg.uid, fileName, madeBy: pkg.madeBy, madeAt: pkg.madeAt };
}

/** Whether every item of `notMerged` is already listed by a standing merge other than `mergeId`. */
function allListedBefore(db: Database, mergeId: number, notMerged: readonly NotMerged[]): boolean {
  if (notMerged.length === 0) return true;
  const listed = new Set<string>();
  for (const json of db.prepare<[number], string>('SELECT summary_json FROM review_merges WHERE deleted_at IS NULL AND id <> ?').pluck().all(mergeId)) {
    for (const item of (JSON.parse(json) as Partial<MergeSummaryJson>).notMerged ?? []) listed.add(`${item.what}\u0000${item.reason}`);
  }
  return notMerged.every((item) => listed.has(`${item.what}\u0000${item.reason}`));
}

interface ClaimHere {
  id: number;
  exact: string;
  deleted_at: string | null;
}

function applyPackage(db: Database, pkg: ReviewPackage, mergeId: number, library: PackageLibrary, newClaims: ReadonlyMap<string, NewClaim | string>): Tally {
  const tally: Tally = { sessions: 0, votes: 0, comments: 0, claims: 0, edits: 0, alreadyHere: 0, conflicts: 0, notMerged: [] };
  const reviewer = personHere(db, pkg.madeBy);
  const claimByUid = db.prepare<[string], ClaimHere>('SELECT id, exact, deleted_at FROM claims WHERE uid = ?');
  const quote = (exact: string) => `“${exact.length > 60 ? `${exact.slice(0, 59)}…` : exact}”`;
  const skip = (what: string, reason: string) => tally.notMerged.push({ what, reason });
  /** A live claim of this project by uid; else lists `what` as not merged and returns null. */
  const liveClaim = (uid: string, what: string): ClaimHere | null => {
    const claim = claimByUid.get(uid);
    if (claim === undefined) skip(what, 'Its claim is not in this project.');
    else if (claim.deleted_at !== null) skip(`${what} on ${quote(claim.exact)}`, 'The claim is in the bin here.');
    else return claim;
    return null;
  };
  const keepConflict = (claimId: number, field: MergeField | 'vote', base: unknown, ours: unknown, theirs: unknown) => {
    const theirsJson = JSON.stringify(theirs);
    const kept = db
      .prepare<[number, string, string], number>(
        `SELECT 1 FROM merge_conflicts mc JOIN review_merges m ON m.id = mc.merge_id
         WHERE m.deleted_at IS NULL AND mc.claim_id = ? AND mc.field = ? AND mc.theirs_json = ?`,
      )
      .pluck()
      .get(claimId, field, theirsJson);
    if (kept !== undefined) {
      tally.alreadyHere++;
      return;
    }
    db.prepare(
      'INSERT INTO merge_conflicts (merge_id, claim_id, field, base_json, ours_json, theirs_json) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(mergeId, claimId, field, base === undefined ? null : JSON.stringify(base), JSON.stringify(ours), theirsJson);
    tally.conflicts++;
  };

  // New claims.
  for (const claim of pkg.newClaims) {
    const here = claimByUid.get(claim.uid);
    if (here !== undefined && here.deleted_at !== null && revive(db, 'claim', here.id, here.id)) {
      tally.claims++;
      continue;
    }
    if (here !== undefined) {
      tally.alreadyHere++;
      continue;
    }
    const prepared = newClaims.get(claim.uid)!;
    if (typeof prepared === 'string') {
      skip(`New claim ${quote(claim.anchor.exact)}`, prepared);
      continue;
    }
    const created = createClaim(db, prepared);
    // The same claim in both copies has the same uid; its author is whoever made it in theirs.
    db.prepare('UPDATE claims SET uid = ?, created_by = ? WHERE id = ?').run(claim.uid, reviewer, created.id);
    tally.claims++;
  }

  // Sessions unknown here, with the part of their queue this project has.
  const sessionByUid = db.prepare<[string], { id: number; closed_at: string | null; deleted_at: string | null; title: string }>(
    'SELECT id, closed_at, deleted_at, title FROM review_sessions WHERE uid = ?',
  );
  const createdSessions = new Set<number>();
  for (const session of pkg.sessions) {
    const here = sessionByUid.get(session.uid);
    if (here !== undefined && here.deleted_at !== null && revive(db, 'session', here.id, null)) {
      createdSessions.add(here.id);
      tally.sessions++;
    }
    if (here !== undefined) continue;
    const lead = personHere(db, session.lead);
    const id = db
      .prepare<unknown[], number>(
        'INSERT INTO review_sessions (uid, title, blind, lead_id, created_by, created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
      )
      .pluck()
      .get(session.uid, session.title, session.blind ? 1 : 0, lead, lead, session.createdAt, session.closedAt) as number;
    const claimIds: number[] = [];
    let missing = 0;
    for (const uid of session.claimUids) {
      const claim = claimByUid.get(uid);
      if (claim === undefined || claim.deleted_at !== null) missing++;
      else if (!claimIds.includes(claim.id)) claimIds.push(claim.id);
    }
    const insert = db.prepare<[number, number, number]>('INSERT INTO review_items (session_id, claim_id, position) VALUES (?, ?, ?)');
    claimIds.forEach((claimId, position) => insert.run(id, claimId, position));
    recordCreate(db, 'session', id, { ...rowSnapshot(db, SESSION_SPEC, id), claimIds });
    createdSessions.add(id);
    tally.sessions++;
    if (missing > 0) {
      skip(`Session “${session.title}”`, `${missing} of the claims in its queue are not in this project (or are in the bin); the session was made without them.`);
    }
  }
  /** A live session by uid; else lists `what` as not merged and returns null. */
  const liveSession = (uid: string, what: string) => {
    const session = sessionByUid.get(uid);
    if (session === undefined) skip(what, 'Its review session is not in this project.');
    else if (session.deleted_at !== null) skip(what, `The review session “${session.title}” was deleted here.`);
    else return session;
    return null;
  };

  // Votes.
  const voteByUid = db.prepare<[string], { id: number; deleted_at: string | null }>('SELECT id, deleted_at FROM review_votes WHERE uid = ?');
  const voteHere = (sql: string, ...params: unknown[]) =>
    db
      .prepare<unknown[], { id: number; verdict_key: string; confidence: number; comment: string | null }>(
        `SELECT v.id, vd.key AS verdict_key, v.confidence, v.comment FROM review_votes v JOIN verdicts vd ON vd.id = v.verdict_id WHERE ${sql}`,
      )
      .get(...params);
  const itemOf = db.prepare<[number, number], { decided_at: string | null }>('SELECT decided_at FROM review_items WHERE session_id = ? AND claim_id = ?');
  const liveVoteOf = db.prepare<[number, number, number], number>(
    'SELECT id FROM review_votes WHERE session_id = ? AND claim_id = ? AND reviewer_id = ? AND deleted_at IS NULL',
  );
  for (const vote of pkg.votes) {
    let known = voteByUid.get(vote.uid);
    const claim = liveClaim(vote.claimUid, 'A vote');
    if (claim === null) continue;
    const what = `Vote on ${quote(claim.exact)}`;
    const session = liveSession(vote.sessionUid, what);
    if (session === null) continue;
    const item = itemOf.get(session.id, claim.id);
    const fresh = createdSessions.has(session.id);
    const open = item !== undefined && (fresh || (session.closed_at === null && item.decided_at === null));
    let revived = false;
    if (known?.deleted_at && open && liveVoteOf.get(session.id, claim.id, reviewer) === undefined && revive(db, 'vote', known.id, claim.id)) {
      known = { ...known, deleted_at: null };
      revived = true;
    }
    if (known?.deleted_at) {
      skip(what, 'This vote was withdrawn here.');
      continue;
    }
    const verdictId = library.verdictId(vote.verdictKey);
    // The same vote (by uid), or another live vote of theirs on the claim in the session.
    const mine =
      known !== undefined
        ? voteHere('v.id = ?', known.id)
        : voteHere('v.session_id = ? AND v.claim_id = ? AND v.reviewer_id = ? AND v.deleted_at IS NULL', session.id, claim.id, reviewer);
    const ours = mine === undefined ? null : { verdict: mine.verdict_key, confidence: mine.confidence, comment: mine.comment };
    const theirs = { verdict: vote.verdictKey, confidence: vote.confidence, comment: vote.comment };
    const base = vote.base === null ? null : { verdict: vote.base.verdictKey, confidence: vote.base.confidence, comment: vote.base.comment };
    if (ours !== null && JSON.stringify(ours) === JSON.stringify(theirs)) tally[revived ? 'votes' : 'alreadyHere']++;
    else if (item === undefined) skip(what, `The claim is not in the queue of “${session.title}” here.`);
    else if (!fresh && session.closed_at !== null) skip(what, `The session “${session.title}” is closed here.`);
    else if (!fresh && item.decided_at !== null) skip(what, 'The lead has already decided this claim here; votes were closed.');
    else if (verdictId === null) skip(what, `The verdict “${vote.verdictKey}” is not on this project's scale.`);
    else if (mine === undefined) {
      const id = db
        .prepare<unknown[], number>(
          `INSERT INTO review_votes (uid, session_id, claim_id, reviewer_id, verdict_id, confidence, comment, cast_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .pluck()
        .get(vote.uid, session.id, claim.id, reviewer, verdictId, vote.confidence, vote.comment, vote.castAt, vote.castAt) as number;
      recordCreate(db, 'vote', id, { sessionId: session.id, ...rowSnapshot(db, VOTE_SPEC, id) }, claim.id);
      tally.votes++;
    } else if (known !== undefined && (revived || JSON.stringify(ours) === JSON.stringify(base))) {
      // Changed in the copy since it was cast, not here: theirs is the newer vote.
      const before = rowSnapshot(db, VOTE_SPEC, mine.id);
      db.prepare('UPDATE review_votes SET verdict_id = ?, confidence = ?, comment = ?, updated_at = ? WHERE id = ?').run(
        verdictId,
        vote.confidence,
        vote.comment,
        nowIso(),
        mine.id,
      );
      recordDiff(db, 'vote', mine.id, before, rowSnapshot(db, VOTE_SPEC, mine.id), 'update', claim.id);
      tally.votes++;
    } else {
      // Only the same vote (by uid) has a base both sides started from.
      const who = { sessionUid: vote.sessionUid, reviewerUid: pkg.madeBy.uid };
      const common = known !== undefined && base !== null ? { ...who, ...base } : undefined;
      keepConflict(claim.id, 'vote', common, { ...who, ...ours }, { ...who, ...theirs });
    }
  }

  // Comments.
  const commentByUid = db.prepare<[string], { id: number; claim_id: number; deleted_at: string | null }>(
    'SELECT id, claim_id, deleted_at FROM review_comments WHERE uid = ?',
  );
  for (const comment of pkg.comments) {
    const here = commentByUid.get(comment.uid);
    if (here !== undefined && here.deleted_at !== null && revive(db, 'comment', here.id, here.claim_id)) {
      tally.comments++;
      continue;
    }
    if (here !== undefined) {
      tally.alreadyHere++;
      continue;
    }
    const claim = liveClaim(comment.claimUid, 'A comment');
    if (claim === null) continue;
    let sessionId: number | null = null;
    if (comment.sessionUid !== null) {
      const session = liveSession(comment.sessionUid, `Comment on ${quote(claim.exact)}`);
      if (session === null) continue;
      sessionId = session.id;
    }
    const id = db
      .prepare<unknown[], number>(
        'INSERT INTO review_comments (uid, claim_id, session_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      )
      .pluck()
      .get(comment.uid, claim.id, sessionId, reviewer, comment.body, comment.createdAt) as number;
    recordCreate(db, 'comment', id, { sessionId, ...rowSnapshot(db, COMMENT_SPEC, id) }, claim.id);
    tally.comments++;
  }

  // Edits of claim fields, three-way. Their changes this project's history holds too were made
  // before the copy was taken: the base is the value before the first one it does not hold.
  const sharedChange = db
    .prepare<[number, string, number, number], number>(
      "SELECT 1 FROM history WHERE id = ? AND at = ? AND entity = 'claim' AND entity_id = ? AND actor_id = ?",
    )
    .pluck();
  for (const edit of pkg.edits) {
    const label = MERGE_FIELD_LABELS[edit.field];
    const claim = liveClaim(edit.claimUid, `A change of ${label.toLowerCase()}`);
    if (claim === null) continue;
    const ours = fieldValue(db, edit.field, claimRecord(db, claim.id));
    const fresh = edit.changes.find((c) => sharedChange.get(c.historyId, c.at, claim.id, reviewer) === undefined);
    const base = fresh === undefined ? edit.base : fresh.before;
    if (same(ours, edit.theirs) || (edit.changes.length > 0 && fresh === undefined)) {
      // The same value, or only changes made before the copy (the project has them, and what followed).
      tally.alreadyHere++;
    } else if (same(ours, base)) {
      const value = recordValue(library, edit.field, edit.theirs);
      if (value === undefined) {
        skip(`${label} of ${quote(claim.exact)}`, `The verdict “${String(edit.theirs)}” is not on this project's scale.`);
        continue;
      }
      changeClaim(db, claim.id, checkClaimValues(db, { [RECORD_FIELDS[edit.field]]: value }));
      tally.edits++;
    } else {
      keepConflict(claim.id, edit.field, base, ours, edit.theirs);
    }
  }

  // Changes a package describes but does not merge.
  for (const note of pkg.notCarried) {
    const claim = claimByUid.get(note.claimUid);
    skip(
      claim === undefined ? 'A change to a claim not in this project' : `A change to ${quote(claim.exact)}`,
      `${note.description}. Review packages do not merge this kind of change; make it here by hand if the desk agrees.`,
    );
  }
  return tally;
}

// Only the bin state is written back here, which the session's row spec covers.
/**
 * The profile with `person`'s uid, created from the package when this project has none. An
 * existing profile is left as it is: names are not changed behind the desk's back.
 */
function personHere(db: Database, person: PackagePerson): number {
  const id = db.prepare<[string], number>('SELECT id FROM profiles WHERE uid = ?').pluck().get(person.uid);
  return id ?? ensureProfile(db, person).id;
}

const REVIVED = { claim: claimHistory, session: rowHistory(SESSION_SPEC), vote: voteHistory, comment: commentHistory } as const;

/**
 * Brings back record `id`, in the bin because undoing an earlier merge undid its creation (and
 * nothing happened to it since): merging the package again brings it back as it was, recorded
 * as a restore. Returns false, changing nothing, for a record deleted any other way.
 */
function revive(db: Database, entity: keyof typeof REVIVED, id: number, claimId: number | null): boolean {
  const byUndoneMerge = db
    .prepare<[string, number, string, number], number>(
      `SELECT 1 FROM history h JOIN history m ON m.id = h.part_of_id
       WHERE h.entity = ? AND h.entity_id = ? AND h.action = 'create' AND m.entity = 'merge' AND m.undone_by_id IS NOT NULL
         AND h.undone_by_id = (SELECT max(id) FROM history WHERE entity = ? AND entity_id = ?)`,
    )
    .pluck()
    .get(entity, id, entity, id);
  if (byUndoneMerge === undefined) return false;
  const handler = REVIVED[entity];
  const before = handler.snapshot(db, id);
  handler.apply(db, id, { deletedAt: null });
  recordDiff(db, entity, id, before, handler.snapshot(db, id), 'restore', claimId);
  return true;
}

function same(a: FieldValue, b: FieldValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field `field` of a claim's record form, as a package writes it (a verdict by key). */
export function fieldValue(db: Database, field: MergeField, record: Record<string, unknown>): FieldValue {
  const value = record[RECORD_FIELDS[field]];
  if (field === 'verdict') return db.prepare<[number], string>('SELECT key FROM verdicts WHERE id = ?').pluck().get(value as number) ?? null;
  return (value ?? null) as FieldValue;
}

/** A package's value of `field` in the record form (a verdict's id); undefined for a verdict this project lacks. */
export function recordValue(library: Pick<PackageLibrary, 'verdictId'>, field: MergeField, value: FieldValue): unknown {
  if (field !== 'verdict') return value;
  return typeof value === 'string' ? (library.verdictId(value) ?? undefined) : undefined;
}

/**
 * What createClaim needs for each new claim of `pkg` not here yet, by uid — its tags, sources
 * and speakers found or made — or why it cannot be merged.
 */
function prepareClaims(db: Database, library: PackageLibrary, pkg: ReviewPackage): Map<string, NewClaim | string> {
  const prepared = new Map<string, NewClaim | string>();
  const known = db.prepare<[string], number>('SELECT 1 FROM claims WHERE uid = ?').pluck();
  for (const claim of pkg.newClaims) {
    if (known.get(claim.uid) === undefined) prepared.set(claim.uid, prepareClaim(library, claim));
  }
  return prepared;
}

function prepareClaim(library: PackageLibrary, claim: PackageClaim): NewClaim | string {
  const document = library.documentId(claim.document.sha256, claim.document.title);
  if (document === null) return `The article “${claim.document.title}” is not in this project (or its text differs).`;
  const verdictId = library.verdictId(claim.verdictKey);
  if (verdictId === null) return `The verdict “${claim.verdictKey}” is not on this project's scale.`;
  if (claim.anchor.end > document.plainText.length) return 'Its quote lies beyond the end of the article here.';
  const placed = document.plainText.slice(claim.anchor.start, claim.anchor.end) === claim.anchor.exact;
  return {
    documentId: document.id,
    anchor: claim.anchor,
    unplaced: !placed,
    input: {
      sources: claim.sources.map((link) => ({ source: { sourceId: library.sourceId(link.source) }, role: link.role, pinpoint: link.pinpoint })),
      attribution: {
        kind: claim.attribution.kind,
        chain: claim.attribution.chain.map((hop) => ({ speaker: { speakerId: library.speakerId(hop.speaker) }, role: hop.role, reliability: hop.reliability })),
      },
      claimType: claim.claimType,
      verdictId,
      confidence: claim.confidence,
      rationale: claim.rationale,
      status: claim.status,
      note: claim.note,
      tagIds: [...new Set(claim.tags.map((path) => library.tagId(path)))],
      newTags: [],
    },
  };
}
