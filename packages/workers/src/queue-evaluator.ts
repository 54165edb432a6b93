import {
  type EvalResult,
  type Evaluator,
  InvalidArgumentError,
  type Matrix,
  type Problem,
  type RowErrorPolicy,
} from '@paretokit/problem';
import { Job, Queue } from 'bullmq';
import { decodeFloats, encodeFloats, rowJobId } from './internal/row-codec.js';
import { RowCollector } from './internal/row-collector.js';
import { connectRedis, disconnectRedis, type RedisConnection } from './redis-connection.js';

/** Options of {@link queueEvaluator}. */
export interface QueueEvaluatorOptions {
  /** The Redis server, e.g. `"redis://127.0.0.1:6379"`. */
  readonly connection: RedisConnection;
  /** Name of the BullMQ queue the workers listen on (`paretokit worker --queue`). */
  readonly queue: string;
  /**
   * Identifies the run: jobs are `<runId>-<hash of problem, seed and row>`, so enqueueing a row
   * again never duplicates work and a resumed run with the same id reads its finished jobs back.
   * Letters, digits, `.`, `_` and `-`.
   */
  readonly runId: string;
  /** A job's attempts before it fails for good: a timeout or a worker lost mid-job costs one (default 3). */
  readonly attempts?: number;
  /** Longest time one evaluation may take before the attempt fails (default: no limit). */
  readonly timeoutMs?: number;
  /** Wait before a failed attempt is retried, ms (default 1000). */
  readonly retryDelayMs?: number;
  /** When a row's evaluation throws (default `"stop"`); an `evaluate` call may override it. */
  readonly onRowError?: RowErrorPolicy;
  /** How often unfinished jobs are looked up, ms (default 100). */
  readonly pollMs?: number;
  /** Key prefix of the queue in Redis (default BullMQ's `"bull"`). */
  readonly prefix?: string;
}

/** An {@link Evaluator} backed by a BullMQ queue; close it (or `await using` it) to disconnect. */
export interface QueueEvaluator extends Evaluator {
  /** Disconnects from Redis; queued jobs stay queued. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** What a job carries: the problem's name (checked by the worker), the row, the seed, the timeout. */
export interface RowJobData {
  readonly problem: string;
  /** The row, Float64 bytes in base64. */
  readonly x: string;
  readonly seed: number;
  readonly timeoutMs?: number;
}

/** What a finished job returns: objectives and constraints, Float64 bytes in base64. */
export interface RowJobResult {
  readonly f: string;
  readonly g: string;
}

const RUN_ID = /^[A-Za-z0-9._-]+$/;

function positive(value: unknown, argument: string, min = 1): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new InvalidArgumentError({ argument, expected: `a number >= ${min}`, actual: value });
  }
  return value;
}

/**
 * Evaluates rows on any number of machines through a BullMQ queue on Redis: one job per row
 * (`paretokit worker` processes run them), results collected in row order and each reported
 * through `onRow` as soon as it is seen finished. Job ids come from the run id and the row's
 * content, so a row enqueued twice (a retried call, a resumed run) is evaluated once and a finished
 * job's result is read back instead of re-run. A failed attempt (timeout, worker killed: its lock
 * expires and another worker takes the job) is retried up to `attempts`; a problem that throws
 * fails the row at once, handled by `onRowError`. While Redis is down the call waits. The abort
 * signal stops waiting (the jobs stay queued). Cost: one job and a few Redis round trips per row.
 *
 * @example
 * const queue = queueEvaluator({ connection: 'redis://127.0.0.1:6379', queue: 'zdt1', runId: 'study-1-seed-1' });
 * // const { F } = await queue.evaluate(zdt1(), X); with `paretokit worker --queue zdt1 ...` running
 * await queue.close();
 */
export function queueEvaluator(options: QueueEvaluatorOptions): QueueEvaluator {
  const { queue: name, runId } = options ?? ({} as QueueEvaluatorOptions);
  if (typeof name !== 'string' || name === '' || name.includes(':')) {
    throw new InvalidArgumentError({
      argument: 'queueEvaluator: queue',
      expected: 'a queue name without ":"',
      actual: name,
    });
  }
  if (typeof runId !== 'string' || !RUN_ID.test(runId)) {
    throw new InvalidArgumentError({
      argument: 'queueEvaluator: runId',
      expected: 'letters, digits, ".", "_" and "-"',
      actual: runId,
    });
  }
  const attempts = positive(options.attempts ?? 3, 'queueEvaluator: attempts');
  const pollMs = positive(options.pollMs ?? 100, 'queueEvaluator: pollMs', 1);
  const retryDelayMs = positive(options.retryDelayMs ?? 1000, 'queueEvaluator: retryDelayMs', 0);
  const timeoutMs =
    options.timeoutMs === undefined ? undefined : positive(options.timeoutMs, 'queueEvaluator: timeoutMs');
  const defaultPolicy = options.onRowError ?? 'stop';
  let state: { client: ReturnType<typeof connectRedis>; queue: Queue } | undefined;
  let closed = false;

  const open = () => {
    if (state === undefined) {
      const client = connectRedis(options.connection);
      // An ioredis instance rather than options: BullMQ then uses it as is (and leaves it open
      // on close) instead of building its own with `require('ioredis')`.
      const queue = new Queue(name, {
        connection: client,
        ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
      });
      // Connection errors while Redis restarts are expected: ioredis reconnects by itself.
      queue.on('error', () => {});
      state = { client, queue };
    }
    return state.queue;
  };

  const close = async () => {
    if (closed) return;
    closed = true;
    if (state === undefined) return;
    try {
      await state.queue.close();
    } finally {
      await disconnectRedis(state.client);
    }
  };

  return {
    close,
    [Symbol.asyncDispose]: close,
    async evaluate(problem: Problem, X: Matrix, ctx = {}): Promise<EvalResult> {
      if (closed) {
        throw new InvalidArgumentError({
          argument: 'queueEvaluator',
          expected: 'an open evaluator',
          actual: 'closed',
        });
      }
      const signal = ctx.signal;
      signal?.throwIfAborted();
      const seed = ctx.seed ?? 0;
      const collector = new RowCollector(problem, X, ctx.onRowError ?? defaultPolicy, ctx.onRow);
      if (X.rows === 0) return collector.result();
      const queue = open();
      // Rows by job: equal rows share one job.
      const rowsOf = new Map<string, number[]>();
      const dataOf = new Map<string, RowJobData>();
      for (let i = 0; i < X.rows; i++) {
        const x = X.data.slice(i * X.cols, (i + 1) * X.cols);
        const id = rowJobId(runId, problem.name, seed, x);
        const rows = rowsOf.get(id);
        if (rows !== undefined) {
          rows.push(i);
          continue;
        }
        rowsOf.set(id, [i]);
        dataOf.set(id, {
          problem: problem.name,
          x: encodeFloats(x),
          seed,
          ...(timeoutMs === undefined ? {} : { timeoutMs }),
        });
      }
      const enqueue = (ids: readonly string[]) =>
        queue.addBulk(
          ids.map((id) => ({
            name: problem.name,
            data: dataOf.get(id)!,
            opts: {
              jobId: id,
              attempts,
              backoff: { type: 'fixed', delay: retryDelayMs },
              removeOnComplete: false,
              removeOnFail: false,
            },
          })),
        );
      // Jobs that exist already (an earlier call or run) are left as they are: no duplicate work.
      await enqueue([...rowsOf.keys()]);
      const pending = new Set(rowsOf.keys());
      const m = problem.objectives.length;
      const k = problem.constraints.length;
      while (pending.size > 0) {
        signal?.throwIfAborted();
        const ids = [...pending];
        const jobs = await Promise.all(ids.map((id) => Job.fromId<RowJobData, RowJobResult>(queue, id)));
        const lost: string[] = [];
        for (const [n, job] of jobs.entries()) {
          const id = ids[n]!;
          if (job === undefined) {
            // Gone (Redis restarted without its data): enqueue it again.
            lost.push(id);
            continue;
          }
          if (!job.finishedOn) continue;
          const value = job.returnvalue as RowJobResult | null | undefined;
          let f: Float64Array | undefined;
          let g: Float64Array | undefined;
          let failure: string | undefined;
          if (value !== null && value !== undefined && typeof value.f === 'string') {
            f = decodeFloats(value.f);
            g = decodeFloats(value.g);
            if (f.length !== m || g.length !== k) {
              failure = `the worker returned ${f.length} objectives and ${g.length} constraints, expected ${m} and ${k}`;
            }
          } else {
            const state = await job.getState();
            if (state !== 'failed') continue;
            failure = job.failedReason || 'the job failed';
          }
          pending.delete(id);
          for (const i of rowsOf.get(id)!) {
            await collector.complete(i, f ?? [], g ?? [], failure);
          }
        }
        if (lost.length > 0) await enqueue(lost);
        if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
      return collector.result();
    },
  };
}
