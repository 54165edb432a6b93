import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import {
  type EvalResult,
  type Evaluator,
  InvalidArgumentError,
  type Matrix,
  type Problem,
  ProblemLoadError,
  type ProblemReference,
  type RowErrorPolicy,
} from '@paretokit/problem';
import { resolveProblemModule } from '@paretokit/problem/node';
import { Piscina } from 'piscina';
import type { PoolTask, PoolTaskResult } from './internal/pool-worker.js';
import { RowCollector } from './internal/row-collector.js';

/** Options of {@link workerPoolEvaluator}. */
export interface WorkerPoolEvaluatorOptions {
  /** The problem each worker thread rebuilds: module, export and options. */
  readonly problem: ProblemReference;
  /** Worker threads (default: the available cores). */
  readonly size?: number;
  /** Rows per task (default 1: each row is its own task, the finest load balance). */
  readonly chunkSize?: number;
  /** When a row's evaluation throws (default `"stop"`); an `evaluate` call may override it. */
  readonly onRowError?: RowErrorPolicy;
  /** Directory that a relative module path is resolved against (default `process.cwd()`). */
  readonly baseDir?: string;
}

/** An {@link Evaluator} on worker threads; close it (or `await using` it) to stop the threads. */
export interface WorkerPoolEvaluator extends Evaluator {
  /** Number of worker threads. */
  readonly size: number;
  /** Stops the threads; tasks still running are cancelled. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

// Tests run the TypeScript sources, but a worker thread needs the built JavaScript file.
const WORKER_FILE = import.meta.url.endsWith('.ts')
  ? new URL('../dist/internal/pool-worker.js', import.meta.url)
  : new URL('./internal/pool-worker.js', import.meta.url);

function positive(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError({ argument, expected: 'a positive integer', actual: value });
  }
  return value;
}

/**
 * Evaluates rows in parallel on `size` Node worker threads (piscina). Functions cannot cross
 * threads, so each thread rebuilds the problem from `problem` (module, export, options) once, on
 * its first task; the `problem` given to `evaluate` must be the same problem (its name, objectives
 * and constraints are checked) and serves for shapes and error reports. Rows go out `chunkSize` at
 * a time, come back in row order, and each is reported through `onRow` as its task completes. The
 * abort signal cancels the tasks in flight. Cost: the evaluations divided by up to `size`, plus a
 * copy of each row to and from a thread.
 *
 * @example
 * const pool = workerPoolEvaluator({ problem: { module: '@paretokit/benchmarks', export: 'zdt1', options: { nVar: 3 } }, size: 2 });
 * const { F } = await pool.evaluate(zdt1({ nVar: 3 }), toMatrix([[0, 0, 0], [1, 0, 0]]));
 * Array.from(F.data) // => [0, 1, 1, 0]
 * await pool.close();
 */
export function workerPoolEvaluator(options: WorkerPoolEvaluatorOptions): WorkerPoolEvaluator {
  const reference = options?.problem;
  if (typeof reference?.module !== 'string' || reference.module === '') {
    throw new InvalidArgumentError({
      argument: 'workerPoolEvaluator: problem',
      expected: '{ module, export?, options? } naming a module that exports the problem',
      actual: reference,
    });
  }
  const size = positive(options.size ?? availableParallelism(), 'workerPoolEvaluator: size');
  const chunkSize = positive(options.chunkSize ?? 1, 'workerPoolEvaluator: chunkSize');
  const defaultPolicy = options.onRowError ?? 'stop';
  const resolved: ProblemReference = {
    ...reference,
    module: resolveProblemModule(
      reference.module,
      options.baseDir === undefined ? {} : { baseDir: options.baseDir },
    ),
  };
  const pool = new Piscina<PoolTask, PoolTaskResult>({
    filename: WORKER_FILE.href,
    minThreads: size,
    maxThreads: size,
    concurrentTasksPerWorker: 1,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  // Late answers of tasks cancelled by an abort arrive as "unexpected message" errors: ignored.
  pool.on('error', () => {});
  let closed = false;

  const check = (problem: Problem, out: Exclude<PoolTaskResult, { loadError: unknown }>) => {
    if (
      out.name !== problem.name ||
      out.objectives !== problem.objectives.length ||
      out.constraints !== problem.constraints.length
    ) {
      throw new InvalidArgumentError({
        argument: 'workerPoolEvaluator: evaluate(problem)',
        expected: `the pool's problem ${out.name} (${out.objectives} objectives, ${out.constraints} constraints)`,
        actual: `${problem.name} (${problem.objectives.length} objectives, ${problem.constraints.length} constraints)`,
        hint: `The threads build ${reference.module}#${reference.export ?? 'default'}; pass the same problem to evaluate().`,
      });
    }
  };

  const close = async () => {
    if (closed) return;
    closed = true;
    await pool.destroy();
  };

  return {
    size,
    close,
    [Symbol.asyncDispose]: close,
    async evaluate(problem: Problem, X: Matrix, ctx = {}): Promise<EvalResult> {
      if (closed) {
        throw new InvalidArgumentError({
          argument: 'workerPoolEvaluator',
          expected: 'an open pool',
          actual: 'closed',
        });
      }
      ctx.signal?.throwIfAborted();
      const collector = new RowCollector(problem, X, ctx.onRowError ?? defaultPolicy, ctx.onRow);
      const stop = new AbortController();
      const signal = ctx.signal === undefined ? stop.signal : AbortSignal.any([stop.signal, ctx.signal]);
      // One abort listener per task on this signal (ours, not the caller's): no leak warning.
      setMaxListeners(0, signal);
      const seed = ctx.seed ?? 0;
      const tasks: Promise<void>[] = [];
      for (let start = 0; start < X.rows; start += chunkSize) {
        const end = Math.min(X.rows, start + chunkSize);
        const task: PoolTask = {
          reference: resolved,
          cols: X.cols,
          data: X.data.slice(start * X.cols, end * X.cols),
          seed,
        };
        tasks.push(
          pool.run(task, { signal }).then(async (out) => {
            if ('loadError' in out)
              throw new ProblemLoadError({ ...out.loadError, module: reference.module });
            check(problem, out);
            const { objectives: m, constraints: k } = out;
            const failed = new Map(out.failures.map((f) => [f.row, f.message]));
            for (let r = 0; r < end - start; r++) {
              await collector.complete(
                start + r,
                out.F.subarray(r * m, (r + 1) * m),
                out.G.subarray(r * k, (r + 1) * k),
                failed.get(r),
              );
            }
          }),
        );
      }
      try {
        await Promise.all(tasks);
      } catch (error) {
        stop.abort(error);
        await Promise.allSettled(tasks);
        ctx.signal?.throwIfAborted();
        throw error;
      }
      return collector.result();
    },
  };
}
