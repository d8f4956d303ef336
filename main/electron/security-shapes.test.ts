/**
 * The security modules in main/security take narrow shapes of Electron's objects so they can be
 * tested without an Electron binary. These type-level checks fail to compile (npm run typecheck)
 * if Electron's own objects stop fitting those shapes, so the shell cannot drift from them.
 */
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { describe, expectTypeOf, it } from 'vitest';
import type { IpcSenderEvent } from '../security/ipc-callers';
import type { PermissionSession } from '../security/permissions';
import type { GuardedContents } from '../security/web-contents-guard';

describe('Electron objects fit the shapes the security modules take', () => {
  it('a Session takes the deny-everything permission handlers', () => {
    expectTypeOf<Session>().toExtend<PermissionSession>();
  });

  it('a WebContents takes the navigation, window-open and webview guards', () => {
    expectTypeOf<WebContents>().toExtend<GuardedContents>();
  });

  it('an IPC event tells the bridge its sending frame and the top frame', () => {
    expectTypeOf<IpcMainInvokeEvent>().toExtend<IpcSenderEvent>();
  });
});
