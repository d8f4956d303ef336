/**
 * Deleting a verdict. A verdict in use cannot vanish silently: its claims need another verdict,
 * chosen here. Without one, main refuses and the dialog shows why; nothing changes.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Verdict } from '../../../shared/domain';
import { Modal } from '../../components/Modal';
import { countText, ErrorNote } from '../tags/record-parts';

interface Props {
  readonly verdict: Verdict;
  readonly verdicts: readonly Verdict[];
  readonly busy: boolean;
  readonly error: string | null;
  /** `moveClaimsTo`: the verdict its claims get instead; null when none is chosen. */
  readonly onDelete: (moveClaimsTo: number | null) => void;
  readonly onCancel: () => void;
}

/** The "Delete verdict" dialog. */
export function DeleteVerdictDialog({ verdict, verdicts, busy, error, onDelete, onCancel }: Props) {
  const id = useId();
  const [targetId, setTargetId] = useState<number | null>(null);
  const inUse = verdict.claimCount > 0;
  const others = verdicts.filter((v) => v.id !== verdict.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    onDelete(inUse ? targetId : null);
  }

  return (
    <Modal title={`Delete verdict “${verdict.label}”`} titleId={`${id}-title`} onClose={onCancel}>
      <form className="vocab-dialog" onSubmit={submit}>
        {inUse ? (
          <>
            <p>
              {countText(verdict.claimCount, 'claim carries', 'claims carry')} this verdict. Choose the verdict they move to; claims with other verdicts keep
              theirs.
            </p>
            <label>
              Move its claims to
              <select value={targetId ?? ''} onChange={(e) => setTargetId(e.target.value === '' ? null : Number(e.target.value))} data-autofocus>
                <option value="">Choose a verdict…</option>
                {others.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.label}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : (
          <p>No claim carries this verdict, so every claim keeps its verdict.</p>
        )}
        <ErrorNote message={error} prefix="Not deleted:" />
        <div className="form-actions">
          <span className="spacer" />
          <button type="button" onClick={onCancel} {...(inUse ? {} : { 'data-autofocus': true })}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={busy}>
            Delete verdict
          </button>
        </div>
      </form>
    </Modal>
  );
}
