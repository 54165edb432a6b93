import type { QueueEvaluator } from '@paretokit/workers';
import { loadWorkers } from '../optional-packages.js';
import type { StudyCell } from './run-study.js';
import type { StudyConfig } from './study-config.js';

/** Where a study sends its real evaluations: a Redis server and a prefix for its queue names. */
export interface StudyQueue {
  /** e.g. `redis://127.0.0.1:6379`. */
  readonly connection: string;
  /** Queues are `<prefix>.<problem label>`: the workers of one queue all build the same problem. */
  readonly prefix: string;
}

const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * The queue of a study's problem.
 *
 * @example
 * studyQueueName({ connection: 'redis://127.0.0.1:6379', prefix: 'retina' }, 'retinamnist') // => 'retina.retinamnist'
 */
export function studyQueueName(queue: StudyQueue, problem: string): string {
  return `${safe(queue.prefix)}.${safe(problem)}`;
}

/**
 * The queue evaluator of one run: its job ids carry the study, problem, method and seed, so a
 * rerun of the study reads its finished jobs back. Loads @paretokit/workers (BullMQ, ioredis).
 *
 * @throws MissingPackageError when @paretokit/workers is not installed.
 * @example
 * const config = parseStudyConfig({ name: 's', problems: [{ type: 'benchmark', problem: 'c2dtlz2' }] }, 's', tmpdir());
 * const evaluator = await cellQueueEvaluator(config, { problem: 'c2dtlz2', method: 'ctaea-20x5', seed: 1 }, { connection: 'redis://127.0.0.1:1', prefix: 's' });
 * typeof evaluator.evaluate // => 'function'
 * await evaluator.close();
 */
export async function cellQueueEvaluator(
  config: StudyConfig,
  cell: StudyCell,
  queue: StudyQueue,
): Promise<QueueEvaluator> {
  const { queueEvaluator } = await loadWorkers('paretokit study --redis');
  return queueEvaluator({
    connection: queue.connection,
    queue: studyQueueName(queue, cell.problem),
    runId: safe(`${config.name}.${cell.problem}.${cell.method}.${cell.seed}`),
  });
}

/**
 * The command that starts a queue worker for one problem of a study, on any machine that has the
 * study file at `configPath` (and the model and data it names) and reaches Redis.
 *
 * @example
 * workerCommandLine('s.json', 'p', { connection: 'redis://h:6379', prefix: 's' }) // => `paretokit worker --redis redis://h:6379 --queue s.p --problem @paretokit/cli#studyProblemFactory --options '{"config":"s.json","problem":"p"}'`
 */
export function workerCommandLine(configPath: string, problem: string, queue: StudyQueue): string {
  const options = JSON.stringify({ config: configPath, problem });
  return (
    `paretokit worker --redis ${queue.connection} --queue ${studyQueueName(queue, problem)} ` +
    `--problem @paretokit/cli#studyProblemFactory --options '${options}'`
  );
}
