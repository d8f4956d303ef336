/**
 * The Content-Security-Policy of every app page. Served as a header by the `app://` protocol
 * (and by the test harness) and written into index.html at build time. No inline script, no
 * eval, no network: Claimdesk works offline and never loads anything from outside.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "worker-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Parses a CSP header into directive → sources, for checks. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** Source expressions that would let a page run script it did not load from the app itself. */
const UNSAFE_SCRIPT_SOURCES = ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'data:', 'blob:', 'http:', 'https:', 'filesystem:'];

/** Where a directive falls back to when a policy leaves it out (CSP Level 3). */
const FALLBACKS: Record<string, readonly string[]> = {
  'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
  'script-src-attr': ['script-src-attr', 'script-src', 'default-src'],
  'script-src': ['script-src', 'default-src'],
  'object-src': ['object-src', 'default-src'],
  'frame-src': ['frame-src', 'child-src', 'default-src'],
  'base-uri': ['base-uri'],
};

/** The sources that govern `directive` in a parsed policy, after fallbacks; null when nothing restricts it. */
export function effectiveSources(csp: ReadonlyMap<string, readonly string[]>, directive: string): readonly string[] | null {
  for (const name of FALLBACKS[directive] ?? [directive]) {
    const sources = csp.get(name);
    if (sources !== undefined) return sources;
  }
  return null;
}

function isNone(sources: readonly string[] | null): boolean {
  return sources !== null && sources.length === 1 && sources[0]!.toLowerCase() === "'none'";
}

/**
 * What a page's policy gets wrong, against the rules every Claimdesk page follows: no inline
 * or eval'd script (nor from anywhere but the page's own origin), `object-src 'none'`,
 * `base-uri 'none'` and `frame-src 'none'` (each after CSP's fallbacks). Empty when it is right.
 */
export function cspProblems(policy: string): string[] {
  const csp = parseCsp(policy);
  const problems: string[] = [];
  for (const directive of ['script-src', 'script-src-elem', 'script-src-attr']) {
    const sources = effectiveSources(csp, directive);
    if (sources === null) problems.push(`${directive}: scripts are not restricted (no script-src or default-src)`);
    else for (const source of sources) if (UNSAFE_SCRIPT_SOURCES.includes(source.toLowerCase())) problems.push(`${directive}: allows ${source}`);
  }
  for (const directive of ['object-src', 'base-uri', 'frame-src']) {
    if (!isNone(effectiveSources(csp, directive))) problems.push(`${directive}: must be 'none'`);
  }
  return [...new Set(problems)];
}
