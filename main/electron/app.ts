/**
 * The Electron shell: opens the project, serves the renderer, wires IPC through the dispatcher
 * and applies the window's security policy. Everything it decides is computed by plain modules
 * (window options, CSP, URL checks, the dispatcher) that are tested without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import type { AppCommand } from '../../shared/ipc/channels';
import { EVENT_CHANNEL } from '../../shared/ipc/channels';
import type { TaskProgress } from '../../shared/ipc/task-progress';
import { AppError } from '../../shared/result';
import { createDispatcher } from '../ipc/dispatcher';
import { createHandlers } from '../ipc/handlers';
import { trustedCaller } from '../security/ipc-callers';
import { APP_ENTRY_URL, mayNavigate } from '../security/navigation';
import { denyAllPermissions } from '../security/permissions';
import { guardWebContents } from '../security/web-contents-guard';
import { fileSettingsStore } from '../settings/app-settings';
import { DEFAULT_PROJECT_FILE } from '../store/open-project';
import type { ProjectSession } from '../store/project-session';
import { sessionHost } from '../ipc/project-file-host';
import { openAppProject, relaunchSoon, startBackupTimer } from './project-file';
import { useElectronNativeBinding } from '../store/native-binding';
import { electronDialogs, electronFileOpener } from './dialogs';
import { openExternal } from './external-links';
import { createElectronPdfPrinter, PRINT_PARTITION } from './print-to-pdf';
import { createImportHost, type ArticleImporter } from '../import/worker/import-host';
import { createVersionHost, type VersionWorker } from '../versions/worker/version-host';
import { registerIpc } from './ipc-bridge';
import { installMenu } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createSecureWindow } from './secure-window';
import { mainWindowOptions } from './window-options';

const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;
let mainWindow: BrowserWindow | null = null;
// The project file: copies, backups, recovery.
let project: ProjectSession | null = null;
let stopBackups: (() => void) | null = null;
let importer: ArticleImporter | null = null;
let versionWorker: VersionWorker | null = null;

registerAppScheme();

// A separate user-data folder (settings and the default library) for tests or a portable copy.
if (process.env['CLAIMDESK_USER_DATA']) app.setPath('userData', path.resolve(process.env['CLAIMDESK_USER_DATA']));

/** A project path given as `--project=<file>` or in CLAIMDESK_PROJECT, else null (the default store). */
function requestedProjectPath(): string | null {
  const flag = process.argv.find((a) => a.startsWith('--project='));
  if (flag) return path.resolve(flag.slice('--project='.length));
  const env = process.env['CLAIMDESK_PROJECT'];
  return env ? path.resolve(env) : null;
}

function sendProgress(progress: TaskProgress): void {
  mainWindow?.webContents.send(EVENT_CHANNEL, progress);
}

function send(command: AppCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(EVENT_CHANNEL, command);
}

// Every session denies every permission (permissions.ts): any created from now on, and, once
// the app is ready, the default session (main window) and the print window's partition.
app.on('session-created', (created) => denyAllPermissions(created));
// Every page keeps to the app's own URLs and opens no window (web-contents-guard.ts).
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { mayNavigate: (url) => mayNavigate(url, devServerUrl), openExternal }));

function hardenSessions(): void {
  denyAllPermissions(session.defaultSession);
  denyAllPermissions(session.fromPartition(PRINT_PARTITION));
}

function createWindow(): void {
  mainWindow = createSecureWindow(mainWindowOptions(path.join(__dirname, '../preload/index.js')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

/** Opens the requested project or the default one, with its backups and recovery; null when the user declined. */
function openStore(): ProjectSession | null {
  const userData = app.getPath('userData');
  fs.mkdirSync(userData, { recursive: true });
  return openAppProject(requestedProjectPath() ?? path.join(userData, DEFAULT_PROJECT_FILE), userData);
}

async function start(): Promise<void> {
  await app.whenReady();
  useElectronNativeBinding(app.getAppPath(), process.versions.electron ?? null);
  hardenSessions();
  let store: ProjectSession | null;
  try {
    store = openStore();
  } catch (error) {
    const message = error instanceof AppError ? error.message : String(error);
    dialog.showErrorBox('Claimdesk cannot open the project', `${message}\n\nThe file has not been changed.`);
    app.exit(1);
    return;
  }
  if (!store) {
    app.exit(0);
    return;
  }
  project = store;
  stopBackups = startBackupTimer(store);
  const scratchDir = path.join(app.getPath('temp'), `claimdesk-${process.pid}`);
  const articleImporter = createImportHost({ workerFile: path.join(__dirname, 'import-worker.js') });
  importer = articleImporter;
  versionWorker = createVersionHost({ workerFile: path.join(__dirname, 'version-worker.js') });
  const dispatcher = createDispatcher(
    createHandlers({
      db: store.db,
      projectPath: store.file,
      dialogs: electronDialogs(() => mainWindow),
      settings: fileSettingsStore(path.join(app.getPath('userData'), 'settings.json')),
      files: electronFileOpener,
      scratchDir,
      pdf: createElectronPdfPrinter({
        createWindow: createSecureWindow,
        session: () => session.fromPartition(PRINT_PARTITION),
        scratchDir,
      }),
      notify: sendProgress,
      generator: `Claimdesk ${app.getVersion()}`,
      importer: articleImporter,
      versions: versionWorker,
      projectFile: sessionHost(store, relaunchSoon),
    }),
    { isTrustedCaller: trustedCaller(devServerUrl) },
  );
  registerIpc(dispatcher);
  handleAppProtocol(fs.realpathSync(path.join(__dirname, '../renderer')));
  installMenu(send, process.platform === 'darwin');
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void importer?.close();
  importer = null;
  void versionWorker?.close();
  versionWorker = null;
  stopBackups?.();
  project?.close(); // a last backup if anything changed
  project = null;
});

start().catch((error: unknown) => {
  console.error(error);
  app.exit(1);
});
