/**
 * Electron startup: from launching the app to an editable document with the big article open
 * and its highlights painted, against a minimal Electron window of the same version (a
 * contenteditable page, sandboxed and isolated as ours is) launched the same way. Target: ours
 * at most 400 ms over the peer.
 *
 * This needs an Electron binary (node_modules/electron/dist). Where there is none — CI machines
 * skip its download — the case reports a row saying it was not run, and why, rather than a
 * figure. Where there is one, it builds the app if `out/` is missing and builds better-sqlite3
 * for Electron's ABI (scripts/ensure-electron-native.mjs, as `npm start` does).
 *
 * The project is made with the store in this process: the generated 1.2 M-character article
 * of the editor cases as one document, its 20,000 highlights as claims. With one document in
 * the project the app opens it at launch, so nothing is clicked: the clock runs from the launch
 * call to the first highlight in the article's DOM, measured from this process.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication } from '@playwright/test';
import { closeProject, createClaims, createDocument, openProject } from '../../../main/store';
import { fileSettingsStore } from '../../../main/settings/app-settings';
import { electronExecutable } from '../../harness/electron-binary';
import { notRun, prng, result, sample, type BenchCase, type BenchContext, type CaseResult } from '../harness';
import { generateArticle, storedHighlights, type ArticleSize } from '../page/article';

const ROOT = process.cwd();
const FULL: ArticleSize = { paragraphs: 2_600, chars: 1_200_000, highlights: 20_000 };
const SMOKE: ArticleSize = { paragraphs: 50, chars: 23_000, highlights: 200 };
const PROFILE = { uid: '6d3f1c2a-0b7e-4c59-9d1a-be0c00000001', name: 'Bench Reader', initials: 'BR', color: '#0a58ca' } as const;
const TARGET = 'median ≤ peer + 400 ms';
const NAME = 'Electron startup to an editable document';

/** Writes the project: the generated article as one document and its highlights as claims. */
function makeProject(ctx: BenchContext, file: string): { chars: number; claims: number } {
  const article = generateArticle(prng(ctx.seed), ctx.smoke ? SMOKE : FULL);
  const { text, highlights } = storedHighlights(article);
  const db = openProject(file, { create: true });
  try {
    const documentId = createDocument(db, {
      meta: { title: 'Startup bench article', publication: 'Wire', author: null, url: null, publishedOn: null },
      body: article.doc,
      plainText: text,
    }).id;
    const items = highlights.map((h) => ({
      anchor: h.anchor,
      input: {
        sources: [],
        attribution: { kind: 'according-to' as const, chain: [] },
        claimType: null,
        verdictId: 1 + (h.verdictId % 5),
        confidence: 50,
        rationale: null,
        status: 'open' as const,
        note: null,
        tagIds: [],
        newTags: [],
      },
    }));
    db.transaction(() => createClaims(db, documentId, items))();
    return { chars: text.length, claims: items.length };
  } finally {
    closeProject(db);
  }
}

/** The peer: the smallest Electron app showing an editable page, with our window's security settings. */
function writePeer(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'minimal-electron-window', main: 'main.js' }));
  fs.writeFileSync(
    path.join(dir, 'main.js'),
    [
      "const { app, BrowserWindow } = require('electron');",
      "const path = require('node:path');",
      'app.whenReady().then(() => {',
      '  const window = new BrowserWindow({ width: 1280, height: 800, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });',
      "  void window.loadFile(path.join(__dirname, 'index.html'));",
      '});',
      "app.on('window-all-closed', () => app.quit());",
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'">' +
      '<title>Minimal window</title></head><body><div contenteditable="true"><p>An editable paragraph.</p></div></body></html>',
  );
}

/** Launches `args` in Electron and waits for `selector`; returns the milliseconds it took. */
async function launchUntil(exe: string, args: readonly string[], env: Record<string, string>, selector: string): Promise<number> {
  let app: ElectronApplication | null = null;
  const start = performance.now();
  try {
    app = await _electron.launch({ executablePath: exe, args: [...args], cwd: ROOT, env });
    const page = await app.firstWindow();
    await page.locator(selector).first().waitFor({ state: 'attached', timeout: 60_000 });
    return performance.now() - start;
  } finally {
    await app?.close();
  }
}

function run(exe: string, script: string, args: readonly string[]): void {
  const done = spawnSync(exe, [script, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (done.status !== 0) throw new Error(`${path.basename(script)} failed (exit ${done.status ?? 'signal'}).`);
}

async function startup(ctx: BenchContext): Promise<CaseResult[]> {
  const size = ctx.smoke ? SMOKE : FULL;
  const sizeText = `${(size.chars / 1e6).toFixed(size.chars >= 1e6 ? 1 : 3)} M chars, ${size.highlights.toLocaleString('en')} claims`;
  const exe = electronExecutable();
  if (exe === null) {
    if (ctx.smoke) {
      // What can run without Electron still does in smoke mode: the project it would open is
      // written by the store (a refused article or claim would fail here).
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-startup-'));
      try {
        const made = makeProject(ctx, path.join(dir, 'startup.claimdesk'));
        if (made.claims === 0) throw new Error('The startup project has no claims.');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    return [
      notRun({
        name: NAME,
        size: sizeText,
        peerName: 'a minimal Electron window of the same version',
        target: TARGET,
        reason: 'not run: no Electron binary is installed here (node_modules/electron/dist); install Electron and run `npm run bench -- --only startup`',
      }),
    ];
  }
  if (!fs.existsSync(path.join(ROOT, 'out', 'main'))) run(process.execPath, path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), ['build']);
  run(process.execPath, path.join(ROOT, 'scripts', 'ensure-electron-native.mjs'), []);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-startup-'));
  try {
    const project = path.join(dir, 'startup.claimdesk');
    ctx.log('[startup] writing the project…');
    const made = makeProject(ctx, project);
    const userData = path.join(dir, 'user-data');
    fileSettingsStore(path.join(userData, 'settings.json')).write({ currentProfile: PROFILE });
    const peerDir = path.join(dir, 'peer');
    writePeer(peerDir);
    const base = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
    const env = { ...base, CLAIMDESK_USER_DATA: userData };
    const ours = () => launchUntil(exe, [ROOT, `--project=${project}`], env, '.article .ProseMirror [data-claim-id]');
    const peer = () => launchUntil(exe, [peerDir], base, '[contenteditable="true"] p');
    // One launch of each first: disk caches, and the app's first-open work (the article parsed,
    // the user-data folder made) do not belong to a startup.
    await ours();
    await peer();
    const n = ctx.smoke ? 1 : Math.min(ctx.trials, 8);
    const oursTimes: number[] = [];
    const peerTimes: number[] = [];
    for (let i = 0; i < n; i += 1) {
      oursTimes.push(...(await sample(1, ours)));
      peerTimes.push(...(await sample(1, peer)));
    }
    return [
      result(ctx, {
        name: NAME,
        size: `${(made.chars / 1e6).toFixed(2)} M chars, ${made.claims.toLocaleString('en')} claims`,
        unit: 'ms',
        ours: oursTimes,
        peer: peerTimes,
        peerName: 'a minimal Electron window of the same version (sandboxed, isolated, a contenteditable page)',
        target: TARGET,
        limit: (o, p) => p !== null && o.median <= p.median + 400,
        note: 'from the launch call to the first highlight in the article (ours) or the editable paragraph (peer), measured from Node; one warm-up launch each',
      }),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The Electron startup case. */
export const startupCase: BenchCase = { id: 'startup', run: startup };
