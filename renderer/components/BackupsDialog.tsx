/**
 * The project's automatic backups: when each was taken and its size, restoring one (after a
 * confirmation that says what happens to the current file), and saving a copy of the project.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { BackupList, RestoreResult } from '../../shared/ipc/project-file';
import { call } from '../services/api';
import { Modal } from './Modal';
import '../styles/project-file.css';

interface Props {
  readonly onClose: () => void;
  /** Shows a short message (a saved copy). */
  readonly notify: (message: string) => void;
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Asks where to save a copy of the project and saves it; says what happened through `notify`. */
export async function saveProjectCopy(notify: (message: string) => void): Promise<void> {
  const result = await call('project:saveCopy', {});
  if (!result.ok) notify(`The copy was not saved: ${result.error.message}`);
  else if (result.value) notify(`Saved a copy of the project to ${result.value.path}.`);
}

/** The Backups dialog. */
export function BackupsDialog({ onClose, notify }: Props) {
  const id = useId();
  const [list, setList] = useState<BackupList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await call('project:backups', {});
    if (result.ok) setList(result.value);
    else setError(result.error.message);
  }, []);
  useEffect(() => void load(), [load]);

  async function restore(name: string) {
    setBusy(true);
    setError(null);
    const result = await call('project:restoreBackup', { name });
    setBusy(false);
    setConfirming(null);
    if (result.ok) setRestored(result.value);
    else setError(result.error.message);
  }

  const chosen = list?.backups.find((b) => b.name === confirming);
  return (
    <Modal title="Backups" titleId={`${id}-title`} onClose={onClose} className="backups-dialog">
      {restored ? (
        <div role="status">
          <p>The backup is in place{restored.keptAs ? <> and the file it replaced is kept, unchanged, as “{restored.keptAs}”</> : null}.</p>
          <p>{restored.restarting ? 'Claimdesk is restarting on the restored project…' : 'Open the project again to carry on with the restored copy.'}</p>
        </div>
      ) : (
        <>
          <p className="hint">
            Claimdesk backs the project up when you open it, every 15 minutes while you change it, and when you quit: the 10 newest, one a day for a week and the last three taken before an update of the file’s format are kept
            {list ? <>, in {list.folder}</> : null}.
          </p>
          {list && list.backups.length === 0 && <p>There are no backups of this project yet.</p>}
          {list && list.backups.length > 0 && (
            <table className="backups-table" aria-labelledby={`${id}-title`}>
              <thead>
                <tr>
                  <th scope="col">Taken</th>
                  <th scope="col">Size</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.backups.map((b) => (
                  <tr key={b.name}>
                    <td>
                      <time dateTime={b.time}>{when(b.time)}</time>
                      {b.beforeUpdate && <span className="hint"> (before Claimdesk updated the file’s format)</span>}
                    </td>
                    <td>{size(b.bytes)}</td>
                    <td>
                      <button type="button" onClick={() => setConfirming(b.name)} disabled={busy} aria-label={`Restore the backup of ${when(b.time)}`}>
                        Restore…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {chosen && (
            <div className="restore-confirm" role="group" aria-label="Confirm the restore">
              <p>
                Replace the project with the backup of {when(chosen.time)}? The current file is not deleted: it is renamed and kept beside the restored one. Claimdesk then
                opens the backup.
              </p>
              <button type="button" className="primary" onClick={() => void restore(chosen.name)} disabled={busy}>
                Restore this backup
              </button>{' '}
              <button type="button" onClick={() => setConfirming(null)} disabled={busy}>
                Keep the current file
              </button>
            </div>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
      <div className="form-actions">
        {!restored && (
          <button type="button" onClick={() => void saveProjectCopy(notify)}>
            Save a copy as…
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="primary" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
