/** Words and dates the version components share. */
import type { DocumentSummary, VersionChange } from '../../../shared/domain';

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "29 Nov 2026" for an ISO timestamp. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : day.format(date);
}

/** "Version 2 of 3 · imported 29 Nov 2026". */
export function versionLine(doc: DocumentSummary): string {
  return `Version ${doc.version} of ${doc.versionCount} · imported ${formatDay(doc.createdAt)}`;
}

/** What happened to a carried-over claim, in a few words. */
export function changeTitle(change: VersionChange): string {
  if (change.kind === 'changed') return 'Wording changed';
  if (change.kind === 'vanished') return 'Not found in this version';
  return change.method === 'position' ? 'Same words, new surroundings' : 'Same words, moved';
}

/** How a row was resolved, by whom and when. */
export function resolutionLine(change: VersionChange): string {
  const what = change.resolution === 'confirmed' ? 'Confirmed' : change.resolution === 'reattached' ? 'Attached to new text' : 'Retired';
  const who = change.resolvedBy ? ` by ${change.resolvedBy.name}` : '';
  const when = change.resolvedAt ? `, ${formatDay(change.resolvedAt)}` : '';
  return `${what}${who}${when}`;
}

/** The latest version of each series, in the order given: what the library lists. */
export function latestVersions(documents: readonly DocumentSummary[]): DocumentSummary[] {
  return documents.filter((d) => d.version === d.versionCount);
}

/** The library entry that stands for `documentId`: the latest version of its series. */
export function libraryEntryOf(documents: readonly DocumentSummary[], documentId: number | null): number | null {
  const doc = documents.find((d) => d.id === documentId);
  if (!doc) return documentId;
  return documents.find((d) => d.seriesId === doc.seriesId && d.version === d.versionCount)?.id ?? doc.id;
}
