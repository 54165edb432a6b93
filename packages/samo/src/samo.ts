import {
  type EvalResult,
  type Matrix,
  type Problem,
  selectResultRows,
  selectRows,
  serialEvaluator,
} from '@paretokit/problem';
import { runLimited } from './internal/run-limited.js';
import { samoAskTell } from './samo-ask-tell.js';
import type { IterationDiagnostics, SamoOptions, SamoResult } from './samo-options.js';

/**
 * Surrogate-assisted multi-objective optimization, the study's loop (METHOD.md): an initial
 * design, then per iteration a cross-validated surrogate per objective and constraint, the
 * surrogate problem solved by C-TAEA, and a few of its feasible non-dominated rows evaluated for
 * real, until the budget is spent. Each iteration's rows go to the evaluator in one call (a worker
 * pool or queue evaluates them in parallel; the default evaluates them one by one), and each
 * result is logged and fsynced as soon as the evaluator reports it (`onRow`), so a kill in the
 * middle of a batch loses no completed evaluation. With `evaluationConcurrency` above 1, rows go
 * one per call, that many calls at once.
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
    // One row per problem.evaluate call, so each result is logged as soon as it exists.
    const evaluator = options.evaluator ?? serialEvaluator({ batchSize: 1 });
    const concurrency = options.evaluationConcurrency ?? 1;
    const signal = options.signal;
    const context = signal === undefined ? { seed: run.seed } : { seed: run.seed, signal };
    // Iterations a resumed run replayed from its log are reported first, as they happened.
    for (const done of run.result().iterations) await options.onIteration?.(done);
    while (!run.done) {
      const X = await run.ask();
      let completed: IterationDiagnostics | undefined;
      // Logged before anything else can stop the run: a finished evaluation is never lost.
      const tell = (rows: Matrix, result: EvalResult) => {
        completed = run.tell(rows, result) ?? completed;
      };
      if (concurrency === 1) {
        // The whole batch in one call (a pool or queue runs it in parallel); each row is told as
        // the evaluator reports it, and rows it did not report are told from its result.
        const told = new Uint8Array(X.rows);
        const result = await evaluator.evaluate(problem, X, {
          ...context,
          onRow: (i, rowResult) => {
            if (told[i] === 1) return;
            told[i] = 1;
            tell(selectRows(X, [i]), rowResult);
            signal?.throwIfAborted();
          },
        });
        const rest: number[] = [];
        for (let i = 0; i < X.rows; i++) if (told[i] === 0) rest.push(i);
        if (rest.length > 0) tell(selectRows(X, rest), selectResultRows(result, rest));
        signal?.throwIfAborted();
      } else {
        await runLimited(
          Array.from({ length: X.rows }, (_, i) => async () => {
            const row = selectRows(X, [i]);
            tell(row, await evaluator.evaluate(problem, row, context));
            signal?.throwIfAborted();
          }),
          concurrency,
        );
      }
      if (completed !== undefined) await options.onIteration?.(completed);
    }
    return run.result();
  } finally {
    await run.close();
  }
}
