import { resolve } from 'node:path';
import type { Evaluator } from '@paretokit/problem';
import { progressOptions, progressReporter } from '../progress-reporter.js';
import { type RunRecord, runOne } from '../study/run-one.js';
import { parseStudyConfig, type StudyMethod } from '../study/study-config.js';
import { buildStudyProblem } from '../study/study-problem.js';
import { frontCsv } from '../study/write-front-csv.js';

/** Options of {@link runCommand} (the `paretokit run` flags). */
export interface RunCommandOptions {
  readonly problem: string;
  readonly method: StudyMethod;
  readonly nObj?: number;
  readonly nVar?: number;
  /** DAS-CMOP's difficulty (1-16). */
  readonly difficulty?: number;
  /** Hypervolume normalisation, required for a problem without a known front. */
  readonly normalization?: { readonly ideal: readonly number[]; readonly nadir: readonly number[] };
  readonly budget: number;
  readonly seed: number;
  readonly out: string;
  readonly evaluator?: Evaluator;
  /** `false`: no progress; default: a bar when `progressStream` is a terminal, else a line per 10 % or per minute. */
  readonly progress?: boolean;
  /** Where progress goes (default `process.stderr`). */
  readonly progressStream?: NodeJS.WriteStream;
  readonly write: (text: string) => void;
}

/**
 * `paretokit run`: one method on one benchmark problem with a budget of real evaluations,
 * resumable, printing the feasible non-dominated set as CSV and its normalised hypervolume; progress
 * (evaluations done) on stderr.
 *
 * @example
 * const lines = [];
 * await runCommand({ problem: 'c3dtlz4', nObj: 2, method: 'ctaea-20x5', budget: 40, seed: 1, out: mkdtempSync(join(tmpdir(), 'run-')), write: (l) => lines.push(l) });
 * lines[1].startsWith('c3dtlz4 ctaea-20x5 seed 1: 40 evaluations') // => true
 */
export async function runCommand(options: RunCommandOptions): Promise<RunRecord> {
  const config = parseStudyConfig(
    {
      name: 'run',
      problems: [
        {
          type: 'benchmark',
          problem: options.problem,
          ...(options.nObj === undefined ? {} : { nObj: options.nObj }),
          ...(options.nVar === undefined ? {} : { nVar: options.nVar }),
          ...(options.difficulty === undefined ? {} : { difficulty: options.difficulty }),
          ...(options.normalization === undefined ? {} : { normalization: options.normalization }),
        },
      ],
      methods: [options.method],
      seeds: [options.seed],
      budget: options.budget,
      out: options.out,
    },
    'run options',
    process.cwd(),
  );
  const study = await buildStudyProblem(config.problems[0]!);
  const progress = progressReporter({
    total: options.budget,
    unit: 'evaluations',
    ...progressOptions(options),
  });
  let record: RunRecord;
  try {
    record = await runOne({
      study,
      method: options.method,
      seed: options.seed,
      budget: options.budget,
      samo: config.samo,
      optuna: config.optuna,
      dir: config.out,
      ...(options.evaluator ? { evaluator: options.evaluator } : {}),
      onEvaluation: (done) => progress.update(done, ''),
    });
  } finally {
    progress.stop();
  }
  options.write(
    frontCsv(
      record,
      study.problem.objectives.map((o) => o.name),
    ),
  );
  options.write(
    `${study.problem.name} ${options.method} seed ${options.seed}: ${record.evaluations} evaluations, ${record.feasible} feasible, ` +
      `${record.front.length} non-dominated, hypervolume ${record.hypervolume.toPrecision(6)} (${study.hypervolumeReference})`,
  );
  options.write(`results: ${resolve(config.out)}`);
  return record;
}
