import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Evaluator } from '@paretokit/problem';
import { type CompressionOutcome, compressionOutcome } from './compression-outcome.js';
import { optunaVersions } from './optuna-tpe.js';
import { type RunRecord, readRunRecord, runOne } from './run-one.js';
import { loadStudyConfig, problemLabel, type StudyConfig, type StudyMethod } from './study-config.js';
import { buildStudyProblem, type StudyProblem } from './study-problem.js';
import { cellQueueEvaluator, type StudyQueue } from './study-queue.js';
import { type ProblemSummary, type StudyTests, studyTests, summarizeProblem } from './summarize-study.js';

/** One run of a study: a problem, a method and a seed. */
export interface StudyCell {
  readonly problem: string;
  readonly method: StudyMethod;
  readonly seed: number;
}

/** What a study produced, as written to `summary.json`. */
export interface StudySummary {
  readonly name: string;
  readonly methods: readonly StudyMethod[];
  readonly seeds: readonly number[];
  readonly budget: number;
  readonly problems: readonly ProblemSummary[];
  /** Across problems (blocks = problem x seed), when the study has more than one problem. */
  readonly overall?: StudyTests;
  readonly hypervolumeReference: readonly string[];
  /** Compression problems: the most accurate compressed model, written out and timed against the base model. */
  readonly compression: readonly CompressionOutcome[];
  readonly records: readonly RunRecord[];
  /** Wall seconds of this invocation (a resumed study counts only its own part). */
  readonly seconds: number;
}

/** Options of {@link runStudy}. */
export interface RunStudyOptions {
  /** Runs at once, each in its own process (default 1: every run in this process). */
  readonly workers?: number;
  /** The configuration file (needed by worker processes, which read it themselves). */
  readonly configPath?: string;
  /** Evaluator of the real evaluations for runs in this process (default: serial). */
  readonly evaluator?: Evaluator;
  /** Send every run's real evaluations to queue workers on Redis (`paretokit worker`) instead. */
  readonly queue?: StudyQueue;
  /** Progress lines. */
  readonly log?: (line: string) => void;
  /** Evaluations done over all runs, and the total (budget x runs). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The folder of a run's log and result: `<out>/runs/<problem>/<method>/seed-<seed>`.
 *
 * @example
 * cellDir({ out: '/s' }, { problem: 'c2dtlz2-2', method: 'samo', seed: 3 }) // => '/s/runs/c2dtlz2-2/samo/seed-3'
 */
export function cellDir(config: StudyConfig, cell: StudyCell): string {
  return join(config.out, 'runs', cell.problem, cell.method, `seed-${cell.seed}`);
}

/**
 * Every run of a study, seeds outermost after the problem so early results are comparable.
 *
 * @example
 * studyCells(parseStudyConfig({ name: 's', problems: [{ type: 'benchmark', problem: 'c2dtlz2' }], seeds: 2 }, 's', tmpdir())).length // => 8
 */
export function studyCells(config: StudyConfig): StudyCell[] {
  return config.problems.flatMap((p) =>
    config.seeds.flatMap((seed) =>
      config.methods.map((method) => ({ problem: problemLabel(p), method, seed })),
    ),
  );
}

/**
 * Builds (once) and caches the problems of a study; `onBuilt` sees each problem when it is first
 * built (the study prints a compression problem's data notes there).
 */
export function problemCache(
  config: StudyConfig,
  onBuilt: (label: string, study: StudyProblem) => void = () => {},
): (label: string) => Promise<StudyProblem> {
  const cache = new Map<string, Promise<StudyProblem>>();
  return (label) => {
    let p = cache.get(label);
    if (p === undefined) {
      const spec = config.problems.find((q) => problemLabel(q) === label)!;
      p = buildStudyProblem(spec).then((study) => {
        onBuilt(label, study);
        return study;
      });
      cache.set(label, p);
    }
    return p;
  };
}

/** Runs one cell of a study in this process. */
export async function runCell(
  config: StudyConfig,
  problemOf: (label: string) => Promise<StudyProblem>,
  cell: StudyCell,
  hooks: { evaluator?: Evaluator; queue?: StudyQueue; onEvaluation?: (done: number) => void } = {},
): Promise<RunRecord> {
  if (hooks.queue !== undefined) {
    const { queue, ...rest } = hooks;
    const evaluator = await cellQueueEvaluator(config, cell, queue);
    try {
      return await runCell(config, problemOf, cell, { ...rest, evaluator });
    } finally {
      await evaluator.close();
    }
  }
  return runOne({
    study: await problemOf(cell.problem),
    method: cell.method,
    seed: cell.seed,
    budget: config.budget,
    samo: config.samo,
    optuna: config.optuna,
    dir: cellDir(config, cell),
    ...(hooks.evaluator ? { evaluator: hooks.evaluator } : {}),
    ...(hooks.onEvaluation ? { onEvaluation: hooks.onEvaluation } : {}),
    onWarning: () => {},
  });
}

/** Messages between the study and its worker processes. */
export type ChildMessage =
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'done'; readonly record: RunRecord }
  | { readonly type: 'error'; readonly message: string };

function childEntry(): { path: string; execArgv: string[] } {
  const url = new URL('./study-child.js', import.meta.url);
  const path = fileURLToPath(url);
  // Under vitest the sources run as TypeScript: the child then needs tsx to load them.
  return import.meta.url.endsWith('.ts')
    ? { path: path.replace(/\.js$/, '.ts'), execArgv: ['--import', 'tsx'] }
    : { path, execArgv: [] };
}

async function runInChildren(
  configPath: string,
  studyQueue: StudyQueue | undefined,
  cells: readonly StudyCell[],
  workers: number,
  onDone: (record: RunRecord) => void,
  onEvaluation: (cell: StudyCell, done: number) => void,
): Promise<void> {
  const queue = [...cells];
  const entry = childEntry();
  const children: ChildProcess[] = [];
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: Math.min(workers, cells.length) }, async () => {
      const child = fork(
        entry.path,
        studyQueue === undefined ? [configPath] : [configPath, JSON.stringify(studyQueue)],
        {
          execArgv: entry.execArgv,
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        },
      );
      children.push(child);
      try {
        for (let cell = queue.shift(); cell !== undefined && failures.length === 0; cell = queue.shift()) {
          const current = cell;
          await new Promise<void>((resolve, reject) => {
            const onMessage = (message: ChildMessage) => {
              if (message.type === 'progress') onEvaluation(current, message.done);
              else {
                child.off('message', onMessage);
                child.off('exit', onExit);
                if (message.type === 'done') {
                  onDone(message.record);
                  resolve();
                } else reject(new Error(message.message));
              }
            };
            const onExit = (code: number | null, signal: string | null) =>
              reject(
                new Error(`the worker process for ${JSON.stringify(current)} exited (${signal ?? code})`),
              );
            child.on('message', onMessage);
            child.once('exit', onExit);
            child.send(current);
          });
        }
      } catch (error) {
        failures.push((error as Error).message);
      } finally {
        child.kill();
      }
    }),
  );
  if (failures.length > 0) {
    throw new Error(
      `${failures.join('\n')}\nRerun the same command to continue; finished evaluations are kept.`,
    );
  }
}

/**
 * Runs a study: every problem x method x seed (skipping runs already finished, continuing runs
 * interrupted mid-way from their logs; with `optuna-tpe` among the runs to do, Python's Optuna is
 * checked first, so a missing one fails before any evaluation), then the hypervolume statistics per problem and overall,
 * written to `summary.json` in the study's folder. Cost: the runs'; with `workers` > 1 that many
 * run at once, each in a worker process.
 *
 * @example
 * const out = mkdtempSync(join(tmpdir(), 'study-'));
 * const config = parseStudyConfig({ name: 'doc', problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }], methods: ['ctaea-20x5', 'nsga2-20x5'], seeds: 2, budget: 40, out }, 'doc', tmpdir());
 * const summary = await runStudy(config);
 * summary.records.length // => 4
 */
export async function runStudy(config: StudyConfig, options: RunStudyOptions = {}): Promise<StudySummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  mkdirSync(config.out, { recursive: true });
  const cells = studyCells(config);
  const total = cells.length * config.budget;
  const progress = new Map<string, number>();
  const key = (c: StudyCell) => `${c.problem}/${c.method}/${c.seed}`;
  const report = () =>
    options.onProgress?.(
      [...progress.values()].reduce((a, b) => a + b, 0),
      total,
    );
  const records = new Map<string, RunRecord>();
  let finished = 0;
  const done = (record: RunRecord) => {
    records.set(key(record), record);
    progress.set(key(record), config.budget);
    report();
    log(
      `[${++finished}/${cells.length}] ${record.problem} ${record.method} seed ${record.seed}: ` +
        `hypervolume ${record.hypervolume.toPrecision(4)}, ${record.front.length} on the front, ` +
        `${record.evaluations} evaluations (${record.replayed} from the log), ${record.seconds.toFixed(1)} s`,
    );
  };
  const pending: StudyCell[] = [];
  for (const cell of cells) {
    const record = readRunRecord(cellDir(config, cell));
    if (record === undefined) pending.push(cell);
    else done(record);
  }
  const onEvaluation = (cell: StudyCell, n: number) => {
    progress.set(key(cell), n);
    report();
  };
  if (pending.some((c) => c.method === 'optuna-tpe')) {
    // A missing Optuna stops the study now, not after hours of the other methods' runs.
    await optunaVersions({ python: config.optuna.python, timeoutMs: config.optuna.timeoutSeconds * 1000 });
  }
  // How the data was read (a validation split drawn from train, skipped files, ...), once per problem.
  const problemOf = problemCache(config, (label, study) => {
    for (const note of study.compression?.data.notes ?? []) log(`${label}: ${note}`);
  });
  const workers = options.workers ?? 1;
  if (workers > 1) {
    // Runs in worker processes build their own copies; the notes are printed before they start.
    for (const spec of config.problems) if (spec.type === 'compression') await problemOf(problemLabel(spec));
  }
  if (workers > 1 && pending.length > 1) {
    if (options.configPath === undefined) throw new Error('runStudy: workers > 1 needs options.configPath');
    await runInChildren(options.configPath, options.queue, pending, workers, done, onEvaluation);
  } else {
    for (const cell of pending) {
      done(
        await runCell(config, problemOf, cell, {
          ...(options.evaluator ? { evaluator: options.evaluator } : {}),
          ...(options.queue ? { queue: options.queue } : {}),
          onEvaluation: (n) => onEvaluation(cell, n),
        }),
      );
    }
  }
  const all = cells.map((c) => records.get(key(c))!);
  const problems: ProblemSummary[] = [];
  const references: string[] = [];
  const compression: CompressionOutcome[] = [];
  for (const spec of config.problems) {
    const label = problemLabel(spec);
    const study = await problemOf(label);
    const records = all.filter((r) => r.problem === label);
    references.push(study.hypervolumeReference);
    const outcome = await compressionOutcome(study, records, config.out);
    if (outcome !== undefined) compression.push(outcome);
    problems.push(
      summarizeProblem(label, study.problem.objectives, records, config.methods, config.seeds, config.alpha),
    );
  }
  const overall =
    problems.length > 1
      ? studyTests(
          problems.flatMap((p) =>
            config.seeds.map((_, s) => config.methods.map((m) => p.hypervolume[m]!.values[s]!)),
          ),
          config.methods,
          config.alpha,
        )
      : undefined;
  const summary: StudySummary = {
    name: config.name,
    methods: config.methods,
    seeds: config.seeds,
    budget: config.budget,
    problems,
    ...(overall === undefined ? {} : { overall }),
    hypervolumeReference: references,
    compression,
    records: all,
    seconds: (performance.now() - started) / 1000,
  };
  writeFileSync(join(config.out, 'summary.json'), `${JSON.stringify(summary, null, 1)}\n`);
  return summary;
}

/**
 * Loads a study configuration file and runs it; see {@link runStudy}.
 *
 * @example
 * const file = join(mkdtempSync(join(tmpdir(), 'study-')), 'study.json');
 * writeFileSync(file, JSON.stringify({ name: 'doc', problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }], methods: ['nsga2-20x5'], seeds: 2, budget: 20 }));
 * (await runStudyFile(file)).summary.records.length // => 2
 */
export async function runStudyFile(path: string, options: Omit<RunStudyOptions, 'configPath'> = {}) {
  const config = await loadStudyConfig(path);
  return { config, summary: await runStudy(config, { ...options, configPath: path }) };
}
