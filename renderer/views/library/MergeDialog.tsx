/**
 * "Merge into…": the user picks, from the rest of the library, the record to keep; the open
 * record is merged into it. The dialog says what moves, so the user knows nothing is lost, and
 * shows main's refusal in place.
 */
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { Result } from '../../../shared/result';
import { Modal } from '../../components/Modal';

interface Props<T extends { readonly id: number }> {
  /** "Merge “Reuters wire” into…". */
  readonly title: string;
  /** What happens to links and files; shown above the choice. */
  readonly explanation: ReactNode;
  /** Label of the choice ("Source to keep"). */
  readonly chooseLabel: string;
  /** Loads the records one may merge into (the open record is left out by the caller). */
  readonly loadCandidates: () => Promise<Result<T[]>>;
  readonly nameOf: (record: T) => string;
  /** A second line under a candidate's name (type, publisher…). */
  readonly describe: (record: T) => string;
  readonly onMerge: (keepId: number) => Promise<Result<unknown>>;
  readonly onClose: () => void;
}

/** The merge dialog of a library view. */
export function MergeDialog<T extends { readonly id: number }>({ title, explanation, chooseLabel, loadCandidates, nameOf, describe, onMerge, onClose }: Props<T>) {
  const id = useId();
  const [candidates, setCandidates] = useState<T[] | null>(null);
  const [filter, setFilter] = useState('');
  const [keepId, setKeepId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadCandidates().then((result) => {
      if (result.ok) setCandidates(result.value);
      else setError(`Could not read the library: ${result.error.message}`);
    });
    // Loaded once when the dialog opens.
  }, []);

  const shown = useMemo(() => {
    const words = filter.trim().toLowerCase();
    return (candidates ?? []).filter((c) => words === '' || `${nameOf(c)} ${describe(c)}`.toLowerCase().includes(words));
  }, [candidates, filter, nameOf, describe]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (keepId === null || busy) return;
    setBusy(true);
    const result = await onMerge(keepId);
    setBusy(false);
    if (result.ok) onClose();
    else setError(`Not merged: ${result.error.message}`);
  }

  return (
    <Modal title={title} titleId={`${id}-title`} onClose={onClose} className="lib-merge-dialog">
      <form className="lib-form" onSubmit={submit} noValidate>
        <div className="lib-explanation">{explanation}</div>
        <label>
          Filter
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-autofocus="" />
        </label>
        <fieldset className="lib-choices">
          <legend>{chooseLabel}</legend>
          {candidates === null && !error && <p className="hint">Loading…</p>}
          {candidates !== null && shown.length === 0 && <p className="hint">Nothing else in the library matches.</p>}
          {shown.map((c) => (
            <label key={c.id} className="lib-choice">
              <input type="radio" name={`${id}-keep`} value={c.id} checked={keepId === c.id} onChange={() => setKeepId(c.id)} />
              <span>
                <span className="lib-choice-name">{nameOf(c)}</span>
                <span className="lib-choice-meta">{describe(c)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={keepId === null || busy}>
            Merge
          </button>
        </div>
      </form>
    </Modal>
  );
}
