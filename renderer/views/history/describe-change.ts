/**
 * History entries in words. An entry holds only the fields that changed, in each record's
 * "record form" as main stores it (`verdictId: 3`, `tagIds: [1, 4]`, `deletedAt: null`); a
 * reader wants "verdict: Unproven → False". Pure: ids are resolved through the names the view
 * has loaded, and a name that is gone (a deleted tag) is written as its id rather than hidden.
 * Fields that only serve undo (the links a merge moved) are not shown.
 */
import {
  ATTRIBUTION_LABELS,
  CLAIM_STATUS_LABELS,
  CLAIM_TYPE_LABELS,
  GATE_PROBLEM_LABELS,
  RELIABILITY_LABELS,
  SOURCE_ROLE_LABELS,
  SOURCE_TYPE_LABELS,
  SPEAKER_KIND_LABELS,
  type HistoryAction,
  type HistoryEntity,
  type HistoryEntry,
} from '../../../shared/domain';

/** The kinds of record whose names a view loads (review records are named by their fields). */
type NamedEntity = 'claim' | 'source' | 'speaker' | 'tag' | 'verdict';

/** Names of the records an entry may refer to by id, per kind of record. */
export type Names = Readonly<Record<NamedEntity, ReadonlyMap<number, string>>>;

const NO_MAP: ReadonlyMap<number, string> = new Map();
const namesOf = (names: Names, entity: HistoryEntity): ReadonlyMap<number, string> =>
  (names as Partial<Record<HistoryEntity, ReadonlyMap<number, string>>>)[entity] ?? NO_MAP;

/** No names known yet. */
export const NO_NAMES: Names = { claim: new Map(), source: new Map(), speaker: new Map(), tag: new Map(), verdict: new Map() };

/** One changed field: its name and its value before and after, in words. */
export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/** Kinds of record, as a filter offers them. */
export const ENTITY_PLURALS: Record<HistoryEntity, string> = {
  claim: 'Claims',
  source: 'Sources',
  speaker: 'Speakers',
  tag: 'Tags',
  verdict: 'Verdicts',
  session: 'Review sessions',
  vote: 'Votes',
  comment: 'Comments',
  decision: 'Sign-offs',
  override: 'Publication overrides',
  merge: 'Review package merges',
  conflict: 'Merge conflicts',
};

const ENTITY_NAMES: Record<HistoryEntity, string> = {
  claim: 'Claim',
  source: 'Source',
  speaker: 'Speaker',
  tag: 'Tag',
  verdict: 'Verdict',
  session: 'Review session',
  vote: 'Vote',
  comment: 'Comment',
  decision: 'Sign-off',
  override: 'Publication override',
  merge: 'Review package merge',
  conflict: 'Merge conflict',
};

const ACTION_WORDS: Record<HistoryAction, string> = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
  restore: 'restored',
  merge: 'merged',
  undo: 'change undone',
};

const NONE = '(none)';
const MAX_TEXT = 80;
/** Fields kept for undo only, or said by the entry itself (who and when). */
const HIDDEN = new Set(['links', 'claimIds', 'sessionId', 'leadId', 'decidedBy', 'decidedAt', 'resolvedBy', 'resolvedAt', 'packageUid']);

/** Field names as words, where the stored name is not one already. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  verdictId: 'verdict',
  tagIds: 'tags',
  parentId: 'parent',
  claimType: 'claim type',
  color: 'colour',
  deletedAt: 'in the bin',
  mergedIntoId: 'merged into',
  groupId: 'linked group',
  anchor: 'passage',
  queue: 'order of the queue (claim ids)',
  fileName: 'file',
  madeBy: 'package made by',
};

/** Codes shown by their label, per field. */
const CODE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  claimType: CLAIM_TYPE_LABELS,
  status: CLAIM_STATUS_LABELS,
  reliability: RELIABILITY_LABELS,
  type: SOURCE_TYPE_LABELS,
  kind: SPEAKER_KIND_LABELS,
  problem: GATE_PROBLEM_LABELS,
  resolution: { ours: 'kept the desk’s value', theirs: 'took the package’s value' },
};

function fieldWords(key: string): string {
  return FIELD_WORDS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return '(empty)';
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return NONE;
  if (typeof value === 'string') return clip(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? NONE : value.map(plain).join(', ');
  return clip(JSON.stringify(value));
}

function nameOf(names: ReadonlyMap<number, string>, what: string, value: unknown): string {
  if (typeof value !== 'number') return plain(value);
  return names.get(value) ?? `${what} #${value}`;
}

function list(items: unknown, each: (item: Record<string, unknown>) => string): string {
  return Array.isArray(items) && items.length > 0 ? items.map((i) => each((i ?? {}) as Record<string, unknown>)).join(', ') : NONE;
}

/** A stored value in words, resolving ids and codes by the field (and kind of record) it belongs to. */
export function valueWords(entity: HistoryEntity, key: string, value: unknown, names: Names): string {
  if (key === 'deletedAt') return value ? 'yes' : 'no';
  if (value === null || value === undefined) return key === 'parentId' ? 'top level' : NONE;
  switch (key) {
    case 'verdictId':
      return nameOf(names.verdict, 'verdict', value);
    case 'parentId':
      return nameOf(names.tag, 'tag', value);
    case 'mergedIntoId':
      return nameOf(namesOf(names, entity), entity, value);
    case 'tagIds':
      return list(value, (id) => nameOf(names.tag, 'tag', id));
    case 'sources':
      return list(value, (s) => `${nameOf(names.source, 'source', s['sourceId'])} (${SOURCE_ROLE_LABELS[s['role'] as keyof typeof SOURCE_ROLE_LABELS] ?? plain(s['role'])})`);
    case 'anchor': {
      // Where the claim sits in its article: its quote, and where it starts.
      const a = value as { exact?: unknown; start?: unknown };
      const quote = typeof a.exact === 'string' ? `“${clip(a.exact)}”` : NONE;
      return typeof a.start === 'number' ? `${quote} at character ${a.start + 1}` : quote;
    }
    case 'attribution': {
      const a = value as { kind?: keyof typeof ATTRIBUTION_LABELS; chain?: unknown };
      const chain = list(a.chain, (hop) => nameOf(names.speaker, 'speaker', hop['speakerId']));
      const kind = (a.kind && ATTRIBUTION_LABELS[a.kind]) ?? NONE;
      return chain === NONE ? kind : `${kind}: ${chain}`;
    }
    default: {
      const label = typeof value === 'string' ? CODE_LABELS[key]?.[value] : undefined;
      return label ?? plain(value);
    }
  }
}

/** The fields an entry changed, in the order main stored them; fields that read the same are left out. */
export function fieldChanges(entry: HistoryEntry, names: Names): FieldChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN.has(k));
  return keys
    .map((key) => ({
      field: fieldWords(key),
      before: key in before ? valueWords(entry.entity, key, before[key], names) : NONE,
      after: key in after ? valueWords(entry.entity, key, after[key], names) : NONE,
    }))
    .filter((c) => c.before !== c.after);
}

/**
 * Lines such as "verdict: Unproven → False". A create lists what was set (leaving out what is
 * empty); a delete says nothing more than its title.
 */
export function changeLines(entry: HistoryEntry, names: Names): string[] {
  if (entry.action === 'delete' && entry.after === null) return [];
  const changes = fieldChanges(entry, names);
  if (entry.before === null) return changes.filter((c) => c.after !== NONE && c.field !== FIELD_WORDS['deletedAt']).map((c) => `${c.field}: ${c.after}`);
  return changes.map((c) => `${c.field}: ${c.before} → ${c.after}`);
}

/** The record an entry is about, by name where one is known: "Tag “Deaths”", "Claim 12". */
export function recordWords(entry: HistoryEntry, names: Names): string {
  const kind = ENTITY_NAMES[entry.entity];
  const stored = [entry.after, entry.before]
    .map((values) => values?.['name'] ?? values?.['label'] ?? values?.['title'])
    .find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const name = namesOf(names, entry.entity).get(entry.entityId) ?? stored;
  return name ? `${kind} “${clip(name)}”` : `${kind} ${entry.entityId}`;
}

/** What happened, in words: "Claim 12 changed". */
export function entryTitle(entry: HistoryEntry, names: Names): string {
  return `${recordWords(entry, names)} ${ACTION_WORDS[entry.action]}`;
}
