/** Paste an article's text to import it. */
import { useId, useState, type FormEvent } from 'react';
import type { AppErrorValue, Result } from '../../shared/result';
import { Modal } from './Modal';

interface Props {
  readonly onImport: (text: string, title: string) => Promise<Result<unknown>>;
  readonly onCancel: () => void;
}

/** The paste-text dialog. */
export function PasteDialog({ onImport, onCancel }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await onImport(text, title);
    setBusy(false);
    if (!result.ok) setError(result.error);
  }

  return (
    <Modal title="Paste an article" titleId={`${id}-title`} onClose={onCancel}>
      <form onSubmit={submit} className="paste-form">
        <label>
          Title (optional)
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          Article text
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={14} data-autofocus placeholder="date 2026-03-14 First paragraph…&#10;&#10;Second paragraph…" />
        </label>
        <p className="hint">Paragraphs are separated by blank lines. A first line starting with “date YYYY-MM-DD” sets the publication date.</p>
        {error && (
          <p className="form-error" role="alert">
            Not imported: {error.message}
          </p>
        )}
        <div className="form-actions">
          <span className="spacer" />
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || text.trim() === ''}>
            Import
          </button>
        </div>
      </form>
    </Modal>
  );
}
