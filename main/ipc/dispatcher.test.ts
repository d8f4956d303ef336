import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import { argSchemas } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import { SAMPLE_ARTICLE } from '../sample/sample-article';
import { fileSettingsStore } from '../settings/app-settings';
import { closeProject, openProject } from '../store/open-project';
import { createDispatcher, type CallerInfo, type Dispatcher } from './dispatcher';
import { createHandlers } from './handlers';
import { createImportHost } from '../import/worker/import-host';
import { buildImportWorker } from '../import/worker/worker-build';

const HEALTH_STATEMENT = {
  type: 'official-statement',
  title: 'Health ministry statement',
  publisher: null,
  authors: [],
  issued: '2026-03-14',
  accessed: null,
  url: 'https://health.example/statement',
  language: 'en',
  notes: null,
  reliability: 'mixed',
  reliabilityReason: null,
  confidential: false,
} as const;

const trusted: CallerInfo = { frameUrl: 'app://claimdesk/index.html', isMainFrame: true };

describe('the IPC dispatcher over the real handlers and a real project file', () => {
  const importer = createImportHost({ workerFile: buildImportWorker() });
  let dir: string;
  let db: Database.Database;
  let dispatcher: Dispatcher;
  let internalErrors: unknown[];
  let nextDialogAnswer: string | null;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-ipc-'));
    const file = path.join(dir, 'desk.claimdesk');
    db = openProject(file, { create: true });
    internalErrors = [];
    nextDialogAnswer = null;
    const handlers = createHandlers({
      db,
      projectPath: file,
      dialogs: { pickImportFiles: async () => (nextDialogAnswer === null ? [] : [nextDialogAnswer]), pickAttachmentFile: async () => nextDialogAnswer, pickAnnotationFile: async () => nextDialogAnswer, pickExportPath: async () => nextDialogAnswer, pickSavePath: async () => nextDialogAnswer, pickReviewPackage: async () => nextDialogAnswer },
      settings: fileSettingsStore(path.join(dir, 'settings.json')),
      files: { openFile: async () => {}, openUrl: async () => {} },
      scratchDir: path.join(dir, 'scratch'),
      pdf: { print: () => Promise.reject(new Error('These tests print no PDF (the end-to-end specs do).')) },
      notify: () => {},
      generator: 'Claimdesk test',
      importer,
    });
    dispatcher = createDispatcher(handlers, {
      isTrustedCaller: (c) => c.isMainFrame && c.frameUrl?.startsWith('app://claimdesk/') === true,
      onInternalError: (_channel, error) => internalErrors.push(error),
    });
  });
  afterAll(() => importer.close());
  afterEach(() => {
    closeProject(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function ok<T>(channel: string, args: unknown): Promise<T> {
    const result = (await dispatcher.dispatch(channel, args, trusted)) as Result<T>;
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`);
    return result.value;
  }

  it('has a validator and a handler for every channel', () => {
    expect(Object.keys(argSchemas).sort()).toEqual([...CHANNELS].sort());
    expect(dispatcher.channels).toEqual(CHANNELS);
  });

  it('refuses unknown channels, untrusted frames and subframes before any handler runs', async () => {
    expect(await dispatcher.dispatch('fs:readFile', {}, trusted)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await dispatcher.dispatch('documents:openSample', {}, { frameUrl: 'https://evil.example/', isMainFrame: true })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await dispatcher.dispatch('documents:openSample', {}, { frameUrl: 'app://claimdesk/index.html', isMainFrame: false })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await ok<unknown[]>('documents:list', {})).toEqual([]);
  });

  it('validates arguments and names the bad field', async () => {
    const sample = await ok<{ id: number }>('documents:openSample', {});
    const bad = await dispatcher.dispatch('documents:updateMeta', { id: sample.id, meta: { url: 'javascript:alert(1)' } }, trusted);
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
    expect(!bad.ok && bad.error.message).toMatch(/url.*http/i);
    expect(await dispatcher.dispatch('documents:get', { id: '1; DROP TABLE documents' }, trusted)).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
    expect(await dispatcher.dispatch('documents:get', { id: 1, extra: true }, trusted)).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
    expect(await dispatcher.dispatch('documents:list', null, trusted)).toMatchObject({ ok: true });
  });

  it('tags a claim on the sample, and the claim comes back from the store', async () => {
    const doc = await ok<{ id: number }>('documents:openSample', {});
    const record = await ok<{ plainText: string }>('documents:get', { id: doc.id });
    const exact = 'At least 38 people have been killed';
    const start = record.plainText.indexOf(exact);
    const verdicts = await ok<{ id: number; key: string }[]>('verdicts:list', {});
    const misleading = verdicts.find((v) => v.key === 'misleading')!;
    const claim = await ok<{ id: number }>('claims:create', {
      documentId: doc.id,
      anchor: { exact, prefix: record.plainText.slice(Math.max(0, start - 32), start), suffix: record.plainText.slice(start + exact.length, start + exact.length + 32), start, end: start + exact.length },
      input: {
        sources: [{ source: { newSource: HEALTH_STATEMENT }, role: 'origin', pinpoint: null }],
        attribution: { kind: 'according-to', chain: [{ speaker: { newSpeaker: { kind: 'government-body', name: 'National health ministry', role: null, affiliation: null, externalId: null } }, role: 'said', reliability: 'unknown' }] },
        claimType: 'statistic',
        verdictId: misleading.id,
        confidence: 70,
        rationale: null,
        status: 'open',
        note: 'Opposition group says 61.',
        tagIds: [],
        newTags: [],
      },
    });
    const claims = await ok<{ id: number; sources: { source: { url: string } }[]; verdictId: number }[]>('claims:list', { documentId: doc.id });
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ id: claim.id, verdictId: misleading.id, sources: [{ source: { url: 'https://health.example/statement' } }] });
    // Opening the sample twice does not duplicate it.
    expect((await ok<{ id: number }>('documents:openSample', {})).id).toBe(doc.id);
    expect(await ok<unknown[]>('documents:list', {})).toHaveLength(1);
  });

  it('names the bad field of a new source typed in the claim form', async () => {
    const doc = await ok<{ id: number }>('documents:openSample', {});
    const record = await ok<{ plainText: string }>('documents:get', { id: doc.id });
    const exact = 'shoot-to-kill order';
    const start = record.plainText.indexOf(exact);
    const result = await dispatcher.dispatch(
      'claims:create',
      {
        documentId: doc.id,
        anchor: { exact, prefix: '', suffix: '', start, end: start + exact.length },
        input: {
          sources: [{ source: { newSource: { ...HEALTH_STATEMENT, url: 'javascript:alert(1)' } }, role: 'origin', pinpoint: null }],
          attribution: { kind: 'unattributed', chain: [] },
          claimType: null,
          verdictId: 1,
          confidence: 50,
          rationale: null,
          status: 'open',
          note: null,
          tagIds: [],
          newTags: [],
        },
      },
      trusted,
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
    expect(!result.ok && result.error.message).toBe('URL: URL must start with http:// or https:// (got "javascript:")');
    expect(await ok<unknown[]>('claims:list', { documentId: doc.id })).toEqual([]);
  });

  it('turns expected failures into values and bugs into a generic internal error', async () => {
    expect(await dispatcher.dispatch('documents:get', { id: 999 }, trusted)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    closeProject(db);
    const broken = await dispatcher.dispatch('documents:list', {}, trusted);
    expect(broken).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(internalErrors).toHaveLength(1);
    db = openProject(path.join(dir, 'desk.claimdesk'));
  });

  it('imports the file the dialog picked, and does nothing when it was cancelled', async () => {
    expect(await ok('documents:importDialog', { taskId: 'i1' })).toBeNull();
    const file = path.join(dir, 'Verano update.txt');
    fs.writeFileSync(file, SAMPLE_ARTICLE);
    nextDialogAnswer = file;
    const report = await ok<{ imported: { document: { title: string; publishedOn: string } }[]; refused: unknown[] }>('documents:importDialog', { taskId: 'i1' });
    expect(report.refused).toEqual([]);
    expect(report.imported.map((i) => i.document)).toMatchObject([{ title: 'Verano update', publishedOn: '2026-03-14' }]);
  });

  it('opens only https: and mailto: links outside the app', async () => {
    for (const url of ['https://example.org/a', 'mailto:desk@example.org']) expect(await ok('links:open', { url })).toBe(url);
    expect(await ok('links:open', { url: ' HTTPS://Example.org' })).toBe('https://example.org/');
    for (const url of ['http://example.org/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@example.org/', 'data:text/html,x']) {
      const result = (await dispatcher.dispatch('links:open', { url }, trusted)) as Result<unknown>;
      expect(result, url).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
  });
});
