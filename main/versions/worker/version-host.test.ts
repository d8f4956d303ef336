import { afterAll, describe, expect, it } from 'vitest';
import { compareParagraphs } from '../../../shared/versions/text-diff';
import type { VersionComparison } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { setActor } from '../../store/actor';
import { listClaims } from '../../store/claims';
import { listHistory } from '../../store/history';
import { ensureProfile } from '../../store/profiles';
import { tempProject } from '../../store/test-support';
import { story, V1, V2 } from '../../store/version-fixtures';
import { listVersionChanges } from '../../store/version-queue';
import { compareVersions, linkAsNewVersion } from '../../store/versions';
import { createVersionHost, type CompareRequest, type LinkRequest } from './version-host';
import { buildVersionWorker } from './worker-build';

const request = (file: string, documentId: number, previousId: number, actor: number | null = null): LinkRequest => ({ file, nativeBinding: null, actor, documentId, previousId });
const comparing = (file: string, fromId: number, toId: number): CompareRequest => ({ file, nativeBinding: null, fromId, toId });
const carried = (db: Parameters<typeof listClaims>[0], id: number) => listClaims(db, id).map((c) => [c.anchor, c.note, c.verdictId, c.tagIds, c.sources, c.createdBy]);

describe('the version worker host (a real worker thread)', () => {
  const workerFile = buildVersionWorker();
  const host = createVersionHost({ workerFile });
  afterAll(() => host.close());

  it('links a new version in the project file through its own connection, as linkAsNewVersion does on this thread', async () => {
    const here = tempProject();
    const a = story(here.db);
    const there = tempProject();
    const b = story(there.db);
    const editor = ensureProfile(there.db, { uid: 'p-ama', name: 'Ama Mensah', initials: 'AM', color: '#336699' });
    setActor(there.db, editor.id);
    setActor(here.db, ensureProfile(here.db, { uid: 'p-ama', name: 'Ama Mensah', initials: 'AM', color: '#336699' }).id);

    const { report, timings } = await host.link(request(there.file, b.v2, b.v1, editor.id));
    expect(report).toEqual(linkAsNewVersion(here.db, a.v2, a.v1));
    expect(timings.total).toBeGreaterThanOrEqual(timings.plan);
    // Main's connection, open all along, sees what the worker's wrote: the claims, the queue, the actor.
    expect(carried(there.db, b.v2)).toEqual(carried(here.db, a.v2));
    expect(listVersionChanges(there.db, b.v2).map((r) => [r.kind, r.method])).toEqual(listVersionChanges(here.db, a.v2).map((r) => [r.kind, r.method]));
    const created = listHistory(there.db, { entity: 'claim', entityId: listClaims(there.db, b.v2)[0]!.id });
    expect(created.map((e) => [e.action, e.actor?.name])).toEqual([['create', 'Ama Mensah']]);
  });

  it('answers jobs sent together one after the other, a refused one with its AppError, writing nothing for it', async () => {
    const { db, file } = tempProject();
    const { v1, v2 } = story(db);
    const [a, b, c, d] = await Promise.allSettled([
      host.compare(comparing(file, v1, v2)),
      host.link(request(file, v1, v1)),
      host.link(request(file, v2, v1)),
      host.compare(comparing(file, v1, v2)),
    ]);
    // Asked before the link: two documents of their own series.
    expect(a).toMatchObject({ status: 'rejected', reason: { kind: 'invalid-argument', message: expect.stringContaining('are not versions of the same article') } });
    expect(b.status).toBe('rejected');
    const refusal = (b as PromiseRejectedResult).reason as unknown;
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ kind: 'invalid-argument', message: expect.stringContaining('cannot be a new version of itself') });
    expect(c).toMatchObject({ status: 'fulfilled', value: { report: { version: 2, carried: 6 } } });
    expect(listClaims(db, v1)).toHaveLength(6);
    expect(d).toMatchObject({ status: 'fulfilled', value: compareVersions(db, v1, v2) });
    expect((d as PromiseFulfilledResult<VersionComparison>).value.paragraphs).toEqual(compareParagraphs(V1, V2));
  });

  it('fails a link whose worker dies (a file it cannot open), and the next job gets a fresh worker', async () => {
    await expect(host.link(request('/nonexistent/folder/none.claimdesk', 2, 1))).rejects.toMatchObject({
      kind: 'internal',
      message: 'Linking the new version failed unexpectedly. Nothing was changed.',
    });
    const { db, file } = tempProject();
    const { v1 } = story(db);
    expect(await host.compare(comparing(file, v1, v1))).toMatchObject({ wordsAdded: 0, wordsRemoved: 0 });
  });

  it('stops a job that runs too long, says so, and the next job gets a fresh worker', async () => {
    const { db, file } = tempProject();
    const { v1, v2 } = story(db);
    const impatient = createVersionHost({ workerFile, timeoutMs: 1 });
    try {
      await expect(impatient.link(request(file, v2, v1))).rejects.toMatchObject({ kind: 'too-large', message: expect.stringContaining('Linking the new version took longer than') });
      await expect(impatient.compare(comparing(file, v1, v2))).rejects.toMatchObject({ kind: 'too-large', message: expect.stringContaining('Comparing the versions took longer than') });
    } finally {
      await impatient.close();
    }
    // Nothing of the stopped link was written, and the next job runs.
    expect(listClaims(db, v2)).toEqual([]);
    expect((await host.link(request(file, v2, v1))).report).toMatchObject({ version: 2, carried: 6 });
  });
});
