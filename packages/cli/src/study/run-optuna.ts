import { journaledRun } from './journaled-run.js';
import type { MethodRunner } from './method-runner.js';
import { runOptunaTpe } from './optuna-tpe.js';

/**
 * Optuna's TPE in a Python process, every row it asks evaluated through the journal (a rerun
 * with the same seed asks the same rows, which the journal answers).
 */
export const runOptuna: MethodRunner = async (options, progress) => {
  const { study, seed, budget } = options;
  const settings = options.optuna ?? { python: 'python3', timeoutSeconds: 600 };
  const { archive, replayed, value } = await journaledRun(options, progress, (journal) =>
    runOptunaTpe(study.problem, {
      seed,
      budget,
      evaluator: journal,
      python: settings.python,
      timeoutMs: settings.timeoutSeconds * 1000,
    }),
  );
  return { archive, replayed, optuna: value.versions };
};
