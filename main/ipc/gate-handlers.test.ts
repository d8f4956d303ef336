import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/ipc/contract';
import { ensureProfile, listHistory, setActor } from '../store';
import { closeProject, openProject } from '../store/open-project';
import { addArticle, addClaim } from '../store/test-support';
import { fileSettingsStore } from '../settings/app-settings';
import { createHandlers } from './handlers';
import { argSchemas } from '../../shared/ipc/contract';

describe('the publication gate over IPC, and final exports', () => {
  let dir: string;
  let db: Database.Database;
  let handlers: Handlers;
  let saveAnswer: string | null;
  let dialogsShown: number;
  let docId: number;
  let tollId: number;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-gate-'));
    const projectFile = path.join(dir, 'desk.claimdesk');
    db = openProject(projectFile, { create: true });
    saveAnswer = path.join(dir, 'final.html');
    dialogsShown = 0;
    const pick = async () => {
      dialogsShown += 1;
      return saveAnswer;
    };
    handlers = createHandlers({
      db,
      projectPath: projectFile,
      dialogs: { pickImportFiles: async () => [], pickAttachmentFile: async () => null, pickAnnotationFile: async () => null, pickExportPath: pick, pickSavePath: pick, pickReviewPackage: async () => null },
      settings: fileSettingsStore(path.join(dir, 'settings.json')),
      files: { openFile: async () => {}, openUrl: async () => {} },
      scratchDir: path.join(dir, 'scratch'),
      pdf: { print: () => Promise.reject(new Error('These tests print nothing.')) },
      notify: () => {},
      generator: 'Claimdesk test',
      importer: { read: () => Promise.reject(new Error('These tests import nothing.')), close: async () => {} },
    });
    setActor(db, ensureProfile(db, { uid: 'ana', name: 'Ana Lopes', initials: 'AL', color: '#0969da' }).id);
    docId = addArticle(db);
    tollId = addClaim(db, docId, '14 people were killed', { status: 'settled' }).id;
  });
  afterEach(() => {
    closeProject(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const save = (final?: boolean) =>
    handlers['export:save']({ documentId: docId, format: 'html', options: { includeNotes: false, includeConfidential: false }, taskId: 't1', ...(final === undefined ? {} : { final }) });

  it('refuses a final report while a problem is open, before asking for a file and writing nothing', async () => {
    await expect(save(true)).rejects.toMatchObject({
      kind: 'conflict',
      message: '1 claim still needs attention before a final report: claim 1 (no source, no second reviewer).',
    });
    expect(dialogsShown).toBe(0);
    expect(fs.existsSync(saveAnswer!)).toBe(false);
  });

  it('lets a final report out once every problem is overridden, and the override shows in the claim’s history', async () => {
    const report = await handlers['gate:check']({ documentId: docId });
    expect(report.claims.map((c) => c.findings.map((f) => f.problem))).toEqual([['no-source', 'no-second-reviewer']]);
    const first = await handlers['gate:override']({ claimId: tollId, problem: 'no-source', reason: 'Our reporter counted at the morgue.' });
    await handlers['gate:override']({ claimId: tollId, problem: 'no-second-reviewer', reason: 'Night desk: one editor on shift.' });
    expect(await handlers['gate:check']({ documentId: docId })).toMatchObject({ ready: true, open: 0 });
    expect(listHistory(db, { claimId: tollId }).filter((e) => e.entity === 'override').map((e) => e.after?.reason)).toEqual([
      'Night desk: one editor on shift.',
      'Our reporter counted at the morgue.',
    ]);

    expect(await save(true)).toMatchObject({ claims: 1, path: saveAnswer });
    expect(fs.readFileSync(saveAnswer!, 'utf8')).toContain('14 people were killed');

    fs.rmSync(saveAnswer!);
    await handlers['gate:withdrawOverride']({ id: first.id });
    await expect(save(true)).rejects.toMatchObject({ kind: 'conflict' });
    expect(fs.existsSync(saveAnswer!)).toBe(false);
  });

  it('keeps exports that are not final as they were: no gate', async () => {
    expect(await save()).toMatchObject({ claims: 1 });
    expect(await save(false)).toMatchObject({ claims: 1 });
  });

  it('validates the gate’s arguments at the boundary', () => {
    expect(argSchemas['gate:override'].safeParse({ claimId: tollId, problem: 'no-idea', reason: 'x' }).success).toBe(false);
    expect(argSchemas['gate:override'].safeParse({ claimId: tollId, problem: 'no-source', reason: 'x', extra: 1 }).success).toBe(false);
    expect(argSchemas['gate:check'].safeParse({ documentId: docId, filter: { verdictIds: [1] } }).success).toBe(true);
    expect(argSchemas['export:save'].safeParse({ documentId: docId, format: 'html', options: { includeNotes: false, includeConfidential: false }, taskId: 't1', final: 'yes' }).success).toBe(false);
  });
});
