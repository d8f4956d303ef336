import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_RESPONSE_HEADERS, contentTypeOf, resolveAppFile, serveAppRequest } from './app-files';
import { CONTENT_SECURITY_POLICY } from './csp';

describe('checklist: the custom protocol refuses path traversal', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-proto-')));
    root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.mkdirSync(path.join(base, 'outside'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'outside');
    fs.writeFileSync(path.join(base, 'outside', 'secret.txt'), 'outside');
    // Links inside the app folder that point out of it: to a file, to a folder, to the parent.
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
    fs.symlinkSync(path.join(base, 'outside'), path.join(root, 'assets', 'outdir'));
    fs.symlinkSync(base, path.join(root, 'up'));
    // And one that stays inside.
    fs.symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'assets', 'alias.js'));
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('serves files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://claimdesk/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://claimdesk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://claimdesk/assets/app.js?v=1#x')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('follows a symlink that stays inside, to its real path', () => {
    expect(resolveAppFile(root, 'app://claimdesk/assets/alias.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each([
    ['plain ..', 'app://claimdesk/../secret.txt'],
    ['plain .. deeper', 'app://claimdesk/assets/../../secret.txt'],
    ['encoded ..', 'app://claimdesk/%2e%2e/secret.txt'],
    ['encoded .. in capitals', 'app://claimdesk/assets/%2E%2E/%2E%2E/secret.txt'],
    ['half-encoded ..', 'app://claimdesk/.%2e/secret.txt'],
    ['half-encoded .. the other way', 'app://claimdesk/%2e./secret.txt'],
    ['encoded slash after ..', 'app://claimdesk/..%2fsecret.txt'],
    ['encoded slashes throughout', 'app://claimdesk/assets%2f..%2f..%2fsecret.txt'],
    ['double-encoded ..', 'app://claimdesk/%252e%252e/secret.txt'],
    ['double-encoded slash', 'app://claimdesk/..%252fsecret.txt'],
    ['double-encoded all of it', 'app://claimdesk/%252e%252e%252fsecret.txt'],
    ['backslash', 'app://claimdesk/..\\secret.txt'],
    ['encoded backslash', 'app://claimdesk/..%5csecret.txt'],
    ['encoded backslash in capitals', 'app://claimdesk/assets%5C..%5C..%5Csecret.txt'],
    ['NUL byte', 'app://claimdesk/%00index.html'],
    ['NUL byte after a name', 'app://claimdesk/index.html%00.js'],
    ['absolute path', 'app://claimdesk//etc/passwd'],
    ['encoded absolute path', 'app://claimdesk/%2Fetc%2Fpasswd'],
    ['Windows drive path', 'app://claimdesk/C:/Windows/win.ini'],
    ['encoded Windows drive path', 'app://claimdesk/C%3A%5CWindows%5Cwin.ini'],
    ['UNC path', 'app://claimdesk/%5C%5Cserver%5Cshare%5Cfile'],
    ['symlink to a file outside', 'app://claimdesk/assets/link.txt'],
    ['symlinked folder outside', 'app://claimdesk/assets/outdir/secret.txt'],
    ['symlink to the parent folder', 'app://claimdesk/up/secret.txt'],
    ['a folder, not a file', 'app://claimdesk/assets'],
    ['missing file', 'app://claimdesk/missing.js'],
    ['other host', 'app://other/index.html'],
    ['look-alike host', 'app://claimdesk.evil/index.html'],
    ['credentials in the URL', 'app://x@claimdesk/index.html'],
    ['other scheme', 'file:///etc/passwd'],
    ['broken percent-encoding', 'app://claimdesk/%E0%A4%A'],
  ])('refuses %s (%s)', (_name, url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('refuses an absolute path to a real file outside, however it is written', () => {
    const secret = path.join(base, 'secret.txt');
    for (const url of [`app://claimdesk/${secret}`, `app://claimdesk/${encodeURIComponent(secret)}`, `app://claimdesk/${encodeURIComponent(encodeURIComponent(secret))}`]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('answers a refused request with a 404 that still carries the CSP', async () => {
    for (const url of ['app://claimdesk/../secret.txt', 'app://claimdesk/assets/outdir/secret.txt', 'app://claimdesk/missing.js']) {
      const response = await serveAppRequest(root, url);
      expect(response.status, url).toBe(404);
      expect(response.body).toBe('Not found');
      expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('serves a file with its content type, the CSP and nosniff', async () => {
    const response = await serveAppRequest(root, 'app://claimdesk/assets/app.js');
    expect(response.status).toBe(200);
    expect(Buffer.from(response.body).toString('utf8')).toBe('console.log(1)');
    expect(response.headers).toEqual({ ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  it('names content types so the browser never sniffs', () => {
    expect(contentTypeOf('a.js')).toMatch(/javascript/);
    expect(contentTypeOf('a.css')).toMatch(/text\/css/);
    expect(contentTypeOf('a.bin')).toBe('application/octet-stream');
    expect(APP_RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});
