/**
 * SAMO against plain C-TAEA with the same 100 real evaluations (the study's comparison, METHOD.md
 * "The experiment"): C-TAEA with 20 individuals x 5 generations and with 10 x 10, on constrained
 * benchmark problems, over seeds 1..n. Measure: hypervolume of the feasible non-dominated set of
 * all 100 evaluations of a run (reference point: the problem's nadir point plus 10 % of the
 * ideal-nadir range); two-sided Mann-Whitney U of SAMO against each baseline. Also, per method, how
 * many runs found a feasible point at all, and the smallest constraint violation among the 100
 * evaluations (median, and Mann-Whitney U of SAMO against each baseline): when no method reaches
 * the feasible region, this says which one came closer.
 *
 *   npx tsx bench/samo-vs-ctaea.ts [--seeds 10] [--problems c1dtlz1-2,c2dtlz2-2,c2dtlz2-3]
 *     [--pool default|no-lightgbm] [--out results.json]
 *   npx tsx bench/samo-vs-ctaea.ts --from results.json   (the tables of saved results)
 *
 * SAMO runs with the study's settings (50 LHS + 25 iterations x 2 infills, 5-fold CV-MAPE,
 * C-TAEA 50 x 1000 on the surrogate problem). `--pool no-lightgbm` drops LightGBM from the pool:
 * its Python bridge costs ~1.5 CPU s per fit, which makes a run of 25 iterations take ~5 minutes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { ctaea, maxGenerations, minimize } from '@paretokit/algorithms';
import { type BenchmarkProblem, c1dtlz1, c2dtlz2 } from '@paretokit/benchmarks';
import { hypervolume } from '@paretokit/indicators';
import {
  constraintViolation,
  type EvalResult,
  type Evaluator,
  feasibleNonDominated,
  type Matrix,
  selectRows,
  serialEvaluator,
  vstack,
} from '@paretokit/problem';
import { mannWhitney } from '@paretokit/stats';
import { defaultSurrogatePool, samo } from '../src/index.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}
const seeds = Number(option('seeds') ?? 10);
const wanted = (option('problems') ?? 'c1dtlz1-2,c2dtlz2-2').split(',');
const poolName = option('pool') ?? 'default';
const out = option('out');

const PROBLEMS: Record<string, () => BenchmarkProblem> = {
  'c1dtlz1-2': () => c1dtlz1({ nObj: 2 }),
  'c1dtlz1-3': () => c1dtlz1({ nObj: 3 }),
  'c2dtlz2-2': () => c2dtlz2({ nObj: 2 }),
  'c2dtlz2-3': () => c2dtlz2({ nObj: 3 }),
};

const pool = defaultSurrogatePool();
if (poolName === 'no-lightgbm') delete (pool as Record<string, unknown>).lightgbm;

/** Hypervolume of the feasible front of everything evaluated, and the smallest violation. */
function measure(problem: BenchmarkProblem, F: Matrix, G: Matrix | undefined) {
  const ideal = problem.idealPoint!;
  const nadir = problem.nadirPoint!;
  const reference = nadir.map((n, j) => n + 0.1 * (n - ideal[j]!));
  const front = feasibleNonDominated(F, G);
  const cv = constraintViolation(G, F.rows);
  return {
    hv: front.length === 0 ? 0 : hypervolume(selectRows(F, front), { reference }),
    feasible: cv.some((v) => v <= 0),
    minCV: Math.min(...cv),
    reference,
  };
}

/** An evaluator that keeps every result it hands back. */
function recording(): Evaluator & { all: EvalResult[] } {
  const inner = serialEvaluator();
  const all: EvalResult[] = [];
  return {
    all,
    async evaluate(problem, X, ctx) {
      const result = await inner.evaluate(problem, X, ctx);
      all.push(result);
      return result;
    },
  };
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
};

type Method = 'samo' | 'ctaea-20x5' | 'ctaea-10x10';
type Runs = Record<Method, { hv: number; feasible: boolean; minCV: number; seconds: number }[]>;

/** Prints the Markdown table of one problem's runs. */
function printTable(key: string, runs: Runs): void {
  const make = PROBLEMS[key]!;
  const empty = { rows: 0, cols: make().objectives.length, data: new Float64Array(0) };
  const reference = measure(make(), empty, undefined).reference;
  console.log(`\n${key}, ${runs.samo.length} seeds, reference point [${reference.join(', ')}]`);
  console.log(
    '| method | median HV | min-max HV | runs with a feasible point | median smallest CV | median s/run | p (HV, SAMO vs) | p (smallest CV, SAMO vs) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const method of ['samo', 'ctaea-20x5', 'ctaea-10x10'] as const) {
    const r = runs[method];
    const hv = r.map((x) => x.hv);
    const cv = r.map((x) => x.minCV);
    const p = (a: number[], b: number[]) =>
      method === 'samo' ? '' : mannWhitney(a, b, { method: 'asymptotic' }).pValue.toPrecision(3);
    console.log(
      `| ${method} | ${median(hv).toFixed(4)} | ${Math.min(...hv).toFixed(4)}-${Math.max(...hv).toFixed(4)} | ${r.filter((x) => x.feasible).length}/${r.length} | ${median(cv).toPrecision(3)} | ${median(r.map((x) => x.seconds)).toFixed(1)} | ${p(
        runs.samo.map((x) => x.hv),
        hv,
      )} | ${p(
        runs.samo.map((x) => x.minCV),
        cv,
      )} |`,
    );
  }
}

const from = option('from');
if (from !== undefined) {
  const saved = JSON.parse(readFileSync(from, 'utf8')) as Record<string, Runs>;
  for (const [key, runs] of Object.entries(saved)) printTable(key, runs);
  process.exit(0);
}

const report: Record<string, Runs> = {};
console.log(`${cpus().length} cores, Node ${process.version}, pool ${poolName}, seeds 1..${seeds}`);
for (const key of wanted) {
  const make = PROBLEMS[key];
  if (make === undefined)
    throw new Error(`unknown problem ${key}; known: ${Object.keys(PROBLEMS).join(', ')}`);
  const runs: Runs = {
    samo: [],
    'ctaea-20x5': [],
    'ctaea-10x10': [],
  };
  report[key] = runs;
  for (let seed = 1; seed <= seeds; seed++) {
    const problem = make();
    for (const [method, size, generations] of [
      ['ctaea-20x5', 20, 5],
      ['ctaea-10x10', 10, 10],
    ] as const) {
      const evaluator = recording();
      const started = performance.now();
      await minimize(problem, ctaea({ populationSize: size }), {
        termination: maxGenerations(generations),
        seed,
        evaluator,
      });
      const F = vstack(evaluator.all.map((r) => r.F));
      const G = vstack(evaluator.all.map((r) => r.G!));
      if (F.rows !== 100) throw new Error(`${method} evaluated ${F.rows} rows, not 100`);
      runs[method].push({ ...measure(problem, F, G), seconds: (performance.now() - started) / 1000 });
    }
    const started = performance.now();
    const result = await samo(problem, { surrogates: pool, seed });
    const m = measure(problem, result.archive.F, result.archive.G);
    runs.samo.push({ ...m, seconds: (performance.now() - started) / 1000 });
    console.log(
      `${key} seed ${seed}: HV samo ${m.hv.toFixed(4)} (${runs.samo.at(-1)!.seconds.toFixed(0)} s, min CV ${m.minCV.toPrecision(3)}), ctaea-20x5 ${runs['ctaea-20x5'].at(-1)!.hv.toFixed(4)} (min CV ${runs['ctaea-20x5'].at(-1)!.minCV.toPrecision(3)}), ctaea-10x10 ${runs['ctaea-10x10'].at(-1)!.hv.toFixed(4)} (min CV ${runs['ctaea-10x10'].at(-1)!.minCV.toPrecision(3)}), load ${loadavg()[0]!.toFixed(2)}`,
    );
  }
  printTable(key, runs);
  if (out !== undefined) writeFileSync(out, `${JSON.stringify(report, null, 1)}\n`);
}
