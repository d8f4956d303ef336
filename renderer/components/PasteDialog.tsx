/**
 * Paste an article to import it. When the clipboard carries formatted text (copied from a web
 * page or a word processor), its structure — headings, lists, quotes, emphasis, links — is
 * kept: the HTML goes to main, which sanitises it like an imported web page. Editing the text
 * after pasting imports the plain text as typed.
 */
import { useId, useState, type ClipboardEvent, type FormEvent } from 'react';
import type { AppErrorValue, Result } from '../../shared/result';
import { Modal } from './Modal';

interface Props {
  readonly onImport: (text: string, title: string) => Promise<Result<unknown>>;
  readonly onImportHtml: (html: string, title: string) => Promise<Result<unknown>>;
  readonly onCancel: () => void;
}

/** The paste-text dialog. */
export function PasteDialog({ onImport, onImportHtml, onCancel }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  // The formatted version of what was pasted, with the text it came as (to notice later edits).
  const [formatted, setFormatted] = useState<{ html: string; text: string } | null>(null);

  function paste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const html = event.clipboardData.getData('text/html');
    const plain = event.clipboardData.getData('text/plain');
    setFormatted(text === '' && html.trim() !== '' ? { html, text: plain } : null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const keepFormatting = formatted !== null && formatted.text.trim() === text.trim();
    const result = keepFormatting ? await onImportHtml(formatted.html, title) : await onImport(text, title);
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
          <textarea value={text} onChange={(e) => setText(e.target.value)} onPaste={paste} rows={14} data-autofocus placeholder="date 2026-03-14 First paragraph…&#10;&#10;Second paragraph…" />
        </label>
        {formatted !== null && formatted.text.trim() === text.trim() ? (
          <p className="hint" role="status">
            Formatting kept: headings, lists, quotes, emphasis and links come along.
          </p>
        ) : (
          <p className="hint">Paragraphs are separated by blank lines. A first line starting with “date YYYY-MM-DD” sets the publication date.</p>
        )}
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
