/** What the renderer learns about the project file itself: its state, its copies, its backups. */

/**
 * Why the project is open read-only, if it is: `damaged` when a copy of the damaged file could
 * be read, `unreadable` when nothing of it could (an empty stand-in is shown).
 */
export type ReadOnlyReason = 'damaged' | 'unreadable';

/** The state of the open project file, for the window's banners. */
export interface ProjectFileStatus {
  readonly readOnly: ReadOnlyReason | null;
  /** What to tell the user about the read-only state; null when the project is writable. */
  readonly readOnlyMessage: string | null;
  /** A warning that the file is on a network share; null when it is local (as far as can be told). */
  readonly networkWarning: string | null;
  /** A backup that should have been taken and was not (on opening); null when all is well. */
  readonly backupWarning: string | null;
}

/** One automatic backup of the project. */
export interface BackupInfo {
  /** Its file name, which identifies it to `project:restoreBackup`. */
  readonly name: string;
  /** When it was taken, ISO 8601 UTC. */
  readonly time: string;
  readonly bytes: number;
  /** Taken just before Claimdesk updated the file to a newer format (kept longer). */
  readonly beforeUpdate: boolean;
}

/** The project's automatic backups and where they are. */
export interface BackupList {
  readonly folder: string;
  /** Newest first. */
  readonly backups: readonly BackupInfo[];
}

/** What restoring a backup did. */
export interface RestoreResult {
  /** The backup's file name. */
  readonly restored: string;
  /** Where the replaced project file now is (untouched), or null when there was none. */
  readonly keptAs: string | null;
  /** Whether the app restarts by itself on the restored file (false: the caller reopens it). */
  readonly restarting: boolean;
}

/** The file name pattern of a backup, as `project:restoreBackup` accepts it. */
export const BACKUP_NAME_PATTERN = /^[\p{L}\p{N} ._-]{1,60}-\d{8}T\d{6}Z(-before-update)?\.claimdesk$/u;
