/**
 * The one way out of the app to the system's browser or mail program. Links from the page (the
 * `links:open` call, a `target=_blank` link, `window.open`) all end here; only https: and
 * mailto: pass (isSafeExternalUrl, parsed with URL). The shell passes Electron's
 * `shell.openExternal` as `open` in main/electron/external-links.ts, the only caller of it.
 */
import { AppError } from '../../shared/result';
import { isSafeExternalUrl } from './navigation';

/** Opens `url` with `open` when it is https: or mailto:, as the parser's own form; returns what was opened. */
export async function openExternalLink(url: string, open: (href: string) => Promise<void>): Promise<string> {
  if (!isSafeExternalUrl(url)) throw new AppError('forbidden', 'Claimdesk opens only https: and mailto: links in your browser or mail program.');
  // What was checked is what is opened.
  const href = new URL(url).href;
  await open(href);
  return href;
}
