import { c2dtlz2 } from '@paretokit/benchmarks';
import { latinHypercube, type Matrix } from '@paretokit/problem';
import { expect, test } from 'vitest';
import { surrogateProblem } from './surrogate-problem.js';

test('a batch costs one predict call per target, and each column holds its own model', () => {
  const calls: number[] = [];
  const model = (value: number) => ({
    fit() {},
    predict(X: Matrix) {
      calls.push(X.rows);
      return new Float64Array(X.rows).fill(value);
    },
  });
  const problem = c2dtlz2({ nObj: 2, nVar: 4 });
  const surrogate = surrogateProblem(problem, [model(1), model(2)], [model(-3)], (X) => X);
  const X = latinHypercube(problem, 50, { seed: 1 });
  const { F, G } = surrogate.evaluate(X, { seed: 0 }) as { F: Matrix; G: Matrix };
  expect(calls).toEqual([50, 50, 50]);
  expect(Array.from(F.data.slice(0, 4))).toEqual([1, 2, 1, 2]);
  expect(Array.from(G.data.slice(0, 2))).toEqual([-3, -3]);
  expect(surrogate.objectives).toBe(problem.objectives);
});
