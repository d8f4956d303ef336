import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../shared/ipc/task-progress';
import { createSource } from '../store';
import { closeProject, openProject } from '../store/open-project';
import { addArticle, addClaim, sourceFields } from '../store/test-support';
import { fileSettingsStore } from '../settings/app-settings';
import type { PdfPrinter } from '../export/pdf-printer';
import { createHandlers } from './handlers';
import type { Handlers } from '../../shared/ipc/contract';

describe('export:save over a real project file', () => {
  let dir: string;
  let projectFile: string;
  let db: Database.Database;
  let handlers: Handlers;
  let saveAnswer: string | null;
  let progress: TaskProgress[];
  let printer: PdfPrinter;
  let docId: number;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-export-'));
    projectFile = path.join(dir, 'desk.claimdesk');
    db = openProject(projectFile, { create: true });
    saveAnswer = null;
    progress = [];
    printer = { print: () => Promise.reject(new Error('the print engine failed')) };
    handlers = createHandlers({
      db,
      projectPath: projectFile,
      dialogs: { pickImportFiles: async () => [], pickAttachmentFile: async () => null, pickAnnotationFile: async () => null, pickExportPath: async () => saveAnswer, pickSavePath: async () => saveAnswer, pickReviewPackage: async () => null },
      settings: fileSettingsStore(path.join(dir, 'settings.json')),
      files: { openFile: async () => {}, openUrl: async () => {} },
      scratchDir: path.join(dir, 'scratch'),
      pdf: { print: (html) => printer.print(html) },
      notify: (p) => progress.push(p),
      generator: 'Claimdesk test',
      importer: { read: () => Promise.reject(new Error('These tests import nothing.')), close: async () => {} },
    });
    docId = addArticle(db);
    const secret = createSource(db, sourceFields({ title: 'Insider at the ministry', confidential: true }));
    addClaim(db, docId, '14 people were killed', { newTags: ['Casualties'], note: 'Call the hospital again' });
    addClaim(db, docId, 'on Tuesday', { sources: [{ source: { sourceId: secret.id }, role: 'origin', pinpoint: null }] });
  });
  afterEach(() => {
    closeProject(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const save = (args: Partial<Parameters<Handlers['export:save']>[0]> = {}) =>
    handlers['export:save']({ documentId: docId, format: 'html', options: { includeNotes: false, includeConfidential: false }, taskId: 't1', ...args });

  it('writes the report where the user chose, reporting each step, without internal material', async () => {
    saveAnswer = path.join(dir, 'report.html');
    const result = await save();
    expect(result).toEqual({ path: saveAnswer, format: 'html', claims: 2, bytes: fs.statSync(saveAnswer).size });
    const html = fs.readFileSync(saveAnswer, 'utf8');
    expect(html).toContain('14 people were killed');
    expect(html).not.toContain('Call the hospital again');
    expect(html).not.toContain('Insider at the ministry');
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(progress.every((p) => p.taskId === 't1')).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('includes notes and confidential sources only when asked, and only the filtered claims', async () => {
    saveAnswer = path.join(dir, 'claims.csv');
    const tagId = (db.prepare("SELECT id FROM tags WHERE name = 'Casualties'").get() as { id: number }).id;
    const result = await save({ format: 'csv', options: { includeNotes: true, includeConfidential: true }, filter: { tagIds: [tagId] } });
    expect(result?.claims).toBe(1);
    const csv = fs.readFileSync(saveAnswer, 'utf8');
    expect(csv).toContain('Call the hospital again');
    expect(csv).not.toContain('on Tuesday');
  });

  it('does nothing when the save dialog is cancelled', async () => {
    expect(await save()).toBeNull();
    expect(progress).toEqual([]);
  });

  it('refuses to write over the project file, which stays intact', async () => {
    const before = fs.readFileSync(projectFile);
    saveAnswer = projectFile;
    await expect(save()).rejects.toMatchObject({ kind: 'forbidden' });
    expect(fs.readFileSync(projectFile).equals(before)).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM claims').get()).toEqual({ n: 2 });
  });

  it('leaves no file behind when printing the PDF fails, and writes the printed bytes when it works', async () => {
    saveAnswer = path.join(dir, 'report.pdf');
    await expect(save({ format: 'pdf' })).rejects.toThrow('the print engine failed');
    expect(fs.readdirSync(dir).sort()).toEqual(['desk.claimdesk', 'desk.claimdesk-shm', 'desk.claimdesk-wal']);

    let printed = '';
    printer = { print: async (html) => ((printed = html), new TextEncoder().encode('%PDF-1.7 printed')) };
    const result = await save({ format: 'pdf' });
    expect(printed).toMatch(/^<!DOCTYPE html>/i);
    expect(printed).toContain('14 people were killed');
    expect(fs.readFileSync(saveAnswer, 'utf8')).toBe('%PDF-1.7 printed');
    expect(result).toMatchObject({ format: 'pdf', claims: 2, bytes: 16 });
    expect(progress.filter((p) => p.done === 0).map((p) => p.total)).toEqual([4, 4]);
  });

  it('says so in words when the folder does not exist', async () => {
    saveAnswer = path.join(dir, 'missing', 'report.html');
    await expect(save()).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining('does not exist') });
  });
});
