/**
 * What the handlers need from the world outside the project file: dialogs, the machine's
 * settings, and a way to open a file with the operating system. Electron provides them in the
 * app; the test harness provides scripted ones.
 */
import type Database from 'better-sqlite3';
import type { SettingsStore } from '../settings/app-settings';

/** The native dialogs main needs. */
export interface Dialogs {
  /** Asks for an article file to import; resolves with its path, or null when cancelled. */
  pickImportFile(): Promise<string | null>;
  /** Asks for a file to archive with a source; resolves with its path, or null when cancelled. */
  pickAttachmentFile(): Promise<string | null>;
}

/** Opens a file with the application the operating system associates with it. */
export interface FileOpener {
  openFile(file: string): Promise<void>;
}

/** Everything a handler may use. */
export interface HandlerContext {
  readonly db: Database.Database;
  readonly projectPath: string;
  readonly dialogs: Dialogs;
  readonly settings: SettingsStore;
  readonly files: FileOpener;
  /** A private folder where archived copies are written before they are opened. */
  readonly scratchDir: string;
}
