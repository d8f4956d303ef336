/**
 * Which files can be archived with a source — PDFs, saved web pages, images, text — and the
 * media type each is stored under. Anything else is refused with a message naming the kinds
 * that are accepted.
 */
import path from 'node:path';
import { AppError } from '../../shared/result';

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.mhtml': 'multipart/related',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.json': 'application/json',
};

/** The media type of an archivable file name; AppError 'bad-file' for other kinds. */
export function attachmentTypeOf(fileName: string): string {
  const type = MEDIA_TYPES[path.extname(fileName).toLowerCase()];
  if (!type) {
    throw new AppError('bad-file', `"${path.basename(fileName)}" cannot be archived: Claimdesk keeps PDFs, saved web pages, images and text files.`);
  }
  return type;
}

/** A file name safe to write in a folder: no folders, no control or reserved characters. */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '<>:"|?*'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return cleaned === '' ? 'attachment' : cleaned;
}
