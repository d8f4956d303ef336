/** What a spec can do with a running Claimdesk, in Chromium or in Electron. */
import type { Page } from '@playwright/test';
import type { AppCommand } from '../../shared/ipc/channels';

export interface ClaimdeskApp {
  readonly mode: 'chromium' | 'electron';
  /** The app's window. Replaced by `restart()`. */
  readonly page: Page;
  /** The project file the app has open. */
  readonly projectFile: string;
  /** Files the app asked the operating system to open (Chromium runs only; Electron opens them). */
  readonly openedFiles: string[];
  /** Errors the page reported (uncaught exceptions, console errors such as CSP violations). */
  readonly pageErrors: string[];
  /** Makes the next file dialog (import, archive a copy) answer with this file (null: cancelled). */
  answerNextFileDialog(file: string | null): Promise<void>;
  /** Makes the next open dialog that allows several files answer with these (none: cancelled). */
  answerNextFilesDialog(files: readonly string[]): Promise<void>;
  /** Makes the next save dialog (export) answer with this path (null: cancelled). */
  answerNextSaveDialog(file: string | null): Promise<void>;
  /** Sends a command as the application menu does. */
  sendMenuCommand(command: AppCommand): Promise<void>;
  /** Quits and starts again on the same project file; `whileClosed` runs in between (to damage the file, say). */
  restart(whileClosed?: () => void): Promise<void>;
  close(): Promise<void>;
}
