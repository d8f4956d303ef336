import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, isSafeExternalUrl, mayNavigate } from './navigation';

describe('checklist: navigation denied (the URL policy, parsed with URL)', () => {
  it('allows the app’s own pages', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(mayNavigate('app://claimdesk/index.html#claims')).toBe(true);
  });

  it.each([
    'https://example.org/',
    'http://claimdesk/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://claimdesk.evil.com/index.html',
    'app://claimdesk@evil.com/index.html',
    'app://claimdesk:8080/index.html',
    'app://claimdeskevil/index.html',
    'app://xn--claimdsk-e1a/index.html',
    'app:/claimdesk/index.html',
    'app:claimdesk/index.html',
    'https://claimdesk/index.html',
    'file://claimdesk/index.html',
    'JAVASCRIPT:alert(1)',
    '\tjavascript:alert(1)',
    'blob:app://claimdesk/1e0c',
    'about:blank',
    'app://evil/claimdesk/index.html',
    'app://user:pass@claimdesk/index.html',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
    '',
  ])('refuses navigation to %s', (url) => {
    expect(mayNavigate(url)).toBe(false);
  });

  it('trusts the dev server only by its exact origin on loopback', () => {
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/index.html', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://localhost.evil.com:5173/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://example.org:5173/', 'http://example.org:5173')).toBe(false);
  });

  it('hands only https and mailto links to the system', () => {
    expect(isSafeExternalUrl('https://example.org/report')).toBe(true);
    expect(isSafeExternalUrl('mailto:desk@example.org')).toBe(true);
    for (const url of ['http://example.org', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.org', 'HTTPS//example.org', 'ms-msdt:foo']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
