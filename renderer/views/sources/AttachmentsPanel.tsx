/**
 * A source's archived copies: the files stored inside the project with their size, date and
 * SHA-256. A copy is added through the file dialog or by dropping a file onto this area, opened
 * (main checks the hash first and refuses a damaged copy), or removed after a confirmation.
 *
 * A file dropped here is archived with the source, not imported as an article: the drop events
 * stop here, so the window-wide article drop does not see them.
 */
import { useId, useState, type DragEvent } from 'react';
import type { Attachment, Source } from '../../../shared/domain';
import type { AppErrorValue } from '../../../shared/result';
import { Modal } from '../../components/Modal';
import { call } from '../../services/api';
import { formatBytes, formatTimestamp, shortHash } from '../library/format';

interface Props {
  readonly source: Source;
  /** Receives the source as main stores it after a change to its copies. */
  readonly onChanged: (source: Source) => void;
}

type Message = { readonly kind: 'status' | 'error'; readonly text: string } | null;

const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

function openFailure(attachment: Attachment, error: AppErrorValue): string {
  if (error.kind === 'damaged') {
    // Main's message says what failed (the checksum); this says what it means for the user.
    return `Damaged copy: “${attachment.fileName}” was not opened. ${error.message} Archive the file again from the original if you have it.`;
  }
  return `Could not open “${attachment.fileName}”: ${error.message}`;
}

/** The "Archived copies" section of a source. */
export function AttachmentsPanel({ source, onChanged }: Props) {
  const id = useId();
  const [message, setMessage] = useState<Message>(null);
  const [dragging, setDragging] = useState(false);
  const [removing, setRemoving] = useState<Attachment | null>(null);

  async function refresh() {
    const result = await call('sources:get', { id: source.id });
    if (result.ok) onChanged(result.value);
  }

  async function archiveFromDialog() {
    const result = await call('attachments:addDialog', { sourceId: source.id });
    if (!result.ok) return setMessage({ kind: 'error', text: `Not archived: ${result.error.message}` });
    if (result.value === null) return;
    setMessage({ kind: 'status', text: `Archived “${result.value.fileName}”.` });
    await refresh();
  }

  async function archiveFiles(files: File[]) {
    const archived: string[] = [];
    const refused: string[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await call('attachments:addBytes', { sourceId: source.id, bytes, fileName: file.name });
      if (result.ok) archived.push(`“${result.value.fileName}”`);
      else refused.push(`“${file.name}”: ${result.error.message}`);
    }
    if (refused.length > 0) setMessage({ kind: 'error', text: `Not archived — ${refused.join('; ')}` });
    else setMessage({ kind: 'status', text: `Archived ${archived.join(', ')}.` });
    if (archived.length > 0) await refresh();
  }

  async function open(attachment: Attachment) {
    const result = await call('attachments:open', { id: attachment.id });
    setMessage(result.ok ? { kind: 'status', text: `Opened “${attachment.fileName}”; its checksum matched.` } : { kind: 'error', text: openFailure(attachment, result.error) });
  }

  async function remove(attachment: Attachment) {
    const result = await call('attachments:delete', { id: attachment.id });
    setRemoving(null);
    if (!result.ok) return setMessage({ kind: 'error', text: `Not removed: ${result.error.message}` });
    setMessage({ kind: 'status', text: `Removed “${attachment.fileName}”.` });
    onChanged(result.value);
  }

  // Drag events are stopped here so the window-wide "drop an article" handler never sees them.
  const dragProps = {
    onDragEnter: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      setDragging(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.stopPropagation();
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      setDragging(false);
      const files = [...e.dataTransfer.files];
      if (files.length > 0) void archiveFiles(files);
    },
  };

  return (
    <section className="lib-section" aria-labelledby={id} {...dragProps}>
      <h3 id={id}>Archived copies</h3>
      <div className={dragging ? 'lib-dropzone dragging' : 'lib-dropzone'}>
        {source.attachments.length === 0 ? (
          <p className="hint">No archived copy yet.</p>
        ) : (
          <ul className="lib-attachments">
            {source.attachments.map((a) => (
              <li key={a.id} className="lib-attachment">
                <span className="lib-attachment-name">{a.fileName}</span>
                <span className="lib-item-meta">
                  {formatBytes(a.size)} · added <time dateTime={a.addedAt}>{formatTimestamp(a.addedAt)}</time> ·{' '}
                  <span title={`SHA-256 ${a.sha256}`}>SHA-256 {shortHash(a.sha256)}</span>
                </span>
                <span className="lib-attachment-actions">
                  <button type="button" onClick={() => void open(a)} aria-label={`Open “${a.fileName}”`}>
                    Open
                  </button>
                  <button type="button" className="link-button" onClick={() => setRemoving(a)} aria-label={`Remove “${a.fileName}”`}>
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="lib-drop-hint">
          <button type="button" onClick={() => void archiveFromDialog()}>
            Archive a copy…
          </button>
          <span className="hint">or drop a file here (PDF, HTML, image or text).</span>
        </p>
      </div>
      {message?.kind === 'error' && (
        <p className="form-error" role="alert">
          {message.text}
        </p>
      )}
      <p className="hint" role="status">
        {message?.kind === 'status' ? message.text : ''}
      </p>
      {removing && (
        <Modal title="Remove the archived copy?" titleId={`${id}-remove`} onClose={() => setRemoving(null)}>
          <p>
            “{removing.fileName}” will no longer be archived with this source. The source and the claims citing it stay as they are.
          </p>
          <div className="form-actions">
            <span className="spacer" />
            <button type="button" onClick={() => setRemoving(null)} data-autofocus="">
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => void remove(removing)}>
              Remove copy
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
