/**
 * The benchmark harness: every case measures Claimdesk and a peer in the same run, over several
 * trials, and reports medians, p95 and their ratio, with the machine's load beside them, since
 * figures on shared machines are noisy. Nothing here asserts a speed: targets are printed next
 * to the figures, and the suite's smoke mode (tiny sizes) only proves that it still runs.
 */
import os from 'node:os';
import { seededRandom } from '../../main/store/durability/crash-protocol';

/** How a run is sized. */
export interface BenchContext {
  /** Tiny sizes and one or two trials: proves the case still works, measures nothing. */
  readonly smoke: boolean;
  /** Trials per measurement (the case may use fewer for slow set-ups). */
  readonly trials: number;
  /** A seed for generated data: the same seed gives the same article and claims. */
  readonly seed: number;
  /** Logs a line of progress (to stderr, so the table stays clean). */
  readonly log: (line: string) => void;
}

/** Summary of a list of timings (milliseconds) or sizes. */
export interface Stats {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/** One row of the report. */
export interface CaseResult {
  /** Short name, e.g. "create one claim (data layer)". */
  readonly name: string;
  /** What was measured on, e.g. "100,000 claims". */
  readonly size: string;
  /** The unit of `ours` and `peer` ("ms", "MB"). */
  readonly unit: string;
  /** Our figures; null when the case could not run here (`note` says why, see notRun). */
  readonly ours: Stats | null;
  /** The peer measured in the same run; null when the case has none (say why in `note`). */
  readonly peer: Stats | null;
  readonly peerName: string;
  /** ours.median / peer.median (null without a peer). */
  readonly ratio: number | null;
  /** The target in words, e.g. "median ≤ 1.5 × peer; p95 ≤ 16 ms". */
  readonly target: string;
  /** Whether the target was met; null when it cannot be judged (smoke mode, no peer). */
  readonly met: boolean | null;
  /** Anything a reader needs: accuracy figures, why a case could not run. */
  readonly note?: string;
  /** Load average over the last minute when the case finished. */
  readonly load: number;
}

/** A benchmark case: runs its measurements and returns one or more rows. */
export interface BenchCase {
  readonly id: string;
  run(ctx: BenchContext): Promise<CaseResult[]>;
}

/** Median, p95 (nearest rank), min and max of `values`. */
export function stats(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error('No samples to summarise.');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { n: sorted.length, median, p95: rank(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Times `fn` once, in milliseconds. */
export async function time(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `fn` `n` times and returns the timings. */
export async function sample(n: number, fn: (trial: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) out.push(await time(() => fn(i)));
  return out;
}

/** The one-minute load average (0 where the platform has none). */
export function load(): number {
  return os.loadavg()[0] ?? 0;
}

/**
 * A row from our samples and the peer's. `limit` decides whether the target is met from the
 * two summaries (ignored in smoke mode).
 */
export function result(
  ctx: BenchContext,
  row: Omit<CaseResult, 'ours' | 'peer' | 'ratio' | 'met' | 'load'> & {
    readonly ours: readonly number[];
    readonly peer: readonly number[] | null;
    readonly limit: (ours: Stats, peer: Stats | null) => boolean | null;
  },
): CaseResult {
  const { ours: o, peer: p, limit, ...rest } = row;
  const ours = stats(o);
  const peer = p === null ? null : stats(p);
  return {
    ...rest,
    ours,
    peer,
    ratio: peer === null || peer.median === 0 ? null : ours.median / peer.median,
    met: ctx.smoke ? null : limit(ours, peer),
    load: load(),
  };
}

/** A row for a case that cannot run on this machine (no Electron binary, say): no figures, the reason in `note`. */
export function notRun(row: { readonly name: string; readonly size: string; readonly peerName: string; readonly target: string; readonly reason: string }): CaseResult {
  return { name: row.name, size: row.size, unit: 'ms', ours: null, peer: null, peerName: row.peerName, ratio: null, target: row.target, met: null, note: row.reason, load: load() };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. The crash tests' generator. */
export const prng = seededRandom;

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** The report as a plain-text table. */
export function table(rows: readonly CaseResult[]): string {
  const head = ['case', 'size', 'ours median / p95', 'peer median / p95', 'ratio', 'target', 'met', 'load'];
  const body = rows.map((r) => [
    r.name,
    r.size,
    r.ours === null ? 'not run' : `${fmt(r.ours.median)} / ${fmt(r.ours.p95)} ${r.unit}`,
    r.peer ? `${fmt(r.peer.median)} / ${fmt(r.peer.p95)} ${r.unit} (${r.peerName})` : `— (${r.peerName})`,
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
    r.load.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`);
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
}

/** The machine the figures were taken on, for the JSON report and README. */
export function machine(): { cpus: string; cores: number; memoryGiB: number; node: string; platform: string } {
  const cpus = os.cpus();
  return { cpus: cpus[0]?.model ?? 'unknown', cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}
