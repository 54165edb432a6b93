/**
 * Overhead of one SAMO iteration at the study's settings: for 2 objectives + 1 constraint, each of
 * the 4 default surrogates cross-validated (5-fold MAPE) on 100 evaluated points, the winners
 * fitted on all 100, then C-TAEA (population 50, 1000 generations) on the surrogate problem and
 * the infill choice. The real evaluations are not part of it. Prints the split per repeat, the
 * medians and the load average. The measurement is in iteration-overhead.ts.
 *
 *   npx tsx bench/overhead.ts [--repeats 5] [--problem c2dtlz2|c1dtlz1] [--no-lightgbm]
 *
 * --no-lightgbm leaves LightGBM out of the pool (3 candidates), to show its share.
 */
import { cpus } from 'node:os';
import { measureIterationOverhead } from './iteration-overhead.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}
const repeats = Number(option('repeats') ?? 5);
const problemName = option('problem') === 'c1dtlz1' ? 'c1dtlz1' : 'c2dtlz2';
const without = process.argv.includes('--no-lightgbm');

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
};
const s = (ms: number) => (ms / 1000).toFixed(2);
console.log(
  `${problemName} (2 objectives + 1 constraint), 100 points, ${cpus().length} cores, Node ${process.version}${without ? ', pool without LightGBM' : ''}`,
);
const result = await measureIterationOverhead({
  repeats,
  problem: problemName,
  lightgbm: without ? 'none' : 'default',
  onRepeat: (r, row) =>
    console.log(
      r === 0
        ? `warm-up  total ${s(row.total)} s (${row.chosen})`
        : `repeat ${r}  selection (CV) ${s(row.selection)} s  fit ${s(row.fit)} s  optimize ${s(row.optimize)} s  total ${s(row.total)} s  load ${row.load.toFixed(2)}  (${row.chosen})`,
    ),
});
const rows = result.repeats;
const loads = [result.loadBefore, ...rows.map((r) => r.load)];
console.log(
  `median   selection (CV) ${s(median(rows.map((r) => r.selection)))} s  fit ${s(median(rows.map((r) => r.fit)))} s  optimize ${s(median(rows.map((r) => r.optimize)))} s  total ${s(median(rows.map((r) => r.total)))} s  load average ${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)}`,
);
