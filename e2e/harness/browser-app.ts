/**
 * Claimdesk in Chromium: the built renderer served over an http origin, `window.api` built by
 * the same client code the preload uses, and every call answered by main's real dispatcher and
 * handlers on a real SQLite file in this process. Only the transport differs from the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Route } from '@playwright/test';
import { buildSync } from 'esbuild';
import { EVENT_CHANNEL, type AppCommand } from '../../shared/ipc/channels';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { createHandlers } from '../../main/ipc/handlers';
import { CONTENT_SECURITY_POLICY } from '../../main/security/csp';
import { contentTypeOf, resolveAppFile } from '../../main/security/app-files';
import { APP_HOST, APP_SCHEME } from '../../main/security/navigation';
import { fileSettingsStore } from '../../main/settings/app-settings';
import { openProjectSession, type ProjectSession } from '../../main/store/project-session';
import { sessionHost } from '../../main/ipc/project-file-host';
import { createImportHost, type ArticleImporter } from '../../main/import/worker/import-host';
import { buildImportWorker } from '../../main/import/worker/worker-build';
import { createVersionHost, type VersionWorker } from '../../main/versions/worker/version-host';
import { buildVersionWorker } from '../../main/versions/worker/worker-build';
import type { TaskProgress } from '../../shared/ipc/task-progress';
import { decodeFromBinding } from './binding-codec';
import { chromiumPdfPrinter } from './chromium-pdf';
import type { ClaimdeskApp } from './claimdesk-app';
import { collectPageErrors } from './page-errors';

/** The origin the renderer is served from in tests. */
export const TEST_ORIGIN = 'http://claimdesk.test';
const ROOT = path.resolve(__dirname, '../..');
const RENDERER_ROOT = path.join(ROOT, 'out/renderer');

let bridgeScript: string | null = null;
function bridge(): string {
  bridgeScript ??= buildSync({
    entryPoints: [path.join(__dirname, 'bridge-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).outputFiles[0]!.text;
  return bridgeScript;
}

async function serve(route: Route, root: string): Promise<void> {
  const url = new URL(route.request().url());
  const file = resolveAppFile(root, `${APP_SCHEME}://${APP_HOST}${url.pathname}`);
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (file === null) return route.fulfill({ status: 404, headers, body: 'Not found' });
  return route.fulfill({ status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(file) }, body: fs.readFileSync(file) });
}

/** Claimdesk running in a Chromium page with main's handlers in the test process. */
export class BrowserApp implements ClaimdeskApp {
  readonly mode = 'chromium' as const;
  /** The open project with its backups (in `<user data>/backups`) and, for a damaged file, its recovery copy. */
  private session: ProjectSession | null = null;
  private context: BrowserContext | null = null;
  private currentPage: Page | null = null;
  private readonly dialogAnswers: (string | readonly string[] | null | Promise<string | null>)[] = [];
  private importer: ArticleImporter | null = null;
  private versions: VersionWorker | null = null;
  /** Files the app asked the operating system to open. */
  readonly openedFiles: string[] = [];
  /** Addresses the app handed to the user's browser or mail program. */
  readonly openedUrls: string[] = [];
  /** Errors the page reported: uncaught exceptions and console errors (CSP violations among them). */
  readonly pageErrors: string[] = [];

  private constructor(
    private readonly browser: Browser,
    readonly projectFile: string,
    /** The machine's settings (the current profile); kept across restarts. */
    private readonly settingsFile: string,
  ) {}

  /** Starts the app on a project file (created when missing). */
  static async start(browser: Browser, projectFile: string, settingsFile: string): Promise<BrowserApp> {
    if (!fs.existsSync(path.join(RENDERER_ROOT, 'index.html'))) {
      throw new Error('out/renderer is missing: run `npm run build` (npm test does) before the end-to-end specs.');
    }
    const app = new BrowserApp(browser, projectFile, settingsFile);
    await app.launch();
    return app;
  }

  get page(): Page {
    if (!this.currentPage) throw new Error('The app is not running.');
    return this.currentPage;
  }

  private async launch(): Promise<void> {
    const userData = path.dirname(this.settingsFile);
    const session = openProjectSession(this.projectFile, {
      create: true,
      backupsRoot: path.join(userData, 'backups'),
      recoveryRoot: path.join(userData, 'recovery'),
      networkFileSystem: null,
    });
    this.session = session;
    const db = session.db;
    const next = async () => (this.dialogAnswers.length > 0 ? this.dialogAnswers.shift()! : null);
    const answer = async () => {
      const a = await next();
      return typeof a === 'string' || a === null ? a : (a[0] ?? null);
    };
    const answers = async () => {
      const a = await next();
      return a === null ? [] : typeof a === 'string' ? [a] : [...a];
    };
    this.importer = createImportHost({ workerFile: buildImportWorker() });
    this.versions = createVersionHost({ workerFile: buildVersionWorker() });
    const handlers = createHandlers({
      db,
      projectPath: this.projectFile,
      dialogs: { pickImportFiles: answers, pickAttachmentFile: answer, pickAnnotationFile: answer, pickExportPath: answer, pickSavePath: answer, pickReviewPackage: answer },
      settings: fileSettingsStore(this.settingsFile),
      files: { openFile: async (file) => void this.openedFiles.push(file), openUrl: async (url) => void this.openedUrls.push(url) },
      scratchDir: `${this.projectFile}.scratch`,
      pdf: chromiumPdfPrinter(this.browser),
      notify: (progress) => this.emit(progress),
      generator: 'Claimdesk (test)',
      importer: this.importer,
      versions: this.versions,
      // Restoring a backup closes the project; the spec then restarts, as the app relaunches.
      projectFile: sessionHost(session),
    });
    const dispatcher = createDispatcher(handlers, {
      isTrustedCaller: (caller) => caller.isMainFrame && caller.frameUrl !== null && new URL(caller.frameUrl).origin === TEST_ORIGIN,
    });
    const context = await this.browser.newContext({ viewport: { width: 1360, height: 860 } });
    this.context = context;
    // Claimdesk is offline: any request that is not for the app itself fails the page.
    await context.route('**/*', (route) => route.abort('blockedbyclient'));
    await context.route(`${TEST_ORIGIN}/**`, (route) => serve(route, RENDERER_ROOT));
    await context.exposeBinding('__claimdeskInvoke', (source, channel: unknown, args: unknown) =>
      dispatcher.dispatch(channel, decodeFromBinding(args), { frameUrl: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }),
    );
    await context.addInitScript({ content: bridge() });
    const page = await context.newPage();
    collectPageErrors(page, this.pageErrors);
    this.currentPage = page;
    await page.goto(`${TEST_ORIGIN}/index.html`);
  }

  async answerNextFileDialog(file: string | null): Promise<void> {
    this.dialogAnswers.push(file);
  }

  async answerNextFilesDialog(files: readonly string[]): Promise<void> {
    this.dialogAnswers.push(files);
  }

  async answerNextSaveDialog(file: string | null): Promise<void> {
    this.dialogAnswers.push(file);
  }

  /**
   * Makes the next dialog wait, as a user taking their time in it does, until the returned
   * function is called with its answer.
   */
  holdNextDialog(): (file: string | null) => void {
    let answer!: (file: string | null) => void;
    this.dialogAnswers.push(new Promise<string | null>((resolve) => (answer = resolve)));
    return answer;
  }

  async sendMenuCommand(command: AppCommand): Promise<void> {
    await this.page.evaluate(
      ([, c]) => (window as unknown as { __claimdeskEmit(p: unknown): void }).__claimdeskEmit(c),
      [EVENT_CHANNEL, command] as const,
    );
  }

  /** Main sending progress to the page, as `webContents.send` does: fire and forget. */
  private emit(progress: TaskProgress): void {
    this.currentPage
      ?.evaluate((p) => (window as unknown as { __claimdeskEmit(p: unknown): void }).__claimdeskEmit(p), progress)
      .catch(() => {
        // The page may have closed meanwhile; main does not care either.
      });
  }

  async restart(whileClosed?: () => void): Promise<void> {
    await this.shutdown();
    whileClosed?.();
    await this.launch();
  }

  private async shutdown(): Promise<void> {
    await this.context?.close();
    this.context = null;
    this.currentPage = null;
    await this.importer?.close();
    this.importer = null;
    await this.versions?.close();
    this.versions = null;
    this.session?.close();
    this.session = null;
  }

  async close(): Promise<void> {
    await this.shutdown();
  }
}
