/**
 * `npm run bench`: runs every benchmark case, prints a table and writes a JSON report. Options:
 * `--smoke` (tiny sizes, proves the suite runs; used by the test suite), `--only <id,…>`,
 * `--trials <n>`, `--seed <n>`, `--json <file>` (default bench-results.json in the working folder).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { DATA_LAYER_CASES } from './cases/data-layer';
import { machine, table, type BenchCase, type BenchContext, type CaseResult } from './harness';
import { reanchorCase } from './cases/anchoring';
import { editorCases } from './cases/editor';
import { startupCase } from './cases/startup';

/** Every case, in the order the report lists them. Each module adds itself here. */
const CASES: readonly BenchCase[] = [...editorCases, ...DATA_LAYER_CASES, reanchorCase, startupCase];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      only: { type: 'string' },
      trials: { type: 'string' },
      seed: { type: 'string', default: '20261129' },
      json: { type: 'string', default: 'bench-results.json' },
    },
  });
  const only = values.only ? new Set(values.only.split(',')) : null;
  const ctx: BenchContext = {
    smoke: values.smoke ?? false,
    trials: values.trials ? Number(values.trials) : values.smoke ? 2 : 15,
    seed: Number(values.seed),
    log: (line) => process.stderr.write(`${line}\n`),
  };
  const rows: (CaseResult & { readonly caseId: string })[] = [];
  const run = CASES.filter((x) => only === null || only.has(x.id));
  for (const c of run) {
    ctx.log(`[bench] ${c.id}…`);
    rows.push(...(await c.run(ctx)).map((row) => ({ ...row, caseId: c.id })));
  }
  console.log(table(rows));
  const report = { at: new Date().toISOString(), smoke: ctx.smoke, trials: ctx.trials, seed: ctx.seed, machine: machine(), caseIds: run.map((c) => c.id), cases: rows };
  fs.writeFileSync(values.json!, `${JSON.stringify(report, null, 2)}\n`);
  ctx.log(`[bench] report written to ${values.json}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
