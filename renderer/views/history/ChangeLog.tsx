/**
 * The project's recent changes, newest first, with a filter by kind of record. Any change not
 * yet undone can be undone — not only the last one; main records the undo as a change of its
 * own, which appears at the top, and the undone change then says so.
 */
import { useCallback, useEffect, useState } from 'react';
import { HISTORY_ENTITIES, type HistoryEntity, type HistoryEntry } from '../../../shared/domain';
import { call } from '../../services/api';
import { ErrorNote } from '../tags/record-parts';
import { changeLines, ENTITY_PLURALS, entryTitle, NO_NAMES, type Names } from './describe-change';
import { HistoryEntryItem } from './HistoryEntryItem';
import { undoEntry } from './use-change';

const LIMIT = 200;

interface Props {
  /** Changes whenever something in the project changed (this list reloads). */
  readonly version: number;
  /** Called after an undo, so the bin and the shell reload. */
  readonly onChanged: () => void;
  readonly notify: (message: string) => void;
}

/** The list of recent changes. */
export function ChangeLog({ version, onChanged, notify }: Props) {
  const [filter, setFilter] = useState<HistoryEntity | null>(null);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [names, setNames] = useState<Names>(NO_NAMES);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<{ id: number; message: string } | null>(null);
  const [status, setStatus] = useState('');

  const load = useCallback(async (entity: HistoryEntity | null) => {
    const [history, verdicts, tags, sources, speakers] = await Promise.all([
      call('history:list', entity ? { entity, limit: LIMIT } : { limit: LIMIT }),
      call('verdicts:list', {}),
      call('tags:list', {}),
      call('sources:list', { includeDeleted: true }),
      call('speakers:list', { includeDeleted: true }),
    ]);
    if (!history.ok) return setLoadError(`Could not read the history: ${history.error.message}`);
    setLoadError(null);
    setEntries([...history.value].sort((a, b) => b.id - a.id));
    // A name that cannot be read is written as an id; the history itself is still shown.
    setNames({
      claim: new Map(),
      verdict: new Map(verdicts.ok ? verdicts.value.map((v) => [v.id, v.label]) : []),
      tag: new Map(tags.ok ? tags.value.map((t) => [t.id, t.path.length > 0 ? t.path.join(' › ') : t.name]) : []),
      source: new Map(sources.ok ? sources.value.map((s) => [s.id, s.title]) : []),
      speaker: new Map(speakers.ok ? speakers.value.map((s) => [s.id, s.name]) : []),
    });
  }, []);
  useEffect(() => void load(filter), [load, filter, version]);

  async function undo(entry: HistoryEntry) {
    setBusy(true);
    setFailed(null);
    const result = await undoEntry(entry.id);
    setBusy(false);
    if (!result.ok) return setFailed({ id: entry.id, message: result.error.message });
    const lines = changeLines(entry, names);
    const message = `Undone: ${entryTitle(entry, names)}${lines.length > 0 ? ` (${lines.join('; ')})` : ''}.`;
    setStatus(message);
    notify(message);
    onChanged();
  }

  return (
    <section className="history-log" aria-labelledby="history-log-title">
      <div className="history-toolbar">
        <h3 id="history-log-title">Recent changes</h3>
        <label className="inline-field">
          Kind of record
          <select value={filter ?? ''} onChange={(e) => setFilter(e.target.value === '' ? null : (e.target.value as HistoryEntity))}>
            <option value="">All records</option>
            {HISTORY_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {ENTITY_PLURALS[e]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="history-status" role="status">
        {status}
      </p>
      <ErrorNote message={loadError} />
      {entries && entries.length === 0 && <p className="hint">No changes recorded{filter ? ` for ${ENTITY_PLURALS[filter].toLowerCase()}` : ''} yet.</p>}
      {entries && entries.length > 0 && (
        <ol className="history-entries" aria-labelledby="history-log-title">
          {entries.map((entry) => (
            <HistoryEntryItem key={entry.id} entry={entry} names={names} busy={busy} error={failed?.id === entry.id ? failed.message : null} onUndo={(e) => void undo(e)} />
          ))}
        </ol>
      )}
    </section>
  );
}
