/**
 * The peer suite: every performance goal of ParetoKit against its peer, measured on this machine
 * in one run, written to docs/benchmarks.md and bench/results.json.
 *
 *   pnpm bench:peers [--quick] [--only nds,hv,...] [--dry]
 *
 * --quick: reduced sizes, repetitions and budgets (under 5 minutes), every line still present and
 * marked quick. --only: run these sections only (ids below); the others are kept from the last
 * bench/results.json, each marked with the run it came from. --dry: print, write nothing.
 * Sections: nds, hv, algorithms, surrogates, bridges, compression, ort-quantizer,
 * ort-quantizer-corpus, structured, samo-overhead,
 * samo-compression, samo-methods (runs its study only when named in --only: hours).
 * See bench/README.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparePymoo } from '../packages/algorithms/bench/pymoo-comparison.js';
import { buildStudyProblem, parseStudyConfig, runOne } from '../packages/cli/dist/index.js';
import {
  compareOrtQuantizer,
  type OrtQuantizerComparison,
} from '../packages/compression/bench/ort-quantizer-peer.js';
import {
  loadResnet50,
  measureFullEvaluations,
  measureSteps,
  timeTorchEager,
} from '../packages/compression/bench/resnet50.js';
import {
  measureStructured,
  type TimedStructuredModel,
} from '../packages/compression/bench/structured-resnet50.js';
import {
  CONTRIBUTIONS_CASES,
  CONTRIBUTIONS_QUICK_CASES,
  HYPERVOLUME_CASES,
  HYPERVOLUME_QUICK_CASES,
  type HypervolumePeers,
} from '../packages/indicators/bench/hypervolume-peer.js';
import type { SortCase, SortPeers } from '../packages/problem/bench/nds-peers.js';
import { measureIterationOverhead } from '../packages/samo/bench/iteration-overhead.js';
import { mannWhitney } from '../packages/stats/src/index.js';
import { compareBridges } from '../packages/surrogates/bench/bridge-timing.js';
import { compareQuality, compareSpeed } from '../packages/surrogates/bench/sklearn-comparison.js';
import { cpuFeatures, describeCpu } from './cpu-features.js';
import { isolated } from './isolated.js';
import { compareMethods } from './samo-methods.js';
import {
  figure,
  type Line,
  line,
  median,
  num,
  ratioText,
  type Section,
  table,
  withBefore,
} from './summary.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const dry = argv.includes('--dry');
const onlyAt = argv.indexOf('--only');
const only = onlyAt < 0 ? undefined : argv[onlyAt + 1]?.split(',');
const PYTHON = 'python3';
const TORCH_PYTHON = '/usr/bin/python3';
const command = `pnpm bench:peers${argv.length > 0 ? ` ${argv.join(' ')}` : ''}`;
const log = (message: string) => process.stderr.write(`[bench:peers ${clock()}] ${message}\n`);
const started = performance.now();
const clock = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s`;
const load = () => loadavg()[0]!;

// --- peers --------------------------------------------------------------------------------------

/** Versions of the Python modules `python` can import (missing ones absent). */
function pythonVersions(python: string, modules: readonly string[]): Record<string, string> {
  const code = [
    'import importlib, json, platform',
    'out = {"python": platform.python_version()}',
    `for m in ${JSON.stringify(modules)}:`,
    '    try:',
    '        out[m] = getattr(importlib.import_module(m), "__version__", "unknown")',
    '    except Exception:',
    '        pass',
    'print(json.dumps(out))',
  ].join('\n');
  const out = spawnSync(python, ['-c', code], { encoding: 'utf8' });
  return out.status === 0 ? (JSON.parse(out.stdout) as Record<string, string>) : {};
}

/** pip install, retried with --break-system-packages on a PEP 668 interpreter (as scripts/setup.sh). */
function pipInstall(packages: readonly string[]): void {
  const env = { ...process.env, PIP_ROOT_USER_ACTION: 'ignore', PIP_DISABLE_PIP_VERSION_CHECK: '1' };
  const base = ['-m', 'pip', 'install', '--quiet', ...packages];
  if (spawnSync(PYTHON, base, { stdio: 'inherit', env }).status === 0) return;
  const retry = spawnSync(PYTHON, [...base, '--break-system-packages'], { stdio: 'inherit', env });
  if (retry.status !== 0) throw new Error(`${PYTHON} -m pip install ${packages.join(' ')} failed`);
}

/**
 * Installs pymoo, moocore, scikit-learn, onnx and onnxruntime (the quantize_static peer) when
 * missing; reports the other peers' presence.
 */
function installPeers(): Record<string, string> {
  const modules = ['pymoo', 'moocore', 'sklearn', 'onnx', 'onnxruntime', 'lightgbm', 'xgboost', 'numpy'];
  let found = pythonVersions(PYTHON, modules);
  const pip = {
    pymoo: 'pymoo',
    moocore: 'moocore',
    sklearn: 'scikit-learn',
    onnx: 'onnx',
    onnxruntime: 'onnxruntime',
  } as const;
  const absent = Object.entries(pip).filter(([m]) => found[m] === undefined);
  if (absent.length > 0) {
    log(`installing ${absent.map(([, p]) => p).join(', ')} from PyPI`);
    pipInstall(absent.map(([, p]) => p));
    found = pythonVersions(PYTHON, modules);
  }
  const torch = pythonVersions(TORCH_PYTHON, ['torch', 'torchvision']);
  const versions: Record<string, string> = {
    python: found.python ?? 'unavailable',
    pymoo: found.pymoo ?? 'unavailable',
    moocore: found.moocore ?? 'unavailable',
    'scikit-learn': found.sklearn ?? 'unavailable',
    onnx: found.onnx ?? 'unavailable',
    onnxruntime: found.onnxruntime ?? 'unavailable',
    numpy: found.numpy ?? 'unavailable',
    lightgbm: found.lightgbm ?? 'unavailable',
    xgboost: found.xgboost ?? 'unavailable',
    'torch (Debian python3)': torch.torch ?? 'unavailable',
    'torchvision (Debian python3)': torch.torchvision ?? 'unavailable',
  };
  const missing = Object.entries(versions).filter(([, v]) => v === 'unavailable');
  if (missing.length > 0) {
    log(
      `missing: ${missing.map(([k]) => k).join(', ')}; run scripts/setup.sh (torch: scripts/setup.sh --tests); the lines that need them will fail`,
    );
  }
  return versions;
}

// --- sections -----------------------------------------------------------------------------------

type Body = Omit<Section, 'loadBefore' | 'loadAfter' | 'seconds' | 'id' | 'title'>;

const ms = (x: number) => `${num(x)} ms`;

async function nds(): Promise<Body> {
  const sizes = quick ? [1000] : [1000, 10_000, 100_000];
  const bigReps = 3; // N = 100,000: a concave M = 8 sort takes over a second on each side
  const cases: SortCase[] = [];
  for (const n of sizes)
    for (const m of [2, 3, 5, 8])
      for (const concave of [false, true])
        cases.push(n >= 100_000 ? { n, m, concave, reps: bigReps } : { n, m, concave });
  const reps = 10;
  const rounds = quick ? 1 : 2;
  const r = isolated<SortPeers>('packages/problem/bench/nds-peers.ts', 'compareNonDominatedSort', {
    cases,
    reps,
    rounds,
    python: PYTHON,
  });
  const lines: Line[] = [];
  for (const c of r.cases) {
    const name = `N=${c.n.toLocaleString('en-US')} M=${c.m} ${c.concave ? 'concave' : 'uniform'}`;
    const pk = figure(c.paretokitMs);
    const note = `${c.fronts} fronts${c.agree ? ', same ranks' : ', RANKS DIFFER'}`;
    lines.push(
      line(
        name,
        'ms per sort',
        pk,
        { name: `moocore ${r.moocore} pareto_rank`, figure: figure(c.moocoreMs) },
        { note },
      ),
    );
    lines.push(
      line(name, 'ms per sort', pk, {
        name: `pymoo ${r.pymoo} NonDominatedSorting`,
        figure: figure(c.pymooMs),
      }),
    );
  }
  return {
    about: [
      'Points uniform in the unit cube, or on a concave front (|z| of a Gaussian normalized to the unit',
      'sphere, radius spread over [1, 1.2]: few, large fronts), seeded. Each side is timed in its own',
      "process (ParetoKit's loads only the problem package, see bench/isolated.ts) around the call",
      "only: ParetoKit's `nonDominatedSort` (fronts and ranks) after a warm-up",
      "of at least 1 s (and at least two calls); moocore's `pareto_rank` (C) and pymoo's `NonDominatedSorting().do` (fronts;",
      `pymoo ${r.pymoo} calls moocore's pareto_rank and groups the rows, so it is moocore plus a little`,
      `Python) after one warm-up call, in a fresh Python process. ${rounds} alternating round(s) of ${reps}`,
      `calls per side (${bigReps} at N = 100,000). ParetoKit sorts the rows lexicographically (native sort`,
      'of packed keys up to 2,048 rows, bucket sort beyond), equal rows adjacent; M = 2 is a sweep with',
      'bisection over the fronts, O(N log R) after the sort;',
      "M = 3 bisects the fronts, each keeping a staircase of its members' (f2, f3), O(N log N log R); M >= 4",
      'is divide and conquer on the objectives (Jensen; Buzdalov & Shalyto), down to per-rank staircase',
      'sweeps once three objectives decide and to pairwise comparisons screened by a one-subtraction',
      "bit signature for small subproblems. Deb's O(M N^2) fast non-dominated sort stays in the vitest",
      'bench (`cd packages/problem && npx vitest bench --run`).',
    ].join(' '),
    lines,
    versions: { moocore: r.moocore, pymoo: r.pymoo, python: r.python },
    settings: { cases, reps, rounds },
  };
}

/** The hypervolume comparison, run by {@link isolated} in a process of its own. */
const HYPERVOLUME_PEER = 'packages/indicators/bench/hypervolume-peer.ts';

async function hv(): Promise<Body> {
  const reps = quick ? 5 : 7;
  const rounds = quick ? 1 : 3;
  const r = isolated<HypervolumePeers>(HYPERVOLUME_PEER, 'compareHypervolume', {
    cases: quick ? HYPERVOLUME_QUICK_CASES : HYPERVOLUME_CASES,
    reps,
    rounds,
    python: PYTHON,
  });
  const rc = isolated<HypervolumePeers>(HYPERVOLUME_PEER, 'compareHypervolume', {
    cases: quick ? CONTRIBUTIONS_QUICK_CASES : CONTRIBUTIONS_CASES,
    indicator: 'contributions',
    reps,
    rounds,
    python: PYTHON,
  });
  const lines = [...r.cases, ...rc.cases].map((c) =>
    line(
      `${c.indicator === 'contributions' ? 'contributions ' : ''}n=${c.n.toLocaleString('en-US')} d=${c.d}`,
      'ms per call',
      figure(c.paretokitMs),
      {
        name: `moocore ${r.moocore}${c.indicator === 'contributions' ? ' hv_contributions' : ''}`,
        figure: figure(c.moocoreMs),
      },
      {
        note:
          `first call ${ms(c.firstCallMs)}; relative difference ` +
          (c.indicator === 'contributions'
            ? `(max over points) ${c.relativeDifference.toExponential(1)}, absolute ${c.absoluteDifference.toExponential(1)}`
            : c.relativeDifference.toExponential(1)),
      },
    ),
  );
  return {
    about: [
      'Exact hypervolume of the same random points of a concave front (|Gaussian| vectors normalized',
      'to the unit sphere, fixed seed), reference point 1.1 in every objective, sizes of the indicators',
      `issue. Case by case in ${rounds} alternating round(s) of ${reps} calls (moocore in a fresh Python`,
      'process, then ParetoKit in a Node process that loads only the indicators package, see',
      "bench/isolated.ts: in this suite's own process, which loads every package, the same calls ran",
      '20-25 % slower) so that both see the same machine load. ParetoKit',
      'is warmed up by repeating the call for at least 1 s (and at least twice), because V8 compiles',
      'hot loops with its optimizing compiler only after they have run for a while; the very first',
      'call, cold, is in the notes. moocore (compiled C) gets one warm-up call. The notes also give the',
      'relative difference between the two hypervolume values. The contributions lines time',
      "`hypervolumeContributions` against moocore's `hv_contributions` on the same kind of points",
      "(each point's exclusive hypervolume); their notes give the largest relative and absolute",
      "differences over the points. For d >= 4 moocore's hv_contributions computes HV(all) - HV(all",
      'but the point), so a small contribution carries a cancellation error of about 1e-16 x HV(all)',
      '(relative differences up to ~1e-9 on the smallest contributions come from that side), and it',
      'rounds contributions below sqrt(machine epsilon) to 0; ParetoKit computes each contribution',
      'directly. ParetoKit runs the hypervolume sweeps for d >= 4 and the contributions for d = 2 to 4',
      'in WebAssembly (the package embeds them; the JavaScript they replace gives the same bits and',
      'runs where WebAssembly is unavailable).',
    ].join(' '),
    lines,
    versions: { moocore: r.moocore, python: r.python },
    settings: { reps, rounds },
  };
}

async function algorithms(): Promise<Body> {
  const seeds = 5;
  const ids = quick ? ['nsga2-zdt3', 'ctaea-c3dtlz4'] : undefined;
  const r = await comparePymoo({
    seeds,
    ...(ids === undefined ? {} : { ids }),
    onConfiguration: (c) =>
      log(
        `${c.id}: ParetoKit ${num(median(c.paretokit.seconds))} s, pymoo ${num(median(c.pymoo.seconds))} s`,
      ),
  });
  const lines: Line[] = [];
  for (const c of r.configurations) {
    const pymoo = `pymoo ${r.pymoo}`;
    lines.push(
      line(
        c.id,
        'wall s per run',
        figure(c.paretokit.seconds),
        { name: pymoo, figure: figure(c.pymoo.seconds) },
        {
          note: c.setting,
        },
      ),
    );
    lines.push(
      line(c.id, 'CPU s per run', figure(c.paretokit.cpuSeconds), {
        name: pymoo,
        figure: figure(c.pymoo.cpuSeconds),
      }),
    );
    const { pValue } = mannWhitney(c.paretokit.hypervolume, c.pymoo.hypervolume, { method: 'asymptotic' });
    const better = median(c.paretokit.hypervolume) > median(c.pymoo.hypervolume);
    const verdict = pValue >= 0.05 ? 'equal' : better ? 'ParetoKit better' : 'ParetoKit worse';
    lines.push(
      line(
        c.id,
        'hypervolume',
        figure(c.paretokit.hypervolume),
        { name: pymoo, figure: figure(c.pymoo.hypervolume) },
        { better: 'higher', digits: 6, note: `Mann-Whitney p = ${pValue.toFixed(3)} (${verdict} at 5 %)` },
      ),
    );
  }
  return {
    about: [
      `Seeds 1-${seeds} per configuration and library. Times are of one whole run (\`minimize\`,`,
      'evaluations included): wall-clock seconds, and CPU seconds of the process (less sensitive to',
      'other load; includes V8 garbage-collector threads). ParetoKit runs after one untimed warm-up run',
      'per configuration; pymoo runs in a fresh Python process whose imports are not timed, just before',
      'ParetoKit on the same configuration. Hypervolume of the final feasible non-dominated set,',
      'computed by `@paretokit/indicators` for both libraries with the reference point in the notes;',
      'Mann-Whitney U from `@paretokit/stats` (two-sided, asymptotic with tie and continuity',
      "correction, as scipy's).\n\nSettings are pymoo's NSGA-II defaults on both sides: SBX",
      '(probability 0.9, eta 15, 0.5 per variable), polynomial mutation (eta 20), duplicate',
      'elimination. One difference: pymoo mutates an offspring with probability 0.9 and then each',
      'variable with probability 1/n; ParetoKit mutates each variable of every offspring with',
      "probability 1/n. C-TAEA settings are pymoo's `CTAEA` defaults on both sides: the 91 Das-Dennis",
      'directions of 12 partitions, SBX (probability 1, eta 30, 0.5 per variable), polynomial mutation',
      "(eta 20, 1/n per variable), duplicate elimination, and the variable counts of pymoo's",
      '`get_problem(name, n_obj=3)`. Differences: ParetoKit keeps both children of an SBX pair (as the',
      'original C-TAEA code) where pymoo keeps one, starts from a Latin hypercube where pymoo samples',
      'uniformly, and uses the original rho_c = nd_CA / (nd_CA + nd_DA) in mating where pymoo divides',
      'by |CA| + |DA|.',
    ].join(' '),
    lines,
    versions: { pymoo: r.pymoo, python: r.python },
    settings: { seeds, configurations: r.configurations.map((c) => c.id) },
  };
}

async function surrogates(): Promise<Body> {
  const rows = quick ? 2000 : 20_000;
  const knnQueries = quick ? 500 : 2000;
  const repeats = 5;
  const quality = compareQuality({ python: PYTHON });
  const speed = compareSpeed({ rows, repeats, knnQueries, jobs: [1, 2], python: PYTHON, onProgress: log });
  const sk = `scikit-learn ${speed.sklearn}`;
  const lines: Line[] = [];
  const pairs: [string, 'randomForest' | 'knn', 'fit' | 'predict', string][] = [
    ['random forest', 'randomForest', 'fit', `fit, 100 trees, ${rows.toLocaleString('en-US')} rows`],
    ['random forest', 'randomForest', 'predict', `predict ${rows.toLocaleString('en-US')} rows`],
    ['KNN k=5', 'knn', 'fit', `fit ${rows.toLocaleString('en-US')} rows`],
    ['KNN k=5', 'knn', 'predict', `predict ${knnQueries.toLocaleString('en-US')} rows`],
  ];
  for (const [label, model, step, what] of pairs) {
    for (const jobs of [1, 2]) {
      if (model === 'knn' && jobs === 2) continue;
      const scale = model === 'knn' ? 1000 : 1;
      lines.push(
        line(
          `${label}, ${what}`,
          model === 'knn' ? 'wall ms' : 'wall s',
          figure(speed[model].paretokit[step], scale),
          {
            name: `${sk} n_jobs=${jobs}`,
            figure: figure(speed[model].sklearn[jobs]![step], scale),
          },
        ),
      );
    }
  }
  for (const m of quality.models) {
    const settings = JSON.stringify(m.settings).replaceAll('"', '').replaceAll(',', ', ');
    lines.push(
      line(
        `${m.dataset} ${m.model} ${settings}`,
        'test MAPE',
        figure(m.paretokitMape),
        { name: sk, figure: figure(m.sklearnMape) },
        { digits: 4, note: m.model === 'knn' ? 'deterministic: one fit' : 'seeds 0-4' },
      ),
    );
  }
  return {
    about: [
      `Speed: Friedman #1 (10 columns), ${repeats} repetitions per side; ParetoKit runs on one thread,`,
      'scikit-learn with n_jobs=1 and, for the forest, n_jobs=2 (this machine has 2 cores). Random',
      "forest with 100 trees and scikit-learn's defaults (all features, bootstrap, leaves of 1 row),",
      'predicting the training rows; KNN with k = 5, a k-d tree in ParetoKit (built by the first predict),',
      'scikit-learn\'s "auto" index (built by fit). Quality: test-set MAPE on the train/test splits of',
      '`packages/surrogates/src/fixtures/sklearn-quality.json` (400/200 rows of Friedman #1, Friedman #2',
      'and a mixed-variable function), both libraries fitted in this run with the same settings;',
      'random forests: seeds 0-4 on both sides (their random streams differ), KNN: one fit. Ratio',
      'above 1: ParetoKit faster, or its MAPE lower.',
    ].join(' '),
    lines,
    versions: { 'scikit-learn': speed.sklearn, 'fixture scikit-learn': quality.fixtureSklearn },
    settings: { rows, knnQueries, repeats },
  };
}

async function bridges(): Promise<Body> {
  const repeats = 5;
  const lines: Line[] = [];
  let versions: Record<string, string> = {};
  // 80 rows: one cross-validation fold of SAMO's 100 points, where the per-fit overhead matters.
  for (const rows of quick ? [80, 300] : [80, 1000]) {
    const r = await compareBridges({ rows, repeats, python: PYTHON });
    versions = { lightgbm: r.lightgbm, xgboost: r.xgboostVersion };
    const what = `${rows.toLocaleString('en-US')} rows, 100 rounds`;
    for (const [label, t, call] of [
      ['XGBoost', r.xgboost, 'xgb.train(params, xgb.DMatrix(X, label=y))'],
      ['LightGBM', r.lightgbmTimes, 'lgb.train(params, lgb.Dataset(X, y))'],
    ] as const) {
      lines.push(
        line(
          `${label} training (${what})`,
          'wall s',
          figure(t.bridgeFit),
          { name: `${call} in Python`, figure: figure(t.nativeFit) },
          { note: 'ParetoKit: `fit` through the bridge (transfer, training, model text back, parsed)' },
        ),
      );
      lines.push(
        line(
          `${label} prediction (${rows.toLocaleString('en-US')} rows)`,
          'wall ms',
          figure(t.predict, 1000),
          {
            name: 'booster.predict in Python',
            figure: figure(t.nativeInProcessPredict ?? [Number.NaN], 1000),
          },
          { note: `in-process predict; max relative difference ${t.maxRelativeDifference.toExponential(1)}` },
        ),
      );
    }
  }
  return {
    about: [
      'Friedman #1 (10 columns), 80 rows (a cross-validation fold of SAMO) and',
      `${quick ? '300' : '1,000'} rows, 100 boosting rounds, one thread, the parameters the regressors pass by`,
      "default (XGBoost: exact trees, base score 0.5); predictions on the training rows. ParetoKit's",
      '`fit` sends the data to a long-lived bridge process (python3 with the PyPI packages, started',
      'once before the timed repeats), which trains and sends the model text back, parsed in Node;',
      '`predict` runs in-process on that model. Peer: the same training call timed inside one Python',
      'process (data set construction included, no transfer, no model text), and `booster.predict`',
      `in Python. ${repeats} repetitions after one warm-up, the two libraries alternating.`,
    ].join(' '),
    lines,
    versions,
    settings: { rows: quick ? [80, 300] : [80, 1000], rounds: 100, repeats },
  };
}

async function compression(): Promise<Body> {
  const repeats = 5;
  const setup = await loadResnet50();
  // Torch before and after onnxruntime, so that its figures bracket the same machine load.
  const torchRuns = quick ? 1 : 2;
  const torchReps = quick ? repeats : Math.ceil(repeats / 2) + 1;
  const torch = [timeTorchEager(setup, { repeats: torchReps, python: TORCH_PYTHON })];
  log(`torch eager: ${torch[0]!.seconds.map((s) => num(s)).join(', ')} s`);
  const steps = await measureSteps(setup, { repeats });
  const full = await measureFullEvaluations(setup, { repeats: quick ? 3 : repeats });
  if (torchRuns > 1) torch.push(timeTorchEager(setup, { repeats: torchReps, python: TORCH_PYTHON }));
  const torchSeconds = torch.flatMap((t) => t.seconds);
  const fp32 = steps.steps['fp32 inference, 400 test images']!;
  const int8 = steps.steps['int8 inference, 400 test images']!;
  const t = torch[0]!;
  const eager = { name: `PyTorch ${t.torch} eager (1 thread)`, figure: figure(torchSeconds) };
  const lines: Line[] = [
    line('fp32 inference, 400 test images (onnxruntime)', 'wall s', figure(fp32.wall), eager, {
      note: `accuracy ${steps.fp32Accuracy.toFixed(4)}`,
    }),
    line('int8 inference, 400 test images (onnxruntime)', 'wall s', figure(int8.wall), eager, {
      note: `accuracy ${steps.int8Accuracy.toFixed(4)}`,
    }),
    line(
      'int8 inference, 400 test images',
      'wall s',
      figure(int8.wall),
      {
        name: 'fp32 inference (onnxruntime, same run)',
        figure: figure(fp32.wall),
      },
      { note: "the issue's target: 3x" },
    ),
    line('int8 inference, 400 test images', 'CPU s (incl. session)', figure(int8.cpu), {
      name: 'fp32 inference (onnxruntime, same run)',
      figure: figure(fp32.cpu),
    }),
    line(
      'full evaluation int8 (prune 30-34 % + quantize + inference)',
      'wall s',
      figure(full.int8.wall),
      { name: 'full evaluation fp32 (prune + inference)', figure: figure(full.fp32.wall) },
      { note: quick ? '3 repetitions (quick)' : 'int8 pays for quantization' },
    ),
  ];
  for (const name of [
    'load (decode 94 MB)',
    'save (encode)',
    'prune all 54 layers (50 %)',
    'quantize int8 (with calibration on 100 train images)',
  ]) {
    lines.push(line(name, 'wall s', figure(steps.steps[name]!.wall), undefined, { note: 'no peer' }));
  }
  return {
    about: [
      'The RetinaMNIST ResNet50 (`../shared/models/resnet50_retinamnist.onnx`, 94 MB, 54 prunable',
      'layers), the official 400-image test split, onnxruntime-node on the CPU with **1 intra-op',
      `thread**, batches of 100. onnxruntime: ${repeats} rounds after one warm-up round; fp32 and int8`,
      'inference alternate within each round so that both see the same load; wall time is',
      "evaluateModel's clock around the batches, CPU time includes session creation. PyTorch: the same",
      `400 preprocessed images through torchvision's \`resnet50(num_classes=5)\` at 3x28x28 in eager mode`,
      `(Debian python3-torch ${t.torch}, torchvision ${t.torchvision}, /usr/bin/python3),`,
      '`torch.set_num_threads(1)`, `eval()`, `no_grad()`, batches of 100, **random weights** (same',
      'architecture and FLOPs as the trained model, which only onnxruntime loads: the figure is a time,',
      `not an accuracy), one warm-up pass, then ${torchReps} timed passes in a child process, ${torchRuns === 1 ? 'once before' : 'before and after'} the`,
      "onnxruntime rounds.\n\nfp32 runs onnxruntime's NCHWc-blocked convolutions (optimization level",
      '`all`). The int8 model has a fully fused graph; the 9 convolutions of the last stage have a 1x1',
      "output at 28x28 input, and onnxruntime's QLinearConv runs them one example at a time (over all 9",
      'taps of a 3x3 kernel), so `quantizeModel` runs them as Flatten -> Gemm -> Reshape (QGemm over the',
      'whole batch, over the taps that meet data, the strided 1x1 downsample after a Slice of its',
      "input's top-left pixel; option `lowerUnitSpatial`), which took int8 inference from about 2.0x to",
      'about 3.2x the speed of fp32 on a CPU without VNNI (the 8 convolutions other than the downsample).',
    ].join(' '),
    lines,
    versions: { torch: t.torch, torchvision: t.torchvision, 'torch python': t.python },
    settings: { repeats, torchRuns, torchReps, fullEvaluations: full.int8.wall.length },
  };
}

/** The lines of the ort-quantizer section: ours first, onnxruntime's quantize_static as the peer. */
function ortQuantizerLines(r: OrtQuantizerComparison): Line[] {
  const peer = 'onnxruntime quantize_static';
  const speedUp = (m: { seconds: number[] }) => m.seconds.map((s, i) => r.fp32.seconds[i]! / s);
  const mb = (bytes: number) => figure([bytes / 1e6]);
  const q = r.theirQuantizeSeconds;
  return [
    line(
      'int8 inference, 400 test images',
      'wall s',
      figure(r.ours.seconds),
      { name: `${peer} int8 (same rounds)`, figure: figure(r.theirs.seconds) },
      { note: "the issue's target: 1.5x" },
    ),
    line('fp32 base model inference, 400 test images', 'wall s', figure(r.fp32.seconds), undefined, {
      note: 'same rounds; the reference of both int8 models',
    }),
    line(
      'int8 speed-up over the fp32 base model (per round)',
      'x',
      figure(speedUp(r.ours)),
      { name: peer, figure: figure(speedUp(r.theirs)) },
      { better: 'higher' },
    ),
    line(
      'test accuracy, 400 images',
      'accuracy',
      figure([r.ours.accuracy]),
      { name: peer, figure: figure([r.theirs.accuracy]) },
      {
        better: 'higher',
        digits: 4,
        note: `fp32 base ${r.fp32.accuracy.toFixed(4)}; target: not below the peer`,
      },
    ),
    line(
      'top-1 agreement with the fp32 base model, 400 test images',
      'fraction',
      figure([r.ours.agreement]),
      { name: peer, figure: figure([r.theirs.agreement]) },
      { better: 'higher', digits: 4 },
    ),
    line(
      'model file size',
      'MB',
      mb(r.ours.bytes),
      { name: peer, figure: mb(r.theirs.bytes) },
      {
        note: `fp32 base ${num(r.fp32.bytes / 1e6)} MB`,
      },
    ),
    line(
      'quantization with calibration on 100 images (one run)',
      'wall s',
      figure([r.ourQuantizeSeconds]),
      {
        name: 'quant_pre_process + quantize_static (in Python)',
        figure: figure([q.preProcess + q.quantize]),
      },
      { note: `theirs: ${num(q.preProcess)} s pre-processing, ${num(q.quantize)} s quantize_static` },
    ),
  ];
}

/** What the ort-quantizer section did, for its `about` text. */
function ortQuantizerAbout(r: OrtQuantizerComparison, repeats: number): string {
  return [
    'The RetinaMNIST ResNet50 (`../shared/models/resnet50_retinamnist.onnx`) quantized to int8 twice,',
    "from the same file and the same 100 calibration images: the compression problem's own (the first",
    '100 training images of `../shared/data/medmnist/retinamnist.npz`, preprocessed per the sidecar to',
    'float32 NCHW), written to a temporary `.npy` by our npy encoder and read by Python, which must',
    `report the same SHA-256 of the tensors it calibrates on (${r.calibration.sha256.slice(0, 12)}...).`,
    'ParetoKit: `quantizeModel` with its defaults (QDQ; int8 symmetric weights per output channel;',
    'uint8 activations per tensor, MinMax-calibrated with 1 onnxruntime thread; Relu folded into its',
    "producer's range; convolutions with a 1x1 output run as Gemm; a first convolution over 3 input",
    'channels runs float with int8-rounded weights where int8 layers read it (`floatStem`), else gets',
    'zero input channels up to 4 and a 7-bit input (`padInputChannels`; calibrated values 0..127, so',
    "that u8 x s8 pair sums cannot overflow int16 on x86 without VNNI): onnxruntime's direct int8",
    "convolution needs a multiple of 4 input channels). Peer: onnxruntime's recipe in",
    '`packages/compression/bench/ort_quantize_static.py`: `quant_pre_process` with its defaults, then',
    '`quantize_static` with `quant_format=QDQ`, `per_channel=True`, `activation_type=QUInt8`,',
    `\`weight_type=QInt8\` (u8s8), \`calibrate_method=${r.calibrateMethod}\`, calibration batches of 50,`,
    "everything else default. MinMax is quantize_static's default; when this section was written no",
    'other method was better on the 120 validation images by more than one image (Percentile +1 there',
    'and -6 on test, Entropy gave the same scales as MinMax, Distribution was worse). Inference: all',
    "three models in this Node process through onnxruntime-node with the compression problem's",
    'timer (`evaluateModel` with the same session options: **1 intra-op thread**, optimization level',
    '`all`, batches of 100; a fresh session per pass, its creation not timed; wall time is the clock',
    'around the batches). One untimed pass per model that also scores it on the 400-image test split,',
    `then ${repeats} timed rounds, each fp32 first, then the two int8 models in an order that swaps`,
    'every round; figures are medians over the rounds. Sizes are the encoded `.onnx` files.',
    'Quantization time: one run each, ours in-process (calibration and encoding included), theirs',
    "inside Python (no interpreter start-up), its calibration session with onnxruntime's default threads.",
  ].join(' ');
}

async function ortQuantizer(): Promise<Body> {
  const repeats = quick ? 3 : 9;
  const r = await compareOrtQuantizer({ repeats, python: PYTHON });
  return {
    about: ortQuantizerAbout(r, repeats),
    lines: ortQuantizerLines(r),
    versions: r.versions,
    settings: {
      repeats,
      batchSize: 100,
      threads: 1,
      calibrateMethod: r.calibrateMethod,
      calibration: r.calibration,
    },
  };
}

/** The corpus models (`.onnx` with a sidecar beside it) that examples/medmnist-train/build_corpus.py wrote. */
function corpusModels(): string[] {
  const dir = join(root, '.cache', 'model-corpus');
  if (!existsSync(dir)) {
    throw new Error(
      `no model corpus in .cache/model-corpus: build it first with /usr/bin/python3 examples/medmnist-train/build_corpus.py`,
    );
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.onnx') && existsSync(join(dir, f.replace(/\.onnx$/, '.json'))))
    .sort()
    .map((f) => join(dir, f));
}

/** quantizeModel vs quantize_static on every corpus model: test-split time and top-1 agreement with fp32. */
async function ortQuantizerCorpus(): Promise<Body> {
  // The corpus models run the test split in 20-80 ms: many rounds, or noise decides the ratio.
  const repeats = quick ? 5 : 21;
  const lines: Line[] = [];
  const peer = 'onnxruntime quantize_static';
  const versions: Record<string, string> = {};
  for (const model of corpusModels()) {
    const name = model
      .split('/')
      .at(-1)!
      .replace(/\.onnx$/, '');
    const r = await compareOrtQuantizer({
      repeats,
      python: PYTHON,
      model,
      sidecar: model.replace(/\.onnx$/, '.json'),
      dataset: join(root, 'assets', 'retinamnist', 'retinamnist.npz'),
    });
    Object.assign(versions, r.versions);
    log(
      `${name}: ours ${num(median(r.ours.seconds))} s, theirs ${num(median(r.theirs.seconds))} s, fp32 ${num(median(r.fp32.seconds))} s`,
    );
    lines.push(
      line(
        `${name}: int8 inference, 400 test images`,
        'wall s',
        figure(r.ours.seconds),
        {
          name: `${peer} int8 (same rounds)`,
          figure: figure(r.theirs.seconds),
        },
        {
          note: `fp32 ${num(median(r.fp32.seconds))} s; ${num(r.fp32.bytes / 1e6)} MB -> ours ${num(r.ours.bytes / 1e6)}, theirs ${num(r.theirs.bytes / 1e6)} MB`,
        },
      ),
      line(
        `${name}: top-1 agreement with fp32, 400 test images`,
        'fraction',
        figure([r.ours.agreement]),
        { name: peer, figure: figure([r.theirs.agreement]) },
        {
          better: 'higher',
          digits: 4,
          note: `test accuracy fp32 ${r.fp32.accuracy.toFixed(4)}, ours ${r.ours.accuracy.toFixed(4)}, theirs ${r.theirs.accuracy.toFixed(4)}`,
        },
      ),
    );
  }
  return {
    about: [
      'The model corpus of `examples/medmnist-train/build_corpus.py` (small classifiers of several',
      'architectures and converters trained briefly on the committed RetinaMNIST file, written to',
      '`.cache/model-corpus`), each quantized by `quantizeModel` and by `quantize_static` exactly as in',
      'the ort-quantizer section (same 100 calibration images, checked by SHA-256), then timed on the',
      `400-image test split in ${repeats} alternating rounds (1 intra-op thread, batches of 100) and`,
      "compared for top-1 agreement with the fp32 model. The issue's target: ours >= 1x the peer's",
      'speed on every model, at equal or better agreement.',
    ].join(' '),
    lines,
    versions,
    settings: { repeats, batchSize: 100, threads: 1 },
  };
}

async function samoOverhead(): Promise<Body> {
  const repeats = 5;
  const r = await measureIterationOverhead({
    repeats,
    onRepeat: (i, s) => log(`SAMO iteration ${i === 0 ? 'warm-up' : i}: ${num(s.total / 1000)} s`),
  });
  const f = (key: 'selection' | 'fit' | 'optimize' | 'total') =>
    figure(
      r.repeats.map((x) => x[key]),
      1 / 1000,
    );
  const lines = [
    line('one iteration, total', 'wall s', f('total'), undefined, {
      note: 'the goal: under 1.5 s (was 5.4 s)',
    }),
    line('selection (5-fold CV of 4 candidates x 3 targets)', 'wall s', f('selection'), undefined),
    line('fit of the 3 winners', 'wall s', f('fit'), undefined),
    line('optimize (C-TAEA 50 x 1000 on the surrogates) + infill', 'wall s', f('optimize'), undefined),
  ];
  return {
    about: [
      `${r.problem}, 2 objectives + 1 constraint, ${r.variables} variables, 100 evaluated points: the 4`,
      'default candidates (KNN, random forest, XGBoost, LightGBM) x 3 targets by 5-fold CV-MAPE, the 3',
      'winners fitted on all 100 points, then C-TAEA (population 50, 1000 generations) on the surrogate',
      `problem and the infill choice. Medians of ${repeats} iterations after one warm-up. XGBoost and`,
      "LightGBM train in the run's bridge (2 long-lived Python processes) while KNN and the forest fit",
      "on the main thread in between. No peer: this is SAMO's own overhead per iteration (5.4 s when",
      'every XGBoost and LightGBM fit started a process of its own).',
    ].join(' '),
    lines,
    versions: {},
    settings: { repeats },
  };
}

async function samoCompression(): Promise<Body> {
  const budget = quick ? 20 : 100;
  const study = JSON.parse(readFileSync(join(root, 'studies', 'retinamnist.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const config = parseStudyConfig(
    {
      ...study,
      methods: ['samo-ctaea'],
      seeds: [1],
      budget,
      // Quick: 10 initial points and a pool without LightGBM (its fits start a Python process each).
      ...(quick ? { samo: { initialSamples: 10, surrogates: ['knn', 'randomForest', 'xgboost'] } } : {}),
      out: undefined,
    },
    'studies/retinamnist.json',
    join(root, 'studies'),
  );
  const problem = await buildStudyProblem(config.problems[0]!);
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-samo-run-'));
  try {
    const t0 = performance.now();
    const record = await runOne({
      study: problem,
      method: 'samo-ctaea',
      seed: 1,
      budget,
      samo: config.samo,
      dir,
      onEvaluation: (done) => {
        if (done % 10 === 0) log(`SAMO compression run: ${done}/${budget} evaluations`);
      },
      onWarning: (m) => log(`warning: ${m}`),
    });
    const wall = (performance.now() - t0) / 1000;
    const s = record.samo!;
    const split = s.selectionSeconds + s.fitSeconds + s.optimizeSeconds + s.evaluateSeconds;
    const one = (v: number) => figure([v]);
    const chosen = Object.entries(s.chosen)
      .map(
        ([target, counts]) =>
          `${target}: ${Object.entries(counts)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
      )
      .join('; ');
    const lines = [
      line(`SAMO run, ${budget} evaluations, wall time`, 'wall s', one(wall), undefined, {
        note: `hypervolume ${num(record.hypervolume, 4)}; ${record.front.length} models on the front`,
      }),
      line('selection (CV of the surrogates)', 'wall s', one(s.selectionSeconds), undefined),
      line('fit of the chosen surrogates', 'wall s', one(s.fitSeconds), undefined),
      line('optimize (C-TAEA on the surrogates)', 'wall s', one(s.optimizeSeconds), undefined),
      line(
        'evaluate (real evaluations: prune, quantize, validation inference)',
        'wall s',
        one(s.evaluateSeconds),
        undefined,
        { note: `${num(s.evaluateSeconds / record.evaluations)} s per evaluation` },
      ),
      line(
        'rest (front and base model on the test split, bookkeeping)',
        'wall s',
        one(wall - split),
        undefined,
      ),
    ];
    return {
      about: [
        `One SAMO run (seed 1) of the RetinaMNIST study (\`studies/retinamnist.json\`): ${budget} real`,
        `evaluations, ${config.samo.initialSamples} of them the initial Latin hypercube, then iterations of ${config.samo.infillsPerIteration}`,
        `infills; surrogates ${config.samo.surrogates.join(', ')} by ${config.samo.folds}-fold CV; C-TAEA ${config.samo.populationSize} x`,
        `${config.samo.generations} on the surrogates; evaluations on the validation split with 1 onnxruntime thread, run by`,
        "`runOne` of `@paretokit/cli` in this process. The split is the run record's `samo` field (sums",
        'over the iterations; the initial design\'s evaluations count as evaluate); "rest" is the wall',
        'time not in it, mostly the test-split measurements of the front models and the base model.',
        '**One run, not repeated** (n = 1):',
        'it takes minutes; no peer. Chosen surrogates per target: ',
        `${chosen}.`,
      ].join(' '),
      lines,
      versions: {},
      settings: { budget, samo: config.samo, evaluations: record.evaluations },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The study's chosen structured models (runs/retinamnist-structured), or a fixed one when it has not run. */
function structuredCandidates(): { label: string; config: { fractions: number[]; quantize: boolean } }[] {
  const path = join(root, 'runs', 'retinamnist-structured', 'summary.json');
  const picks = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')).compression?.[0]?.picks as
        | Record<string, { method: string; seed: number; settings: Record<string, number | boolean> }>
        | undefined)
    : undefined;
  if (picks === undefined)
    return [
      {
        label: 'fixed [0, 0.1, 0.2, 0.5] (no study run)',
        config: { fractions: [0, 0.1, 0.2, 0.5], quantize: true },
      },
    ];
  const seen = new Set<string>();
  return Object.entries(picks).flatMap(([role, p]) => {
    const fractions = Object.keys(p.settings)
      .filter((k) => k.startsWith('stage'))
      .sort()
      .map((k) => p.settings[k] as number);
    const key = JSON.stringify([fractions, p.settings.quantize]);
    if (seen.has(key)) return [];
    seen.add(key);
    return [
      {
        label: `study's ${role} (${p.method} seed ${p.seed})`,
        config: { fractions, quantize: p.settings.quantize === true },
      },
    ];
  });
}

async function structured(): Promise<Body> {
  const repeats = quick ? 3 : 7;
  const r = await measureStructured({
    candidates: structuredCandidates(),
    repeats,
    evaluations: quick ? 2 : 5,
  });
  const [fp32, int8, ...cut] = r.models;
  const same = (m: TimedStructuredModel, what: string) => ({
    name: `${what} (same run)`,
    figure: figure(m.seconds),
  });
  const accuracies = (m: TimedStructuredModel) =>
    `validation accuracy ${m.validation.accuracy.toFixed(4)} (constraint ${r.tau.toFixed(4)}: ${m.validation.accuracy >= r.tau ? 'met' : 'NOT met'}), test accuracy ${m.test.accuracy.toFixed(4)} (base ${fp32!.test.accuracy.toFixed(4)})`;
  const lines: Line[] = [
    line('int8, nothing cut: test split', 'wall s', figure(int8!.seconds), same(fp32!, 'fp32 base model'), {
      note: accuracies(int8!),
    }),
  ];
  for (const m of cut) {
    const channels = m.validation.channels.map((c) => `${c.after}/${c.before}`).join(' ');
    lines.push(
      line(
        `structured + int8, ${m.label}: test split`,
        'wall s',
        figure(m.seconds),
        same(int8!, 'int8, nothing cut'),
        {
          note: `target 1.3x (goal 1.6x); stages [${m.config.fractions.map((f) => f.toFixed(3)).join(', ')}], channels ${channels}`,
        },
      ),
      line(
        `structured + int8, ${m.label}: test split`,
        'wall s',
        figure(m.seconds),
        same(fp32!, 'fp32 base model'),
        {
          note: `target 7.5x (goal 9.5x); ${accuracies(m)}`,
        },
      ),
      line(
        `structured + int8, ${m.label}: file`,
        'MB',
        figure([m.test.sizeBytes / 1e6]),
        {
          name: 'fp32 base model',
          figure: figure([fp32!.test.sizeBytes / 1e6]),
        },
        { note: 'target 8x smaller' },
      ),
    );
  }
  lines.push(
    line(
      'one structured evaluation (cut, check, int8, validation inference, latency)',
      'wall s',
      figure(r.evaluationSeconds),
      undefined,
      {
        note: 'target < 3 s; no peer',
      },
    ),
  );
  return {
    about: [
      'The RetinaMNIST ResNet50 under `compressionProblem({ pruning: "structured" })` (criterion',
      '`reconstruction`, repair `least-squares`, kept channels rounded to multiples of 8): the fp32 base',
      'model, the int8 model with nothing cut and the structured + int8 models the study',
      '`studies/retinamnist-structured.json` chose (its most accurate, fastest and smallest within the',
      'constraint, read from `runs/retinamnist-structured/summary.json`; a fixed configuration when the',
      `study has not run), timed over the 400-image test split with 1 onnxruntime thread in ${repeats} rounds`,
      'that alternate between the models (one warm-up round), in this process with nothing else of',
      "ParetoKit running. Accuracies are each model's own on the validation split (where the constraint",
      'is checked) and the test split. The evaluation line times fresh structured evaluations of new',
      'configurations (nothing cached): cut and check, quantization with calibration, validation',
      'inference and the latency runs.',
    ].join(' '),
    lines,
    versions: {},
    settings: { repeats, candidates: cut.map((m) => ({ label: m.label, ...m.config })) },
  };
}

const SECTIONS: { id: string; title: string; run: () => Promise<Body>; full?: boolean }[] = [
  { id: 'nds', title: 'Non-dominated sorting vs moocore and pymoo', run: nds },
  { id: 'hv', title: 'Hypervolume vs moocore', run: hv },
  { id: 'algorithms', title: 'NSGA-II and C-TAEA vs pymoo', run: algorithms },
  { id: 'surrogates', title: 'KNN and random forest vs scikit-learn', run: surrogates },
  { id: 'bridges', title: 'XGBoost and LightGBM: bridge and in-process prediction', run: bridges },
  {
    id: 'compression',
    title: 'Compression: RetinaMNIST ResNet50, onnxruntime fp32 and int8 vs PyTorch eager',
    run: compression,
  },
  {
    id: 'ort-quantizer',
    title: "int8 quantization: quantizeModel vs onnxruntime's quantize_static (RetinaMNIST ResNet50)",
    run: ortQuantizer,
  },
  {
    id: 'ort-quantizer-corpus',
    title: "int8 quantization on the model corpus: quantizeModel vs onnxruntime's quantize_static",
    run: ortQuantizerCorpus,
  },
  {
    id: 'structured',
    title: 'Structured channel pruning: RetinaMNIST ResNet50, structured + int8 vs int8 and fp32',
    run: structured,
  },
  { id: 'samo-overhead', title: 'SAMO: one iteration at the study settings', run: samoOverhead, full: true },
  { id: 'samo-compression', title: 'SAMO: one compression run on RetinaMNIST', run: samoCompression },
  {
    id: 'samo-methods',
    title:
      'Surrogate-assisted search at 100 evaluations: samo vs the study, C-TAEA, NSGA-II, random and Optuna',
    run: samoMethods,
    full: true,
  },
];

async function samoMethods(): Promise<Body> {
  // Hours on 2 cores: the study runs only when this section is asked for by name; otherwise its
  // finished runs (runs/samo-comparison) are summarised as they are.
  const run = only?.includes('samo-methods') === true;
  const r = await compareMethods({ run, workers: 2, log });
  const lines: Line[] = [];
  for (const [problem, methods] of r.hypervolumes) {
    const ours = methods.get('samo')!;
    const others = [...methods].filter(([m]) => m !== 'samo');
    const [bestName, bestHv] = others.reduce((a, b) => (median([...b[1]]) > median([...a[1]]) ? b : a));
    lines.push(
      line(
        `${problem}: hypervolume, 10 seeds`,
        'HV',
        figure(ours),
        { name: 'Optuna TPE (multivariate)', figure: figure(methods.get('optuna-tpe')!) },
        {
          better: 'higher',
          note: `best other method: ${bestName} ${num(median([...bestHv]))}`,
        },
      ),
    );
  }
  return {
    about: [
      '`studies/samo-comparison.json`: budget 100 real evaluations, 10 seeds, hypervolume of the',
      "feasible non-dominated set of each run under the study's fixed normalisation (the true front's",
      'ideal and nadir, reference 1.1; the study file gives them for MW7, OSY and the welded beam,',
      'whose fronts are not known). Methods: `samo` (`recommendedSamo()`), `samo-ctaea` (the',
      "study's, in-process pool), C-TAEA 20x5 and 10x10, NSGA-II 20x5, random search (100 Latin-",
      "hypercube points) and Optuna's `TPESampler(multivariate=True)` with its constraint support (in",
      'Python, every evaluation done by Node). Lines: `samo` against Optuna per complete problem; the',
      'tables below have every method, Mann-Whitney p of `samo` against each, and Friedman + Dunn',
      '(Holm) over all problem x seed blocks. The study runs (hours on 2 cores, resumable) only with',
      '`pnpm bench:peers --only samo-methods`; otherwise the finished runs are summarised.',
    ].join(' '),
    lines,
    after: r.markdown,
    versions: {},
    settings: { finished: r.finished, total: r.total, problemsComplete: r.problemsComplete, ran: run },
  };
}

// --- run ----------------------------------------------------------------------------------------

function build(): void {
  log('building the packages (turbo, cached when up to date)');
  const out = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@paretokit/cli...', '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    },
  );
  if (out.status !== 0) log('WARNING: the build failed; measuring the packages as last built');
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const loadBefore = loadavg();
build();
const versions = installPeers();
log(
  `peers: ${Object.entries(versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
/** The sections of the last written results, with the run they came from (for --only). */
function previousSections(): Map<string, Section> {
  const path = join(root, 'bench', 'results.json');
  if (!existsSync(path)) return new Map();
  const last = JSON.parse(readFileSync(path, 'utf8')) as {
    command: string;
    machine: { date: string; commit: string };
    sections: Section[];
  };
  return new Map(
    last.sections.map((s) => [
      s.id,
      {
        ...s,
        from: s.from ?? { date: last.machine.date, commit: last.machine.commit, command: last.command },
      },
    ]),
  );
}

const earlier = previousSections();
const kept = only === undefined ? new Map<string, Section>() : earlier;
const sections: Section[] = [];
const skipped: string[] = [];
for (const s of SECTIONS) {
  if (only !== undefined && !only.includes(s.id)) {
    const previous = kept.get(s.id);
    if (previous !== undefined) sections.push(previous);
    continue;
  }
  if (quick && s.full === true && only === undefined) {
    log(`--- ${s.title}: full suite only (no peer; not one of the issue's lines)`);
    skipped.push(s.title);
    continue;
  }
  log(`--- ${s.title}`);
  const before = load();
  const t = performance.now();
  try {
    const body = await s.run();
    const last = earlier.get(s.id);
    sections.push({
      id: s.id,
      title: s.title,
      ...body,
      ...(last === undefined || last.error !== undefined
        ? {}
        : {
            lines: withBefore(body.lines, last.lines),
            beforeFrom: { date: last.from!.date, commit: last.from!.commit },
          }),
      loadBefore: before,
      loadAfter: load(),
      seconds: (performance.now() - t) / 1000,
    });
  } catch (error) {
    const message = error instanceof Error ? `${error.message}` : String(error);
    log(`FAILED: ${message}`);
    sections.push({
      id: s.id,
      title: s.title,
      about: '',
      lines: [],
      versions: {},
      settings: {},
      loadBefore: before,
      loadAfter: load(),
      seconds: (performance.now() - t) / 1000,
      error: message.split('\n').slice(0, 5).join(' '),
    });
  }
  const done = sections.at(-1)!;
  log(
    `${s.id}: ${done.seconds.toFixed(0)} s, load ${done.loadBefore.toFixed(2)} -> ${done.loadAfter.toFixed(2)}`,
  );
  for (const l of done.lines)
    log(
      `  ${l.name} | ${l.metric} | ${num(l.paretokit.median)} | ${l.peer?.name ?? '-'} | ${l.peer === undefined ? '-' : num(l.peer.figure.median)} | ${ratioText(l.ratio)}`,
    );
}
const loadAfter = loadavg();
const seconds = (performance.now() - started) / 1000;

const machine = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform}/${process.arch}`,
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cpuFeatures: cpuFeatures(),
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  loadAverageBefore: loadBefore.map((v) => Number(v.toFixed(2))),
  loadAverageAfter: loadAfter.map((v) => Number(v.toFixed(2))),
  commit: git(['rev-parse', '--short', 'HEAD']),
};
const results = {
  mode: quick ? 'quick' : 'full',
  command,
  seconds: Number(seconds.toFixed(1)),
  machine,
  versions,
  sections,
};

const intro = readFileSync(join(root, 'bench', 'intro.md'), 'utf8').trim();
const appendix = readFileSync(join(root, 'bench', 'appendix.md'), 'utf8').trim();
const la = (v: readonly number[]) => v.map((x) => x.toFixed(2)).join(', ');
const md = [
  '# Benchmarks',
  '',
  `<!-- Generated by \`${command}\` (bench/peers.ts); edit bench/intro.md, bench/appendix.md or the generator, not this file. -->`,
  '',
  quick
    ? '> **Quick run** (`--quick`): reduced sizes, repetitions and budgets; every figure below is from the quick suite. `pnpm bench:peers` without `--quick` runs the full one.\n'
    : '',
  intro,
  '',
  '## This run',
  '',
  `- Command: \`${command}\` (${quick ? 'quick' : 'full'} suite), ${(seconds / 60).toFixed(1)} minutes, commit ${machine.commit}${only === undefined ? '' : `; sections not in --only are kept from earlier runs, each marked`}`,
  `- Date: ${machine.date.slice(0, 16).replace('T', ' ')} UTC; Node ${machine.node} on ${machine.platform}`,
  `- CPU: ${describeCpu(machine.cpuFeatures)}, ${machine.cores} cores, ${machine.memoryGB} GB`,
  `- Load average (1, 5, 15 min): ${la(machine.loadAverageBefore)} before, ${la(machine.loadAverageAfter)} after`,
  ...(skipped.length > 0 ? [`- Not in the quick suite (no peer): ${skipped.join('; ')}`] : []),
  `- Peers: ${Object.entries(versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
  '',
  '| section | ratios (ParetoKit advantage) | seconds | load average before -> after |',
  '|---|---|---:|---|',
  ...sections.map((s) => {
    const ratios = s.lines.map((l) => l.ratio).filter((r): r is number => r !== undefined);
    const range = s.error
      ? 'failed'
      : ratios.length === 0
        ? 'no peer'
        : `${ratioText(Math.min(...ratios))} to ${ratioText(Math.max(...ratios))} (median ${ratioText(median(ratios))})`;
    return `| [${s.title}](#${s.title
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, '')
      .replace(
        / /g,
        '-',
      )}) | ${range} | ${s.seconds.toFixed(0)} | ${s.loadBefore.toFixed(2)} -> ${s.loadAfter.toFixed(2)} |`;
  }),
  '',
  ...sections.flatMap((s) => [
    `## ${s.title}`,
    '',
    ...(s.error
      ? [`**Not measured in this run**: ${s.error}`, '']
      : [
          ...(s.from === undefined
            ? []
            : [
                `*Kept from the run of ${s.from.date.slice(0, 16).replace('T', ' ')} UTC (commit ${s.from.commit}, \`${s.from.command}\`); not rerun by \`${command}\`.*`,
                '',
              ]),
          `${quick ? '*Quick run.* ' : ''}${s.about}`,
          '',
          ...(s.beforeFrom === undefined
            ? []
            : [
                `*before*: the line's ratio in the previous run of this section (${s.beforeFrom.date.slice(0, 16).replace('T', ' ')} UTC, commit ${s.beforeFrom.commit}).`,
                '',
              ]),
          `Section: ${s.seconds.toFixed(0)} s, 1-minute load average ${s.loadBefore.toFixed(2)} before and ${s.loadAfter.toFixed(2)} after${
            Object.keys(s.versions).length > 0
              ? `; ${Object.entries(s.versions)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(', ')}`
              : ''
          }.`,
          '',
          table(s.lines),
          '',
          ...(s.after === undefined ? [] : [s.after, '']),
        ]),
  ]),
  appendix,
  '',
].join('\n');

if (dry) {
  process.stdout.write(md);
} else {
  writeFileSync(join(root, 'docs', 'benchmarks.md'), md);
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  // The repository's formatter (biome) checks JSON files too.
  spawnSync('pnpm', ['exec', 'biome', 'format', '--write', 'bench/results.json'], {
    cwd: root,
    stdio: 'ignore',
  });
  log(`wrote docs/benchmarks.md and bench/results.json (${(seconds / 60).toFixed(1)} min)`);
}
if (sections.some((s) => s.error !== undefined)) process.exitCode = 1;
