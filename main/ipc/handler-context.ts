/**
 * What the handlers need from the world outside the project file: dialogs, the machine's
 * settings, and a way to open a file with the operating system. Electron provides them in the
 * app; the test harness provides scripted ones.
 */
import type Database from 'better-sqlite3';
import type { ExportFormatInfo } from '../../shared/export/formats';
import type { TaskProgress } from '../../shared/ipc/task-progress';
import type { PdfPrinter } from '../export/pdf-printer';
import type { ArticleImporter } from '../import/worker/import-host';
import type { VersionWorker } from '../versions/worker/version-host';
import type { SettingsStore } from '../settings/app-settings';
import type { ProjectFileHost } from './project-file-host';

/** The native dialogs main needs. */
export interface Dialogs {
  /** Asks for article files to import; resolves with their paths, or none when cancelled. */
  pickImportFiles(): Promise<string[]>;
  /** Asks for a file to archive with a source; resolves with its path, or null when cancelled. */
  pickAttachmentFile(): Promise<string | null>;
  /** Asks for a W3C Web Annotation file (JSON or JSON-LD) to import; resolves with its path, or null when cancelled. */
  pickAnnotationFile(): Promise<string | null>;
  /** Asks where to save an export, suggesting `defaultName`; resolves with the path, or null when cancelled. */
  pickExportPath(defaultName: string, format: ExportFormatInfo): Promise<string | null>;
  /**
   * Asks where to save a file that is not an export format (session minutes, a review
   * package), suggesting `defaultName`; resolves with the path, or null when cancelled.
   */
  pickSavePath(defaultName: string, kind: SaveKind): Promise<string | null>;
  /** Asks for a review package to merge into the project; resolves with its path, or null when cancelled. */
  pickReviewPackage(): Promise<string | null>;
}

/** What a save dialog says about the file: its kind in words and its extension (no dot). */
export interface SaveKind {
  readonly label: string;
  readonly extension: string;
}

/** Opens a file with the application the operating system associates with it. */
export interface FileOpener {
  openFile(file: string): Promise<void>;
  /** Opens an address (checked by main's external-link policy first) in the user's browser or mail program. */
  openUrl(url: string): Promise<void>;
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
  /** Reads article files off the main thread. */
  readonly importer: ArticleImporter;
  /**
   * Links and compares versions off the main thread; absent where a test gives only the
   * database (the version handlers then compute on the calling thread).
   */
  readonly versions?: VersionWorker;
  /** Prints the HTML report to PDF. */
  readonly pdf: PdfPrinter;
  /** Sends progress of a long task to the renderer. */
  readonly notify: (progress: TaskProgress) => void;
  /** The application and its version, as exports name their generator ("Claimdesk 0.1.0"). */
  readonly generator: string;
  // The project file: copies, backups, recovery.
  /** The project file's state (read-only when damaged), its backups and restoring one; absent where a test opens a bare project. */
  readonly projectFile?: ProjectFileHost;
}
