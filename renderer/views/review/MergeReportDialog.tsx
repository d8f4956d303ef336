/**
 * What merging a review package did: what it brought in, what was already here, how many
 * edits met a different edit here (kept side by side to resolve), and what could not be
 * merged, with why.
 */
import { useId } from 'react';
import type { MergeReport, PackageCounts } from '../../../shared/domain';
import { Modal } from '../../components/Modal';
import '../../styles/exchange.css';

interface Props {
  readonly report: MergeReport;
  readonly onClose: () => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The counts of a package or merge in words ("2 votes, 1 comment"); "nothing" when all are 0. */
export function describeCounts(c: PackageCounts): string {
  const parts = [
    c.votes > 0 && plural(c.votes, 'vote'),
    c.comments > 0 && plural(c.comments, 'comment'),
    c.claims > 0 && plural(c.claims, 'new claim'),
    c.edits > 0 && plural(c.edits, 'edit'),
    c.sessions > 0 && plural(c.sessions, 'session'),
  ].filter((p): p is string => typeof p === 'string');
  return parts.length === 0 ? 'nothing' : parts.join(', ');
}

/** The merge report dialog. */
export function MergeReportDialog({ report, onClose }: Props) {
  const id = useId();
  const from = `${report.madeBy.name}’s package${report.fileName === null ? '' : ` (${report.fileName})`}`;
  const title = report.alreadyMerged ? 'Already merged' : report.mergeId === null ? 'Nothing new' : 'Review package merged';
  return (
    <Modal title={title} titleId={`${id}-title`} onClose={onClose}>
      <div className="import-report">
        {report.alreadyMerged ? (
          <p>{from} was merged before, and that merge stands: nothing was changed. Undo that merge first to merge it again.</p>
        ) : report.mergeId === null ? (
          <p>Everything in {from} is already in this project: nothing was changed.</p>
        ) : (
          <p>{from}, made {new Date(report.madeAt).toLocaleString()}.</p>
        )}
        {!report.alreadyMerged && (
          <dl>
            <dt>Brought in</dt>
            <dd>{describeCounts(report.merged)}</dd>
            <dt>Already here</dt>
            <dd>{report.alreadyHere === 0 ? 'nothing' : `${plural(report.alreadyHere, 'item')}, left as they were`}</dd>
            <dt>Conflicts</dt>
            <dd>
              {report.conflicts === 0
                ? 'none'
                : `${plural(report.conflicts, 'change')} met a different change made here; nothing was overwritten. Resolve them under “Merged packages”.`}
            </dd>
          </dl>
        )}
        {report.notMerged.length > 0 && (
          <section aria-labelledby={`${id}-not-merged`}>
            <h3 id={`${id}-not-merged`}>Not merged ({report.notMerged.length})</h3>
            <ul>
              {report.notMerged.map((n, i) => (
                <li key={i}>
                  {n.what}: {n.reason}
                </li>
              ))}
            </ul>
          </section>
        )}
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
