import { afterAll, describe, expect, it } from 'vitest';
import { argSchemas } from '../../shared/ipc/contract';
import { story } from '../store/version-fixtures';
import { compareVersions, linkAsNewVersion } from '../store/versions';
import { AppError } from '../../shared/result';
import { tempProject } from '../store/test-support';
import type { HandlerContext } from './handler-context';
import { versionHandlers } from './handlers/version-handlers';
import { createVersionHost, type VersionWorker } from '../versions/worker/version-host';
import { buildVersionWorker } from '../versions/worker/worker-build';

describe('the version channels', () => {
  it('validate their arguments', () => {
    expect(argSchemas['versions:link'].safeParse({ documentId: 2, previousId: 1 }).success).toBe(true);
    expect(argSchemas['versions:link'].safeParse({ documentId: 2, previousId: 2 }).success).toBe(false);
    expect(argSchemas['versions:link'].safeParse({ documentId: 2, previousId: 1, extra: true }).success).toBe(false);
    expect(argSchemas['versions:resolve'].safeParse({ rowId: 1, action: 'confirm' }).success).toBe(true);
    expect(argSchemas['versions:resolve'].safeParse({ rowId: 1, action: 'reattach' }).success).toBe(false);
    expect(argSchemas['versions:reattach'].safeParse({ rowId: 1, anchor: { exact: 'ab', prefix: '', suffix: '', start: 0, end: 3 } }).success).toBe(false);
    expect(argSchemas['versions:compare'].safeParse({ fromId: 1, toId: -1 }).success).toBe(false);
  });

  it('link a new version, list its queue and resolve a row, on a real project', async () => {
    const { db } = tempProject();
    const { v1, v2 } = story(db);
    // Only the database is used by these handlers.
    const handlers = versionHandlers({ db } as HandlerContext);
    expect((await handlers['versions:candidate']({ documentId: v2 }))?.id).toBe(v1);
    expect(await handlers['versions:link']({ documentId: v2, previousId: v1 })).toMatchObject({ version: 2, carried: 6 });
    expect((await handlers['versions:list']({ documentId: v1 })).map((d) => d.id)).toEqual([v1, v2]);
    const queue = await handlers['versions:queue']({ documentId: v2 });
    expect(queue.map((r) => r.kind)).toEqual(['changed', 'moved', 'vanished', 'moved']);
    expect(await handlers['versions:resolve']({ rowId: queue[0]!.id, action: 'confirm' })).toMatchObject({ resolution: 'confirmed' });
    expect((await handlers['versions:compare']({ fromId: v1, toId: v2 })).paragraphs.length).toBe(6);
  });

  it('link and compare in the version worker, as the app does', async () => {
    const versions = createVersionHost({ workerFile: buildVersionWorker() });
    afterAll(() => versions.close());
    const { db } = tempProject();
    const { v1, v2 } = story(db);
    const handlers = versionHandlers({ db, versions } as HandlerContext);
    expect(await handlers['versions:link']({ documentId: v2, previousId: v1 })).toMatchObject({ version: 2, carried: 6, unchanged: 2, moved: 2, changed: 1, vanished: 1 });
    expect((await handlers['versions:queue']({ documentId: v2 })).map((r) => r.kind)).toEqual(['changed', 'moved', 'vanished', 'moved']);
    expect(await handlers['versions:compare']({ fromId: v1, toId: v2 })).toEqual(compareVersions(db, v1, v2));
    await expect(Promise.resolve(handlers['versions:link']({ documentId: v2, previousId: v1 }))).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('report a link the worker committed before it was stopped, and pass on a stop before it', async () => {
    const { db } = tempProject();
    const { v1, v2 } = story(db);
    const twin = tempProject();
    const expected = (() => {
      const t = story(twin.db);
      return { ...linkAsNewVersion(twin.db, t.v2, t.v1), documentId: v2, previousId: v1, seriesId: v1 };
    })();
    const stopped = new AppError('too-large', 'Linking the new version took longer than 120 s, so Claimdesk stopped. Nothing was changed.');
    const worker = (commit: boolean): VersionWorker => ({
      link: async () => {
        if (commit) linkAsNewVersion(db, v2, v1);
        throw stopped;
      },
      compare: () => Promise.reject(new Error('not used')),
      close: async () => {},
    });
    await expect(Promise.resolve(versionHandlers({ db, versions: worker(false) } as HandlerContext)['versions:link']({ documentId: v2, previousId: v1 }))).rejects.toBe(stopped);
    expect(await versionHandlers({ db, versions: worker(true) } as HandlerContext)['versions:link']({ documentId: v2, previousId: v1 })).toEqual(expected);
    // A refusal is passed on even though the documents are linked (by an earlier link).
    const refused: VersionWorker = { ...worker(false), link: () => Promise.reject(new AppError('conflict', 'already linked')) };
    await expect(Promise.resolve(versionHandlers({ db, versions: refused } as HandlerContext)['versions:link']({ documentId: v2, previousId: v1 }))).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('compare on this thread a project open read-only (a recovered copy), as it was opened', async () => {
    const { db } = tempProject();
    const { v1, v2 } = story(db);
    await versionHandlers({ db } as HandlerContext)['versions:link']({ documentId: v2, previousId: v1 });
    const unused: VersionWorker = { link: () => Promise.reject(new Error('not this way')), compare: () => Promise.reject(new Error('not this way')), close: async () => {} };
    const projectFile = { status: { readOnly: 'damaged' } } as unknown as HandlerContext['projectFile'];
    const handlers = versionHandlers({ db, versions: unused, projectFile } as HandlerContext);
    expect(await handlers['versions:compare']({ fromId: v1, toId: v2 })).toEqual(compareVersions(db, v1, v2));
  });
});
