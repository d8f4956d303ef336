/**
 * The history of one claim inside its form: who changed what and when, newest first, each
 * change with an Undo — not only the last one.
 */
import { useCallback, useEffect, useState } from 'react';
import type { HistoryEntry, Verdict } from '../../../shared/domain';
import { call } from '../../services/api';
import { describeChange } from '../../history/describe-change';

interface Props {
  readonly claimId: number;
  readonly verdicts: readonly Verdict[];
  readonly onUndone?: (() => void) | undefined;
}

/** The claim's history, collapsed behind a disclosure button. */
export function ClaimHistory({ claimId, verdicts, onUndone }: Props) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await call('history:list', { entity: 'claim', entityId: claimId, limit: 100 });
    if (result.ok) setEntries(result.value);
    else setMessage(result.error.message);
  }, [claimId]);

  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  async function undo(entry: HistoryEntry) {
    const result = await call('history:undo', { entryId: entry.id });
    setMessage(result.ok ? 'Change undone.' : `Could not undo: ${result.error.message}`);
    await load();
    if (result.ok) onUndone?.();
  }

  return (
    <section className="claim-history">
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        History of this claim
      </button>
      {open && (
        <>
          {message && <p role="status">{message}</p>}
          <ol className="history-list">
            {(entries ?? []).map((e) => (
              <li key={e.id}>
                <span className="history-who" title={e.actor?.name ?? 'Unknown'}>
                  {e.actor?.initials ?? '?'}
                </span>
                <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
                <span className="history-what">{describeChange(e, verdicts)}</span>
                {e.undoneBy !== null ? (
                  <span className="hint">undone</span>
                ) : (
                  <button type="button" onClick={() => void undo(e)} aria-label={`Undo: ${describeChange(e, verdicts)}`}>
                    Undo
                  </button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
