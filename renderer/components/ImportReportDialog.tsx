/**
 * What a batch import did: the articles added (each can be opened), the files refused with the
 * reason, and the files whose text is not UTF-8 — for those the user picks the encoding while
 * seeing a preview of the text decoded with it, then imports.
 */
import { useId, useMemo, useState } from 'react';
import type { DocumentSummary } from '../../shared/domain';
import type { ImportReportState, PendingEncoding } from '../app/use-import';
import { Modal } from './Modal';
import '../styles/exchange.css';

interface Props {
  readonly report: ImportReportState;
  readonly onOpen: (documentId: number) => void;
  readonly onResolved: (question: PendingEncoding, document: DocumentSummary) => Promise<void>;
  readonly onClose: () => void;
}

const files = (n: number) => (n === 1 ? '1 file' : `${n} files`);

/** Decodes the sample with `label`, for the preview (never throws). */
function decodePreview(sample: Uint8Array, label: string): string {
  try {
    return new TextDecoder(label).decode(sample).replace(/\s+/g, ' ').slice(0, 600);
  } catch {
    return '';
  }
}

function EncodingChooser({ question, onResolved }: { question: PendingEncoding; onResolved: Props['onResolved'] }) {
  const id = useId();
  const options = useMemo(() => [question.guess, ...question.candidates.filter((c) => c !== question.guess)], [question]);
  const [encoding, setEncoding] = useState(question.guess);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = useMemo(() => (encoding === question.guess && question.preview ? question.preview : decodePreview(question.sample, encoding)), [encoding, question]);

  async function importIt() {
    setBusy(true);
    setError(null);
    const result = await question.answer(encoding);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    if ('status' in result.value) return setError('The text still cannot be read with this encoding. Try another.');
    await onResolved(question, result.value as DocumentSummary);
  }

  return (
    <li className="encoding-question">
      <p>
        <strong>{question.fileName}</strong> is not UTF-8 text. Which encoding is it in?
      </p>
      <label htmlFor={`${id}-enc`}>Encoding</label>{' '}
      <select id={`${id}-enc`} value={encoding} onChange={(e) => setEncoding(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o === question.guess ? `${o} (most likely)` : o}
          </option>
        ))}
      </select>
      <p className="encoding-preview" aria-label={`Preview with ${encoding}`}>
        {preview || '(nothing to preview)'}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" onClick={() => void importIt()} disabled={busy}>
        Import with {encoding}
      </button>
    </li>
  );
}

/** The import report dialog. */
export function ImportReportDialog({ report, onOpen, onResolved, onClose }: Props) {
  const id = useId();
  const { imported, refused, pending } = report;
  return (
    <Modal title="Import" titleId={`${id}-title`} onClose={onClose} className="import-report-dialog">
      <div className="import-report">
        <p>
          Imported {files(imported.length)}
          {refused.length > 0 ? `; ${files(refused.length)} refused` : ''}
          {pending.length > 0 ? `; ${files(pending.length)} waiting for you to confirm an encoding` : ''}.
        </p>
        {imported.length > 0 && (
          <section aria-labelledby={`${id}-imported`}>
            <h3 id={`${id}-imported`}>Imported</h3>
            <ul>
              {imported.map((item) => (
                <li key={item.document.id}>
                  <button type="button" className="link-button" onClick={() => onOpen(item.document.id)}>
                    {item.document.title}
                  </button>{' '}
                  <span className="hint">from {item.fileName}</span>
                  {item.warnings.length > 0 && (
                    <ul>
                      {item.warnings.map((w, i) => (
                        <li key={i} className="hint">
                          {w}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        {refused.length > 0 && (
          <section aria-labelledby={`${id}-refused`}>
            <h3 id={`${id}-refused`}>Not imported</h3>
            <ul>
              {refused.map((item, i) => (
                <li key={i}>{item.message}</li>
              ))}
            </ul>
            <p className="hint">Nothing was added for these files; your library is unchanged by them.</p>
          </section>
        )}
        {pending.length > 0 && (
          <section aria-labelledby={`${id}-pending`}>
            <h3 id={`${id}-pending`}>Confirm the encoding</h3>
            <ul className="encoding-questions">
              {pending.map((q) => (
                <EncodingChooser key={`${q.fileName}-${q.token ?? ''}`} question={q} onResolved={onResolved} />
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
