import { latinHypercube } from '@paretokit/problem';
import { journaledRun } from './journaled-run.js';
import type { MethodRunner } from './method-runner.js';

/**
 * Random search: a Latin hypercube of `budget` rows drawn with the run's seed, evaluated in one
 * call of the journaled evaluator (a worker pool or queue gets them all at once; a rerun draws the
 * same rows and replays those in the log).
 */
export const runRandom: MethodRunner = async (options, progress) => {
  const { study, seed, budget } = options;
  const X = latinHypercube(study.problem, budget, { seed });
  const { archive, replayed } = await journaledRun(options, progress, (journal) =>
    journal.evaluate(study.problem, X, { seed }),
  );
  return { archive, replayed };
};
