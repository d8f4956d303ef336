import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/result';
import { fileSettingsStore } from '../settings/app-settings';
import { setActor } from '../store/actor';
import { closeProject, openProject } from '../store/open-project';
import { ensureProfile } from '../store/profiles';
import { decideClaim } from '../store/review/decisions';
import { createSession } from '../store/review/sessions';
import { castVote } from '../store/review/votes';
import { addArticle, addClaim } from '../store/test-support';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { createHandlers } from './handlers';

const FALSE = 5;
const UNPROVEN = 3;
const trusted = { frameUrl: 'app://claimdesk/index.html', isMainFrame: true };

describe('review:saveMinutes over a real project file', () => {
  let dir: string;
  let projectFile: string;
  let db: Database.Database;
  let dispatcher: Dispatcher;
  let saveAnswer: string | null;
  let asked: { name: string; label: string; extension: string }[];
  let printed: string[];
  let ana: number;
  let ben: number;
  let sessionId: number;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-minutes-'));
    projectFile = path.join(dir, 'desk.claimdesk');
    db = openProject(projectFile, { create: true });
    saveAnswer = null;
    asked = [];
    printed = [];
    const handlers = createHandlers({
      db,
      projectPath: projectFile,
      dialogs: {
        pickImportFiles: async () => [],
        pickAttachmentFile: async () => null,
        pickAnnotationFile: async () => null,
        pickExportPath: async () => null,
        pickSavePath: async (name, kind) => {
          asked.push({ name, ...kind });
          return saveAnswer;
        },
        pickReviewPackage: async () => null,
      },
      settings: fileSettingsStore(path.join(dir, 'settings.json')),
      files: { openFile: async () => {}, openUrl: async () => {} },
      scratchDir: path.join(dir, 'scratch'),
      pdf: {
        print: async (html) => {
          printed.push(html);
          return new TextEncoder().encode('%PDF-1.7 test');
        },
      },
      notify: () => {},
      generator: 'Claimdesk test',
      importer: { read: () => Promise.reject(new Error('These tests import nothing.')), close: async () => {} },
    });
    dispatcher = createDispatcher(handlers, { isTrustedCaller: (caller) => caller.frameUrl === trusted.frameUrl && caller.isMainFrame });
    // The handlers adopt no profile (no settings file): Ana and Ben act by turns below.
    ana = ensureProfile(db, { uid: 'ana', name: 'Ana Lopes', initials: 'AL', color: '#0969da' }).id;
    ben = ensureProfile(db, { uid: 'ben', name: 'Ben Okafor', initials: 'BO', color: '#8250df' }).id;
    setActor(db, ana);
    const claim = addClaim(db, addArticle(db), '14 people were killed');
    sessionId = createSession(db, { title: 'Tuesday toll: Saltera', blind: true, claimIds: [claim.id], order: 'reading' }).id;
    castVote(db, sessionId, claim.id, { verdictId: UNPROVEN, confidence: 40, comment: null });
    setActor(db, ben);
    castVote(db, sessionId, claim.id, { verdictId: FALSE, confidence: 70, comment: 'Hospital count is lower' });
    setActor(db, ana);
    decideClaim(db, sessionId, claim.id, { verdictId: FALSE, confidence: 75, reason: null });
  });
  afterEach(() => {
    closeProject(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const save = (args: unknown) => dispatcher.dispatch('review:saveMinutes', args, trusted) as Promise<Result<{ path: string; bytes: number } | null>>;

  it('writes the Markdown minutes where the user chose, suggesting a name from the session', async () => {
    saveAnswer = path.join(dir, 'minutes.md');
    const result = await save({ sessionId, format: 'markdown' });
    expect(result).toEqual({ ok: true, value: { path: saveAnswer, bytes: fs.statSync(saveAnswer).size } });
    expect(asked).toEqual([{ name: 'tuesday-toll-saltera.minutes.md', label: 'session minutes (Markdown)', extension: 'md' }]);
    const md = fs.readFileSync(saveAnswer, 'utf8');
    expect(md.startsWith('# Session minutes: Tuesday toll: Saltera\n')).toBe(true);
    expect(md).toContain('* Ben Okafor (BO): **False**, confidence 70%');
    expect(md).toContain('*Comment:* Hospital count is lower');
    expect(md).toContain('by Claimdesk test');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the HTML minutes to PDF', async () => {
    saveAnswer = path.join(dir, 'minutes.pdf');
    const result = await save({ sessionId, format: 'pdf' });
    expect(result).toEqual({ ok: true, value: { path: saveAnswer, bytes: 13 } });
    expect(asked[0]).toEqual({ name: 'tuesday-toll-saltera.minutes.pdf', label: 'session minutes (PDF)', extension: 'pdf' });
    expect(fs.readFileSync(saveAnswer, 'latin1')).toBe('%PDF-1.7 test');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('<h1>Session minutes: Tuesday toll: Saltera</h1>');
    expect(printed[0]).toContain('Hospital count is lower');
  });

  it('returns null and writes nothing when the dialog is cancelled', async () => {
    expect(await save({ sessionId, format: 'pdf' })).toEqual({ ok: true, value: null });
    expect(printed).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => !f.startsWith('desk.claimdesk'))).toEqual([]);
  });

  it('refuses a reviewer who is not the lead of the open blind session before asking for a file', async () => {
    setActor(db, ben);
    saveAnswer = path.join(dir, 'minutes.md');
    const result = await save({ sessionId, format: 'markdown' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/only its lead \(Ana Lopes\)/) } });
    expect(asked).toEqual([]);
    expect(fs.existsSync(saveAnswer)).toBe(false);
  });

  it('never writes over the project file, and refuses bad arguments', async () => {
    saveAnswer = projectFile;
    expect(await save({ sessionId, format: 'markdown' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await save({ sessionId, format: 'html' })).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
    expect(await save({ sessionId: 999, format: 'markdown' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await save({ sessionId, format: 'markdown', path: '/tmp/x' })).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
  });
});
