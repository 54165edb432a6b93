import { createMatrix, type Matrix, real } from '@paretokit/problem';
import type { KnownFrontProblem } from '../benchmark-problem.js';
import { defineBenchmark } from '../internal/define-benchmark.js';

/** Objectives and constraints of every row of X (2 columns). */
function fill(X: Matrix, f: Float64Array, g: Float64Array): void {
  const x = X.data;
  for (let i = 0; i < X.rows; i++) {
    const x1 = x[2 * i]!;
    const x2 = x[2 * i + 1]!;
    f[2 * i] = 4 * x1 * x1 + 4 * x2 * x2;
    f[2 * i + 1] = (x1 - 5) ** 2 + (x2 - 5) ** 2;
    g[2 * i] = (1 / 25) * ((x1 - 5) ** 2 + x2 * x2 - 25);
    g[2 * i + 1] = (-1 / 7.7) * ((x1 - 8) ** 2 + (x2 + 3) ** 2 - 7.7);
  }
}

/** pymoo's Pareto set: x1 evenly in [0, 5] (as `linspace`), x2 = min(x1, 3). */
function front(n: number): Matrix {
  const X = createMatrix(n, 2);
  const step = n === 1 ? 0 : 5 / (n - 1);
  for (let i = 0; i < n; i++) {
    const x1 = i === n - 1 && n > 1 ? 5 : i * step;
    X.data[2 * i] = x1;
    X.data[2 * i + 1] = Math.min(x1, 3);
  }
  const F = createMatrix(n, 2);
  fill(X, F.data, new Float64Array(2 * n));
  return F;
}

/**
 * BNH (Binh & Korn 1997, "MOBES: a multiobjective evolution strategy for constrained
 * optimization problems"): two quadratics on a box, with two circular constraints that cut no
 * Pareto-optimal point. x1 in [0, 5], x2 in [0, 3];
 * `f1 = 4 x1² + 4 x2²`, `f2 = (x1 - 5)² + (x2 - 5)²`; scaled as pymoo (feasible when <= 0):
 * `g1 = ((x1 - 5)² + x2² - 25) / 25`, `g2 = -((x1 - 8)² + (x2 + 3)² - 7.7) / 7.7`.
 * Front: the segment between the two objectives' minima clipped by x2 <= 3, x1 = x2 in [0, 3]
 * then x2 = 3, x1 in [3, 5]: `f2 = 2 (√(f1/8) - 5)²` up to f1 = 72, then
 * `f2 = (√((f1 - 36)/4) - 5)² + 4` up to 136. `paretoFront(n)`: exactly n points, pymoo's: x1
 * evenly in [0, 5] with both ends, x2 = min(x1, 3). `evaluate`: O(rows).
 *
 * @example
 * toArrays(bnh().paretoFront(3)) // => [[0, 50], [50, 12.5], [136, 4]]
 */
export function bnh(): KnownFrontProblem {
  return defineBenchmark({
    name: 'bnh',
    variables: [real(0, 5), real(0, 3)],
    nObj: 2,
    nConstr: 2,
    fill,
    front,
    idealPoint: [0, 4],
    nadirPoint: [136, 50],
  });
}
