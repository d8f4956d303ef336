/**
 * The store runs with `synchronous = FULL`: in WAL mode SQLite then syncs the log at every
 * commit, so a transaction the UI has acknowledged survives a power cut, not only a crash of
 * the app (a SIGKILL leaves the data in the operating system's cache, so the crash test cannot
 * see the difference). Shown by counting the fsync calls of a child process under strace,
 * against a control child that lowers the setting to NORMAL. Where strace is missing (or may
 * not trace), that part is skipped and says so.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocument } from '../documents';
import { closeProject, openProject } from '../open-project';
import { tempFolder, tempProject } from '../test-support';
import { buildChild } from './build-child';
import { ARTICLE } from './crash-protocol';

const COMMITS = 20;

const straceWorks = spawnSync('strace', ['-o', '/dev/null', 'true']).status === 0;
if (!straceWorks) console.log('fsync test skipped: strace is not installed here (or may not trace); the PRAGMA checks still run.');

/** A migrated project with one article, closed. */
function projectWithArticle(): string {
  const file = path.join(tempFolder(), 'fsync.claimdesk');
  const db = openProject(file, { create: true });
  createDocument(db, {
    meta: { title: 'Unrest in the capital', publication: null, author: null, url: null, publishedOn: null },
    body: { type: 'doc', content: ARTICLE.split('\n\n').map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
    plainText: ARTICLE,
  });
  closeProject(db);
  return file;
}

/** Runs the fsync driver under strace; returns the fsync and fdatasync calls it made. */
function countSyncs(script: string, file: string, env: NodeJS.ProcessEnv = {}): number {
  const log = path.join(path.dirname(file), `strace-${Date.now()}.txt`);
  const run = spawnSync('strace', ['-f', '-o', log, '-e', 'trace=fsync,fdatasync', process.execPath, script, file, String(COMMITS)], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain(`committed ${COMMITS}\n`);
  // A call interrupted by another thread's is logged as "<unfinished ...>" and "<... resumed>": count the first.
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => /\b(fsync|fdatasync)\(/u.test(line)).length;
}

describe('synchronous = FULL', () => {
  it('is how openProject leaves the connection, in WAL mode', () => {
    const { db } = tempProject();
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('is kept when an existing project is reopened', () => {
    const file = projectWithArticle();
    const db = openProject(file);
    try {
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      closeProject(db);
    }
  });

  describe.skipIf(!straceWorks)('under strace', () => {
    const driver = straceWorks ? buildChild('fsync-driver') : null;
    afterAll(() => driver?.remove());

    it(`syncs the disk at every commit (${COMMITS} commits), and clearly more than with synchronous = NORMAL`, () => {
      const script = (driver as { script: string }).script;
      const full = countSyncs(script, projectWithArticle());
      const normal = countSyncs(script, projectWithArticle(), { CLAIMDESK_FSYNC_DRIVER_SYNCHRONOUS: 'NORMAL' });
      console.log(`fsync test: ${COMMITS} commits made ${full} fsync/fdatasync calls with FULL, ${normal} with NORMAL (control)`);
      expect(full).toBeGreaterThanOrEqual(COMMITS);
      expect(normal).toBeLessThan(COMMITS / 2);
    });
  });
});
