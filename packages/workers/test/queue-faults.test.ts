// The queue against a real redis-server and two real worker processes: evaluations arrive exactly
// once while a worker is SIGKILLed mid-job and Redis restarts mid-run; a row that throws; an
// optimizer process killed and resumed.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EvaluationError, type Matrix, serialEvaluator, toArrays, toMatrix } from '@paretokit/problem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queueEvaluator } from '../src/queue-evaluator.js';
// @ts-expect-error: a plain JavaScript fixture, also imported by the worker processes.
import { testProblem } from './fixtures/test-problem.mjs';
import { findRedisServer, RedisServer } from './redis-server.js';

const binary = findRedisServer();
if (binary === undefined) {
  if (process.env.CI) throw new Error('redis-server is not installed; the queue tests need it in CI.');
  console.warn('queue tests skipped: redis-server is not installed (apt-get install redis-server).');
}

const fixture = fileURLToPath(new URL('./fixtures/test-problem.mjs', import.meta.url));
const workerChild = fileURLToPath(new URL('./fixtures/queue-worker-child.mjs', import.meta.url));
const optimizerChild = fileURLToPath(new URL('./fixtures/optimizer-child.mjs', import.meta.url));
const journal = join(mkdtempSync(join(tmpdir(), 'queue-test-')), 'journal.txt');
const options = { delayMs: 250, journal, failOn: 0.5 };
const problem = testProblem(options);
const LOCK_MS = 3000;

interface Entry {
  readonly what: string;
  readonly pid: number;
  readonly row: string;
}

function entries(): Entry[] {
  if (!existsSync(journal)) return [];
  return readFileSync(journal, 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => {
      const [what, pid, , row] = line.split(' ');
      return { what: what!, pid: Number(pid), row: row! };
    });
}

const key = (X: Matrix, i: number) => `${X.data[i * 2]},${X.data[i * 2 + 1]}`;
const count = (list: Entry[], what: string, row: string) =>
  list.filter((e) => e.what === what && e.row === row).length;

async function until(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function startWorker(url: string, queue: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [workerChild, url, queue, fixture, 'testProblem', JSON.stringify(options), String(LOCK_MS)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr!.on('data', (chunk) => {
    if (process.env.DEBUG_WORKERS) process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    child.stdout!.once('data', () => resolve(child));
  });
}

/** Distinct rows, none with a = 0.5 (the failing value). */
function rows(n: number, offset: number): Matrix {
  return toMatrix(
    Array.from({ length: n }, (_, i) => [((i + offset) % 97) / 100 + 0.001, (i * 7 + 3) / 1000]),
  );
}

describe.skipIf(binary === undefined)('queueEvaluator with redis-server and two worker processes', () => {
  let server: RedisServer;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    server = await RedisServer.start(binary);
    workers.push(await startWorker(server.url, 'faults'), await startWorker(server.url, 'faults'));
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
    await Promise.all(
      workers.map((w) =>
        w.exitCode === null && w.signalCode === null ? new Promise((r) => w.once('exit', r)) : undefined,
      ),
    );
    await server?.destroy();
  }, 60_000);

  test('every evaluation arrives exactly once: a worker SIGKILLed mid-job, Redis restarted mid-run', async () => {
    const X = rows(24, 0);
    const evaluator = queueEvaluator({
      connection: server.url,
      queue: 'faults',
      runId: 'faults-1',
      retryDelayMs: 100,
      pollMs: 20,
    });
    const reported: number[] = [];
    const running = evaluator.evaluate(problem, X, { seed: 1, onRow: (i) => void reported.push(i) });
    const victim = workers[0]!;
    // Kill the first worker while it has a row started and not ended.
    let killedRow = '';
    await until(() => {
      const list = entries();
      const mine = list.filter((e) => e.pid === victim.pid);
      const open = mine.find((e) => e.what === 'start' && count(mine, 'end', e.row) === 0);
      if (open !== undefined && mine.some((e) => e.what === 'end')) killedRow = open.row;
      return killedRow !== '';
    }, 'a job in flight on the first worker');
    victim.kill('SIGKILL');
    // Restart Redis once a third of the rows are done, with jobs still queued.
    await until(() => entries().filter((e) => e.what === 'end').length >= 8, 'eight finished rows');
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await server.restart();
    const result = await running;
    await evaluator.close();

    const expected = await serialEvaluator().evaluate(testProblem({}), X);
    expect(toArrays(result.F)).toEqual(toArrays(expected.F));
    expect(toArrays(result.G!)).toEqual(toArrays(expected.G!));
    expect(reported.sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    const list = entries();
    for (let i = 0; i < X.rows; i++) expect(count(list, 'end', key(X, i)), `row ${i}`).toBe(1);
    // The killed job was started twice: by the killed worker, then by the other one.
    expect(count(list, 'start', killedRow)).toBe(2);
    expect(list.filter((e) => e.row === killedRow && e.what === 'end').map((e) => e.pid)).toEqual([
      workers[1]!.pid,
    ]);
    workers[0] = await startWorker(server.url, 'faults');
  }, 120_000);

  test('a row that throws: "stop" reports its settings; "mark-failed" marks it and goes on; no retry', async () => {
    const X = toMatrix([
      [0.11, 0.2],
      [0.5, 0.25],
      [0.13, 0.3],
    ]);
    const stopping = queueEvaluator({
      connection: server.url,
      queue: 'faults',
      runId: 'throws-stop',
      attempts: 3,
    });
    const error = await stopping.evaluate(problem, X).catch((e: unknown) => e);
    await stopping.close();
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).row).toBe(1);
    expect((error as EvaluationError).settings).toEqual({ a: 0.5, b: 0.25 });
    expect((error as Error).message).toMatch(
      /row 1: cannot evaluate a = 0.5 \(settings \{"a":0.5,"b":0.25\}\)/,
    );
    const marking = queueEvaluator({
      connection: server.url,
      queue: 'faults',
      runId: 'throws-mark',
      onRowError: 'mark-failed',
    });
    const result = await marking.evaluate(problem, X);
    await marking.close();
    expect(result.F.data[2]).toBeNaN();
    expect(result.G!.data[1]).toBeNaN();
    expect(result.F.data[0]).toBeCloseTo(0.31);
    expect(result.errors).toEqual([
      { row: 1, settings: { a: 0.5, b: 0.25 }, message: 'cannot evaluate a = 0.5' },
    ]);
    // Thrown errors are not retried: one start per run id.
    expect(count(entries(), 'start', '0.5,0.25')).toBe(2);
  }, 60_000);

  test('an evaluation past its timeout fails the attempt; the job is retried, then marked failed', async () => {
    const X = toMatrix([
      [0.21, 0.2],
      [0.23, 0.4],
    ]);
    const evaluator = queueEvaluator({
      connection: server.url,
      queue: 'faults',
      runId: 'timeouts',
      timeoutMs: 100,
      attempts: 2,
      retryDelayMs: 50,
      pollMs: 20,
      onRowError: 'mark-failed',
    });
    const result = await evaluator.evaluate(problem, X);
    await evaluator.close();
    expect(Array.from(result.F.data).every(Number.isNaN)).toBe(true);
    expect(result.errors!.map((e) => e.row)).toEqual([0, 1]);
    expect(result.errors![0]!.message).toMatch(/took longer than 100 ms/);
    expect(count(entries(), 'start', '0.21,0.2')).toBe(2);
  }, 60_000);

  test('an optimizer killed mid-run and resumed reads the finished jobs back instead of re-running them', async () => {
    const X = rows(12, 40);
    const child = spawn(
      process.execPath,
      [optimizerChild, server.url, 'faults', 'resume-1', JSON.stringify(toArrays(X))],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
    });
    await until(() => (out.match(/^row /gm) ?? []).length >= 4, 'four rows received by the optimizer');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const before = entries();
    const resumed = queueEvaluator({
      connection: server.url,
      queue: 'faults',
      runId: 'resume-1',
      pollMs: 20,
    });
    const result = await resumed.evaluate(problem, X);
    await resumed.close();
    const expected = await serialEvaluator().evaluate(testProblem({}), X);
    expect(toArrays(result.F)).toEqual(toArrays(expected.F));
    const list = entries();
    for (let i = 0; i < X.rows; i++) {
      expect(count(list, 'end', key(X, i)), `row ${i}`).toBe(1);
      expect(count(list, 'start', key(X, i)), `row ${i}`).toBe(1);
    }
    // Rows finished before the resume were not evaluated again.
    const finishedBefore =
      X.rows === 0 ? 0 : [...Array(X.rows).keys()].filter((i) => count(before, 'end', key(X, i)) > 0).length;
    expect(finishedBefore).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
