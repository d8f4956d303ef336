/**
 * URL policy for the window: what the renderer may load, call main from, and open outside.
 * Every check parses with `URL`; nothing is decided by string prefix.
 */

/** The custom scheme and host the renderer is served from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'claimdesk';
/** The page the window opens. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether a URL belongs to the app itself: `app://claimdesk/...`, or, in development only, the
 * exact origin of the dev server that electron-vite started.
 */
export function isAppUrl(url: string, devServerUrl: string | null = null): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password) return true;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    return dev !== null && parsed.origin === dev.origin && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1');
  }
  return false;
}

/** Whether a link may be handed to the operating system: only https and mailto. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'mailto:') return true;
  return parsed.protocol === 'https:' && parsed.hostname !== '' && !parsed.username && !parsed.password;
}

/** Navigation inside the window is only allowed to the app's own pages. */
export function mayNavigate(url: string, devServerUrl: string | null = null): boolean {
  return isAppUrl(url, devServerUrl);
}
