import { writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Evaluator } from '@paretokit/problem';
import { loadCompression } from '../optional-packages.js';
import { progressOptions, progressReporter } from '../progress-reporter.js';
import { compressionOutcome, formatCompressionOutcome, OUTCOME_ROLES } from '../study/compression-outcome.js';
import { type RunRecord, runOne } from '../study/run-one.js';
import { parseStudyConfig, type SamoSettings, SURROGATES } from '../study/study-config.js';
import { buildStudyProblem } from '../study/study-problem.js';
import { frontCsv } from '../study/write-front-csv.js';

/** Options of {@link compressCommand} (the `paretokit compress` flags). */
export interface CompressOptions {
  readonly model: string;
  readonly data: string;
  readonly sidecar?: string;
  /** The preprocessing (text or preset), for a model without a sidecar or to replace the sidecar's. */
  readonly preprocess?: string;
  readonly budget: number;
  readonly initial: number;
  readonly infills: number;
  readonly seed: number;
  readonly out: string;
  readonly selectOn: 'validation' | 'test';
  readonly threads: number;
  /** `study` (default): the study's 7 variables; `structured`: channel fractions per stage and latency. */
  readonly pruning?: 'study' | 'structured';
  readonly surrogates?: readonly string[];
  readonly generations?: number;
  readonly evaluator?: Evaluator;
  /** Rounds timing the most accurate model against the base model (default 5). */
  readonly timingRepeats?: number;
  /** `false`: no progress; default: a bar when `progressStream` is a terminal, else a line per 10 % or per minute. */
  readonly progress?: boolean;
  /** Where progress goes (default `process.stderr`). */
  readonly progressStream?: NodeJS.WriteStream;
  readonly write: (text: string) => void;
}

/**
 * `paretokit compress`: one surrogate-assisted compression run (SAMO with C-TAEA) of an ONNX
 * model on a MedMNIST file, resumable, with a progress bar (evaluations, best feasible accuracy,
 * elapsed, ETA); writes `evaluations.jsonl`, `result.json` and `front.csv` to `out`.
 *
 * Usage (a trained model and a MedMNIST file; `compress.test.ts` runs it on the real ones):
 * `await compressCommand({ model: 'resnet50_retinamnist.onnx', data: 'retinamnist.npz', budget: 100, initial: 50, infills: 2, seed: 1, out: 'runs/one', selectOn: 'validation', threads: 1, write: console.log })`
 *
 * @throws MissingPackageError when @paretokit/compression is not installed, before anything else.
 */
export async function compressCommand(options: CompressOptions): Promise<RunRecord> {
  await loadCompression('paretokit compress');
  const name = basename(options.data).replace(/\.npz$/i, '');
  // Validated by the study schema, so the flags get the same checks as a study file.
  const config = parseStudyConfig(
    {
      name,
      problems: [
        {
          type: 'compression',
          name,
          model: options.model,
          data: options.data,
          ...(options.sidecar === undefined ? {} : { sidecar: options.sidecar }),
          ...(options.preprocess === undefined ? {} : { preprocess: options.preprocess }),
          selectOn: options.selectOn,
          threads: options.threads,
          ...(options.pruning === undefined ? {} : { pruning: options.pruning }),
        },
      ],
      methods: ['samo-ctaea'],
      seeds: [options.seed],
      budget: options.budget,
      samo: {
        initialSamples: options.initial,
        infillsPerIteration: options.infills,
        ...(options.surrogates === undefined ? {} : { surrogates: options.surrogates }),
        ...(options.generations === undefined ? {} : { generations: options.generations }),
      },
      out: options.out,
    },
    'compress options',
    process.cwd(),
  );
  const spec = config.problems[0]!;
  options.write(`loading ${spec.type === 'compression' ? spec.model : ''} and measuring the base model ...`);
  const study = await buildStudyProblem(spec);
  const base = study.compression!.base;
  for (const note of study.compression!.data.notes) options.write(`${name}: ${note}`);
  options.write(
    `${name}: base model accuracy ${base.accuracy.toFixed(4)} on the ${base.split} split, tau ${study.compression!.tau.toFixed(4)}; budget ${options.budget} (${options.initial} initial + ${options.infills} per iteration)`,
  );
  const progress = progressReporter({
    total: options.budget,
    unit: 'evaluations',
    ...progressOptions(options),
  });
  let best = Number.NEGATIVE_INFINITY;
  const tau = study.compression!.tau;
  let record: RunRecord;
  try {
    record = await runOne({
      study,
      method: 'samo-ctaea',
      seed: options.seed,
      budget: options.budget,
      samo: config.samo as SamoSettings,
      dir: config.out,
      ...(options.evaluator ? { evaluator: options.evaluator } : {}),
      onEvaluation: (done, f) => {
        if (f.length > 1 && f[1]! >= tau) best = Math.max(best, f[1]!);
        progress.update(done, `best feasible accuracy ${Number.isFinite(best) ? best.toFixed(4) : '-'}`);
      },
    });
  } finally {
    progress.stop();
  }
  const names = study.problem.objectives.map((o) => o.name);
  writeFileSync(join(config.out, 'front.csv'), `${frontCsv(record, names)}\n`);
  options.write(
    `${record.evaluations} evaluations (${record.replayed} from the log) in ${record.seconds.toFixed(1)} s; ${record.front.length} feasible non-dominated models:`,
  );
  for (const e of record.front) {
    const t = e.test;
    options.write(
      `  ${names[0]} ${e.objectives[0]!.toFixed(4)}  accuracy ${e.objectives[1]!.toFixed(4)}` +
        (t === undefined
          ? ''
          : `  test accuracy ${t.accuracy.toFixed(4)}  test time ${t.inferenceSeconds.toFixed(3)} s`) +
        `  ${JSON.stringify(e.settings)}`,
    );
  }
  const left = [...new Set(record.front.flatMap((e) => e.test?.warnings ?? []))];
  if (left.length > 0) options.write(`left as they were in the front models:\n  ${left.join('\n  ')}`);
  const outcome = await compressionOutcome(study, [record], config.out, options.timingRepeats ?? 5);
  if (outcome !== undefined) options.write(formatCompressionOutcome(outcome));
  const files = ['evaluations.jsonl', 'result.json', 'front.csv'];
  const models =
    outcome === undefined ? [] : OUTCOME_ROLES.map((role) => basename(outcome.picks[role].model));
  options.write(`results: ${resolve(config.out)} (${[...files, ...models].join(', ')})`);
  return record;
}

/**
 * The surrogate names `--surrogates` accepts.
 *
 * @example
 * SURROGATE_NAMES // => ['knn', 'randomForest', 'xgboost', 'lightgbm']
 */
export const SURROGATE_NAMES: readonly string[] = SURROGATES;
