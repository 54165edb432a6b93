import { type Algorithm, ctaea, maxEvaluations, minimize, nsga2 } from '@paretokit/algorithms';
import { journaledRun } from './journaled-run.js';
import type { MethodRunner } from './method-runner.js';
import { type GenerationalMethod, PLAIN_POPULATION } from './study-config.js';

/** The algorithm of each generational method, for its population size. */
const ALGORITHM: Record<GenerationalMethod, (n: number) => Algorithm> = {
  'ctaea-20x5': (n) => ctaea({ populationSize: n }),
  'ctaea-10x10': (n) => ctaea({ populationSize: n }),
  'nsga2-20x5': (n) => nsga2({ populationSize: n }),
};

/**
 * A generational method (C-TAEA or NSGA-II) for the budget, every evaluation journaled. The budget
 * is a multiple of the population (checked with the configuration): no generation overshoots it.
 */
export const runPlain: MethodRunner = async (options, progress) => {
  const method = options.method as GenerationalMethod;
  const { archive, replayed } = await journaledRun(options, progress, (journal) =>
    minimize(options.study.problem, ALGORITHM[method](PLAIN_POPULATION[method]), {
      seed: options.seed,
      termination: maxEvaluations(options.budget),
      evaluator: journal,
    }),
  );
  return { archive, replayed };
};
