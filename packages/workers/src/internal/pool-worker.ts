// The body of each worker thread of a workerPoolEvaluator: rebuilds the problem once from its
// reference (functions cannot cross threads) and evaluates the rows of each task.
import {
  createMatrix,
  type EvalResult,
  ParetokitError,
  type Problem,
  type ProblemReference,
} from '@paretokit/problem';
import { loadProblem } from '@paretokit/problem/node';

/** One task: consecutive rows of the caller's matrix. */
export interface PoolTask {
  readonly reference: ProblemReference;
  readonly cols: number;
  readonly data: Float64Array;
  readonly seed: number;
}

/** A task's outcome: the problem's shape and values, with the failed rows' messages. */
export type PoolTaskResult =
  | {
      readonly name: string;
      readonly objectives: number;
      readonly constraints: number;
      readonly F: Float64Array;
      readonly G: Float64Array;
      /** Row within the task and message of each row whose evaluation threw. */
      readonly failures: readonly { readonly row: number; readonly message: string }[];
    }
  | {
      readonly loadError: {
        readonly module: string;
        readonly export: string;
        readonly reason: string;
        readonly hint?: string;
      };
    };

let loaded: { key: string; problem: Promise<Problem> } | undefined;

function problemOf(reference: ProblemReference): Promise<Problem> {
  const key = JSON.stringify(reference);
  if (loaded?.key !== key) loaded = { key, problem: loadProblem(reference) };
  return loaded.problem;
}

async function evaluateRows(
  problem: Problem,
  X: ReturnType<typeof createMatrix>,
  seed: number,
): Promise<EvalResult> {
  return problem.evaluate(X, { seed });
}

/** Evaluates the task's rows in one call; when that throws, row by row to find the failing ones. */
export default async function evaluateTask(task: PoolTask): Promise<PoolTaskResult> {
  let problem: Problem;
  try {
    problem = await problemOf(task.reference);
  } catch (error) {
    loaded = undefined;
    const e = error as { module?: string; export?: string; reason?: string; hint?: string; message?: string };
    return {
      loadError: {
        module: e.module ?? task.reference.module,
        export: e.export ?? task.reference.export ?? 'default',
        reason:
          ParetokitError.isInstance(error) && e.reason !== undefined ? e.reason : String(e.message ?? error),
        ...(e.hint === undefined ? {} : { hint: e.hint }),
      },
    };
  }
  const m = problem.objectives.length;
  const k = problem.constraints.length;
  const rows = task.data.length / task.cols;
  const F = new Float64Array(rows * m);
  const G = new Float64Array(rows * k);
  const failures: { row: number; message: string }[] = [];
  const take = (result: EvalResult, at: number) => {
    F.set(result.F.data, at * m);
    if (k > 0 && result.G !== undefined) G.set(result.G.data, at * k);
  };
  try {
    take(await evaluateRows(problem, createMatrix(rows, task.cols, task.data), task.seed), 0);
  } catch (error) {
    for (let r = 0; r < rows; r++) {
      const row = task.data.slice(r * task.cols, (r + 1) * task.cols);
      try {
        take(await evaluateRows(problem, createMatrix(1, task.cols, row), task.seed), r);
      } catch (rowError) {
        failures.push({ row: r, message: rowError instanceof Error ? rowError.message : String(rowError) });
      }
    }
    if (rows === 1 && failures.length === 0) {
      failures.push({ row: 0, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return {
    name: problem.name,
    objectives: m,
    constraints: k,
    F,
    G,
    failures,
  };
}
