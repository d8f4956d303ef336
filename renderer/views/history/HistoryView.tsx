/**
 * The History view: "nothing is lost". Every change to a claim, source, speaker, tag or verdict
 * — who made it, when, what it changed — with Undo for any of them, and the bin of deleted
 * claims with Restore. Both sections reload when either changes something.
 */
import { useCallback, useState } from 'react';
import '../../styles/vocabulary-views.css';
import type { ViewProps } from '../view-props';
import { ChangeLog } from './ChangeLog';
import { DeletedClaims } from './DeletedClaims';

/** The History view. */
export function HistoryView({ onOpenClaim, onDataChanged, notify }: ViewProps) {
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => {
    setVersion((v) => v + 1);
    onDataChanged();
  }, [onDataChanged]);

  return (
    <section className="view history-view" aria-labelledby="view-title">
      <h2 id="view-title">History</h2>
      <p className="hint">Every change to the project’s records, newest first. Any of them can be undone, and deleted claims can be restored.</p>
      <ChangeLog version={version} onChanged={changed} notify={notify} />
      <DeletedClaims version={version} onChanged={changed} onOpenClaim={onOpenClaim} notify={notify} />
    </section>
  );
}
