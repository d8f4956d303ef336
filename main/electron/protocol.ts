/**
 * The `app://claimdesk/` protocol that serves the built renderer. Each response — file, 404,
 * headers with the CSP — is decided by `serveAppRequest` (security/app-files.ts, tested without
 * Electron); this only registers the scheme and hands the answer over.
 */
import { protocol } from 'electron';
import { serveAppRequest } from '../security/app-files';
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
    const response = await serveAppRequest(rendererRoot, request.url);
    return new Response(response.body, { status: response.status, headers: { ...response.headers } });
  });
}
