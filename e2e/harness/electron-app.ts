/**
 * Claimdesk as the real Electron app, through Playwright's `_electron.launch`. Used only where
 * an Electron binary is installed; the fixture skips the Electron project, saying so, elsewhere.
 */
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { EVENT_CHANNEL, type AppCommand } from '../../shared/ipc/channels';
import type { ClaimdeskApp } from './claimdesk-app';
import { collectPageErrors } from './page-errors';

const ROOT = path.resolve(__dirname, '../..');

/** Claimdesk running in Electron on a project file. */
export class ElectronClaimdeskApp implements ClaimdeskApp {
  readonly mode = 'electron' as const;
  readonly pageErrors: string[] = [];
  readonly openedFiles: string[] = [];
  private app: ElectronApplication | null = null;
  private currentPage: Page | null = null;

  private constructor(
    private readonly executable: string,
    readonly projectFile: string,
    /** The folder Electron uses as its user-data folder (settings live there). */
    private readonly userDataDir: string,
  ) {}

  static async start(executable: string, projectFile: string, userDataDir: string): Promise<ElectronClaimdeskApp> {
    const app = new ElectronClaimdeskApp(executable, projectFile, userDataDir);
    await app.launch();
    return app;
  }

  get page(): Page {
    if (!this.currentPage) throw new Error('The app is not running.');
    return this.currentPage;
  }

  private async launch(): Promise<void> {
    this.app = await _electron.launch({
      executablePath: this.executable,
      args: [ROOT, `--project=${this.projectFile}`],
      cwd: ROOT,
      env: { ...process.env, CLAIMDESK_USER_DATA: this.userDataDir },
    });
    const page = await this.app.firstWindow();
    collectPageErrors(page, this.pageErrors);
    await page.waitForLoadState('domcontentloaded');
    this.currentPage = page;
  }

  async answerNextFileDialog(file: string | null): Promise<void> {
    await this.app!.evaluate(({ dialog }, answer) => {
      const original = dialog.showOpenDialog;
      const replacement = async () => {
        dialog.showOpenDialog = original;
        return answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] };
      };
      dialog.showOpenDialog = replacement as unknown as typeof dialog.showOpenDialog;
    }, file);
  }

  async answerNextFilesDialog(files: readonly string[]): Promise<void> {
    await this.app!.evaluate(({ dialog }, answer) => {
      const original = dialog.showOpenDialog;
      const replacement = async () => {
        dialog.showOpenDialog = original;
        return answer.length === 0 ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: answer };
      };
      dialog.showOpenDialog = replacement as unknown as typeof dialog.showOpenDialog;
    }, [...files]);
  }

  async answerNextSaveDialog(file: string | null): Promise<void> {
    await this.app!.evaluate(({ dialog }, answer) => {
      const original = dialog.showSaveDialog;
      const replacement = async () => {
        dialog.showSaveDialog = original;
        return answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer };
      };
      dialog.showSaveDialog = replacement as unknown as typeof dialog.showSaveDialog;
    }, file);
  }

  async sendMenuCommand(command: AppCommand): Promise<void> {
    await this.app!.evaluate(({ BrowserWindow }, [channel, c]) => BrowserWindow.getAllWindows()[0]?.webContents.send(channel, c), [EVENT_CHANNEL, command] as const);
  }

  async restart(whileClosed?: () => void): Promise<void> {
    await this.close();
    whileClosed?.();
    await this.launch();
  }

  async close(): Promise<void> {
    await this.app?.close();
    this.app = null;
    this.currentPage = null;
  }
}
