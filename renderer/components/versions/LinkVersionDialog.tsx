/**
 * Marking the open document as a new version of another one from the library: the user picks
 * the earlier document; its claims are then carried over to this one (see VersionLinkReport).
 */
import { useId, useState, type FormEvent } from 'react';
import type { DocumentSummary } from '../../../shared/domain';
import { Modal } from '../Modal';
import { formatDay } from './version-format';

interface Props {
  readonly document: DocumentSummary;
  /** The library: the latest version of each series. */
  readonly documents: readonly DocumentSummary[];
  /** The document to choose first (an earlier one with the same address), if any. */
  readonly suggested: DocumentSummary | null;
  readonly onLink: (previousId: number) => Promise<void>;
  readonly onClose: () => void;
}

/** The "Mark as new version of…" dialog. */
export function LinkVersionDialog({ document: doc, documents, suggested, onLink, onClose }: Props) {
  const id = useId();
  const choices = documents.filter((d) => d.seriesId !== doc.seriesId);
  const [chosen, setChosen] = useState<number | null>(suggested?.id ?? choices[0]?.id ?? null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen === null) return;
    setBusy(true);
    await onLink(chosen);
    setBusy(false);
  }

  return (
    <Modal title="Mark as new version" titleId={`${id}-title`} onClose={onClose} className="link-version-dialog">
      <form onSubmit={submit}>
        <p className="hint" id={`${id}-help`}>
          “{doc.title}” becomes the next version of the document you choose. Its claims are carried over to this one and placed on its text; those whose quoted text
          changed, moved or is gone are listed under “Changes” for you to check.
        </p>
        {choices.length === 0 ? (
          <p>There is no other document in the library.</p>
        ) : (
          <fieldset>
            <legend>Earlier version</legend>
            {choices.map((d, i) => (
              <label key={d.id} className="link-choice">
                <input type="radio" name={`${id}-previous`} value={d.id} checked={chosen === d.id} onChange={() => setChosen(d.id)} {...(i === 0 ? { 'data-autofocus': true } : {})} />
                <span>
                  {d.title} <span className="hint">· imported {formatDay(d.createdAt)} · {d.claimCount === 1 ? '1 claim' : `${d.claimCount} claims`}{d.versionCount > 1 ? ` · version ${d.version}` : ''}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={chosen === null || busy} aria-describedby={`${id}-help`}>
            Link as new version
          </button>
        </div>
      </form>
    </Modal>
  );
}
