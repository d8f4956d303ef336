/** How library views write sizes, dates and hashes for people. */

/** "812 bytes", "14.2 KB", "3.1 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return n === 1 ? '1 byte' : `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A stored timestamp as a local date and time; the raw text when it is not a date. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The first twelve hex digits of a hash, enough to tell copies apart at a glance. */
export function shortHash(hex: string): string {
  return hex.length > 12 ? `${hex.slice(0, 12)}…` : hex;
}
