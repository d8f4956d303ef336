import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, cspProblems, effectiveSources, parseCsp } from './csp';

describe('checklist: a CSP on every page (the app policy, parsed)', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('allows scripts only from the app itself: no unsafe-inline, no unsafe-eval', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|strict-dynamic/);
  });

  it("sets object-src 'none', base-uri 'none' and frame-src 'none', and denies forms and the network by default", () => {
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

  it('passes the page check', () => {
    expect(cspProblems(CONTENT_SECURITY_POLICY)).toEqual([]);
  });
});

describe('the page check (cspProblems)', () => {
  it.each([
    ["default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-src 'none'", "script-src: allows 'unsafe-inline'"],
    ["default-src 'none'; script-src 'self' 'unsafe-eval'; base-uri 'none'", "script-src: allows 'unsafe-eval'"],
    ["default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; base-uri 'none'", "script-src: allows 'wasm-unsafe-eval'"],
    ["default-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-src 'none'", "script-src: allows 'unsafe-inline'"],
    ["default-src 'none'; script-src-attr 'unsafe-inline'; base-uri 'none'", "script-src-attr: allows 'unsafe-inline'"],
    ["default-src 'none'; script-src-elem 'self' data:; base-uri 'none'", 'script-src-elem: allows data:'],
    ["default-src 'none'; script-src https:; base-uri 'none'", 'script-src: allows https:'],
    ["default-src 'none'; script-src *; base-uri 'none'", 'script-src: allows *'],
    ["style-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'", 'script-src: scripts are not restricted (no script-src or default-src)'],
    ["script-src 'self'; base-uri 'none'; frame-src 'none'", "object-src: must be 'none'"],
    ["default-src 'none'; object-src 'self'; base-uri 'none'", "object-src: must be 'none'"],
    ["default-src 'none'", "base-uri: must be 'none'"],
    ["default-src 'none'; base-uri 'self'", "base-uri: must be 'none'"],
    ["default-src 'none'; base-uri 'none'; frame-src 'self'", "frame-src: must be 'none'"],
    ["default-src 'none'; base-uri 'none'; child-src https:", "frame-src: must be 'none'"],
    ["script-src 'self'; object-src 'none'; base-uri 'none'", "frame-src: must be 'none'"],
  ])('finds the fault in %s', (policy, problem) => {
    expect(cspProblems(policy)).toContain(problem);
  });

  it('follows CSP fallbacks: default-src covers scripts, objects and frames, but never base-uri', () => {
    const csp = parseCsp("default-src 'none'; child-src 'self'");
    expect(effectiveSources(csp, 'script-src-elem')).toEqual(["'none'"]);
    expect(effectiveSources(csp, 'object-src')).toEqual(["'none'"]);
    expect(effectiveSources(csp, 'frame-src')).toEqual(["'self'"]);
    expect(effectiveSources(csp, 'base-uri')).toBeNull();
    expect(cspProblems("default-src 'none'; base-uri 'none'")).toEqual([]);
  });

  it('reads directive names case-insensitively and keeps the first of a repeated one, as browsers do', () => {
    expect(cspProblems("DEFAULT-SRC 'none'; Base-Uri 'none'")).toEqual([]);
    expect(cspProblems("default-src 'none'; base-uri 'none'; script-src 'self'; script-src 'unsafe-inline'")).toEqual([]);
    expect(cspProblems("default-src 'none'; base-uri 'none'; script-src 'UNSAFE-INLINE'")).toContain("script-src: allows 'UNSAFE-INLINE'");
  });
});
