/** Electron's native dialogs behind the plain `Dialogs` interface the handlers use. */
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../ipc/handlers';

/** Dialogs attached to the given window (looked up at call time). */
export function electronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  return {
    async pickImportFile() {
      const win = getWindow();
      const options = {
        title: 'Import an article',
        properties: ['openFile' as const],
        filters: [{ name: 'Plain-text articles', extensions: ['txt', 'text'] }],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : (result.filePaths[0] ?? null);
    },
  };
}
