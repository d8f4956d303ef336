/**
 * The actions under a saved record: "Merge into…" and Delete. A refused delete is explained in
 * place — a 'conflict' means claims still use the record, which the user can resolve by merging
 * it or by changing those claims first.
 */
import { useState, type ReactNode } from 'react';
import type { Result } from '../../../shared/result';
import { MergeDialog } from './MergeDialog';
import type { LibraryRecord } from './use-record-library';

interface Props<T extends LibraryRecord> {
  readonly record: T;
  /** "source", "speaker". */
  readonly noun: string;
  readonly nameOf: (record: T) => string;
  readonly describe: (record: T) => string;
  /** Why a record still in use cannot be deleted, in the user's words. */
  readonly conflictExplanation: (record: T) => string;
  /** What a merge does, for the merge dialog. */
  readonly mergeExplanation: (record: T) => ReactNode;
  /** All live records (the dialog leaves this one out). */
  readonly loadAll: () => Promise<Result<T[]>>;
  readonly onMerge: (keepId: number, merged: T) => Promise<Result<T>>;
  readonly onDelete: (record: T) => Promise<Result<T>>;
}

/** Merge and Delete for the record in the detail pane. */
export function RecordActions<T extends LibraryRecord>({ record, noun, nameOf, describe, conflictExplanation, mergeExplanation, loadAll, onMerge, onDelete }: Props<T>) {
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    setError(null);
    const result = await onDelete(record);
    setBusy(false);
    if (!result.ok) setError(result.error.kind === 'conflict' ? conflictExplanation(record) : `Not deleted: ${result.error.message}`);
  }

  const loadOthers = async (): Promise<Result<T[]>> => {
    const result = await loadAll();
    return result.ok ? { ok: true, value: result.value.filter((r) => r.id !== record.id && r.deletedAt === null) } : result;
  };

  return (
    <div className="lib-record-actions">
      <div className="form-actions">
        <button type="button" onClick={() => setMerging(true)}>
          Merge into…
        </button>
        <span className="spacer" />
        <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
          Delete {noun}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {merging && (
        <MergeDialog
          title={`Merge “${nameOf(record)}” into…`}
          explanation={mergeExplanation(record)}
          chooseLabel={`The ${noun} to keep`}
          loadCandidates={loadOthers}
          nameOf={nameOf}
          describe={describe}
          onMerge={(keepId) => onMerge(keepId, record)}
          onClose={() => setMerging(false)}
        />
      )}
    </div>
  );
}
