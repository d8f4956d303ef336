/**
 * Web permissions: Claimdesk's pages need none (no camera, microphone, location, notifications,
 * clipboard API, MIDI, HID, serial, USB, fullscreen API or openExternal through the web), so
 * every request and every check is answered "no". The Electron shell installs these on every
 * session it uses: the default session of the main window, the print window's partition, and
 * any session created later (app 'session-created').
 *
 * Plain functions over the narrow shape of a Session below, tested without Electron; a test in
 * main/electron checks that Electron's own Session fits the shape.
 */

/** What `denyAllPermissions` uses of Electron's Session. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/** A page asked for `permission` (with `details`): the answer is always no. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void, _details?: unknown): void {
  callback(false);
}

/** A page's permission state was checked: never granted. */
export function denyPermissionCheck(_webContents: unknown, _permission: string, _requestingOrigin?: string, _details?: unknown): false {
  return false;
}

/** A page asked for a device (HID, serial, USB): never granted. */
export function denyDevicePermission(_details?: unknown): false {
  return false;
}

/** Installs the three deny-everything handlers on a session. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
}
