import { toMatrix } from '@paretokit/problem';
import { type JournaledEvaluator, journaledEvaluator } from './journaled-evaluator.js';
import type { Archive, RunProgress } from './method-runner.js';
import type { RunOneOptions } from './run-one.js';

/**
 * Runs `body` with a journaled evaluator on the run's log (the caller's evaluator inside, if any),
 * so that a rerun replays the evaluations already done; returns the first `budget` rows of the
 * journal as the run's archive. O(budget) memory besides the body's.
 */
export async function journaledRun<T>(
  options: RunOneOptions,
  progress: RunProgress,
  body: (journal: JournaledEvaluator) => Promise<T>,
): Promise<{ archive: Archive; replayed: number; value: T }> {
  const { study, method, seed, budget } = options;
  const journal = journaledEvaluator({
    path: progress.log,
    header: { problem: study.label, method, seed, budget },
    ...(options.evaluator ? { evaluator: options.evaluator } : {}),
    onEntry: (e) => progress.report(e.F),
  });
  let value: T;
  try {
    value = await body(journal);
  } finally {
    journal.close();
  }
  const rows = journal.entries.slice(0, budget);
  const archive: Archive = {
    X: toMatrix(rows.map((e) => [...e.x])),
    F: toMatrix(rows.map((e) => [...e.F])),
    ...(study.problem.constraints.length === 0 ? {} : { G: toMatrix(rows.map((e) => [...e.G])) }),
  };
  return { archive, replayed: journal.replayed, value };
}
