/** Electron's native dialogs and shell behind the plain interfaces the handlers use. */
import path from 'node:path';
import { app, dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { Dialogs, FileOpener } from '../ipc/handlers';
import { openExternal } from './external-links';

async function pickOne(getWindow: () => BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const win = getWindow();
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : (result.filePaths[0] ?? null);
}

/** Dialogs attached to the given window (looked up at call time). */
export function electronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  return {
    pickImportFiles: async () => {
      const win = getWindow();
      const options: OpenDialogOptions = {
        title: 'Import articles',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Articles (web pages, Word, PDF, Markdown, text)', extensions: ['html', 'htm', 'xhtml', 'docx', 'pdf', 'md', 'markdown', 'txt', 'text'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    pickAttachmentFile: () =>
      pickOne(getWindow, {
        title: 'Archive a copy of the source',
        properties: ['openFile'],
        filters: [
          { name: 'PDFs, web pages, images and text', extensions: ['pdf', 'html', 'htm', 'mhtml', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'txt', 'md', 'csv', 'json'] },
        ],
      }),
    pickAnnotationFile: () =>
      pickOne(getWindow, {
        title: 'Import annotations into this article',
        properties: ['openFile'],
        filters: [{ name: 'W3C Web Annotation (JSON-LD, JSON)', extensions: ['jsonld', 'json'] }],
      }),
    pickExportPath: (defaultName, format) => pickSave(getWindow, `Export ${format.label}`, defaultName, format),
    pickSavePath: (defaultName, kind) => pickSave(getWindow, `Save ${kind.label}`, defaultName, kind),
    pickReviewPackage: () =>
      pickOne(getWindow, {
        title: 'Merge a review package',
        properties: ['openFile'],
        filters: [{ name: 'Claimdesk review package', extensions: ['claimdesk-review', 'json'] }],
      }),
  };
}

async function pickSave(
  getWindow: () => BrowserWindow | null,
  title: string,
  defaultName: string,
  kind: { readonly label: string; readonly extension: string },
): Promise<string | null> {
  const win = getWindow();
  const options = {
    title,
    defaultPath: path.join(app.getPath('documents'), defaultName),
    filters: [{ name: kind.label, extensions: [kind.extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
  };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Opens files with the operating system's default application. */
export const electronFileOpener: FileOpener = {
  async openFile(file) {
    const error = await shell.openPath(file);
    if (error) throw new Error(error);
  },
  async openUrl(url) {
    await openExternal(url);
  },
};
