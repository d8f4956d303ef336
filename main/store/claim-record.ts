/**
 * The record form of a claim, as the history stores it, and the one place that writes a
 * claim's editable fields and links (create, update, re-attach, undo and the cascades of
 * verdict and tag deletes all go through `writeClaimValues`, so they make the same checks).
 * The record form holds the anchor too, so that re-attaching a claim to other text is a change
 * like any other, undone from the history.
 */
import type { Database } from 'better-sqlite3';
import {
  ATTRIBUTION_KINDS,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  HOP_ROLES,
  RELIABILITIES,
  SOURCE_ROLES,
  type AttributionKind,
  type ClaimStatus,
  type ClaimType,
  type HopRole,
  type Reliability,
  type SourceRole,
  type TextAnchor,
} from '../../shared/domain';
import { AppError } from '../../shared/result';
import { claimRow } from './claim-read';
import { recordDiff, type HistoryHandler, type HistoryRecord } from './history-log';
import { statement } from './statements';
import { requireLiveSource } from './source-record';
import { requireLiveSpeaker } from './speaker-record';
import { requireLiveTag } from './tag-record';
import { invalid, nowIso, oneOf, optionalText, recordId, recordIds } from './validate';
import { requireLiveVerdict } from './verdict-record';

/** A claim in the form history records (ids rather than resolved links). */
export type ClaimRecord = {
  readonly anchor: TextAnchor;
  readonly verdictId: number;
  readonly confidence: number;
  readonly note: string | null;
  readonly rationale: string | null;
  readonly status: ClaimStatus;
  readonly claimType: ClaimType | null;
  readonly attribution: {
    readonly kind: AttributionKind;
    readonly chain: readonly { readonly speakerId: number; readonly role: HopRole; readonly reliability: Reliability }[];
  };
  readonly sources: readonly { readonly sourceId: number; readonly role: SourceRole; readonly pinpoint: string | null }[];
  readonly tagIds: readonly number[];
  readonly groupId: number | null;
  readonly deletedAt: string | null;
};

/** What the claim form edits: everything but the anchor, the group and the bin state. */
export type ClaimValues = Omit<ClaimRecord, 'anchor' | 'groupId' | 'deletedAt'>;

/** The record form of claim `id`. AppError('not-found'). */
export function claimRecord(db: Database, id: number): ClaimRecord {
  const row = claimRow(db, id);
  const chain = statement<[number], { speakerId: number; role: HopRole; reliability: Reliability }>(
    db,
    'SELECT speaker_id AS speakerId, role, reliability FROM attribution_hops WHERE claim_id = ? ORDER BY position',
  ).all(id);
  const sources = statement<[number], { sourceId: number; role: SourceRole; pinpoint: string | null }>(
    db,
    'SELECT source_id AS sourceId, role, pinpoint FROM claim_sources WHERE claim_id = ? ORDER BY position',
  ).all(id);
  const tagIds = statement<[number], number>(db, 'SELECT tag_id FROM claim_tags WHERE claim_id = ? ORDER BY tag_id').pluck().all(id);
  return {
    anchor: { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.pos_start, end: row.pos_end },
    verdictId: row.verdict_id,
    confidence: row.confidence,
    note: row.note,
    rationale: row.rationale,
    status: row.status as ClaimStatus,
    claimType: row.claim_type as ClaimType | null,
    attribution: { kind: row.attribution_kind as AttributionKind, chain },
    sources,
    tagIds,
    groupId: row.group_id,
    deletedAt: row.deleted_at,
  };
}

/**
 * How the checks below ask whether a record a claim refers to exists and is live: each returns
 * the id, or throws AppError('invalid-argument') naming the record.
 */
export interface LiveChecks {
  readonly verdict: (id: number) => number;
  readonly speaker: (id: number) => number;
  readonly source: (id: number) => number;
  readonly tag: (id: number) => number;
}

/** LiveChecks that ask the database each time. */
export function liveChecks(db: Database): LiveChecks {
  return {
    verdict: (id) => requireLiveVerdict(db, id),
    speaker: (id) => requireLiveSpeaker(db, id),
    source: (id) => {
      requireLiveSource(db, id);
      return id;
    },
    tag: (id) => requireLiveTag(db, id),
  };
}

/**
 * LiveChecks that ask the database once per record and remember the ones found live: for a
 * batch of claims written in one transaction that deletes nothing meanwhile.
 */
export function rememberedLiveChecks(db: Database): LiveChecks {
  const plain = liveChecks(db);
  const remember = (check: (id: number) => number) => {
    const live = new Set<number>();
    return (id: number) => {
      if (!live.has(id)) live.add(check(id));
      return id;
    };
  };
  return { verdict: remember(plain.verdict), speaker: remember(plain.speaker), source: remember(plain.source), tag: remember(plain.tag) };
}

/**
 * Checks the fields present in `values` (from a caller or from the history) and returns them
 * normalised. Everything they refer to must exist and be live (asked through `live`).
 * AppError('invalid-argument').
 */
export function checkClaimValues(db: Database, values: HistoryRecord, live: LiveChecks = liveChecks(db)): Partial<ClaimRecord> {
  const checked: Record<string, unknown> = {};
  if ('verdictId' in values) checked.verdictId = live.verdict(recordId(values.verdictId, 'The verdict'));
  if ('confidence' in values) {
    const c = values.confidence;
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 100) {
      invalid('The confidence must be a whole number from 0 to 100.');
    }
    checked.confidence = c;
  }
  if ('note' in values) checked.note = optionalText(values.note, 'The note');
  if ('rationale' in values) checked.rationale = optionalText(values.rationale, 'The rationale');
  if ('status' in values) checked.status = oneOf(values.status, CLAIM_STATUSES, 'The status');
  if ('claimType' in values) {
    checked.claimType = values.claimType === null ? null : oneOf(values.claimType, CLAIM_TYPES, 'The claim type');
  }
  if ('attribution' in values) checked.attribution = checkAttribution(live, values.attribution);
  if ('sources' in values) checked.sources = checkSources(live, values.sources);
  if ('tagIds' in values) {
    checked.tagIds = recordIds(values.tagIds, 'A tag')
      .map((id) => live.tag(id))
      .sort((a, b) => a - b);
  }
  if ('groupId' in values) checked.groupId = values.groupId === null ? null : recordId(values.groupId, 'The claim group');
  return checked as Partial<ClaimRecord>;
}

function checkAttribution(live: LiveChecks, value: unknown): ClaimRecord['attribution'] {
  const attribution = value as { kind?: unknown; chain?: unknown } | null;
  if (typeof attribution !== 'object' || attribution === null || !Array.isArray(attribution.chain)) {
    invalid('The attribution needs a kind and a chain.');
  }
  const kind = oneOf(attribution.kind, ATTRIBUTION_KINDS, 'The attribution kind');
  if (kind === 'unattributed' && attribution.chain.length > 0) invalid('An unattributed claim has no attribution chain.');
  const chain = (attribution.chain as { speakerId?: unknown; role?: unknown; reliability?: unknown }[]).map((hop) => ({
    speakerId: live.speaker(recordId(hop.speakerId, 'A speaker')),
    role: oneOf(hop.role, HOP_ROLES, 'The role of a hop'),
    reliability: oneOf(hop.reliability, RELIABILITIES, 'The reliability of a hop'),
  }));
  return { kind, chain };
}

function checkSources(live: LiveChecks, value: unknown): ClaimRecord['sources'] {
  if (!Array.isArray(value)) invalid('The sources must be a list.');
  const seen = new Set<number>();
  return (value as { sourceId?: unknown; role?: unknown; pinpoint?: unknown }[]).map((link) => {
    const sourceId = live.source(recordId(link.sourceId, 'A source'));
    if (seen.has(sourceId)) invalid('A claim cites each source once; one source is listed twice.');
    seen.add(sourceId);
    return {
      sourceId,
      role: oneOf(link.role, SOURCE_ROLES, 'The role of a source'),
      pinpoint: optionalText(link.pinpoint, 'The pinpoint'),
    };
  });
}

/**
 * Checks `value` as the anchor of a claim on a document whose plain text is `plainText`: a
 * non-empty quote, context strings, and whole offsets with `start < end <= plainText.length`
 * and `end - start` the length of the quote. With `mustMatch` (a new or re-attached claim) the
 * text at those offsets must be the quote; without it (an imported claim whose quote was not
 * found, or an anchor the history puts back) the offsets are only where the quote was last
 * seen. Returns the anchor with nothing but its five fields. AppError('invalid-argument').
 */
export function checkAnchor(plainText: string, value: unknown, mustMatch: boolean): TextAnchor {
  const a = value as Partial<Record<keyof TextAnchor, unknown>> | null;
  const ok =
    typeof a === 'object' &&
    a !== null &&
    typeof a.exact === 'string' &&
    a.exact !== '' &&
    typeof a.prefix === 'string' &&
    typeof a.suffix === 'string' &&
    typeof a.start === 'number' &&
    typeof a.end === 'number' &&
    Number.isInteger(a.start) &&
    a.start >= 0 &&
    a.end === a.start + a.exact.length &&
    a.end <= plainText.length &&
    (!mustMatch || plainText.slice(a.start, a.end) === a.exact);
  if (!ok) invalid('The selected text does not match the document.');
  return { exact: a.exact as string, prefix: a.prefix as string, suffix: a.suffix as string, start: a.start as number, end: a.end as number };
}

/** The plain text of claim `id`'s document. AppError('not-found'). */
export function claimDocumentText(db: Database, id: number): string {
  const documentId = claimRow(db, id).document_id;
  return db.prepare<[number], string>('SELECT plain_text FROM documents WHERE id = ?').pluck().get(documentId) ?? '';
}

/** Column of each scalar field of the record form. Identifiers come from here, never from input. */
const COLUMNS = {
  verdictId: 'verdict_id',
  confidence: 'confidence',
  note: 'note',
  rationale: 'rationale',
  status: 'status',
  claimType: 'claim_type',
  groupId: 'group_id',
} as const;

/** Writes checked values (see checkClaimValues) to claim `id`, replacing links wholesale, and bumps updated_at. */
export function writeClaimValues(db: Database, id: number, values: Partial<ClaimRecord>): void {
  const keys = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter((key) => key in values);
  const assignments = keys.map((key) => `${COLUMNS[key]} = ?`);
  const params: unknown[] = keys.map((key) => values[key]);
  if (values.anchor !== undefined) {
    const { exact, prefix, suffix, start, end } = values.anchor;
    assignments.push('exact = ?', 'prefix = ?', 'suffix = ?', 'pos_start = ?', 'pos_end = ?');
    params.push(exact, prefix, suffix, start, end);
  }
  if (values.attribution !== undefined) {
    assignments.push('attribution_kind = ?');
    params.push(values.attribution.kind);
  }
  db.prepare(`UPDATE claims SET ${[...assignments, 'updated_at = ?'].join(', ')} WHERE id = ?`).run(...params, nowIso(), id);
  if (values.attribution !== undefined) {
    statement(db, 'DELETE FROM attribution_hops WHERE claim_id = ?').run(id);
    const insert = statement(db, 'INSERT INTO attribution_hops (claim_id, position, speaker_id, role, reliability) VALUES (?, ?, ?, ?, ?)');
    values.attribution.chain.forEach((hop, position) => insert.run(id, position, hop.speakerId, hop.role, hop.reliability));
  }
  if (values.sources !== undefined) {
    statement(db, 'DELETE FROM claim_sources WHERE claim_id = ?').run(id);
    const insert = statement(db, 'INSERT INTO claim_sources (claim_id, position, source_id, role, pinpoint) VALUES (?, ?, ?, ?, ?)');
    values.sources.forEach((link, position) => insert.run(id, position, link.sourceId, link.role, link.pinpoint));
  }
  if (values.tagIds !== undefined) {
    statement(db, 'DELETE FROM claim_tags WHERE claim_id = ?').run(id);
    const insert = statement(db, 'INSERT INTO claim_tags (claim_id, tag_id) VALUES (?, ?)');
    for (const tagId of values.tagIds) insert.run(id, tagId);
  }
}

/**
 * Writes checked `values` to claim `id` and records the change in its history. When they
 * change nothing, nothing is written (updated_at stays) and nothing recorded.
 */
export function changeClaim(db: Database, id: number, values: Partial<ClaimRecord>): void {
  const before: HistoryRecord = claimRecord(db, id);
  const same = Object.entries(values).every(([key, value]) => JSON.stringify(value) === JSON.stringify(before[key]));
  if (same) return;
  writeClaimValues(db, id, values);
  recordDiff(db, 'claim', id, before, claimRecord(db, id));
}

/** Moves claim `id` to the bin (a claim already there is unchanged). */
export function binClaim(db: Database, id: number): void {
  const now = nowIso();
  db.prepare('UPDATE claims SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id);
}

/**
 * Brings claim `id` back from the bin. AppError('conflict') while a source or speaker it
 * cites is in the bin: a live claim cites only live records.
 */
export function unbinClaim(db: Database, id: number): void {
  const gone = db
    .prepare<[number, number], string>(
      `SELECT 'the source "' || s.title || '"' FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
       WHERE cs.claim_id = ? AND s.deleted_at IS NOT NULL
       UNION ALL
       SELECT 'the speaker "' || sp.name || '"' FROM attribution_hops h JOIN speakers sp ON sp.id = h.speaker_id
       WHERE h.claim_id = ? AND sp.deleted_at IS NOT NULL`,
    )
    .pluck()
    .get(id, id);
  if (gone !== undefined) throw new AppError('conflict', `This claim cites ${gone}, which is in the bin; restore it first.`);
  db.prepare('UPDATE claims SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL').run(nowIso(), id);
}

/** The history's view of claims. */
export const claimHistory: HistoryHandler = {
  snapshot: (db, id) => claimRecord(db, id),
  apply(db, id, values) {
    const current = claimRecord(db, id);
    const { deletedAt, anchor, ...rest } = values;
    if (anchor !== undefined) writeClaimValues(db, id, { anchor: checkAnchor(claimDocumentText(db, id), anchor, false) });
    if (Object.keys(rest).length > 0) writeClaimValues(db, id, checkClaimValues(db, rest));
    if (typeof deletedAt === 'string' && current.deletedAt === null) binClaim(db, id);
    if (deletedAt === null && current.deletedAt !== null) unbinClaim(db, id);
  },
};
