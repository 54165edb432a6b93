import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Algorithm,
  ctaea,
  maxEvaluations,
  maxGenerations,
  minimize,
  nsga2,
} from '@paretokit/algorithms';
import { UNCOMPRESSED } from '@paretokit/compression';
import {
  constraintViolation,
  type Evaluator,
  feasibleNonDominated,
  type Matrix,
  negateMaximized,
  serialEvaluator,
  toArrays,
  toMatrix,
} from '@paretokit/problem';
import { defaultSurrogatePool, readEvaluationLog, type SurrogatePool, samo } from '@paretokit/samo';
import { journaledEvaluator } from './journaled-evaluator.js';
import { PLAIN_POPULATION, type SamoSettings, type StudyMethod } from './study-config.js';
import { type MeasurementSummary, measurementSummary, type StudyProblem } from './study-problem.js';
import { uniqueBy } from './unique-by.js';

/** One solution of a run's front. */
export interface FrontEntry {
  readonly x: readonly number[];
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  /** Objectives in their natural sense, on the selection split for compression problems. */
  readonly objectives: readonly number[];
  readonly constraints: readonly number[];
  /** Compression problems: the same model measured on the test split. */
  readonly test?: MeasurementSummary;
}

/** The result of one run (problem x method x seed), as written to `result.json`. */
export interface RunRecord {
  readonly problem: string;
  readonly method: StudyMethod;
  readonly seed: number;
  readonly evaluations: number;
  /** Rows answered from the run's log after a restart (not evaluated again). */
  readonly replayed: number;
  readonly hypervolume: number;
  readonly feasible: number;
  readonly smallestViolation: number;
  /** Wall time of this process's part of the run (a resumed run counts only what it did). */
  readonly seconds: number;
  /** The feasible non-dominated set of every real evaluation of the run. */
  readonly front: readonly FrontEntry[];
  /** SAMO runs: seconds spent per step, summed over the iterations, and the chosen surrogates. */
  readonly samo?: {
    readonly selectionSeconds: number;
    readonly fitSeconds: number;
    readonly optimizeSeconds: number;
    readonly evaluateSeconds: number;
    readonly chosen: Readonly<Record<string, Readonly<Record<string, number>>>>;
  };
  /** Compression problems: the base model on the selection and test splits. */
  readonly base?: { readonly selection: MeasurementSummary; readonly test: MeasurementSummary };
}

/** Options of {@link runOne}. */
export interface RunOneOptions {
  readonly study: StudyProblem;
  readonly method: StudyMethod;
  readonly seed: number;
  readonly budget: number;
  readonly samo: SamoSettings;
  /** Folder of this run: `evaluations.jsonl` while it runs, `result.json` when it is done. */
  readonly dir: string;
  /** Evaluates the real rows (default: in this process). */
  readonly evaluator?: Evaluator;
  /** Called with the number of real evaluations done (replayed ones included) and the row's objectives. */
  readonly onEvaluation?: (done: number, objectives: readonly number[]) => void;
  readonly onWarning?: (message: string) => void;
}

/** The algorithm of each plain method, for its population size. */
const PLAIN: Record<Exclude<StudyMethod, 'samo-ctaea'>, (n: number) => Algorithm> = {
  'ctaea-20x5': (n) => ctaea({ populationSize: n }),
  'ctaea-10x10': (n) => ctaea({ populationSize: n }),
  'nsga2-20x5': (n) => nsga2({ populationSize: n }),
};

/**
 * Reads a finished run's record, or undefined when the run has not finished.
 *
 * @example
 * readRunRecord(mkdtempSync(join(tmpdir(), 'run-'))) // => undefined
 */
export function readRunRecord(dir: string): RunRecord | undefined {
  const path = join(dir, 'result.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as RunRecord) : undefined;
}

/**
 * The evaluator with each completed row's objectives reported as soon as the evaluator says the row
 * is done (`onRow`), or when its call returns for rows it did not report.
 */
function reporting(evaluator: Evaluator, report: (f: readonly number[]) => void): Evaluator {
  return {
    async evaluate(problem, X, options = {}) {
      const reported = new Uint8Array(X.rows);
      const result = await evaluator.evaluate(problem, X, {
        ...options,
        onRow: async (i, one) => {
          reported[i] = 1;
          report(Array.from(one.F.data));
          await options.onRow?.(i, one);
        },
      });
      const F = toArrays(result.F);
      for (let i = 0; i < X.rows; i++) if (reported[i] === 0) report(F[i]!);
      return result;
    },
  };
}

interface Archive {
  readonly X: Matrix;
  readonly F: Matrix;
  readonly G?: Matrix;
}

async function runSamo(
  options: RunOneOptions,
  log: string,
  report: (f: readonly number[]) => void,
  skip: (n: number) => void,
) {
  const { study, seed, budget, samo: s } = options;
  const resume = existsSync(log) && statSync(log).size > 0;
  const full: SurrogatePool = defaultSurrogatePool();
  const pool: SurrogatePool = Object.fromEntries(s.surrogates.map((name) => [name, full[name]!]));
  const warn = options.onWarning ?? ((m: string) => process.emitWarning(m));
  // Evaluations already in the log are replayed by samo's resume, not evaluated again.
  const replayed = resume
    ? readEvaluationLog(log, warn).records.filter((r) => r.type === 'evaluation').length
    : 0;
  skip(replayed);
  // Without an evaluator of the caller's, one row per problem call (samo's own default), so that
  // every row is logged as it completes, not when a batch of 50 returns.
  const evaluator = reporting(options.evaluator ?? serialEvaluator({ batchSize: 1 }), report);
  const result = await samo(study.problem, {
    seed,
    budget,
    initialSamples: s.initialSamples,
    infillsPerIteration: s.infillsPerIteration,
    surrogates: pool,
    selection: { folds: s.folds },
    optimizer: ctaea({ populationSize: s.populationSize }),
    optimizerTermination: maxGenerations(s.generations),
    evaluator,
    ...(resume ? { resume: log } : { log }),
    onWarning: warn,
  });
  const chosen: Record<string, Record<string, number>> = {};
  for (const it of result.iterations) {
    for (const t of it.targets) {
      const byTarget = chosen[t.target.name] ?? {};
      byTarget[t.chosen] = (byTarget[t.chosen] ?? 0) + 1;
      chosen[t.target.name] = byTarget;
    }
  }
  const sum = (key: 'selectionMs' | 'fitMs' | 'optimizeMs' | 'evaluateMs') =>
    result.iterations.reduce((a, it) => a + (Number.isFinite(it[key]) ? it[key] : 0), 0) / 1000;
  return {
    archive: result.archive,
    replayed,
    samo: {
      selectionSeconds: sum('selectionMs'),
      fitSeconds: sum('fitMs'),
      optimizeSeconds: sum('optimizeMs'),
      evaluateSeconds: sum('evaluateMs'),
      chosen,
    },
  };
}

async function runPlain(options: RunOneOptions, log: string, report: (f: readonly number[]) => void) {
  const { study, seed, budget, method } = options;
  const plain = method as Exclude<StudyMethod, 'samo-ctaea'>;
  const journal = journaledEvaluator({
    path: log,
    header: { problem: study.label, method, seed, budget },
    ...(options.evaluator ? { evaluator: options.evaluator } : {}),
    onEntry: (e) => report(e.F),
  });
  try {
    await minimize(study.problem, PLAIN[plain](PLAIN_POPULATION[plain]), {
      seed,
      termination: maxEvaluations(budget),
      evaluator: journal,
    });
  } finally {
    journal.close();
  }
  // The budget is a multiple of the population (checked with the configuration): no overshoot.
  const rows = journal.entries.slice(0, budget);
  const archive: Archive = {
    X: toMatrix(rows.map((e) => [...e.x])),
    F: toMatrix(rows.map((e) => [...e.F])),
    ...(study.problem.constraints.length === 0 ? {} : { G: toMatrix(rows.map((e) => [...e.G])) }),
  };
  return { archive, replayed: journal.replayed };
}

/**
 * Runs one method on one problem with one seed, resumably: the run's evaluations go to a log in
 * `dir` as they complete, a rerun after a crash replays them instead of evaluating again, and
 * `result.json` is written (atomically) when the run is done; a finished run is read back, not
 * run again. The record holds the feasible non-dominated set of all real evaluations, its
 * hypervolume under the problem's fixed normalisation, and, for compression problems, every front
 * model and the base model measured on the test split. Cost: the method's, plus one test-split
 * measurement per front model.
 *
 * @example
 * const config = parseStudyConfig({ name: 'doc', problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }], methods: ['nsga2-20x5'], budget: 40 }, 'doc', tmpdir());
 * const study = await buildStudyProblem(config.problems[0]);
 * const record = await runOne({ study, method: 'nsga2-20x5', seed: 1, budget: 40, samo: config.samo, dir: mkdtempSync(join(tmpdir(), 'run-')) });
 * record.evaluations // => 40
 */
export async function runOne(options: RunOneOptions): Promise<RunRecord> {
  const done = readRunRecord(options.dir);
  if (done !== undefined) return done;
  mkdirSync(options.dir, { recursive: true });
  const { study, method, seed } = options;
  const started = performance.now();
  let count = 0;
  const report = (f: readonly number[]) => options.onEvaluation?.(++count, f);
  const skip = (n: number) => {
    for (let i = 0; i < n; i++) options.onEvaluation?.(++count, []);
  };
  const log = join(options.dir, 'evaluations.jsonl');
  const outcome: { archive: Archive; replayed: number; samo?: RunRecord['samo'] } =
    method === 'samo-ctaea'
      ? await runSamo(options, log, report, skip)
      : await runPlain(options, log, report);
  const { archive } = outcome;
  const minimized = negateMaximized(archive.F, study.problem.objectives);
  const frontRows = feasibleNonDominated(minimized, archive.G);
  const X = toArrays(archive.X);
  const F = toArrays(archive.F);
  const G = archive.G === undefined ? X.map(() => []) : toArrays(archive.G);
  frontRows.sort((a, b) => F[a]![0]! - F[b]![0]! || a - b);
  // The same x may be evaluated twice (plain methods keep no archive); keep it once.
  const unique = uniqueBy(frontRows, (i) => JSON.stringify(X[i]));
  const compression = study.compression;
  const front: FrontEntry[] = [];
  for (const i of unique) {
    const entry = { x: X[i]!, settings: study.settings(X[i]!), objectives: F[i]!, constraints: G[i]! };
    front.push(
      compression === undefined
        ? entry
        : {
            ...entry,
            test: measurementSummary(await compression.measure(compression.decodeConfig(X[i]!), 'test')),
          },
    );
  }
  const cv = constraintViolation(archive.G, archive.X.rows);
  const record: RunRecord = {
    problem: study.label,
    method,
    seed,
    evaluations: archive.X.rows,
    replayed: outcome.replayed,
    hypervolume: study.hypervolume(unique.map((i) => F[i]!)),
    feasible: cv.filter((v) => v <= 0).length,
    smallestViolation: cv.length === 0 ? 0 : Math.min(...cv),
    seconds: (performance.now() - started) / 1000,
    front,
    ...(outcome.samo === undefined ? {} : { samo: outcome.samo }),
    ...(compression === undefined
      ? {}
      : {
          base: {
            selection: measurementSummary(compression.base),
            test: measurementSummary(await compression.measure(UNCOMPRESSED, 'test')),
          },
        }),
  };
  const path = join(options.dir, 'result.json');
  writeFileSync(`${path}.tmp`, `${JSON.stringify(record, null, 1)}\n`);
  renameSync(`${path}.tmp`, path);
  return record;
}
