/**
 * The fsync test's child: opens the existing project argv[2] with the real openProject, then
 * commits argv[3] transactions (one claim each) and exits, writing one line per commit.
 *
 * With CLAIMDESK_FSYNC_DRIVER_SYNCHRONOUS=NORMAL in its environment it first lowers the
 * connection's `synchronous` setting: the control that shows the test can tell the
 * difference. Only this test driver reads that variable; the app has no such switch.
 * Test-only; bundled by build-child.ts.
 */
import fs from 'node:fs';
import { setActor } from '../actor';
import { createClaim } from '../claims';
import { openProject } from '../open-project';
import { ensureProfile } from '../profiles';
import { ARTICLE, QUOTES } from './crash-protocol';

const file = process.argv[2];
const commits = Number(process.argv[3] ?? 20);
if (file === undefined) throw new Error('usage: fsync-driver <project file> <commits>');

const db = openProject(file);
if (process.env['CLAIMDESK_FSYNC_DRIVER_SYNCHRONOUS'] === 'NORMAL') db.pragma('synchronous = NORMAL');
setActor(db, ensureProfile(db, { uid: 'fsync-driver', name: 'Fsync Driver', initials: 'FD', color: '#336699' }).id);
const documentId = db.prepare<[], number>('SELECT id FROM documents ORDER BY id LIMIT 1').pluck().get() as number;

for (let i = 0; i < commits; i++) {
  const exact = QUOTES[i % QUOTES.length] as string;
  const start = ARTICLE.indexOf(exact);
  createClaim(db, {
    documentId,
    anchor: { exact, start, end: start + exact.length, prefix: '', suffix: '' },
    input: {
      sources: [], attribution: { kind: 'unattributed', chain: [] }, claimType: null, verdictId: 3, confidence: 50,
      rationale: null, status: 'open', note: `commit ${i}`, tagIds: [], newTags: [],
    },
  });
  fs.writeSync(1, `committed ${i + 1}\n`);
}
