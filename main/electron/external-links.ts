/** The only caller of Electron's `shell.openExternal`, behind the https:/mailto: policy. */
import { shell } from 'electron';
import { openExternalLink } from '../security/external-links';

/** Opens an https: or mailto: link with the system; anything else is refused with AppError('forbidden'). */
export function openExternal(url: string): Promise<string> {
  return openExternalLink(url, (href) => shell.openExternal(href));
}
