import { hostname } from 'node:os';
import { createMatrix, InvalidArgumentError, type Problem, type ProblemReference } from '@paretokit/problem';
import { type LoadProblemOptions, loadProblem } from '@paretokit/problem/node';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { decodeFloats, encodeFloats } from './internal/row-codec.js';
import type { RowJobData, RowJobResult } from './queue-evaluator.js';
import { connectRedis, disconnectRedis, type RedisConnection } from './redis-connection.js';

/** Options of {@link runQueueWorker}. */
export interface QueueWorkerOptions {
  /** The Redis server, e.g. `"redis://10.0.0.5:6379"`. */
  readonly connection: RedisConnection;
  /** The queue to take jobs from (the evaluator's `queue`). */
  readonly queue: string;
  /** The problem to evaluate, rebuilt here from module, export and options. */
  readonly problem: ProblemReference;
  /** Jobs evaluated at once by this process (default 1). */
  readonly concurrency?: number;
  /**
   * How long a job stays locked to this worker without a renewal, ms (default 30 000). When the
   * worker dies, another takes the job once the lock expires (and a stalled check runs).
   */
  readonly lockDurationMs?: number;
  /** How often this worker looks for jobs whose worker died, ms (default 30 000). */
  readonly stalledIntervalMs?: number;
  /** How often a job may lose its worker before it fails for good (default 3). */
  readonly maxStalledCount?: number;
  /** Key prefix of the queue in Redis (default BullMQ's `"bull"`). */
  readonly prefix?: string;
  /** Directory that a relative module path is resolved against (default `process.cwd()`). */
  readonly baseDir?: string;
  /** Receives one line per finished or failed job and per connection problem. */
  readonly onLog?: (line: string) => void;
}

/** A running queue worker. */
export interface QueueWorker {
  /** The problem it evaluates. */
  readonly problem: Problem;
  /** Finishes the jobs in progress, then disconnects. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** The evaluation of one job's row, with the job's timeout. */
async function evaluateJob(problem: Problem, data: RowJobData): Promise<RowJobResult> {
  if (data.problem !== problem.name) {
    throw new UnrecoverableError(`this worker evaluates ${problem.name}, the job is for ${data.problem}`);
  }
  const x = decodeFloats(data.x);
  if (x.length !== problem.variables.length) {
    throw new UnrecoverableError(
      `the row has ${x.length} values, ${problem.name} has ${problem.variables.length} variables`,
    );
  }
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    if (data.timeoutMs === undefined) return;
    timer = setTimeout(() => {
      const error = new Error(`the evaluation took longer than ${data.timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, data.timeoutMs);
  });
  try {
    const result = await Promise.race([
      Promise.resolve().then(() =>
        problem.evaluate(createMatrix(1, x.length, x), { seed: data.seed, signal: controller.signal }),
      ),
      timeout,
    ]);
    return { f: encodeFloats(result.F.data), g: encodeFloats(result.G?.data ?? []) };
  } catch (error) {
    // A timeout may pass on another try; an error of the problem itself would only repeat.
    if (controller.signal.aborted) throw controller.signal.reason;
    throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body of a worker process (`paretokit worker`): rebuilds the problem from its reference, then
 * takes row jobs of a {@link queueEvaluator} from the queue, `concurrency` at a time, until closed.
 * A job whose problem name or row length does not match fails at once; an evaluation that throws
 * fails its job (no retry); one past its `timeoutMs` fails the attempt (retried). Runs on any
 * machine that reaches Redis and can import the problem's module.
 *
 * @example
 * const worker = await runQueueWorker({ connection: 'redis://127.0.0.1:6379', queue: 'zdt1', problem: { module: '@paretokit/benchmarks', export: 'zdt1' } });
 * process.once('SIGTERM', () => void worker.close());
 */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const name = options?.queue;
  if (typeof name !== 'string' || name === '' || name.includes(':')) {
    throw new InvalidArgumentError({
      argument: 'runQueueWorker: queue',
      expected: 'a queue name without ":"',
      actual: name,
    });
  }
  const concurrency = options.concurrency ?? 1;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new InvalidArgumentError({
      argument: 'runQueueWorker: concurrency',
      expected: 'a positive integer',
      actual: concurrency,
    });
  }
  const load: LoadProblemOptions = options.baseDir === undefined ? {} : { baseDir: options.baseDir };
  const problem = await loadProblem(options.problem, load);
  const log = options.onLog ?? (() => {});
  // BullMQ runs the worker's commands on this client and duplicates it for the blocking wait for
  // jobs (the duplicate keeps its settings: no retry limit, reconnection forever).
  const client = connectRedis(options.connection);
  const worker = new Worker<RowJobData, RowJobResult>(
    name,
    (job: Job<RowJobData>) => evaluateJob(problem, job.data),
    {
      connection: client,
      concurrency,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: options.maxStalledCount ?? 3,
      name: `${hostname()}:${process.pid}`,
      ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    },
  );
  let lastError = '';
  worker.on('error', (error) => {
    // Repeated while Redis is away; one line per distinct message.
    if (error.message !== lastError) log(`redis: ${error.message}`);
    lastError = error.message;
  });
  worker.on('ready', () => {
    lastError = '';
  });
  worker.on('completed', (job) => log(`done ${job.id}`));
  worker.on('failed', (job, error) =>
    log(`failed ${job?.id ?? '?'} (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`),
  );
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= worker.close().finally(() => disconnectRedis(client));
    return closing;
  };
  return { problem, close, [Symbol.asyncDispose]: close };
}
