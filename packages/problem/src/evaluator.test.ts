import { describe, expect, it } from 'vitest';
import { defineProblem } from './define-problem.js';
import { EvaluationError } from './errors/evaluation-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { serialEvaluator } from './evaluator.js';
import { toArrays, toMatrix } from './matrix.js';
import { real } from './variables.js';

const calls: number[] = [];
const problem = defineProblem({
  name: 'linear',
  variables: [real(0, 10)],
  objectives: [{ name: 'f' }, { name: 'g', sense: 'max' }],
  constraints: ['c'],
  evaluate: (X, ctx) => {
    calls.push(X.rows);
    const rows = toArrays(X);
    return { F: rows.map(([x]) => [x!, x! + ctx.seed]), G: rows.map(([x]) => [x! - 5]) };
  },
});

describe('serialEvaluator', () => {
  it('evaluates in batches, in row order, passing the seed', async () => {
    calls.length = 0;
    const seen: number[] = [];
    const evaluator = serialEvaluator({ batchSize: 2, onBatch: (start) => void seen.push(start) });
    const X = toMatrix([[1], [2], [3], [4], [5]]);
    const { F, G } = await evaluator.evaluate(problem, X, { seed: 100 });
    expect(calls).toEqual([2, 2, 1]);
    expect(seen).toEqual([0, 2, 4]);
    expect(toArrays(F)).toEqual([
      [1, 101],
      [2, 102],
      [3, 103],
      [4, 104],
      [5, 105],
    ]);
    expect(toArrays(G!)).toEqual([[-4], [-3], [-2], [-1], [0]]);
  });

  it('evaluates everything in one call by default and handles an empty batch', async () => {
    calls.length = 0;
    await serialEvaluator().evaluate(problem, toMatrix([[1], [2], [3]]));
    expect(calls).toEqual([3]);
    const empty = await serialEvaluator().evaluate(problem, toMatrix([], 'X', 1));
    expect(empty.F.rows).toBe(0);
    expect(empty.G!.rows).toBe(0);
  });

  it('stops between batches when aborted', async () => {
    const controller = new AbortController();
    const evaluator = serialEvaluator({ batchSize: 1, onBatch: () => controller.abort() });
    await expect(
      evaluator.evaluate(problem, toMatrix([[1], [2]]), { signal: controller.signal }),
    ).rejects.toThrow(/abort/i);
  });

  it('rejects a bad batch size', () => {
    expect(() => serialEvaluator({ batchSize: 0 })).toThrow(InvalidArgumentError);
    expect(() => serialEvaluator({ onRowError: 'skip' as 'stop' })).toThrow(/mark-failed/);
  });

  it('reports every row through onRow as its batch completes, in row order', async () => {
    const seen: [number, number[]][] = [];
    await serialEvaluator({ batchSize: 2 }).evaluate(problem, toMatrix([[1], [2], [3]]), {
      onRow: (i, r) => void seen.push([i, Array.from(r.F.data)]),
    });
    expect(seen).toEqual([
      [0, [1, 1]],
      [1, [2, 2]],
      [2, [3, 3]],
    ]);
  });

  const fragile = defineProblem({
    name: 'fragile',
    variables: { rate: real(0, 10) },
    objectives: [{ name: 'f' }],
    constraints: ['c'],
    evaluateOne: ({ rate }) => {
      if (rate === 2) throw new Error('diverged');
      return { F: [rate], G: [0] };
    },
  });

  it('without a policy, an error propagates as thrown', async () => {
    await expect(serialEvaluator().evaluate(fragile, toMatrix([[1], [2]]))).rejects.toThrow(/diverged/);
  });

  it('"stop" names the failing row and its settings after reporting the rows before it', async () => {
    const done: number[] = [];
    const error = await serialEvaluator({ onRowError: 'stop' })
      .evaluate(fragile, toMatrix([[1], [2], [3]]), { onRow: (i) => void done.push(i) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).row).toBe(1);
    expect((error as EvaluationError).settings).toEqual({ rate: 2 });
    expect((error as Error).message).toMatch(/row 1.*diverged.*"rate":2/);
    expect(done).toEqual([0]);
  });

  it('"mark-failed" gives the row NaN values and lists it in errors', async () => {
    const rows: number[] = [];
    const result = await serialEvaluator().evaluate(fragile, toMatrix([[1], [2], [3]]), {
      onRowError: 'mark-failed',
      onRow: (i, r) => void rows.push(i, r.errors?.length ?? 0),
    });
    expect(Array.from(result.F.data)).toEqual([1, Number.NaN, 3]);
    expect(Array.from(result.G!.data)).toEqual([0, Number.NaN, 0]);
    expect(result.errors).toEqual([
      { row: 1, settings: { rate: 2 }, message: expect.stringMatching(/diverged/) },
    ]);
    expect(rows).toEqual([0, 0, 1, 1, 2, 0]);
  });
});
