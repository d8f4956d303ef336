import { describe, expect, it } from 'vitest';
import { denyAllPermissions, denyDevicePermission, denyPermissionCheck, denyPermissionRequest, type PermissionSession } from './permissions';

/** Every permission name Electron 45 passes to the request and check handlers. */
const PERMISSIONS = [
  'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection', 'media',
  'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal', 'speaker-selection',
  'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem', 'hid', 'serial', 'usb',
  'deprecated-sync-clipboard-read', 'background-sync',
];

/** A session recording the handlers installed on it. */
function recordingSession() {
  const installed: { request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0]; check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0]; device?: Parameters<PermissionSession['setDevicePermissionHandler']>[0] } = {};
  const session: PermissionSession = {
    setPermissionRequestHandler: (handler) => (installed.request = handler),
    setPermissionCheckHandler: (handler) => (installed.check = handler),
    setDevicePermissionHandler: (handler) => (installed.device = handler),
  };
  return { session, installed };
}

function answer(permission: string, details: unknown): boolean | undefined {
  let granted: boolean | undefined;
  denyPermissionRequest({}, permission, (g) => (granted = g), details);
  return granted;
}

describe('checklist: permission request and check handlers deny everything', () => {
  it.each(PERMISSIONS)('denies a request for %s', (permission) => {
    expect(answer(permission, { requestingUrl: 'app://claimdesk/index.html', isMainFrame: true })).toBe(false);
  });

  it('denies media, openExternal and fullscreen whatever the details say', () => {
    expect(answer('media', { mediaTypes: ['video', 'audio'], securityOrigin: 'app://claimdesk' })).toBe(false);
    expect(answer('openExternal', { externalURL: 'https://example.org/' })).toBe(false);
    expect(answer('fullscreen', { requestingUrl: 'app://claimdesk/index.html' })).toBe(false);
  });

  it.each(PERMISSIONS)('answers a check for %s with no, from the app and from elsewhere', (permission) => {
    expect(denyPermissionCheck(null, permission, 'app://claimdesk', { isMainFrame: true })).toBe(false);
    expect(denyPermissionCheck(null, permission, 'https://evil.example', { embeddingOrigin: 'app://claimdesk' })).toBe(false);
  });

  it('denies every device', () => {
    for (const deviceType of ['hid', 'serial', 'usb']) expect(denyDevicePermission({ deviceType, origin: 'app://claimdesk', device: {} })).toBe(false);
  });

  it('installs all three handlers on a session', () => {
    const { session, installed } = recordingSession();
    denyAllPermissions(session);
    let granted: boolean | undefined;
    installed.request!({}, 'geolocation', (g) => (granted = g), {});
    expect(granted).toBe(false);
    expect(installed.check!({}, 'notifications', 'app://claimdesk', {})).toBe(false);
    expect(installed.device!({ deviceType: 'usb' })).toBe(false);
  });
});
