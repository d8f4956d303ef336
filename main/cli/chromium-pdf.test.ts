import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempFolder } from '../store/test-support';
import { findChromium } from './chromium-pdf';
import { RuntimeError } from './cli-errors';
import { CONFIDENTIAL_SOURCE, fixtureProject, runOn } from './cli-test-support';

/** The browser this machine offers, or null. */
function installedBrowser(): string | null {
  try {
    return findChromium({ env: process.env });
  } catch {
    return null;
  }
}

/** The text of a PDF, read back with pdf.js. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
  try {
    let text = '';
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    }
    return text;
  } finally {
    await document.destroy();
  }
}

/**
 * Points the system's temporary folder (TMPDIR, read by os.tmpdir) at a fresh folder for the
 * current test, so that what the printer leaves there is its own and nobody else's.
 */
function privateTemp(): string {
  const folder = tempFolder();
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  onTestFinished(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });
  expect(os.tmpdir()).toBe(folder);
  return folder;
}

describe('findChromium', () => {
  const programs = (...files: string[]) => (file: string) => files.includes(file);

  it('takes CLAIMDESK_CHROMIUM first, and refuses one that is not a program', () => {
    const env = { CLAIMDESK_CHROMIUM: '/opt/chrome/chrome', PATH: '/usr/bin' };
    expect(findChromium({ env, platform: 'linux', isExecutable: programs('/opt/chrome/chrome', '/usr/bin/chromium') })).toBe('/opt/chrome/chrome');
    expect(() => findChromium({ env, platform: 'linux', isExecutable: programs('/usr/bin/chromium') })).toThrow(
      'CLAIMDESK_CHROMIUM is set to "/opt/chrome/chrome", which is not a program that can be run.',
    );
  });

  it('looks on the PATH in order, then in the usual places', () => {
    const env = { PATH: ['/home/u/bin', '/usr/local/bin'].join(path.delimiter) };
    expect(findChromium({ env, platform: 'linux', isExecutable: programs('/usr/local/bin/chromium', '/home/u/bin/google-chrome') })).toBe(
      '/usr/local/bin/chromium',
    );
    expect(findChromium({ env, platform: 'linux', isExecutable: programs('/home/u/bin/chromium-browser', '/usr/bin/chromium') })).toBe(
      '/home/u/bin/chromium-browser',
    );
    expect(findChromium({ env, platform: 'linux', isExecutable: programs('/usr/bin/chromium') })).toBe('/usr/bin/chromium');
    expect(
      findChromium({ env: {}, platform: 'darwin', isExecutable: programs('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome') }),
    ).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('says what to install when there is no browser', () => {
    let caught: unknown;
    try {
      findChromium({ env: { PATH: '/usr/bin' }, platform: 'linux', isExecutable: () => false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuntimeError);
    expect((caught as Error).message).toMatch(/^PDF export needs Chromium, Chrome or Edge, and none was found\..*CLAIMDESK_CHROMIUM/);
  });
});

describe('claimdesk export --format pdf', () => {
  const browser = installedBrowser();

  it('prints the report with the browser found, to a file and to standard output', { timeout: 120_000 }, async (context) => {
    if (browser === null) {
      const note = 'No Chromium or Chrome on this machine (set CLAIMDESK_CHROMIUM): PDF export not tested.';
      console.warn(note);
      return context.skip(note);
    }
    const { file, doc } = fixtureProject();
    const out = path.join(tempFolder(), 'report.pdf');
    const temp = privateTemp();
    const env = { CLAIMDESK_CHROMIUM: browser };

    const toFile = await runOn(file, ['export', '-p', file, '-d', String(doc), '-f', 'pdf', '-o', out], env);
    expect(toFile).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Unrest in the capital');
    expect(text).not.toContain(CONFIDENTIAL_SOURCE);

    const toStdout = await runOn(file, ['export', '-p', file, '-d', String(doc), '-f', 'pdf', '--include-confidential'], env);
    expect(toStdout.code).toBe(0);
    expect(toStdout.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfText(toStdout.bytes)).toContain(CONFIDENTIAL_SOURCE);

    expect(fs.readdirSync(temp)).toEqual([]);
  });

  it.runIf(process.platform !== 'win32')('says so when the browser fails or writes nothing, and cleans up', async () => {
    const { file, doc } = fixtureProject();
    const out = path.join(tempFolder(), 'report.pdf');
    const fails = path.join(tempFolder(), 'fake-browser');
    fs.writeFileSync(fails, '#!/bin/sh\necho "cannot open display" >&2\nexit 3\n', { mode: 0o755 });
    const silent = path.join(path.dirname(fails), 'silent-browser');
    fs.writeFileSync(silent, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const temp = privateTemp();

    const failed = await runOn(file, ['export', '-p', file, '-d', String(doc), '-f', 'pdf', '-o', out], { CLAIMDESK_CHROMIUM: fails });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(`claimdesk: The browser "${fails}" could not print the report to PDF: cannot open display\n`);
    const nothing = await runOn(file, ['export', '-p', file, '-d', String(doc), '-f', 'pdf', '-o', out], { CLAIMDESK_CHROMIUM: silent });
    expect(nothing.stderr).toBe(`claimdesk: The browser "${silent}" could not print the report to PDF: no PDF was written.\n`);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(temp)).toEqual([]);
  });
});
