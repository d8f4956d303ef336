import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import { fileSettingsStore } from '../settings/app-settings';
import { claimInput, tempProject } from '../store/test-support';
import { listClaims } from '../store/claims';
import { story, V1 } from '../store/version-fixtures';
import { createVersionHost } from '../versions/worker/version-host';
import { buildVersionWorker } from '../versions/worker/worker-build';
import type { HandlerContext } from './handler-context';
import { createHandlers } from './handlers';
import { READ_ONLY_CHANNELS, WRITING_CHANNELS } from './read-only';
import { createWriteGate, EXCLUSIVE_CHANNELS, GATED_CHANNELS } from './write-gate';

/** A promise and the function that settles it. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resume) => setImmediate(resume));

describe('the write gate', () => {
  it('runs a change at once, a synchronous one synchronously, while nothing runs alone', () => {
    const gate = createWriteGate();
    expect(gate.shared(() => 42)).toBe(42);
    expect(() => gate.shared(() => {
      throw new Error('refused');
    })).toThrow('refused');
  });

  it('starts an exclusive run after the changes under way, and holds back changes asked for meanwhile', async () => {
    const gate = createWriteGate();
    const order: string[] = [];
    const importing = deferred();
    const linking = deferred();
    const imported = gate.shared(async () => {
      await importing.promise;
      order.push('import done');
    });
    const linked = gate.exclusive(async () => {
      order.push('link starts');
      await linking.promise;
      order.push('link done');
      return 'report';
    });
    const edited = gate.shared(() => {
      order.push('edit');
      return 'claim';
    });
    await settle();
    expect(order).toEqual([]);
    importing.resolve();
    await settle();
    expect(order).toEqual(['import done', 'link starts']);
    linking.resolve();
    expect(await linked).toBe('report');
    expect(await edited).toBe('claim');
    await imported;
    expect(order).toEqual(['import done', 'link starts', 'link done', 'edit']);
  });

  it('opens again after an exclusive run fails, and runs exclusive runs one after the other', async () => {
    const gate = createWriteGate();
    const order: string[] = [];
    const first = gate.exclusive(async () => {
      order.push('first');
      throw new Error('stale');
    });
    const second = gate.exclusive(async () => {
      order.push('second');
      return 2;
    });
    await expect(first).rejects.toThrow('stale');
    expect(await second).toBe(2);
    expect(await gate.shared(() => 'after')).toBe('after');
    expect(order).toEqual(['first', 'second']);
  });

  it('covers every channel that changes the project', () => {
    const gated = new Set([...GATED_CHANNELS, ...EXCLUSIVE_CHANNELS]);
    for (const channel of WRITING_CHANNELS) expect(gated.has(channel), channel).toBe(true);
    for (const channel of gated) expect(CHANNELS as readonly string[], channel).toContain(channel);
    expect(READ_ONLY_CHANNELS.filter((channel) => gated.has(channel))).toEqual(['profiles:create', 'profiles:switch', 'project:restoreBackup']);
  });
});

describe('changes while a version is linked in the version worker', () => {
  const versions = createVersionHost({ workerFile: buildVersionWorker() });
  afterAll(() => versions.close());

  it('wait for the link and then run, on the same project file, both saved', async () => {
    const { db, file } = tempProject();
    const { v1, v2 } = story(db);
    // What these channels use of the context: the project, the settings (read on creation) and the worker.
    const handlers = createHandlers({ db, projectPath: file, settings: fileSettingsStore(`${file}.settings.json`), versions } as unknown as HandlerContext);
    const done: string[] = [];
    const start = V1.indexOf('Saltera');
    const link = Promise.resolve(handlers['versions:link']({ documentId: v2, previousId: v1 })).then((report) => {
      done.push('link');
      return report;
    });
    // Asked for while the worker links: it waits, then writes through main's connection.
    const create = Promise.resolve(
      handlers['claims:create']({
        documentId: v1,
        anchor: { exact: 'Saltera', start, end: start + 7, prefix: V1.slice(start - 32, start), suffix: V1.slice(start + 7, start + 39) },
        input: claimInput(),
      }),
    ).then((claim) => {
      done.push('create');
      return claim;
    });
    // Reads do not wait.
    expect(handlers['claims:list']({ documentId: v2 })).toEqual([]);
    expect(await link).toMatchObject({ version: 2, carried: 6 });
    expect((await create).anchor.exact).toBe('Saltera');
    expect(done).toEqual(['link', 'create']);
    expect(listClaims(db, v2)).toHaveLength(6);
    expect(listClaims(db, v1).map((c) => c.anchor.exact)).toContain('Saltera');
  });
});
