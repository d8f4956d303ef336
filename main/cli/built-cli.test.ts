/**
 * The command line as users run it: bundled by scripts/build-cli.mjs (into a private folder
 * inside the checkout, so better-sqlite3 resolves from node_modules as it does for out/cli) and
 * started through a copy of bin/claimdesk.cjs with plain Node, in a child process.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../store/test-support';
import { findChromium } from './chromium-pdf';
import { fileState, fixtureProject, runCaptured } from './cli-test-support';
import { VERSION } from './version';

const root = path.resolve(__dirname, '..', '..');
const build = path.join(root, '.tmp', `cli-test-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
const bin = path.join(build, 'bin', 'claimdesk.cjs');

beforeAll(() => {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs'), '--out', path.join(build, 'out', 'cli', 'claimdesk.cjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  fs.copyFileSync(path.join(root, 'bin', 'claimdesk.cjs'), bin);
}, 60_000);

afterAll(() => {
  fs.rmSync(build, { recursive: true, force: true });
});

function claimdesk(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<Buffer> {
  return spawnSync(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 });
}

describe('the built command line', () => {
  it('prints its version and help', () => {
    const version = claimdesk(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.toString()).toBe(`claimdesk ${VERSION}\n`);
    const help = claimdesk(['export', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout.toString()).toContain('Usage: claimdesk export');
  });

  it('lists and exports, writing what the in-process program writes, and leaves the project as it was', async () => {
    const { file, doc } = fixtureProject();
    const before = fileState(file);
    const documents = claimdesk(['documents', '--project', file, '--json']);
    expect(documents.status).toBe(0);
    expect((JSON.parse(documents.stdout.toString()) as { title: string }[]).map((d) => d.title)).toEqual(['Quiet day', 'Unrest in the capital']);

    const env = { SOURCE_DATE_EPOCH: '1718000000' };
    for (const format of ['html', 'csv', 'claim-review']) {
      const args = ['export', '--project', file, '--doc', String(doc), '--format', format];
      const spawned = claimdesk(args, env);
      expect(spawned.status, spawned.stderr.toString()).toBe(0);
      expect(spawned.stdout.equals((await runCaptured(args, env)).bytes), format).toBe(true);
    }
    const after = fileState(file);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.bytes.equals(before.bytes)).toBe(true);
  });

  it('pipes a PDF through standard output unchanged', { timeout: 120_000 }, (context) => {
    let browser: string;
    try {
      browser = findChromium({ env: process.env });
    } catch {
      return context.skip('No Chromium or Chrome on this machine: PDF through a pipe not tested.');
    }
    const { file, doc } = fixtureProject();
    const out = path.join(tempFolder(), 'report.pdf');
    const piped = claimdesk(['export', '-p', file, '-d', String(doc), '-f', 'pdf'], { CLAIMDESK_CHROMIUM: browser });
    expect(piped.status, piped.stderr.toString()).toBe(0);
    expect(piped.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(piped.stdout.subarray(-8).toString('latin1')).toContain('%%EOF');
    expect(claimdesk(['export', '-p', file, '-d', String(doc), '-f', 'pdf', '-o', out], { CLAIMDESK_CHROMIUM: browser }).status).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('exits 2 on a wrong command line and 1 on a missing project, without a stack trace', () => {
    const usage = claimdesk(['export', '--project', 'desk.claimdesk', '--doc', '3', '--format', 'docx']);
    expect(usage.status).toBe(2);
    expect(usage.stderr.toString()).toBe(
      'claimdesk: Unknown format "docx". The formats are: html, pdf, markdown, web-annotation, claim-review, csl-json, csv.\n' +
        'See "claimdesk export --help".\n',
    );
    const missing = claimdesk(['documents', '--project', path.join(tempFolder(), 'desk.claimdesk')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.toString()).toMatch(/^claimdesk: The project ".*desk\.claimdesk" does not exist\.\n$/);
    expect(missing.stdout.length).toBe(0);
  });

  it('stops quietly when the reader of its output has gone away', (context) => {
    if (process.platform === 'win32') return context.skip('needs a POSIX shell');
    const { file, doc } = fixtureProject();
    // `true` exits without reading, so every write meets a closed pipe.
    const script = 'set -o pipefail; "$NODE" "$BIN" export -p "$FILE" -d "$DOC" -f markdown | true';
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
      env: { PATH: process.env.PATH ?? '', NODE: process.execPath, BIN: bin, FILE: file, DOC: String(doc) },
    });
    expect(result.stderr.toString()).toBe('');
    expect(result.status).toBe(0);
  });

  it('says how to build it when the bundle is missing', () => {
    const lonely = path.join(tempFolder(), 'bin', 'claimdesk.cjs');
    fs.mkdirSync(path.dirname(lonely));
    fs.copyFileSync(path.join(root, 'bin', 'claimdesk.cjs'), lonely);
    const result = spawnSync(process.execPath, [lonely, '--help']);
    expect(result.status).toBe(1);
    expect(result.stderr.toString()).toMatch(/has not been built yet\. Build it with "npm run build:cli"/);
  });
});
