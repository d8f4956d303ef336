import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, resolveAppFile } from './app-files';

describe('app:// file resolution', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-proto-')));
    root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), '');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'outside');
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('serves files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://claimdesk/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://claimdesk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://claimdesk/assets/app.js?v=1#x')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each([
    'app://claimdesk/../secret.txt',
    'app://claimdesk/%2e%2e/secret.txt',
    'app://claimdesk/assets/%2E%2E/%2E%2E/secret.txt',
    'app://claimdesk/..%2fsecret.txt',
    'app://claimdesk/assets%2f..%2f..%2fsecret.txt',
    'app://claimdesk/..%5csecret.txt',
    'app://claimdesk/%00index.html',
    'app://claimdesk//etc/passwd',
    'app://claimdesk/assets/link.txt',
    'app://claimdesk/missing.js',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://claimdesk/%E0%A4%A',
  ])('refuses %s', (url) => {
    const resolved = resolveAppFile(root, url);
    expect(resolved).toBeNull();
  });

  it('names content types so the browser never sniffs', () => {
    expect(contentTypeOf('a.js')).toMatch(/javascript/);
    expect(contentTypeOf('a.css')).toMatch(/text\/css/);
    expect(contentTypeOf('a.bin')).toBe('application/octet-stream');
  });
});
