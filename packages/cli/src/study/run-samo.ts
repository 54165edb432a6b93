import { existsSync, statSync } from 'node:fs';
import { ctaea, maxGenerations } from '@paretokit/algorithms';
import { type Evaluator, serialEvaluator, toArrays } from '@paretokit/problem';
import {
  defaultSurrogatePool,
  readEvaluationLog,
  recommendedSamo,
  type SamoOptions,
  type SurrogatePool,
  samo,
} from '@paretokit/samo';
import type { MethodRunner } from './method-runner.js';
import type { RunRecord } from './run-one.js';

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

/** Seconds per SAMO step summed over the iterations, and how often each surrogate was chosen. */
function samoTimes(result: Awaited<ReturnType<typeof samo>>): NonNullable<RunRecord['samo']> {
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
    selectionSeconds: sum('selectionMs'),
    fitSeconds: sum('fitMs'),
    optimizeSeconds: sum('optimizeMs'),
    evaluateSeconds: sum('evaluateMs'),
    chosen,
  };
}

/** The SAMO options of a method: the study's settings for `samo-ctaea`, ParetoKit's preset for `samo`. */
function methodOptions(options: Parameters<MethodRunner>[0]): SamoOptions {
  if (options.method === 'samo') return recommendedSamo();
  const s = options.samo;
  const full: SurrogatePool = defaultSurrogatePool();
  return {
    initialSamples: s.initialSamples,
    infillsPerIteration: s.infillsPerIteration,
    surrogates: Object.fromEntries(s.surrogates.map((name) => [name, full[name]!])),
    selection: { folds: s.folds },
    optimizer: ctaea({ populationSize: s.populationSize }),
    optimizerTermination: maxGenerations(s.generations),
  };
}

/**
 * A SAMO run: `samo-ctaea` (the study's method, its settings from the study file) or `samo`
 * (ParetoKit's, `recommendedSamo()`); samo's own log makes both resumable.
 */
export const runSamo: MethodRunner = async (options, { log, report, skip }) => {
  const { study, seed, budget } = options;
  const resume = existsSync(log) && statSync(log).size > 0;
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
    ...methodOptions(options),
    seed,
    budget,
    evaluator,
    ...(resume ? { resume: log } : { log }),
    onWarning: warn,
  });
  return { archive: result.archive, replayed, samo: samoTimes(result) };
};
