/**
 * The versions story for the store's tests: a wire story in two versions (the toll revised, a
 * quote removed, two paragraphs swapped) and claims on the first. Test-only; not exported from
 * index.ts.
 */
import type { Database } from 'better-sqlite3';
import { createClaim } from './claims';
import { createDocument } from './documents';
import { claimInput, meta, pause, sourceFields } from './test-support';

/** The first version of a wire story, paragraph by paragraph. */
export const V1 = [
  'Security forces fired on protesters in Saltera on Friday, the fourth day of unrest.',
  'At least 38 people have been killed since Tuesday, the health ministry said.',
  'Interior Minister Ilse Marrov said 1,240 people had been detained. "Order will be restored by Sunday, whatever it takes," she said.',
  'President Tomas Edvin said he had given a shoot-to-kill order to troops.',
  'Internet access in Saltera has been cut since Thursday, according to NetWatch.',
].join('\n\n');

/** The second: the toll revised, the minister's quote removed, the last two paragraphs swapped. */
export const V2 = [
  'Security forces fired on protesters in Saltera on Friday, the fourth day of unrest.',
  'At least 41 people have been killed since Tuesday, the health ministry said.',
  'Interior Minister Ilse Marrov said 1,240 people had been detained.',
  'Internet access in Saltera has been cut since Thursday, according to NetWatch.',
  'President Tomas Edvin said he had given a shoot-to-kill order to troops.',
].join('\n\n');

const URL = 'https://wire.example/verano-unrest';

/** Stores `text` as a document (one paragraph per block) and returns its id. */
export function addText(db: Database, text: string, url: string | null = URL, title = 'Unrest in Verano'): number {
  const body = { type: 'doc', content: text.split('\n\n').map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) };
  return createDocument(db, { meta: { ...meta(title), url }, body, plainText: text }).id;
}

/** Tags `exact` (its first occurrence) in document `documentId` whose text is `text`. */
export function tag(db: Database, documentId: number, text: string, exact: string, input = claimInput()) {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the text`);
  const end = start + exact.length;
  const anchor = { exact, start, end, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
  return createClaim(db, { documentId, anchor, input });
}

/** The versions story: v1 with six claims, v2 imported, nothing linked yet. */
export function story(db: Database) {
  const v1 = addText(db, V1);
  const claims = {
    fired: tag(db, v1, V1, 'fired on protesters'),
    toll: tag(db, v1, V1, 'At least 38 people have been killed', claimInput({ verdictId: 2, confidence: 75, note: 'Ministry bulletin', newTags: ['Casualties'], sources: [{ source: { newSource: sourceFields({ title: 'Health ministry bulletin' }) }, role: 'origin', pinpoint: 'p. 1' }] })),
    minister: tag(db, v1, V1, 'Ilse Marrov'),
    detained: tag(db, v1, V1, '1,240 people had been detained'),
    order: tag(db, v1, V1, 'Order will be restored by Sunday, whatever it takes', claimInput({ verdictId: 5, status: 'in-review' })),
    shoot: tag(db, v1, V1, 'shoot-to-kill order'),
  };
  pause(3);
  const v2 = addText(db, V2);
  return { v1, v2, claims };
}
