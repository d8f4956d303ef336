import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Handlers } from '../../shared/ipc/contract';
import { AppError } from '../../shared/result';
import { fileSettingsStore } from '../settings/app-settings';
import { listDocuments } from '../store/documents';
import { closeProject, openProject } from '../store/open-project';
import { damagePagesOf } from '../store/damage-pages';
import { openProjectSession, type ProjectSession } from '../store/project-session';
import { addArticle, addClaim, tempFolder } from '../store/test-support';
import { createDispatcher } from './dispatcher';
import { createHandlers } from './handlers';
import { sessionHost } from './project-file-host';
import { READ_ONLY_CHANNELS, READ_ONLY_REFUSAL, WRITING_CHANNELS } from './read-only';

interface Harness {
  readonly folder: string;
  readonly file: string;
  readonly session: ProjectSession;
  readonly handlers: Handlers;
  /** What the next save dialog answers. */
  saveAnswer: string | null;
}

/** A project with one article and claim; damaged (bytes of its data pages flipped) when asked. */
function start(options: { damaged?: boolean; bare?: boolean } = {}): Harness {
  const folder = tempFolder();
  const file = path.join(folder, 'desk.claimdesk');
  const backupsRoot = path.join(tempFolder(), 'backups');
  const recoveryRoot = path.join(tempFolder(), 'recovery');
  const db = openProject(file, { create: true });
  const doc = addArticle(db, 'Unrest in the capital');
  addClaim(db, doc, '14 people were killed');
  closeProject(db);
  openProjectSession(file, { backupsRoot, recoveryRoot, networkFileSystem: null }).close(); // one good backup
  // The claims' full-text index is damaged: the documents survive.
  if (options.damaged) damagePagesOf(file);
  const session = openProjectSession(file, { backupsRoot, recoveryRoot, networkFileSystem: null });
  onTestFinished(() => session.close());
  const h: Harness = {
    folder,
    file,
    session,
    saveAnswer: null,
    handlers: null as unknown as Handlers,
  };
  (h as { handlers: Handlers }).handlers = createHandlers({
    db: session.db,
    projectPath: file,
    dialogs: {
      pickImportFiles: async () => [],
      pickAttachmentFile: async () => null,
      pickAnnotationFile: async () => null,
      pickExportPath: async () => h.saveAnswer,
      pickSavePath: async () => h.saveAnswer,
      pickReviewPackage: async () => null,
    },
    settings: fileSettingsStore(path.join(folder, 'settings.json')),
    files: { openFile: async () => {}, openUrl: async () => {} },
    scratchDir: path.join(folder, 'scratch'),
    pdf: { print: () => Promise.reject(new Error('no printing here')) },
    notify: () => {},
    generator: 'Claimdesk test',
    importer: { read: () => Promise.reject(new Error('no imports here')), close: async () => {} },
    ...(options.bare ? {} : { projectFile: sessionHost(session) }),
  });
  return h;
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('read-only channels', () => {
  it('classify every channel of the contract exactly once', () => {
    const both = READ_ONLY_CHANNELS.filter((c) => WRITING_CHANNELS.includes(c));
    expect(both).toEqual([]);
    const unclassified = CHANNELS.filter((c) => !READ_ONLY_CHANNELS.includes(c) && !WRITING_CHANNELS.includes(c));
    expect(unclassified, 'add new channels to READ_ONLY_CHANNELS or WRITING_CHANNELS in main/ipc/read-only.ts').toEqual([]);
    expect([...READ_ONLY_CHANNELS, ...WRITING_CHANNELS].filter((c) => !(CHANNELS as readonly string[]).includes(c))).toEqual([]);
  });

  it('refuse every channel that writes while the project is damaged, before its handler runs', async () => {
    const h = start({ damaged: true });
    expect(h.session.status.readOnly).toBe('damaged');
    const before = sha256(h.file);
    for (const channel of WRITING_CHANNELS) {
      let caught: unknown;
      try {
        await (h.handlers[channel] as (args: unknown) => unknown)({});
      } catch (error) {
        caught = error;
      }
      expect(caught, channel).toBeInstanceOf(AppError);
      expect((caught as AppError).kind, channel).toBe('forbidden');
      expect((caught as AppError).message, channel).toBe(READ_ONLY_REFUSAL);
    }
    expect(sha256(h.file)).toBe(before);
  });

  it('refuse through the dispatcher with a clear error value', async () => {
    const h = start({ damaged: true });
    const dispatcher = createDispatcher(h.handlers, { isTrustedCaller: () => true });
    const caller = { frameUrl: 'app://claimdesk/index.html', isMainFrame: true };
    const result = await dispatcher.dispatch('tags:create', { fields: { name: 'Casualties', parentId: null, color: null } }, caller);
    expect(result).toEqual({ ok: false, error: { kind: 'forbidden', message: READ_ONLY_REFUSAL } });
  });

  it('still read and export a damaged project', async () => {
    const h = start({ damaged: true });
    const docs = await h.handlers['documents:list']({});
    expect(docs.map((d) => d.title)).toEqual(['Unrest in the capital']);
    h.saveAnswer = path.join(h.folder, 'report.html');
    const exported = await h.handlers['export:save']({ documentId: docs[0]!.id, format: 'html', options: { includeNotes: false, includeConfidential: false }, taskId: 't1' });
    expect(exported?.path).toBe(h.saveAnswer);
    expect(fs.readFileSync(h.saveAnswer, 'utf8')).toContain('14 people were killed');
  });

  it('let a writable project write', async () => {
    const h = start();
    expect(h.session.status.readOnly).toBeNull();
    const tag = await h.handlers['tags:create']({ fields: { name: 'Casualties', parentId: null, color: null } });
    expect(tag.name).toBe('Casualties');
  });
});

describe('project-file channels', () => {
  it('project:status tells the window what to show', async () => {
    expect(await start().handlers['project:status']({})).toEqual({ readOnly: null, readOnlyMessage: null, networkWarning: null, backupWarning: null });
    const damaged = await start({ damaged: true }).handlers['project:status']({});
    expect(damaged.readOnly).toBe('damaged');
    expect(damaged.readOnlyMessage).toBe('This project file is damaged. It is open read-only: export what you need, or restore a backup.');
  });

  it('project:saveCopy writes a checked copy where the user chose, and nothing when cancelled', async () => {
    const h = start();
    addArticle(h.session.db, 'Not yet checkpointed');
    expect(await h.handlers['project:saveCopy']({})).toBeNull();
    h.saveAnswer = path.join(tempFolder(), 'desk copy.claimdesk');
    const saved = await h.handlers['project:saveCopy']({});
    expect(saved).toEqual({ path: h.saveAnswer, bytes: fs.statSync(h.saveAnswer).size });
    const copy = openProject(h.saveAnswer);
    expect(listDocuments(copy).map((d) => d.title)).toContain('Not yet checkpointed');
    closeProject(copy);
    h.saveAnswer = h.file;
    await expect(h.handlers['project:saveCopy']({})).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('project:backups lists them and project:restoreBackup puts one in place, keeping the damaged file aside', async () => {
    const h = start({ damaged: true });
    const list = await h.handlers['project:backups']({});
    expect(list.folder).toBe(h.session.backupsDir);
    expect(list.backups).toHaveLength(1);
    expect(list.backups[0]).toMatchObject({ name: expect.stringMatching(/^desk-\d{8}T\d{6}Z\.claimdesk$/), bytes: expect.any(Number), beforeUpdate: false });
    const damagedBytes = sha256(h.file);
    const report = await h.handlers['project:restoreBackup']({ name: list.backups[0]!.name });
    expect(report.restarting).toBe(false);
    expect(sha256(report.keptAs!)).toBe(damagedBytes);
    const reopened = openProjectSession(h.file, { backupsRoot: path.dirname(h.session.backupsDir), recoveryRoot: path.join(tempFolder(), 'r'), networkFileSystem: null });
    expect(reopened.status.readOnly).toBeNull();
    expect(listDocuments(reopened.db).map((d) => d.title)).toEqual(['Unrest in the capital']);
    reopened.close();
  });

  it('a project opened without a session is writable and has no backups to offer', async () => {
    const h = start({ bare: true });
    expect((await h.handlers['project:status']({})).readOnly).toBeNull();
    expect(() => h.handlers['project:backups']({})).toThrow('This project has no backups folder.');
  });
});
