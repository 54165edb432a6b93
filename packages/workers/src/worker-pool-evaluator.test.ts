import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zdt1 } from '@paretokit/benchmarks';
import {
  EvaluationError,
  InvalidArgumentError,
  type Problem,
  ProblemLoadError,
  serialEvaluator,
  toArrays,
  toMatrix,
} from '@paretokit/problem';
import { afterAll, describe, expect, test } from 'vitest';
// @ts-expect-error: a plain JavaScript fixture, also imported by the worker threads.
import { testProblem } from '../test/fixtures/test-problem.mjs';
import { workerPoolEvaluator } from './worker-pool-evaluator.js';

const fixture = fileURLToPath(new URL('../test/fixtures/test-problem.mjs', import.meta.url));
const journal = join(mkdtempSync(join(tmpdir(), 'pool-test-')), 'journal.txt');
const options = { delayMs: 150, journal, failOn: 0.5 };
const problem: Problem = testProblem(options);
const pool = workerPoolEvaluator({ problem: { module: fixture, export: 'testProblem', options }, size: 2 });
afterAll(() => pool.close());

const X = toMatrix([
  [0.1, 0.2],
  [0.3, 0.4],
  [0.7, 0.1],
  [0.9, 0.9],
  [0.2, 0.6],
]);

describe('workerPoolEvaluator', () => {
  test('evaluates rows on two threads at once and returns them in row order', async () => {
    const reported: number[] = [];
    const result = await pool.evaluate(problem, X, { onRow: (i) => void reported.push(i) });
    const expected = await serialEvaluator().evaluate(testProblem({}), X);
    expect(toArrays(result.F)).toEqual(toArrays(expected.F));
    expect(toArrays(result.G!)).toEqual(toArrays(expected.G!));
    expect(reported.sort()).toEqual([0, 1, 2, 3, 4]);
    // Overlapping evaluations: some row started before another one ended.
    const spans = new Map<string, number[]>();
    for (const line of readFileSync(journal, 'utf8').trim().split('\n')) {
      const [what, , time, row] = line.split(' ');
      const span = spans.get(row!) ?? [];
      span[what === 'start' ? 0 : 1] = Number(time);
      spans.set(row!, span);
    }
    const all = [...spans.values()];
    const overlapping = all.some((a, i) => all.some((b, j) => i !== j && a[0]! < b[1]! && b[0]! < a[1]!));
    expect(overlapping).toBe(true);
  });

  test('a row that throws: "stop" names it and its settings, "mark-failed" marks it NaN', async () => {
    const bad = toMatrix([
      [0.1, 0.2],
      [0.5, 0.25],
      [0.3, 0.3],
    ]);
    const error = await pool.evaluate(problem, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).row).toBe(1);
    expect((error as EvaluationError).settings).toEqual({ a: 0.5, b: 0.25 });
    expect((error as Error).message).toMatch(/test-problem, row 1: cannot evaluate a = 0.5/);
    const marked = await pool.evaluate(problem, bad, { onRowError: 'mark-failed' });
    const good = await serialEvaluator().evaluate(testProblem({}), toMatrix([[0.3, 0.3]]));
    expect(Array.from(marked.F.data.subarray(2))).toEqual([Number.NaN, Number.NaN, ...good.F.data]);
    expect(marked.G!.data[1]).toBeNaN();
    expect(marked.errors).toEqual([
      { row: 1, settings: { a: 0.5, b: 0.25 }, message: 'cannot evaluate a = 0.5' },
    ]);
  });

  test('an empty batch, chunks of rows, and the abort signal', async () => {
    expect((await pool.evaluate(problem, toMatrix([], 'X', 2))).F.rows).toBe(0);
    const chunked = workerPoolEvaluator({
      problem: { module: fixture, export: 'testProblem' },
      size: 2,
      chunkSize: 2,
    });
    try {
      const result = await chunked.evaluate(testProblem({}), X);
      expect(result.F.rows).toBe(5);
      expect(result.F.data[6]).toBe(1.8);
    } finally {
      await chunked.close();
    }
    const controller = new AbortController();
    const running = pool.evaluate(problem, X, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop now')), 50);
    await expect(running).rejects.toThrow('stop now');
  });

  test('clear errors: missing module or export, not a problem, another problem, closed pool', async () => {
    const load = async (module: string, name: string) => {
      const p = workerPoolEvaluator({ problem: { module, export: name }, size: 1 });
      try {
        return await p.evaluate(problem, X).then(
          () => new Error('evaluated'),
          (e: unknown) => e as Error,
        );
      } finally {
        await p.close();
      }
    };
    const missing = await load('./no-such-module.js', 'p');
    expect(missing).toBeInstanceOf(ProblemLoadError);
    expect(missing.message).toMatch(/no-such-module\.js#p: importing it failed/);
    expect((await load(fixture, 'nope')).message).toMatch(/no export "nope".*Its exports: .*testProblem/);
    expect((await load(fixture, 'notAProblem')).message).toMatch(/not a Problem/);
    await expect(pool.evaluate(zdt1(), toMatrix([[0, 0]]))).rejects.toThrow(InvalidArgumentError);
    expect(() => workerPoolEvaluator({ problem: { module: fixture }, size: 0 })).toThrow(/size/);
    const closed = workerPoolEvaluator({ problem: { module: fixture, export: 'testProblem' }, size: 1 });
    await closed.close();
    await expect(closed.evaluate(problem, X)).rejects.toThrow(/closed/);
  });
});
