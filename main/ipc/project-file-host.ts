/**
 * What the project-file handlers need from whoever opened the project: its state, its backups,
 * and a way to put a backup in place and start again on it. The app and the test harness both
 * build it from a ProjectSession; only what happens after a restore differs (the app relaunches,
 * a test reopens the file itself).
 */
import type { ProjectFileStatus, RestoreResult } from '../../shared/ipc/project-file';
import type { BackupEntry } from '../store/backup';
import type { ProjectSession } from '../store/project-session';

/** The open project file, as the handlers see it. */
export interface ProjectFileHost {
  readonly status: ProjectFileStatus;
  /** This project's backups folder. */
  readonly backupsDir: string;
  /** The backups, newest first. */
  listBackups(): BackupEntry[];
  /** Closes the project and puts backup `name` in place (see ProjectSession.restore). */
  restoreBackup(name: string): RestoreResult;
}

/**
 * The host of a session. `afterRestore`, when given, runs once the restored file is in place
 * (the app schedules its relaunch there); without it the caller reopens the project.
 */
export function sessionHost(session: ProjectSession, afterRestore: (() => void) | null = null): ProjectFileHost {
  return {
    status: session.status,
    backupsDir: session.backupsDir,
    listBackups: () => session.listBackups(),
    restoreBackup(name) {
      const report = session.restore(name);
      afterRestore?.();
      return { restored: name, keptAs: report.keptAs, restarting: afterRestore !== null };
    },
  };
}
