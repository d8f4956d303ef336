import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, parseCsp } from './csp';

describe('content security policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('allows scripts only from the app itself: no inline, no eval', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|strict-dynamic/);
  });

  it('denies plugins, base rewriting, frames, forms and the network by default', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('names no remote origin anywhere', () => {
    for (const [directive, sources] of csp) {
      for (const source of sources) expect(source, directive).toMatch(/^'(self|none)'$|^data:$/);
    }
  });
});
