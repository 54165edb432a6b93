/**
 * Overhead of one SAMO iteration at the study's settings: for 2 objectives + 1 constraint, each of
 * the 4 default surrogates cross-validated (5-fold MAPE) on 100 evaluated points, the winners
 * fitted on all 100, then C-TAEA (population 50, 1000 generations) on the surrogate problem and
 * the infill choice. The real evaluations are not part of it. Prints the split per repeat, the
 * medians and the load average.
 *
 *   npx tsx bench/overhead.ts [--repeats 5] [--problem c2dtlz2|c1dtlz1] [--fast-lightgbm | --no-lightgbm]
 *
 * --fast-lightgbm runs the LightGBM bridge through a python3 wrapper that makes `import sklearn`
 * (and pandas, dask, matplotlib) fail, which lightgbm tolerates: it imports them only for its
 * optional scikit-learn/pandas interfaces, and they cost ~1 s per bridge process. --no-lightgbm
 * leaves LightGBM out of the pool (3 candidates), to show its share.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { c1dtlz1, c2dtlz2 } from '@paretokit/benchmarks';
import { lightgbmRegressor } from '@paretokit/surrogates';
import { defaultSurrogatePool, samoAskTell } from '../src/index.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}
const repeats = Number(option('repeats') ?? 5);
const problemName = option('problem') ?? 'c2dtlz2';
const problem = problemName === 'c1dtlz1' ? c1dtlz1({ nObj: 2 }) : c2dtlz2({ nObj: 2 });
const fast = process.argv.includes('--fast-lightgbm');
const without = process.argv.includes('--no-lightgbm');

const pool = defaultSurrogatePool();
if (without) delete (pool as Record<string, unknown>).lightgbm;
if (fast) {
  const dir = mkdtempSync(join(tmpdir(), 'samo-bench-'));
  const python = join(dir, 'python3-no-sklearn');
  writeFileSync(
    python,
    `#!/bin/sh\nexec python3 -c 'import sys, runpy\nfor m in ("sklearn", "pandas", "dask", "matplotlib"): sys.modules[m] = None\nsys.argv = sys.argv[1:]\nrunpy.run_path(sys.argv[0], run_name="__main__")' "$@"\n`,
  );
  chmodSync(python, 0o755);
  Object.assign(pool, {
    lightgbm: ({ seed }: { seed: number }) =>
      lightgbmRegressor({ rounds: 100, minDataInLeaf: 3, seed, python }),
  });
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
};
const rows: { selection: number; fit: number; optimize: number; total: number }[] = [];
const loads: number[] = [loadavg()[0]!];
console.log(
  `${problem.name} (${problem.variables.length} variables, 2 objectives + 1 constraint), 100 points, ${cpus().length} cores, Node ${process.version}${fast ? ', LightGBM without its sklearn/pandas imports' : ''}${without ? ', pool without LightGBM' : ''}`,
);
for (let r = 0; r <= repeats; r++) {
  const run = samoAskTell(problem, { initialSamples: 100, budget: 102, surrogates: pool, seed: r + 1 });
  const X = await run.ask();
  run.tell(X, problem.evaluate(X, { seed: 0 }));
  const started = performance.now();
  const infill = await run.ask();
  const total = performance.now() - started;
  const d = run.tell(infill, problem.evaluate(infill, { seed: 0 }))!;
  run.close();
  const row = { selection: d.selectionMs, fit: d.fitMs, optimize: d.optimizeMs, total };
  const chosen = d.targets.map((t) => `${t.target.name}:${t.chosen}`).join(' ');
  if (r === 0) {
    console.log(`warm-up  total ${(total / 1000).toFixed(2)} s (${chosen})`);
    continue;
  }
  rows.push(row);
  loads.push(loadavg()[0]!);
  console.log(
    `repeat ${r}  selection (CV) ${(row.selection / 1000).toFixed(2)} s  fit ${(row.fit / 1000).toFixed(2)} s  optimize ${(row.optimize / 1000).toFixed(2)} s  total ${(total / 1000).toFixed(2)} s  load ${loadavg()[0]!.toFixed(2)}  (${chosen})`,
  );
}
console.log(
  `median   selection (CV) ${(median(rows.map((r) => r.selection)) / 1000).toFixed(2)} s  fit ${(median(rows.map((r) => r.fit)) / 1000).toFixed(2)} s  optimize ${(median(rows.map((r) => r.optimize)) / 1000).toFixed(2)} s  total ${(median(rows.map((r) => r.total)) / 1000).toFixed(2)} s  load average ${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)}`,
);
