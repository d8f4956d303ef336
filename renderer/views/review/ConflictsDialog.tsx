/**
 * The conflicts a merge left: for each, the value in this project and the value from the
 * reviewer's package side by side (with the value both started from, when known), and the
 * desk's choice — keep ours, or take theirs. Resolved ones stay listed with the choice made.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { MERGE_FIELD_LABELS, type MergeConflict, type MergeSummary } from '../../../shared/domain';
import { Modal } from '../../components/Modal';
import { call } from '../../services/api';
import '../../styles/packages.css';

interface Props {
  readonly merge: MergeSummary;
  readonly onChanged: () => void;
  readonly onClose: () => void;
}

const quote = (text: string) => `“${text.length > 100 ? `${text.slice(0, 99)}…` : text}”`;

/** The conflicts dialog of one merge. */
export function ConflictsDialog({ merge, onChanged, onClose }: Props) {
  const id = useId();
  const [conflicts, setConflicts] = useState<MergeConflict[] | null>(null);
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    const result = await call('review:conflicts', { mergeId: merge.id });
    if (!result.ok) return setStatus(`Could not read the conflicts: ${result.error.message}`);
    setConflicts(result.value);
  }, [merge.id]);
  useEffect(() => void load(), [load]);

  const resolve = async (conflict: MergeConflict, resolution: 'ours' | 'theirs') => {
    const result = await call('review:resolveConflict', { id: conflict.id, resolution });
    if (!result.ok) return setStatus(result.error.message);
    setStatus(resolution === 'ours' ? 'Kept the value in this project.' : `Took the value from ${merge.madeBy}’s package.`);
    await load();
    onChanged();
  };

  const theirsLabel = `From ${merge.madeBy}’s package`;
  return (
    <Modal title={`Conflicts from ${merge.madeBy}’s package`} titleId={`${id}-title`} onClose={onClose} className="conflicts-dialog">
      <div className="import-report">
        <p className="hint">
          Each change below was made in the package and, differently, in this project. Nothing was overwritten: choose which value the claim keeps. A choice can
          be undone from the history.
        </p>
        {conflicts !== null && conflicts.length === 0 && <p>This merge left no conflicts.</p>}
        <ul className="conflict-list" aria-label="Conflicts">
          {(conflicts ?? []).map((c) => (
            <li key={c.id} className="conflict" aria-label={`${MERGE_FIELD_LABELS[c.field]} of ${quote(c.claimExact)}`}>
              <p className="conflict-head">
                <strong>{MERGE_FIELD_LABELS[c.field]}</strong> of {quote(c.claimExact)} <span className="hint">in {c.documentTitle}</span>
              </p>
              {c.base !== null && <p className="hint">Before either change: {c.base}</p>}
              <div className="conflict-sides">
                <section className={`conflict-side${c.resolution === 'ours' ? ' chosen' : ''}`} aria-label="In this project">
                  <h4>In this project</h4>
                  <p>{c.ours}</p>
                </section>
                <section className={`conflict-side${c.resolution === 'theirs' ? ' chosen' : ''}`} aria-label={theirsLabel}>
                  <h4>{theirsLabel}</h4>
                  <p>{c.theirs}</p>
                </section>
              </div>
              {c.resolution === null ? (
                <div className="package-buttons">
                  <button type="button" onClick={() => void resolve(c, 'ours')}>
                    Keep ours
                  </button>
                  <button type="button" onClick={() => void resolve(c, 'theirs')}>
                    Take theirs
                  </button>
                </div>
              ) : (
                <p className="hint">{c.resolution === 'ours' ? 'Resolved: kept the value in this project.' : 'Resolved: took the value from the package.'}</p>
              )}
            </li>
          ))}
        </ul>
        <p role="status" className="hint package-status">
          {status}
        </p>
        <div className="form-actions">
          <span className="spacer" />
          <button type="button" className="primary" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
