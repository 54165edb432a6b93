import type { EventEmitter } from 'node:events';
import type { QueueWorker, QueueWorkerOptions } from '@paretokit/workers';
import { Command } from 'commander';
import { integerOption } from '../integer-option.js';
import { loadWorkers } from '../optional-packages.js';

/** What {@link workerCommand} needs from its surroundings; tests replace them. */
export interface WorkerCommandDependencies {
  /** Starts the worker (default `runQueueWorker` of @paretokit/workers). */
  readonly run?: (options: QueueWorkerOptions) => Promise<QueueWorker>;
  /** Receives the lines it prints (default: standard error). */
  readonly write?: (line: string) => void;
  /** Emits the signals that stop it (default `process`). */
  readonly signals?: Pick<EventEmitter, 'once' | 'off'>;
}

/**
 * The `paretokit worker` command: a queue worker process that evaluates the rows a
 * `queueEvaluator` enqueues, on this or any machine that reaches Redis, until SIGINT or SIGTERM
 * (it finishes the jobs in progress first). The problem is `module#export` with optional JSON
 * `--options` for a factory export. Its action loads @paretokit/workers (BullMQ, ioredis): a
 * MissingPackageError names it when it is not installed.
 *
 * @example
 * const command = workerCommand();
 * command.name() // => 'worker'
 */
export function workerCommand(dependencies: WorkerCommandDependencies = {}): Command {
  const write = dependencies.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const signals = dependencies.signals ?? process;
  return new Command('worker')
    .description('Evaluate the rows of a Redis queue (queueEvaluator) until stopped with Ctrl-C or SIGTERM.')
    .requiredOption('--queue <name>', "queue to take jobs from (the evaluator's queue)")
    .requiredOption('--problem <module#export>', 'problem module and export, e.g. ./problems.js#myProblem')
    .option('--redis <url>', 'Redis server', 'redis://127.0.0.1:6379')
    .option('--options <json>', 'JSON options passed to the export when it is a factory')
    .option(
      '--concurrency <n>',
      'jobs evaluated at once by this process',
      integerOption('--concurrency', 1),
      1,
    )
    .option(
      '--lock-ms <ms>',
      "job lock duration; a dead worker's job moves on after it",
      integerOption('--lock-ms', 1000),
      30_000,
    )
    .action(
      async (opts: {
        queue: string;
        problem: string;
        redis: string;
        options?: string;
        concurrency: number;
        lockMs: number;
      }) => {
        const workers = await loadWorkers('paretokit worker');
        const problem = workers.parseProblemReference(opts.problem, opts.options);
        const run = dependencies.run ?? workers.runQueueWorker;
        const worker = await run({
          connection: opts.redis,
          queue: opts.queue,
          problem,
          concurrency: opts.concurrency,
          lockDurationMs: opts.lockMs,
          stalledIntervalMs: opts.lockMs,
          onLog: (line) => write(`paretokit worker: ${line}`),
        });
        write(
          `paretokit worker: evaluating ${worker.problem.name} from queue ${opts.queue} on ${opts.redis} ` +
            `(${opts.concurrency} at a time); stop with Ctrl-C or SIGTERM.`,
        );
        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            signals.off('SIGINT', stop);
            signals.off('SIGTERM', stop);
            write(`paretokit worker: ${signal}, finishing the jobs in progress.`);
            resolve();
          };
          signals.once('SIGINT', stop);
          signals.once('SIGTERM', stop);
        });
        await worker.close();
        write('paretokit worker: stopped.');
      },
    );
}
