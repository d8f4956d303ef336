/**
 * Which Electron majors still get security fixes. Electron supports its three newest stable
 * majors and ships a new major about every eight weeks, so this list goes stale within months:
 * the test beside this file fails when the installed Electron, the version the lockfile pins or
 * the lowest version package.json allows is older than the oldest supported major, and when
 * the list itself has not been checked for SUPPORT_LIST_MAX_AGE_DAYS.
 *
 * To update: look up the supported majors on https://releases.electronjs.org/schedule, change
 * the list and the date, and upgrade `electron` in package.json if it fell off the list.
 */

/** Electron majors with security support, newest last, as checked on SUPPORTED_ELECTRON_CHECKED_ON. */
export const SUPPORTED_ELECTRON_MAJORS: readonly number[] = Object.freeze([43, 44, 45]);

/** When SUPPORTED_ELECTRON_MAJORS was last checked against Electron's release schedule (UTC date). */
export const SUPPORTED_ELECTRON_CHECKED_ON = '2026-11-29';

/** A new major every ~8 weeks, three supported: a list older than this may name an end-of-life major. */
export const SUPPORT_LIST_MAX_AGE_DAYS = 120;

/** The major of a version such as "45.5.0" or "v45.0.0-beta.3"; null when it is not one. */
export function electronMajor(version: string): number | null {
  const match = /^v?(\d+)\.\d+\.\d+(?:[-+].*)?$/.exec(version.trim());
  return match ? Number(match[1]) : null;
}

/**
 * The lowest major a package.json range allows: "^45.5.0", "~45.5.0", "45.5.0" or ">=45.0.0".
 * Null for anything else (a tag, "*", a union, an URL), which the test treats as not allowed:
 * the range must say which Electron ships.
 */
export function lowestMajorOfRange(range: string): number | null {
  const match = /^(?:\^|~|>=\s*)?v?(\d+)\.\d+\.\d+$/.exec(range.trim());
  return match ? Number(match[1]) : null;
}

/** Whether `version` is a supported major (a newer major than the list is fine, an older one is not). */
export function isSupportedElectron(version: string): boolean {
  const major = electronMajor(version);
  return major !== null && major >= Math.min(...SUPPORTED_ELECTRON_MAJORS);
}
