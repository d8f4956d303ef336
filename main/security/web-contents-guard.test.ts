import { describe, expect, it } from 'vitest';
import { openExternalLink } from './external-links';
import { mayNavigate } from './navigation';
import { guardWebContents, type GuardedContents } from './web-contents-guard';

/** Any of the guard's listeners; replayed with the arguments Electron passes for its event. */
type Listener = (...args: never[]) => void;
const call = (listener: Listener, ...args: unknown[]) => (listener as (...a: unknown[]) => void)(...args);

/** A WebContents that records what the guard installs and replays events into it. */
class FakeContents implements GuardedContents {
  readonly listeners = new Map<string, Listener[]>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Emits `event` for `url` the way Electron passes it; true when the guard prevented it. */
  prevented(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true), url };
    const listeners = this.listeners.get(event) ?? [];
    expect(listeners.length).toBeGreaterThan(0);
    for (const listener of listeners) call(listener, e, ...(event === 'will-frame-navigate' ? [] : [url]));
    return prevented;
  }
}

/** A guarded page whose external opener records what reached the system. */
function guardedPage(devServerUrl: string | null = null) {
  const contents = new FakeContents();
  const opened: string[] = [];
  guardWebContents(contents, {
    mayNavigate: (url) => mayNavigate(url, devServerUrl),
    openExternal: (url) => openExternalLink(url, async (href) => void opened.push(href)),
  });
  return { contents, opened };
}

/** Lets the window-open handler's asynchronous open settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const HOSTILE = [
  'https://example.org/',
  'http://claimdesk/index.html',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/calc.exe',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://claimdesk/0b8c',
  'app://claimdesk.evil.com/index.html',
  'app://claimdesk@evil.com/index.html',
  'app://evil.com/claimdesk/index.html',
  'app://user:pass@claimdesk/index.html',
  'app:claimdesk/index.html',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'not a url',
];

describe('checklist: navigation and new windows denied', () => {
  it.each(HOSTILE)('stops navigation, redirects and frame loads to %s', (url) => {
    const { contents } = guardedPage();
    expect(contents.prevented('will-navigate', url)).toBe(true);
    expect(contents.prevented('will-redirect', url)).toBe(true);
    expect(contents.prevented('will-frame-navigate', url)).toBe(true);
  });

  it('lets the app move between its own pages', () => {
    const { contents } = guardedPage();
    expect(contents.prevented('will-navigate', 'app://claimdesk/index.html#claims')).toBe(false);
    expect(contents.prevented('will-frame-navigate', 'app://claimdesk/index.html')).toBe(false);
  });

  it('trusts a dev server only by its exact loopback origin', () => {
    const { contents } = guardedPage('http://localhost:5173');
    expect(contents.prevented('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(contents.prevented('will-navigate', 'http://localhost:5174/index.html')).toBe(true);
    expect(contents.prevented('will-navigate', 'http://localhost.evil.com:5173/')).toBe(true);
  });

  it.each([...HOSTILE, 'https://example.org/', 'app://claimdesk/index.html'])('opens no window for %s', async (url) => {
    const { contents } = guardedPage();
    expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    await settle();
  });

  it('hands https: and mailto: links from window.open to the system, and nothing else', async () => {
    const { contents, opened } = guardedPage();
    for (const url of ['https://example.org/report?id=1', 'mailto:desk@example.org', ...HOSTILE.filter((u) => !u.startsWith('https:')), 'http://example.org/', 'https://user:pw@example.org/', 'smb://host/share', 'ms-msdt:foo']) {
      contents.openHandler!({ url });
    }
    await settle();
    expect(opened).toEqual(['https://example.org/report?id=1', 'mailto:desk@example.org']);
  });

  it('refuses to attach a <webview> and to pick a Bluetooth device', () => {
    const { contents } = guardedPage();
    let attachPrevented = false;
    for (const listener of contents.listeners.get('will-attach-webview')!) call(listener, { preventDefault: () => (attachPrevented = true) });
    expect(attachPrevented).toBe(true);
    let picked: unknown = null;
    let pickPrevented = false;
    for (const listener of contents.listeners.get('select-bluetooth-device')!) {
      call(listener, { preventDefault: () => (pickPrevented = true) }, [{ deviceId: 'AA:BB' }], (id: string) => (picked = id));
    }
    expect(pickPrevented).toBe(true);
    expect(picked).toBe('');
  });
});

describe('checklist: external links only through one function that allows https: and mailto:', () => {
  it.each(['https://example.org/report', 'https://EXAMPLE.org/a b', 'mailto:desk@example.org?subject=Claim'])('opens %s as the parser writes it', async (url) => {
    const opened: string[] = [];
    const href = await openExternalLink(url, async (h) => void opened.push(h));
    expect(href).toBe(new URL(url).href);
    expect(opened).toEqual([href]);
  });

  it.each([
    'http://example.org/',
    'file:///C:/Windows/system32/calc.exe',
    'file://server/share/evil.exe',
    'javascript:alert(1)',
    'data:text/html,x',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'vscode://file/etc/passwd',
    'https://user:pw@example.org/',
    'HTTPS//example.org',
    '//example.org/',
    'app://claimdesk/index.html',
    '',
  ])('refuses %s without calling the opener', async (url) => {
    const opened: string[] = [];
    await expect(openExternalLink(url, async (h) => void opened.push(h))).rejects.toMatchObject({ kind: 'forbidden' });
    expect(opened).toEqual([]);
  });
});
