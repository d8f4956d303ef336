/**
 * Making a review package from a copy of the project: what the current profile did there.
 *
 * - votes: their live votes (session and claim by uid, verdict by key);
 * - comments: their live comments;
 * - sessions: every session those name, with its lead and queue (so the desk can create a
 *   session the reviewer started in the copy);
 * - new claims: the live claims they created, with the article (SHA-256 of its plain text),
 *   anchor, fields, verdict by key, tags by path, and sources and speakers by their fields;
 * - edits: for each field of a claim they changed (history entries of theirs not undone), the
 *   value now (theirs) and each of their changes (entry id, time, value before), so the desk can
 *   tell the changes made before the copy was taken (its history holds them too) from those
 *   made in the copy; a field changed and changed back is not an edit. Only the fields of MERGE_FIELDS travel as edits; changes of a
 *   claim's sources, attribution, tags, quote, links or bin state travel as notes in words
 *   (`notCarried`), so the merge report can list them for the desk to redo by hand.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  ATTRIBUTION_LABELS,
  HOP_ROLE_LABELS,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  SOURCE_ROLE_LABELS,
  type FieldValue,
  type MergeField,
  type PackageClaim,
  type PackageComment,
  type PackageEdit,
  type PackageNote,
  type PackagePerson,
  type PackageSession,
  type PackageVote,
  type ReviewPackage,
} from '../../../shared/domain';
import { claimRecord, type ClaimRecord } from '../claim-record';
import { getProfile } from '../profiles';
import { getSource } from '../sources';
import { getSpeaker } from '../speakers';
import { nowIso } from '../validate';
import { requireReviewer } from './sessions';

/** Record-form field → package field, for the fields edits carry. */
export const RECORD_FIELDS: Readonly<Record<MergeField, keyof ClaimRecord>> = {
  verdict: 'verdictId',
  confidence: 'confidence',
  rationale: 'rationale',
  note: 'note',
  status: 'status',
  claimType: 'claimType',
};

const TAG_PATH_SEPARATOR = ' › ';

/** The package of what the current profile did in `db`. AppError('invalid-argument') when nobody is acting. */
export function buildReviewPackage(db: Database, generator: string): ReviewPackage {
  return db.transaction((): ReviewPackage => {
    const me = requireReviewer(db);
    const profile = getProfile(db, me);
    const votes = myVotes(db, me);
    const comments = myComments(db, me);
    const sessionUids = new Set([...votes.map((v) => v.sessionUid), ...comments.flatMap((c) => (c.sessionUid === null ? [] : [c.sessionUid]))]);
    const newClaims = myClaims(db, me);
    // Claims they created get edits too: in a project that had the claim already, the
    // edit is what changes it.
    const { edits, notCarried } = myEdits(db, me);
    return {
      format: PACKAGE_FORMAT,
      version: PACKAGE_VERSION,
      uid: randomUUID(),
      madeAt: nowIso(),
      madeBy: { uid: profile.uid, name: profile.name, initials: profile.initials, color: profile.color },
      generator,
      sessions: [...sessionUids].map((uid) => packageSession(db, uid)),
      votes,
      comments,
      newClaims,
      edits,
      notCarried,
    };
  })();
}

function myVotes(db: Database, me: number): PackageVote[] {
  const firstCast = db
    .prepare<[number], string>("SELECT after_json FROM history WHERE entity = 'vote' AND entity_id = ? AND action = 'create' ORDER BY id LIMIT 1")
    .pluck();
  const rows = db
    .prepare<[number], Omit<PackageVote, 'base'> & { id: number }>(
      `SELECT v.id, v.uid, s.uid AS sessionUid, c.uid AS claimUid, vd.key AS verdictKey, v.confidence, v.comment, v.cast_at AS castAt
       FROM review_votes v JOIN review_sessions s ON s.id = v.session_id JOIN claims c ON c.id = v.claim_id
       JOIN verdicts vd ON vd.id = v.verdict_id
       WHERE v.reviewer_id = ? AND v.deleted_at IS NULL AND s.deleted_at IS NULL AND c.deleted_at IS NULL
       ORDER BY v.id`,
    )
    .all(me);
  return rows.map(({ id, ...vote }) => {
    const json = firstCast.get(id);
    const first = json === undefined ? null : (JSON.parse(json) as { verdictId?: number; confidence?: number; comment?: string | null });
    const base =
      first === null || typeof first.verdictId !== 'number' || typeof first.confidence !== 'number'
        ? null
        : { verdictKey: verdictKey(db, first.verdictId), confidence: first.confidence, comment: first.comment ?? null };
    return { ...vote, base };
  });
}

function myComments(db: Database, me: number): PackageComment[] {
  return db
    .prepare<[number], PackageComment>(
      `SELECT m.uid, c.uid AS claimUid, s.uid AS sessionUid, m.body, m.created_at AS createdAt
       FROM review_comments m JOIN claims c ON c.id = m.claim_id LEFT JOIN review_sessions s ON s.id = m.session_id
       WHERE m.author_id = ? AND m.deleted_at IS NULL AND c.deleted_at IS NULL
       ORDER BY m.id`,
    )
    .all(me);
}

function packageSession(db: Database, uid: string): PackageSession {
  const row = db
    .prepare<[string], { id: number; title: string; blind: number; created_at: string; closed_at: string | null; lead_id: number }>(
      'SELECT id, title, blind, created_at, closed_at, lead_id FROM review_sessions WHERE uid = ?',
    )
    .get(uid)!;
  const lead = getProfile(db, row.lead_id);
  const claimUids = db
    .prepare<[number], string>('SELECT c.uid FROM review_items i JOIN claims c ON c.id = i.claim_id WHERE i.session_id = ? ORDER BY i.position')
    .pluck()
    .all(row.id);
  return {
    uid,
    title: row.title,
    blind: row.blind === 1,
    lead: person(lead),
    createdAt: row.created_at,
    closedAt: row.closed_at,
    claimUids,
  };
}

function person(p: PackagePerson): PackagePerson {
  return { uid: p.uid, name: p.name, initials: p.initials, color: p.color };
}

function myClaims(db: Database, me: number): PackageClaim[] {
  const rows = db
    .prepare<[number], { id: number; uid: string; plain_text: string; title: string }>(
      `SELECT c.id, c.uid, d.plain_text, d.title FROM claims c JOIN documents d ON d.id = c.document_id
       WHERE c.created_by = ? AND c.deleted_at IS NULL ORDER BY c.id`,
    )
    .all(me);
  return rows.map((row) => {
    const record = claimRecord(db, row.id);
    return {
      uid: row.uid,
      document: { sha256: sha256(row.plain_text), title: row.title },
      anchor: record.anchor,
      verdictKey: verdictKey(db, record.verdictId),
      confidence: record.confidence,
      rationale: record.rationale,
      note: record.note,
      status: record.status,
      claimType: record.claimType,
      attribution: {
        kind: record.attribution.kind,
        chain: record.attribution.chain.map((hop) => {
          const { kind, name, role, affiliation, externalId } = getSpeaker(db, hop.speakerId);
          return { speaker: { kind, name, role, affiliation, externalId }, role: hop.role, reliability: hop.reliability };
        }),
      },
      sources: record.sources.map((link) => {
        const s = getSource(db, link.sourceId);
        const source = {
          type: s.type,
          title: s.title,
          publisher: s.publisher,
          authors: s.authors,
          issued: s.issued,
          accessed: s.accessed,
          url: s.url,
          language: s.language,
          notes: s.notes,
          reliability: s.reliability,
          reliabilityReason: s.reliabilityReason,
          confidential: s.confidential,
        };
        return { source, role: link.role, pinpoint: link.pinpoint };
      }),
      tags: record.tagIds.map((id) => tagPath(db, id)),
    };
  });
}

/** SHA-256 (hex) of an article's plain text: how a package names the article. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function verdictKey(db: Database, id: number): string {
  return db.prepare<[number], string>('SELECT key FROM verdicts WHERE id = ?').pluck().get(id) ?? String(id);
}

function tagPath(db: Database, id: number): string[] {
  const path: string[] = [];
  let at: number | null = id;
  while (at !== null && path.length < 50) {
    const row: { name: string; parent_id: number | null } | undefined = db
      .prepare<[number], { name: string; parent_id: number | null }>('SELECT name, parent_id FROM tags WHERE id = ?')
      .get(at);
    if (row === undefined) break;
    path.unshift(row.name);
    at = row.parent_id;
  }
  return path;
}

/** `value` of record field `field` as a package writes it (a verdict by key). */
function packageValue(db: Database, field: MergeField, value: unknown): FieldValue {
  if (field === 'verdict') return typeof value === 'number' ? verdictKey(db, value) : null;
  return (value ?? null) as FieldValue;
}

function myEdits(db: Database, me: number): { edits: PackageEdit[]; notCarried: PackageNote[] } {
  const entries = db
    .prepare<[number], { id: number; at: string; claim_id: number; uid: string; before_json: string | null }>(
      `SELECT h.id, h.at, h.entity_id AS claim_id, c.uid, h.before_json FROM history h JOIN claims c ON c.id = h.entity_id
       WHERE h.entity = 'claim' AND h.actor_id = ? AND h.action IN ('update', 'restore', 'delete', 'undo')
         AND h.undone_by_id IS NULL AND h.before_json IS NOT NULL
       ORDER BY h.id`,
    )
    .all(me);
  // Their changes of each field, oldest first, per claim.
  type Change = { historyId: number; at: string; before: unknown };
  const bases = new Map<number, { uid: string; changes: Map<string, Change[]> }>();
  for (const entry of entries) {
    const claim = bases.get(entry.claim_id) ?? { uid: entry.uid, changes: new Map<string, Change[]>() };
    bases.set(entry.claim_id, claim);
    for (const [field, value] of Object.entries(JSON.parse(entry.before_json!) as Record<string, unknown>)) {
      claim.changes.set(field, [...(claim.changes.get(field) ?? []), { historyId: entry.id, at: entry.at, before: value }]);
    }
  }
  const edits: PackageEdit[] = [];
  const notCarried: PackageNote[] = [];
  for (const [claimId, { uid, changes }] of bases) {
    const now = claimRecord(db, claimId) as unknown as Record<string, unknown>;
    const binned = now.deletedAt !== null;
    for (const [recordField, list] of changes) {
      const base = list[0]!.before;
      if (JSON.stringify(base ?? null) === JSON.stringify(now[recordField] ?? null)) continue;
      const field = (Object.keys(RECORD_FIELDS) as MergeField[]).find((f) => RECORD_FIELDS[f] === recordField);
      if (field !== undefined && !binned) {
        edits.push({
          claimUid: uid,
          field,
          base: packageValue(db, field, base),
          theirs: packageValue(db, field, now[recordField]),
          changes: list.slice(-1000).map((c) => ({ historyId: c.historyId, at: c.at, before: packageValue(db, field, c.before) })),
        });
      } else if (field === undefined) {
        notCarried.push({ claimUid: uid, field: recordField, description: describe(db, recordField, now[recordField]) });
      }
    }
  }
  return { edits, notCarried };
}

/** A record field's value in words, for a change a package does not merge. */
function describe(db: Database, field: string, value: unknown): string {
  switch (field) {
    case 'sources': {
      const links = value as ClaimRecord['sources'];
      if (links.length === 0) return 'Sources: none';
      return `Sources: ${links.map((l) => `${getSource(db, l.sourceId).title} (${SOURCE_ROLE_LABELS[l.role]})`).join('; ')}`;
    }
    case 'attribution': {
      const a = value as ClaimRecord['attribution'];
      const chain = a.chain.map((hop) => `${HOP_ROLE_LABELS[hop.role]} ${getSpeaker(db, hop.speakerId).name}`).join(', ');
      return `Attribution: ${ATTRIBUTION_LABELS[a.kind]}${chain === '' ? '' : ` — ${chain}`}`;
    }
    case 'tagIds': {
      const ids = value as readonly number[];
      return `Tags: ${ids.length === 0 ? 'none' : ids.map((id) => tagPath(db, id).join(TAG_PATH_SEPARATOR)).join('; ')}`;
    }
    case 'anchor':
      return `Attached to the text “${(value as ClaimRecord['anchor']).exact}”`;
    case 'groupId':
      return value === null ? 'No longer linked with other claims as the same claim' : 'Linked with other claims as the same claim';
    case 'deletedAt':
      return value === null ? 'Restored from the bin' : 'Moved to the bin';
    default:
      return `${field} changed`;
  }
}
