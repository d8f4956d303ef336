/**
 * The rules every web page in the app lives by, installed on each WebContents as it is created
 * (app 'web-contents-created'): it may navigate, redirect or load a frame only within the app's
 * own pages; it may never open a window (links to https:/mailto: go to the system instead, through
 * the one external-link function); it may not attach a <webview> or pick a Bluetooth device.
 *
 * Written against the narrow shape of Electron's WebContents below, so tests feed it events
 * without Electron; a test in main/electron checks that the real WebContents fits the shape.
 */

/** What the guard uses of an Electron event. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** What the guard uses of Electron's WebContents. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent & { readonly url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'select-bluetooth-device', listener: (event: PreventableEvent, devices: unknown[], callback: (deviceId: string) => void) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** What the guard is told by the shell. */
export interface GuardPolicy {
  /** Whether a page may go to `url` (navigation.ts `mayNavigate`, with the dev server when there is one). */
  mayNavigate(url: string): boolean;
  /** The one external-link function (external-links.ts); refuses anything but https: and mailto:. */
  openExternal(url: string): Promise<unknown>;
}

/** Installs the rules on one WebContents. */
export function guardWebContents(contents: GuardedContents, policy: GuardPolicy): void {
  const denyUnlessAllowed = (event: PreventableEvent, url: string) => {
    if (!policy.mayNavigate(url)) event.preventDefault();
  };
  contents.on('will-navigate', denyUnlessAllowed);
  contents.on('will-redirect', denyUnlessAllowed);
  // Also fires for subframes (the CSP's frame-src 'none' already stops them loading).
  contents.on('will-frame-navigate', (event) => denyUnlessAllowed(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
  contents.setWindowOpenHandler(({ url }) => {
    // A refused link is simply not opened; the page gets no window either way.
    policy.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}
