/** The application menu. Commands that belong to the page are sent to the renderer. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/ipc/channels';

/** Builds and installs the menu; `send` forwards a command to the focused window. */
export function installMenu(send: (command: AppCommand) => void, isMac: boolean): void {
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import Article…', accelerator: 'CmdOrCtrl+O', click: () => send('import-file') },
        { label: 'Paste Article…', accelerator: 'CmdOrCtrl+Shift+V', click: () => send('import-paste') },
        { label: 'Open Sample Article', click: () => send('open-sample') },
        { type: 'separator' },
        // The page handles Ctrl/Cmd+Shift+E itself (it knows the open article); the menu only shows it.
        { label: 'Import Annotations…', click: () => send('import-annotations') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', registerAccelerator: false, click: () => send('export') },
        { type: 'separator' },
        // The project file: copies, backups, recovery.
        { label: 'Save a Copy As…', click: () => send('save-copy') },
        { label: 'Backups…', click: () => send('show-backups') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&Claim',
      // The page handles Ctrl/Cmd+E itself (it knows the selection); the menu only shows it.
      submenu: [{ label: 'Tag Claim…', accelerator: 'CmdOrCtrl+E', registerAccelerator: false, click: () => send('tag-claim') }],
    },
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
