/**
 * The editor cases of the benchmark, in real Chromium (Debian's, never a downloaded browser):
 * a real key press with highlights on against a plain `contenteditable`, a dispatched typing
 * transaction, opening a document, and the heap — each against the same editor without
 * highlights unless said otherwise. The page (`../page/editor-page.ts`) is bundled with esbuild
 * at run time into a temporary folder and served from a made-up origin; nothing touches the
 * network. The article is generated from the run's seed (`../page/article.ts`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { prng, result, stats, type BenchCase, type BenchContext } from '../harness';
import { generateArticle, type ArticleSize, type BenchArticle } from '../page/article';
import type { BenchMode, KeyTiming, OpenTiming } from '../page/editor-page';
import { FIRST_PLACED_CHARS } from '../../../renderer/editor/anchors';

// The same flags as the end-to-end specs (playwright.config.ts): quiet on a closed network.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ORIGIN = 'http://claimdesk-bench.test';
// `npm run bench` runs from the repository's root (scripts/bench.mjs).
const ROOT = process.cwd();

const FULL: ArticleSize = { paragraphs: 2_600, chars: 1_200_000, highlights: 20_000 };
const SMOKE: ArticleSize = { paragraphs: 50, chars: 23_000, highlights: 200 };

const sizeOf = (ctx: BenchContext): ArticleSize => (ctx.smoke ? SMOKE : FULL);
const describeSize = (s: ArticleSize) =>
  `${(s.chars / 1e6).toFixed(s.chars >= 1e6 ? 1 : 3)} M chars, ${s.paragraphs.toLocaleString('en')} paragraphs, ${s.highlights.toLocaleString('en')} highlights`;

let pageDir: string | null = null;

/** Bundles the bench page (once per run) beside the article CSS the app ships. */
async function bundlePage(): Promise<string> {
  if (pageDir) return pageDir;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-page-'));
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['e2e/bench/page/editor-page.ts'],
    outfile: path.join(dir, 'bench.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    minify: true,
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(ROOT, 'renderer/styles/app.css'), path.join(dir, 'app.css'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Claimdesk editor bench</title>' +
      '<link rel="stylesheet" href="app.css"></head><body><div class="article" id="mount"></div><script src="bench.js"></script></body></html>',
  );
  pageDir = dir;
  return dir;
}

/** A Chromium page with the bench page loaded and the article handed to it. */
interface Bench {
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly article: BenchArticle;
  close(): Promise<void>;
}

async function openBench(ctx: BenchContext): Promise<Bench> {
  const dir = await bundlePage();
  const browser: Browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  await context.route('**/*', (route) => route.abort('blockedbyclient'));
  await context.route(`${ORIGIN}/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(1) || 'index.html';
    const type = name.endsWith('.js') ? 'text/javascript' : name.endsWith('.css') ? 'text/css' : 'text/html';
    const file = path.join(dir, path.basename(name));
    return fs.existsSync(file) ? route.fulfill({ status: 200, contentType: type, body: fs.readFileSync(file) }) : route.fulfill({ status: 404, body: '' });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${ORIGIN}/index.html`);
  if (errors.length > 0) throw new Error(`The bench page failed: ${errors.join('; ')}`);
  const article = generateArticle(prng(ctx.seed), sizeOf(ctx));
  await page.evaluate((a) => window.claimdeskBench.load(a), article);
  const cdp = await context.newCDPSession(page);
  return { page, cdp, article, close: () => browser.close() };
}

async function withBench<T>(ctx: BenchContext, fn: (bench: Bench) => Promise<T>): Promise<T> {
  const bench = await openBench(ctx);
  try {
    return await fn(bench);
  } finally {
    await bench.close();
  }
}

const open = (b: Bench, mode: BenchMode): Promise<OpenTiming> => b.page.evaluate((m) => window.claimdeskBench.open(m), mode);
const collectGarbage = (b: Bench) => b.cdp.send('HeapProfiler.collectGarbage');

/** Real key presses (a letter) at the caret in the middle of the article; `count` after a warm-up. */
async function pressKeys(b: Bench, count: number, warmUp: number): Promise<KeyTiming[]> {
  await b.page.evaluate(() => window.claimdeskBench.placeCaretInMiddle());
  await collectGarbage(b);
  const out: KeyTiming[] = [];
  for (let i = 0; i < warmUp + count; i += 1) {
    await b.page.evaluate(() => window.claimdeskBench.armKey());
    await b.page.keyboard.press('e');
    const timing = await b.page.evaluate(() => window.claimdeskBench.keyTiming());
    if (i >= warmUp) out.push(timing);
  }
  return out;
}

const keystroke: BenchCase = {
  id: 'keystroke',
  async run(ctx) {
    const size = sizeOf(ctx);
    const perRound = ctx.smoke ? 2 : Math.max(20, ctx.trials);
    const rounds = ctx.smoke ? 1 : 2;
    const ours: KeyTiming[] = [];
    const peer: KeyTiming[] = [];
    // The same editor without highlights, measured beside them: how much of the gap to the peer
    // is ProseMirror's own (reading the DOM change, the transaction, the view update) and how
    // much the highlights'.
    const editorAlone: KeyTiming[] = [];
    await withBench(ctx, async (b) => {
      // Rounds alternate, so a burst of load on the shared machine falls on every side.
      for (let round = 0; round < rounds; round += 1) {
        for (const [mode, into] of [['highlights', ours], ['plain', editorAlone], ['contenteditable', peer]] as const) {
          await open(b, mode);
          into.push(...(await pressKeys(b, perRound, ctx.smoke ? 0 : 5)));
        }
        ctx.log(`[bench] keystroke round ${round + 1}/${rounds} done`);
      }
    });
    const common = { size: describeSize(size), unit: 'ms', peerName: 'plain contenteditable, same text and CSS' };
    const alone = (pick: (t: KeyTiming) => number, against: readonly KeyTiming[]) => {
      const median = stats(editorAlone.map(pick)).median;
      return `The same editor without highlights, in the same rounds: median ${median.toFixed(2)} ms, ${(median / stats(against.map(pick)).median).toFixed(2)} × the peer.`;
    };
    return [
      result(ctx, {
        ...common,
        name: 'real keystroke with highlights: keydown → state applied',
        ours: ours.map((t) => t.applied),
        peer: peer.map((t) => t.applied),
        target: 'median ≤ 1.5 × peer; p95 ≤ 16 ms',
        limit: (o, p) => p !== null && o.median <= 1.5 * p.median && o.p95 <= 16,
        note:
          'Playwright key press in Chromium; the clock starts in a capture keydown listener and stops when ProseMirror has applied the transaction (the peer: its input event). ' +
          alone((t) => t.applied, peer),
      }),
      result(ctx, {
        ...common,
        name: 'real keystroke with highlights: keydown → next frame',
        ours: ours.map((t) => t.frame),
        peer: peer.map((t) => t.frame),
        target: 'median ≤ 1.5 × peer; p95 ≤ 16 ms',
        limit: (o, p) => p !== null && o.median <= 1.5 * p.median && o.p95 <= 16,
        note: `to the end of the next frame (requestAnimationFrame, then a posted message), so it includes the wait for the frame tick. ${alone((t) => t.frame, peer)}`,
      }),
    ];
  },
};

const transaction: BenchCase = {
  id: 'transaction',
  async run(ctx) {
    const size = sizeOf(ctx);
    const n = ctx.smoke ? 2 : Math.max(30, ctx.trials * 2);
    const timings: Record<'highlights' | 'plain', number[]> = { highlights: [], plain: [] };
    const firstEdit: Record<'highlights' | 'plain', number[]> = { highlights: [], plain: [] };
    await withBench(ctx, async (b) => {
      for (let round = 0; round < (ctx.smoke ? 1 : 2); round += 1) {
        for (const mode of ['highlights', 'plain'] as const) {
          await open(b, mode);
          await b.page.evaluate(() => window.claimdeskBench.placeCaretInMiddle());
          await collectGarbage(b);
          const all = await b.page.evaluate((count) => window.claimdeskBench.transactions(count), n + (ctx.smoke ? 0 : 5));
          timings[mode].push(...all.slice(ctx.smoke ? 0 : 5));
          firstEdit[mode].push(all[0]!);
        }
      }
    });
    return [
      result(ctx, {
        name: 'dispatched typing transaction',
        size: describeSize(size),
        unit: 'ms',
        ours: timings.highlights,
        peer: timings.plain,
        peerName: 'the same editor, no highlights',
        target: 'median ≤ 1.3 × peer',
        limit: (o, p) => p !== null && o.median <= 1.3 * p.median,
        note:
          'view.dispatch(tr.insertText) in the middle of the article, timed in the page: state apply and view update, one frame between trials, after five not counted. ' +
          `The first edit after opening also turns the claims' sorted list into the mapped decoration set (once; the app's article is read-only, so it never edits): ` +
          `${stats(firstEdit.highlights).median.toFixed(1)} ms, against ${stats(firstEdit.plain).median.toFixed(1)} ms without highlights.`,
      }),
    ];
  },
};

const openCase: BenchCase = {
  id: 'open',
  async run(ctx) {
    const size = sizeOf(ctx);
    const n = ctx.smoke ? 2 : Math.min(ctx.trials, 10);
    const ours: OpenTiming[] = [];
    const peer: OpenTiming[] = [];
    const jumps: number[] = [];
    await withBench(ctx, async (b) => {
      await open(b, 'plain'); // warm-up: compiles the editor code once for both sides
      for (let i = 0; i < n; i += 1) {
        for (const [mode, into] of [['highlights', ours], ['plain', peer]] as const) {
          await b.page.evaluate(() => window.claimdeskBench.close());
          await collectGarbage(b);
          into.push(await open(b, mode));
          if (mode === 'highlights') jumps.push(await b.page.evaluate((f) => window.claimdeskBench.jump(f), [0.9, 0.5, 0.2][i % 3]!));
        }
      }
    });
    const expected = paintableClaims(ctx).length;
    const inState = Math.min(...ours.map((t) => t.claimsInState));
    const onScreen = ours.every((t) => t.paintedOnScreen);
    const inDom = ours.map((t) => t.claimsInDom);
    return [
      result(ctx, {
        name: 'open a document with its highlights, to first frame',
        size: describeSize(size),
        unit: 'ms',
        ours: ours.map((t) => t.firstFrame),
        peer: peer.map((t) => t.firstFrame),
        peerName: 'the same editor, no highlights',
        target: '≤ 1.3 × peer',
        limit: (o, p) => p !== null && o.median <= 1.3 * p.median,
        note:
          'from parsing the stored body to the end of the first frame, as the app opens an article: the claims numbered, those near the top placed on the text (placeClaims), ' +
          `their highlights set in the state before the view draws it (ArticleView). Medians, ours: ${phaseMedians(ours)}; peer: ${phaseMedians(peer)}.`,
      }),
      result(ctx, {
        name: 'open: every highlight placed',
        size: describeSize(size),
        unit: 'ms',
        ours: ours.map((t) => t.allPlaced),
        peer: null,
        peerName: 'none: an absolute target',
        target: `all ${expected.toLocaleString('en')} in the editor's state, those on screen painted at the first frame, ≤ 1000 ms`,
        limit: (o) => o.median <= 1000 && inState === expected && onScreen,
        note:
          `from the start of the open until every claim is placed and in the editor's state: those in the first ${FIRST_PLACED_CHARS.toLocaleString('en')} characters before the first frame ` +
          `(${Math.min(...ours.map((t) => t.claimsInStateAtFirstFrame)).toLocaleString('en')} claims), the rest when the browser is idle, as the app does; ` +
          `${inState.toLocaleString('en')} of ${expected.toLocaleString('en')} claims in the state then; highlights painted on screen at the first frame: ${onScreen ? 'yes' : 'NO'}; ` +
          `${Math.min(...inDom).toLocaleString('en')}–${Math.max(...inDom).toLocaleString('en')} claims drawn in the DOM at the first frame (those in the window around the viewport).`,
      }),
      result(ctx, {
        name: 'jump across the article: highlights painted',
        size: describeSize(size),
        unit: 'ms',
        ours: jumps,
        peer: null,
        peerName: 'none: an absolute target',
        target: '≤ 1000 ms',
        limit: (o) => o.p95 <= 1000,
        note: 'scrollIntoView of a far part of the article to the end of the first frame with a highlight painted in the viewport (the drawn window follows the scroll).',
      }),
    ];
  },
};

/** The median of each phase of opening, e.g. "parse 3 ms, place 40 ms, …". */
function phaseMedians(timings: readonly OpenTiming[]): string {
  const names = ['parse', 'place', 'highlights', 'view', 'frame'] as const;
  return names.map((name) => `${name} ${stats(timings.map((t) => t.phases[name])).median.toFixed(1)} ms`).join(', ');
}

/** Claim ids whose highlight is not empty (the plugin ignores empty ranges). */
function paintableClaims(ctx: BenchContext): number[] {
  return generateArticle(prng(ctx.seed), sizeOf(ctx))
    .highlights.filter((h) => h.to > h.from)
    .map((h) => h.claimId);
}

/** V8's heap plus Blink's (DOM) heap where Chromium reports it, after a full collection, in MB. */
async function heapMB(b: Bench): Promise<number> {
  await collectGarbage(b);
  await collectGarbage(b);
  const usage = (await b.cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  return (usage.usedSize + (usage.embedderHeapUsedSize ?? 0)) / 2 ** 20;
}

const memory: BenchCase = {
  id: 'memory',
  async run(ctx) {
    const size = sizeOf(ctx);
    const n = ctx.smoke ? 2 : Math.min(ctx.trials, 5);
    const ours: number[] = [];
    const peer: number[] = [];
    let embedder = false;
    await withBench(ctx, async (b) => {
      const probe = (await b.cdp.send('Runtime.getHeapUsage')) as { embedderHeapUsedSize?: number };
      embedder = probe.embedderHeapUsedSize !== undefined;
      for (let i = 0; i < n; i += 1) {
        await open(b, 'highlights');
        ours.push(await heapMB(b));
        await open(b, 'plain');
        peer.push(await heapMB(b));
      }
    });
    return [
      result(ctx, {
        name: 'memory with highlights',
        size: describeSize(size),
        unit: 'MB',
        ours,
        peer,
        peerName: 'the same editor, no highlights',
        target: 'heap ≤ 1.5 × peer',
        limit: (o, p) => p !== null && o.median <= 1.5 * p.median,
        note: `page heap after a forced collection (${embedder ? 'V8 plus the DOM heap' : 'V8 only'}); both sides hold the article and claim data, as the app does.`,
      }),
    ];
  },
};

/** The editor cases, in report order. */
export const editorCases: readonly BenchCase[] = [keystroke, transaction, openCase, memory];

