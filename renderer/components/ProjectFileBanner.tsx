/**
 * What the window says about the project file itself: open read-only because it is damaged,
 * on a network share, or not backed up on opening. Asked once, when the window loads.
 */
import { useEffect, useState } from 'react';
import type { ProjectFileStatus } from '../../shared/ipc/project-file';
import { call } from '../services/api';
import '../styles/project-file.css';

interface Props {
  /** Opens the Backups dialog. */
  readonly onShowBackups: () => void;
}

/** The project-file banners (none for a healthy local project). */
export function ProjectFileBanner({ onShowBackups }: Props) {
  const [status, setStatus] = useState<ProjectFileStatus | null>(null);
  const [dismissed, setDismissed] = useState<readonly string[]>([]);
  useEffect(() => {
    void call('project:status', {}).then((r) => r.ok && setStatus(r.value));
  }, []);
  if (!status) return null;
  const notes = [status.networkWarning, status.backupWarning].filter((m): m is string => m !== null && !dismissed.includes(m));
  return (
    <>
      {status.readOnlyMessage && (
        <div className="banner file-banner" role="alert" aria-label="Read-only project">
          <span>{status.readOnlyMessage}</span>
          <button type="button" onClick={onShowBackups}>
            Backups…
          </button>
        </div>
      )}
      {notes.map((message) => (
        <div key={message} className="banner file-banner" role="alert">
          <span>{message}</span>
          <button type="button" className="link-button" onClick={() => setDismissed((d) => [...d, message])}>
            Dismiss
          </button>
        </div>
      ))}
    </>
  );
}
