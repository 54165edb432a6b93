import { describe, expect, it } from 'vitest';
import { defineProblem } from './define-problem.js';
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
  });
});
