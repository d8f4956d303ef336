/**
 * What an import of annotations did: how many claims were created and how each was placed,
 * what was already there, what could not be found in the text (kept, to be attached by
 * selection), and what could not become a claim at all, with why.
 */
import { useId } from 'react';
import type { AnnotationImportReport } from '../../shared/domain';
import { Modal } from './Modal';
import '../styles/exchange.css';

interface Props {
  readonly report: AnnotationImportReport;
  readonly onClose: () => void;
}

/** A count as the rest of the app writes it (2,400). */
const count = (n: number) => n.toLocaleString('en');
const claims = (n: number) => (n === 1 ? '1 claim' : `${count(n)} claims`);

/** The import report dialog. */
export function AnnotationImportReportDialog({ report, onClose }: Props) {
  const id = useId();
  const { created, duplicates, anchoredBy, orphans, skipped, warnings, total } = report;
  return (
    <Modal title="Annotations imported" titleId={`${id}-title`} onClose={onClose}>
      <div className="import-report">
        <p>
          {report.fileName}: {total === 1 ? '1 annotation' : `${count(total)} annotations`} with a quote.
        </p>
        <dl>
          <dt>New claims</dt>
          <dd>{claims(created)}</dd>
          <dt>Already imported</dt>
          <dd>{duplicates === 0 ? 'none' : `${claims(duplicates)}, left as they were`}</dd>
          <dt>Placed at their position</dt>
          <dd>{count(anchoredBy.position)}</dd>
          <dt>Placed by their quote</dt>
          <dd>{count(anchoredBy.quote)}</dd>
          <dt>Placed approximately</dt>
          <dd>{anchoredBy.fuzzy === 0 ? '0' : `${count(anchoredBy.fuzzy)} — check these: their quote differs a little from the text`}</dd>
          <dt>Not found in the text</dt>
          <dd>{orphans.length === 0 ? '0' : `${claims(orphans.length)}, kept under “Not found in the text”: select the passage and attach them`}</dd>
        </dl>
        {orphans.length > 0 && (
          <section aria-labelledby={`${id}-orphans`}>
            <h3 id={`${id}-orphans`}>Not found in the text</h3>
            <ul>
              {orphans.map((o) => (
                <li key={o.claimId}>“{o.exact.length > 120 ? `${o.exact.slice(0, 119)}…` : o.exact}”</li>
              ))}
            </ul>
          </section>
        )}
        {skipped.length > 0 && (
          <section aria-labelledby={`${id}-skipped`}>
            <h3 id={`${id}-skipped`}>Not imported ({skipped.length})</h3>
            <ul>
              {skipped.map((s) => (
                <li key={s.index}>
                  Annotation {s.index + 1}: {s.reason}
                </li>
              ))}
            </ul>
          </section>
        )}
        {warnings.length > 0 && (
          <section aria-labelledby={`${id}-warnings`}>
            <h3 id={`${id}-warnings`}>Worth knowing</h3>
            <ul>
              {warnings.map((w, i) => (
                <li key={i}>{w}</li>
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
