/**
 * The Electron side of the project file: asking before opening a project on a network share,
 * the backups timer, and relaunching after a backup was restored. The decisions are made in
 * plain modules (main/store/network-share.ts, project-session.ts); this only shows and schedules.
 */
import path from 'node:path';
import { app, dialog } from 'electron';
import { DEFAULT_BACKUP_INTERVAL_MS } from '../store/backup-schedule';
import { detectNetworkFileSystem, networkShareMessage } from '../store/network-share';
import { openProjectSession, type ProjectSession } from '../store/project-session';

/** How often the timer asks whether a backup is due (the schedule decides). */
const TICK_MS = 60_000;

/**
 * Opens `file` (created when missing) as the app's project, its backups in `<userData>/backups`.
 * On a network share, asks first: null when the user chose not to open it. Throws what
 * openProjectSession throws.
 */
export function openAppProject(file: string, userData: string): ProjectSession | null {
  const network = detectNetworkFileSystem(file);
  if (network) {
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      title: 'Project on a network share',
      message: `“${path.basename(file)}” is on a network share.`,
      detail: networkShareMessage(network),
      buttons: ['Open Anyway', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (choice !== 0) return null;
  }
  return openProjectSession(file, {
    create: true,
    backupsRoot: path.join(userData, 'backups'),
    recoveryRoot: path.join(app.getPath('temp'), `claimdesk-recovery-${process.pid}`),
    networkFileSystem: network,
    onBackupError: (error) => console.error('[backup] failed', error),
  });
}

/** Lets the session's schedule take a backup when one is due; returns a function that stops it. */
export function startBackupTimer(session: ProjectSession): () => void {
  if (!session.schedule) return () => {};
  const timer = setInterval(() => session.schedule?.tick(), Math.min(TICK_MS, DEFAULT_BACKUP_INTERVAL_MS));
  timer.unref();
  return () => clearInterval(timer);
}

/** After a restore: starts Claimdesk again (same arguments) on the restored file, once the reply has gone out. */
export function relaunchSoon(): void {
  setTimeout(() => {
    app.relaunch();
    app.exit(0);
  }, 300);
}
