/**
 * The `app://claimdesk/` protocol that serves the built renderer, with the CSP header on every
 * response. Requests that would leave the renderer folder get a 404.
 */
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { contentTypeOf, resolveAppFile } from '../security/app-files';
import { APP_SCHEME } from '../security/navigation';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves files from `rendererRoot` (an absolute real path). */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
    if (file === null) return new Response('Not found', { status: 404, headers });
    try {
      const body = await fs.readFile(file);
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(file) } });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  });
}
