/**
 * Maps an `app://claimdesk/...` request to a file inside the built renderer folder, refusing
 * anything that would leave it: `..` segments (plain or percent-encoded), absolute paths,
 * backslashes, NUL bytes, and symlinks that point outside. `serveAppRequest` is the whole
 * response of the `app://` protocol (protocol.ts only hands it to Electron), so its headers,
 * the CSP first, are tested on every kind of answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';
import { APP_HOST, APP_SCHEME } from './navigation';

/** Content types of the files the renderer build contains. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** The MIME type for a file name, or octet-stream. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Resolves a request URL to the real path of a file under `root`, or null when the request is
 * not for the app, would escape `root` (also through a symlink), or names no file. `root`
 * must be an absolute, real path.
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const candidate = path.resolve(root, relative);
  if (!isInside(root, candidate)) return null;
  // The real path, after every symlink, must still be inside, and a file (not a folder).
  let real: string;
  try {
    real = fs.realpathSync(candidate);
    if (!fs.statSync(real).isFile()) return null;
  } catch {
    return null;
  }
  if (!isInside(root, real)) return null;
  return real;
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Headers of every app:// response, found or not: the app's CSP, and no MIME sniffing. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
});

/** One answer of the app:// protocol. */
export interface AppResponse {
  readonly status: 200 | 404;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array<ArrayBuffer> | string;
}

/** The response to an app:// request: the file under `root` (an absolute real path), or a 404. */
export async function serveAppRequest(root: string, requestUrl: string): Promise<AppResponse> {
  const notFound: AppResponse = { status: 404, headers: APP_RESPONSE_HEADERS, body: 'Not found' };
  const file = resolveAppFile(root, requestUrl);
  if (file === null) return notFound;
  try {
    const body = await fs.promises.readFile(file);
    return { status: 200, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': contentTypeOf(file) }, body };
  } catch {
    return notFound;
  }
}
