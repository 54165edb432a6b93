import { type Matrix, real } from '@paretokit/problem';
import type { BenchmarkProblem } from '../benchmark-problem.js';
import { defineBenchmark } from '../internal/define-benchmark.js';

/** Objectives and constraints of every row of X (6 columns). */
function fill(X: Matrix, f: Float64Array, g: Float64Array): void {
  const x = X.data;
  for (let i = 0, o = 0; i < X.rows; i++, o += 6) {
    const x1 = x[o]!;
    const x2 = x[o + 1]!;
    const x3 = x[o + 2]!;
    const x4 = x[o + 3]!;
    const x5 = x[o + 4]!;
    const x6 = x[o + 5]!;
    f[2 * i] = -(25 * (x1 - 2) ** 2 + (x2 - 2) ** 2 + (x3 - 1) ** 2 + (x4 - 4) ** 2 + (x5 - 1) ** 2);
    f[2 * i + 1] = x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 + x5 * x5 + x6 * x6;
    // Osyczka & Kundu's c_j >= 0, scaled and negated as pymoo writes them.
    const c = 6 * i;
    g[c] = -((x1 + x2 - 2) / 2);
    g[c + 1] = -((6 - x1 - x2) / 6);
    g[c + 2] = -((2 - x2 + x1) / 2);
    g[c + 3] = -((2 - x1 + 3 * x2) / 2);
    g[c + 4] = -((4 - (x3 - 3) ** 2 - x4) / 4);
    g[c + 5] = -(((x5 - 3) ** 2 + x6 - 4) / 4);
  }
}

/**
 * OSY (Osyczka & Kundu 1995, "A new method to solve generalized multicriteria optimization
 * problems using the simple genetic algorithm"): six variables, six linear and quadratic
 * constraints, and a front made of five pieces on different constraint boundaries.
 * x in [0, 10] × [0, 10] × [1, 5] × [0, 6] × [1, 5] × [0, 10];
 * `f1 = -(25 (x1 - 2)² + (x2 - 2)² + (x3 - 1)² + (x4 - 4)² + (x5 - 1)²)`, `f2 = Σ x_i²`;
 * constraints `c_j >= 0` scaled and negated as pymoo (feasible when <= 0):
 * `(x1 + x2 - 2)/2`, `(6 - x1 - x2)/6`, `(2 - x2 + x1)/2`, `(2 - x1 + 3 x2)/2`,
 * `(4 - (x3 - 3)² - x4)/4`, `((x5 - 3)² + x6 - 4)/4`.
 * No `paretoFront`: pymoo downloads a sampled front, and the pieces given in the literature are
 * not verified here. `evaluate`: O(rows).
 *
 * @example
 * osy().constraints.length // => 6
 * osy().paretoFront // => undefined
 */
export function osy(): BenchmarkProblem {
  return defineBenchmark({
    name: 'osy',
    variables: [real(0, 10), real(0, 10), real(1, 5), real(0, 6), real(1, 5), real(0, 10)],
    nObj: 2,
    nConstr: 6,
    fill,
  });
}
