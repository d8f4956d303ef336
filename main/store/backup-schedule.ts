/**
 * When automatic backups are taken: on opening (by the project session, before migrations),
 * every `intervalMs` while the data keeps changing, and on quitting if anything changed since
 * the last one. A project nobody touched gets no new backups, so rotation never pushes a day's
 * good copy out with identical ones.
 *
 * "Changed" compares SQLite's own counters: `total_changes()` (rows this connection wrote) and
 * `PRAGMA data_version` (commits by other connections to the same file).
 */
import type Database from 'better-sqlite3';
import { DEFAULT_ROTATION, writeBackup, type BackupEntry, type RotationPolicy } from './backup';

/** Fifteen minutes. */
export const DEFAULT_BACKUP_INTERVAL_MS = 15 * 60_000;

export interface BackupScheduleOptions {
  readonly db: Database.Database;
  readonly projectPath: string;
  /** This project's backups folder. */
  readonly dir: string;
  readonly clock?: () => Date;
  readonly intervalMs?: number;
  readonly policy?: RotationPolicy;
  /** Told about a backup that failed (the app carries on; the next tick tries again). */
  readonly onError?: (error: unknown) => void;
}

/** Automatic backups of one open project. Call `tick()` from a timer and `final()` on quit. */
export class BackupSchedule {
  private readonly clock: () => Date;
  private readonly intervalMs: number;
  private lastBackupAt: number | null = null;
  private lastMark: string;

  constructor(private readonly options: BackupScheduleOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.intervalMs = options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS;
    this.lastMark = this.mark();
  }

  /** Records that the project, as it is now, was backed up at `time` (the backup on open). */
  backedUp(time: Date): void {
    this.lastBackupAt = time.getTime();
    this.lastMark = this.mark();
  }

  /** Whether the data changed since the last backup (or since opening). */
  changed(): boolean {
    return this.options.db.open && this.mark() !== this.lastMark;
  }

  /** Backs up when the data changed and the interval has passed since the last backup. */
  tick(): BackupEntry | null {
    const now = this.clock();
    if (this.lastBackupAt !== null && now.getTime() - this.lastBackupAt < this.intervalMs) return null;
    if (!this.changed()) return null;
    return this.take(now);
  }

  /** On quit: backs up when the data changed since the last backup, however recent. */
  final(): BackupEntry | null {
    if (!this.changed()) return null;
    return this.take(this.clock());
  }

  private take(now: Date): BackupEntry | null {
    try {
      const entry = writeBackup(this.options.db, this.options.projectPath, this.options.dir, now, this.options.policy ?? DEFAULT_ROTATION);
      this.backedUp(now);
      return entry;
    } catch (error) {
      this.options.onError?.(error);
      return null;
    }
  }

  private mark(): string {
    const db = this.options.db;
    if (!db.open) return this.lastMark;
    const written = db.prepare('SELECT total_changes()').pluck().get() as number;
    const others = db.pragma('data_version', { simple: true }) as number;
    return `${written}:${others}`;
  }
}
