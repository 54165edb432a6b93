import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  constraintViolation,
  type Evaluator,
  feasibleNonDominated,
  negateMaximized,
  toArrays,
} from '@paretokit/problem';
import type { MethodRunner } from './method-runner.js';
import { runOptuna } from './run-optuna.js';
import { runPlain } from './run-plain.js';
import { runRandom } from './run-random.js';
import { runSamo } from './run-samo.js';
import type { OptunaSettings, SamoSettings, StudyMethod } from './study-config.js';
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
  /** `optuna-tpe` runs: the versions of Python and Optuna that ran it. */
  readonly optuna?: { readonly python: string; readonly optuna: string };
  /** Compression problems: the base model on the selection and test splits. */
  readonly base?: {
    readonly selection: MeasurementSummary;
    readonly test: MeasurementSummary;
    /** One name per class, when the data names them. */
    readonly classNames?: readonly string[];
  };
}

/** Options of {@link runOne}. */
export interface RunOneOptions {
  readonly study: StudyProblem;
  readonly method: StudyMethod;
  readonly seed: number;
  readonly budget: number;
  readonly samo: SamoSettings;
  /** Settings of `optuna-tpe` (default: `python3`, 600 s per wait). */
  readonly optuna?: OptunaSettings;
  /** Folder of this run: `evaluations.jsonl` while it runs, `result.json` when it is done. */
  readonly dir: string;
  /** Evaluates the real rows (default: in this process). */
  readonly evaluator?: Evaluator;
  /** Called with the number of real evaluations done (replayed ones included) and the row's objectives. */
  readonly onEvaluation?: (done: number, objectives: readonly number[]) => void;
  readonly onWarning?: (message: string) => void;
}

/** The runner of each method. */
const RUNNERS: Readonly<Record<StudyMethod, MethodRunner>> = {
  samo: runSamo,
  'samo-ctaea': runSamo,
  'ctaea-20x5': runPlain,
  'ctaea-10x10': runPlain,
  'nsga2-20x5': runPlain,
  random: runRandom,
  'optuna-tpe': runOptuna,
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
  const outcome = await RUNNERS[method](options, { log, report, skip });
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
    ...(outcome.optuna === undefined ? {} : { optuna: outcome.optuna }),
    ...(compression === undefined
      ? {}
      : {
          base: {
            selection: measurementSummary(compression.base),
            test: measurementSummary(await compression.measure(compression.uncompressed, 'test')),
            ...(compression.data.classNames === undefined ? {} : { classNames: compression.data.classNames }),
          },
        }),
  };
  const path = join(options.dir, 'result.json');
  writeFileSync(`${path}.tmp`, `${JSON.stringify(record, null, 1)}\n`);
  renameSync(`${path}.tmp`, path);
  return record;
}
