/**
 * The history of one claim inside its form: who changed what and when — its edits, and the
 * votes, comments, sign-offs and merges that concern it — newest first, each with an Undo.
 */
import { useCallback, useEffect, useState } from 'react';
import type { HistoryEntry, Tag, Verdict } from '../../../shared/domain';
import { call } from '../../services/api';
import { changeLines, entryTitle, NO_NAMES, type Names } from '../../views/history/describe-change';

interface Props {
  readonly claimId: number;
  readonly verdicts: readonly Verdict[];
  readonly tags: readonly Tag[];
  readonly onUndone?: (() => void) | undefined;
}

/** "Claim 3 changed — verdict: Unproven → False; confidence: 50 → 80". */
function describe(entry: HistoryEntry, names: Names): string {
  const lines = changeLines(entry, names);
  return lines.length === 0 ? entryTitle(entry, names) : `${entryTitle(entry, names)} — ${lines.join('; ')}`;
}

/** The claim's history, collapsed behind a disclosure button. */
export function ClaimHistory({ claimId, verdicts, tags, onUndone }: Props) {
  const names: Names = { ...NO_NAMES, verdict: new Map(verdicts.map((v) => [v.id, v.label])), tag: new Map(tags.map((t) => [t.id, t.path.join(' › ')])) };
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await call('history:list', { claimId, limit: 100 });
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
                <span className="history-what">{describe(e, names)}</span>
                {e.undoneBy !== null ? (
                  <span className="hint">undone</span>
                ) : (
                  <button type="button" onClick={() => void undo(e)} aria-label={`Undo: ${describe(e, names)}`}>
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
