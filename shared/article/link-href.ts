/**
 * Which link targets an article may hold. A link survives an import only if its target is an
 * absolute http:, https: or mailto: URL, judged by the URL parser (never by a prefix, which
 * `JaVaScRiPt:`, `java\tscript:` or leading blanks would slip past). The schema refuses any
 * other `href`, so a link to anything else cannot exist in a document, however it was built.
 */

/** Protocols a link may use. */
export const LINK_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:'];

/** Longest link target kept; longer ones lose their link (the text stays). */
export const MAX_LINK_LENGTH = 4096;

/**
 * The canonical form of `raw` (resolved against `base` when it is relative and a base is
 * given) if it is a link an article may hold, else null. Never throws.
 */
export function safeLinkHref(raw: string, base: string | null = null): string | null {
  let url: URL;
  try {
    url = base === null ? new URL(raw) : new URL(raw, base);
  } catch {
    return null;
  }
  if (!LINK_PROTOCOLS.includes(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return url.href.length <= MAX_LINK_LENGTH ? url.href : null;
}

/** Whether `value` is a link target as the schema stores it: safe and already canonical. */
export function isSafeLinkHref(value: unknown): value is string {
  return typeof value === 'string' && safeLinkHref(value) === value;
}
