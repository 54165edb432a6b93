import { type Problem, selectRows, serialEvaluator } from '@paretokit/problem';
import { runLimited } from './internal/run-limited.js';
import { samoAskTell } from './samo-ask-tell.js';
import type { IterationDiagnostics, SamoOptions, SamoResult } from './samo-options.js';

/**
 * Surrogate-assisted multi-objective optimization, the study's loop (METHOD.md): an initial
 * design, then per iteration a cross-validated surrogate per objective and constraint, the
 * surrogate problem solved by C-TAEA, and a few of its feasible non-dominated rows evaluated for
 * real, until the budget is spent. Rows are evaluated one per evaluator call
 * (`evaluationConcurrency` at once), each result logged and fsynced as soon as it completes.
 * Returns the feasible non-dominated set of all real evaluations in the objectives' natural sense,
 * the archive and per-iteration diagnostics. Cost: see {@link samoAskTell}, plus the evaluations.
 *
 * @example
 * const problem = c2dtlz2({ nObj: 2, nVar: 4 });
 * const pool = { knn: () => knnRegressor({ k: 3 }), forest: ({ seed }) => randomForestRegressor({ trees: 20, seed }) };
 * const result = await samo(problem, { initialSamples: 20, budget: 30, surrogates: pool, optimizerTermination: maxGenerations(50), seed: 1 });
 * result.archive.X.rows // => 30
 * result.iterations.length // => 6
 * result.iterations[1].targets.map((t) => t.target.name) // => ['f1', 'f2', 'g1']
 */
export async function samo(problem: Problem, options: SamoOptions = {}): Promise<SamoResult> {
  const run = samoAskTell(problem, options);
  try {
    const evaluator = options.evaluator ?? serialEvaluator();
    const concurrency = options.evaluationConcurrency ?? 1;
    const signal = options.signal;
    const context = signal === undefined ? { seed: run.seed } : { seed: run.seed, signal };
    while (!run.done) {
      const X = await run.ask();
      let completed: IterationDiagnostics | undefined;
      await runLimited(
        Array.from({ length: X.rows }, (_, i) => async () => {
          const row = selectRows(X, [i]);
          const result = await evaluator.evaluate(problem, row, context);
          // Logged before anything else can stop the run: a finished evaluation is never lost.
          completed = run.tell(row, result) ?? completed;
          signal?.throwIfAborted();
        }),
        concurrency,
      );
      if (completed !== undefined) await options.onIteration?.(completed);
    }
    return run.result();
  } finally {
    run.close();
  }
}
