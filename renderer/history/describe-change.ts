/**
 * Turns a history entry into a sentence a person can read: "Verdict: Unproven → False",
 * "Deleted", "Created". Field names are translated; verdict ids become their labels; long
 * values are shortened.
 */
import type { HistoryEntry, Verdict } from '../../shared/domain';

const FIELD_LABELS: Record<string, string> = {
  verdictId: 'Verdict',
  confidence: 'Confidence',
  note: 'Note',
  rationale: 'Rationale',
  status: 'Status',
  claimType: 'Claim type',
  attribution: 'Attribution',
  sources: 'Sources',
  tagIds: 'Tags',
  groupId: 'Linked claims',
  deletedAt: 'Deleted',
  title: 'Title',
  name: 'Name',
  label: 'Label',
  color: 'Colour',
  position: 'Position',
  parentId: 'Parent',
  reliability: 'Reliability',
  url: 'URL',
};

const ACTIONS: Record<HistoryEntry['action'], string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  restore: 'Restored',
  merge: 'Merged',
  undo: 'Undid a change',
};

function show(field: string, value: unknown, verdicts: ReadonlyMap<number, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'verdictId' && typeof value === 'number') return verdicts.get(value) ?? `verdict ${value}`;
  if (field === 'confidence' && typeof value === 'number') return `${value}%`;
  if (Array.isArray(value)) return value.length === 0 ? 'none' : `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return '…';
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** A one-line description of what an entry changed. */
export function describeChange(entry: HistoryEntry, verdicts: readonly Verdict[]): string {
  if (entry.action !== 'update') return ACTIONS[entry.action];
  const labels = new Map(verdicts.map((v) => [v.id, v.label]));
  const fields = Object.keys({ ...(entry.before ?? {}), ...(entry.after ?? {}) });
  if (fields.length === 0) return ACTIONS.update;
  return fields
    .map((f) => `${FIELD_LABELS[f] ?? f}: ${show(f, entry.before?.[f], labels)} → ${show(f, entry.after?.[f], labels)}`)
    .join('; ');
}
