import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/ipc/contract';
import { fileSettingsStore } from '../settings/app-settings';
import { ensureProfile, setActor } from '../store';
import { closeProject, openProject } from '../store/open-project';
import { castVote } from '../store/review/votes';
import { createSession } from '../store/review/sessions';
import { addArticle, addClaim, dumpTables } from '../store/test-support';
import { createHandlers } from './handlers';

describe('review packages over IPC, between two project files', () => {
  let dir: string;
  const open: Database.Database[] = [];
  let answers: { save: string | null; open: string | null };

  function handlersFor(file: string, db: Database.Database): Handlers {
    return createHandlers({
      db,
      projectPath: file,
      dialogs: {
        pickImportFiles: async () => [],
        pickAttachmentFile: async () => null,
        pickAnnotationFile: async () => null,
        pickExportPath: async () => null,
        pickSavePath: async () => answers.save,
        pickReviewPackage: async () => answers.open,
      },
      settings: fileSettingsStore(path.join(dir, 'settings.json')),
      files: { openFile: async () => {}, openUrl: async () => {} },
      scratchDir: path.join(dir, 'scratch'),
      pdf: { print: () => Promise.reject(new Error('no printing here')) },
      notify: () => {},
      generator: 'Claimdesk test',
      importer: { read: () => Promise.reject(new Error('These tests import nothing.')), close: async () => {} },
    });
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-package-'));
    answers = { save: null, open: null };
  });
  afterEach(() => {
    for (const db of open.splice(0)) closeProject(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports the reviewer’s package where they choose and merges it from the open dialog, once', async () => {
    const masterFile = path.join(dir, 'desk.claimdesk');
    const master = openProject(masterFile, { create: true });
    open.push(master);
    const ana = ensureProfile(master, { uid: 'ana-0000', name: 'Ana Lopes', initials: 'AL', color: '#0969da' });
    const ben = ensureProfile(master, { uid: 'ben-0000', name: 'Ben Okafor', initials: 'BO', color: '#8250df' });
    setActor(master, ana.id);
    const claim = addClaim(master, addArticle(master), '14 people were killed');
    const session = createSession(master, { title: 'Toll', blind: false, claimIds: [claim.id], order: 'reading' });
    const copyFile = path.join(dir, 'copy.claimdesk');
    master.prepare('VACUUM INTO ?').run(copyFile);
    const copy = openProject(copyFile);
    open.push(copy);
    setActor(copy, ben.id);
    castVote(copy, session.id, claim.id, { verdictId: 5, confidence: 90, comment: null });

    const fromCopy = handlersFor(copyFile, copy);
    expect(await fromCopy['review:exportPackage']({})).toBeNull(); // cancelled
    answers.save = path.join(dir, 'ben.claimdesk-review');
    expect(await fromCopy['review:exportPackage']({})).toEqual({
      path: answers.save,
      counts: { sessions: 1, votes: 1, comments: 0, claims: 0, edits: 0 },
    });
    expect(JSON.parse(fs.readFileSync(answers.save, 'utf8'))).toMatchObject({ format: 'claimdesk-review-package', madeBy: { name: 'Ben Okafor' } });

    const atDesk = handlersFor(masterFile, master);
    expect(await atDesk['review:importPackageDialog']({})).toBeNull(); // cancelled
    answers.open = answers.save;
    const report = await atDesk['review:importPackageDialog']({});
    expect(report).toMatchObject({ fileName: 'ben.claimdesk-review', merged: { votes: 1 }, conflicts: 0, notMerged: [] });
    const merges = await atDesk['review:merges']({});
    expect(merges).toMatchObject([{ madeBy: 'Ben Okafor', historyEntryId: report!.historyEntryId, openConflicts: 0 }]);

    const before = dumpTables(master);
    expect(await atDesk['review:importPackageBytes']({ bytes: fs.readFileSync(answers.save), fileName: '/somewhere/ben.claimdesk-review' })).toMatchObject({ alreadyMerged: true });
    expect(dumpTables(master)).toEqual(before);
  });

  it('refuses a file that is not a package, by name', async () => {
    const file = path.join(dir, 'desk.claimdesk');
    const db = openProject(file, { create: true });
    open.push(db);
    const bad = path.join(dir, 'notes.claimdesk-review');
    fs.writeFileSync(bad, 'just some notes');
    answers.open = bad;
    await expect(handlersFor(file, db)['review:importPackageDialog']({})).rejects.toMatchObject({ kind: 'bad-file', message: expect.stringContaining('“notes.claimdesk-review” is not a review package') });
  });
});
