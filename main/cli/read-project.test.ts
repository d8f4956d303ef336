import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeProject, createDocument, openProject } from '../store';
import { LATEST_VERSION, migrate } from '../store/migrate';
import { MIGRATIONS } from '../store/migrations';
import { meta, articleBody, tempFolder } from '../store/test-support';
import { fixtureProject, runCaptured, runOn } from './cli-test-support';

/** Asserts that `documents` refuses `file` with exit 1 and `message`, leaving it as it was. */
async function expectRefused(file: string, message: string | RegExp): Promise<void> {
  const past = new Date('2020-01-01T00:00:00Z');
  fs.utimesSync(file, past, past); // any write would move the mtime to now
  const run = await runOn(file, ['documents', '--project', file]);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(typeof message === 'string' ? new RegExp(`^claimdesk: ${escape(message)}\n$`) : message);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the command line refuses what is not a project it can read', () => {
  it('a missing file, an empty file, a text file and a folder', async () => {
    const folder = tempFolder();
    const run = await runCaptured(['documents', '-p', path.join(folder, 'gone.claimdesk')]);
    expect(run).toMatchObject({ code: 1, stderr: `claimdesk: The project "${path.join(folder, 'gone.claimdesk')}" does not exist.\n` });

    const empty = path.join(folder, 'empty.claimdesk');
    fs.writeFileSync(empty, '');
    await expectRefused(empty, `"${empty}" is empty; it is not a Claimdesk project.`);
    const text = path.join(folder, 'notes.claimdesk');
    fs.writeFileSync(text, 'Police said 14 people were killed.\n');
    await expectRefused(text, '"notes.claimdesk" is not a Claimdesk project (it is not a database file).');
    const sub = path.join(folder, 'sub.claimdesk');
    fs.mkdirSync(sub);
    const run2 = await runCaptured(['documents', '-p', sub]);
    expect(run2).toMatchObject({ code: 1, stderr: `claimdesk: "${sub}" is a folder, not a Claimdesk project.\n` });
    expect(fs.readdirSync(folder).sort()).toEqual(['empty.claimdesk', 'notes.claimdesk', 'sub.claimdesk']);
  });

  it('the SQLite database of another application', async () => {
    const file = path.join(tempFolder(), 'other.db');
    const other = new Database(file);
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
    other.close();
    await expectRefused(file, '"other.db" is a SQLite database but not a Claimdesk project.');
  });

  it('a project saved by a newer version, in its header or still in its write-ahead log', async () => {
    const { file } = fixtureProject();
    const newer = new Database(file); // stays open, as a newer Claimdesk would
    try {
      newer.pragma('wal_autocheckpoint = 0');
      newer.pragma(`user_version = ${LATEST_VERSION + 1}`);
      expect(fs.readFileSync(file).readUInt32BE(60)).toBe(LATEST_VERSION); // the header is stale
      await expectRefused(file, /newer version of Claimdesk \(format \d+; this version reads up to \d+\)\. Update Claimdesk to open it\./);
    } finally {
      newer.close();
    }
    expect(fs.readFileSync(file).readUInt32BE(60)).toBe(LATEST_VERSION + 1);
    await expectRefused(file, /newer version of Claimdesk/);
  });

  it('a project from an older version, which it does not upgrade', async () => {
    const file = path.join(tempFolder(), 'old.claimdesk');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    migrate(raw, MIGRATIONS.slice(0, LATEST_VERSION - 1));
    raw.close();
    await expectRefused(
      file,
      `"old.claimdesk" was saved by an older version of Claimdesk (format ${LATEST_VERSION - 1}; this version reads ` +
        `format ${LATEST_VERSION}). Open it once in the Claimdesk app to bring it up to date, then run this command again. ` +
        'The file has not been changed.',
    );
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION - 1);
    check.close();
  });

  it('a damaged project', async () => {
    const { file } = fixtureProject();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 100);
    fs.writeFileSync(file, bytes);
    await expectRefused(file, '"test.claimdesk" is a damaged Claimdesk project and cannot be opened.');
  });
});

describe('reading a project the app has open', () => {
  it('sees what the app has written to its log, and leaves the file and the log alone', async () => {
    const { file } = fixtureProject();
    const app = openProject(file);
    try {
      app.pragma('wal_autocheckpoint = 0');
      createDocument(app, { meta: meta('Written while open'), body: articleBody('x'), plainText: 'x', origin: null });
      const wal = fs.readFileSync(`${file}-wal`);
      expect(wal.length).toBeGreaterThan(0);

      const run = await runOn(file, ['documents', '-p', file, '--json']);
      expect((JSON.parse(run.stdout) as { title: string }[]).map((d) => d.title)).toContain('Written while open');
      expect(fs.readFileSync(`${file}-wal`).equals(wal)).toBe(true);

      // The app goes on writing as before.
      createDocument(app, { meta: meta('After the command'), body: articleBody('y'), plainText: 'y', origin: null });
    } finally {
      closeProject(app);
    }
  });

  it('reads a log left by a crash without replaying it into the file', async () => {
    const { file } = fixtureProject();
    const driver = createRequire(path.join(process.cwd(), 'package.json')).resolve('better-sqlite3');
    const script = `const D = require(${JSON.stringify(driver)}); const db = new D(${JSON.stringify(file)});
      db.pragma('wal_autocheckpoint = 0'); db.prepare("UPDATE documents SET title = 'Crashed edit' WHERE id = 1").run(); process.exit(0);`;
    execFileSync(process.execPath, ['-e', script]);
    const wal = fs.readFileSync(`${file}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    const run = await runOn(file, ['documents', '-p', file]);
    expect(run.stdout).toContain('Crashed edit');
    expect(fs.readFileSync(`${file}-wal`).equals(wal)).toBe(true);
  });
});
