import { createMatrix, type Matrix, real } from '@paretokit/problem';
import type { KnownFrontProblem } from '../benchmark-problem.js';
import { defineBenchmark } from '../internal/define-benchmark.js';

/** Largest cross-section (m²) and stress (Pa), as pymoo. */
const A_MAX = 0.01;
const S_MAX = 1e5;

/** Objectives and constraint of every row of X (3 columns: x1, x2, y). */
function fill(X: Matrix, f: Float64Array, g: Float64Array): void {
  const x = X.data;
  for (let i = 0, o = 0; i < X.rows; i++, o += 3) {
    const x1 = x[o]!;
    const x2 = x[o + 1]!;
    const y = x[o + 2]!;
    const ac = Math.sqrt(16 + y * y);
    const bc = Math.sqrt(1 + y * y);
    f[2 * i] = x1 * ac + x2 * bc;
    // A bar of zero cross-section has infinite stress, as in pymoo.
    const stress = Math.max((20 * ac) / (y * x1), (80 * bc) / (y * x2));
    f[2 * i + 1] = stress;
    g[i] = stress - S_MAX;
  }
}

// With both stresses equal to S, the volume is 100 (4 + y²) / (y S), least at y = 2: V S = 400.
// That needs x2 = 40√5 / S <= A_MAX, so it holds for V <= T; past T, x2 stays at A_MAX and y
// grows (still balancing the stresses), V = (4 + y²) / (80 √(1 + y²)), up to y = 3.
const T = 2 * Math.sqrt(5) * A_MAX;
const V_LOW = 400 / S_MAX;
const V_HIGH = 13 / (80 * Math.sqrt(10));

/** The Pareto-optimal x of volume V in [V_LOW, V_HIGH], written at `o`. */
function optimalX(volume: number, x: Float64Array, o: number): void {
  let y = 2;
  if (volume > T) {
    // y² solves (4 + y²)² = 6400 V² (1 + y²).
    const v2 = volume * volume;
    y = volume >= V_HIGH ? 3 : Math.sqrt(3200 * v2 + 40 * volume * Math.sqrt(6400 * v2 - 12) - 4);
  }
  const s = volume > T ? (100 * (4 + y * y)) / (y * volume) : 400 / volume;
  x[o] = (20 * Math.sqrt(16 + y * y)) / (y * s);
  x[o + 1] = volume > T ? A_MAX : (80 * Math.sqrt(1 + y * y)) / (y * s);
  x[o + 2] = y;
}

/** n points evenly spaced in volume, both ends included. */
function front(n: number): Matrix {
  const X = createMatrix(n, 3);
  for (let i = 0; i < n; i++) {
    optimalX(n === 1 ? V_LOW : V_LOW + ((V_HIGH - V_LOW) * i) / (n - 1), X.data, 3 * i);
  }
  const F = createMatrix(n, 2);
  fill(X, F.data, new Float64Array(n));
  return F;
}

const ends = front(2).data;

/**
 * The two-bar truss (Deb, Pratap & Moitra 2000, "Mechanical component design for multiple
 * objectives using elitist non-dominated sorting GA"), pymoo's `truss2d`: cross-sections x1, x2
 * in [0, 0.01] and height y in [1, 3]; minimize the volume
 * `f1 = x1 √(16 + y²) + x2 √(1 + y²)` and the larger stress
 * `f2 = max(20 √(16 + y²) / (y x1), 80 √(1 + y²) / (y x2))`, with `g = f2 - 1e5 <= 0`.
 * A zero cross-section gives infinite stress (f2 and g = Infinity, as pymoo), e.g. at the
 * lower bound.
 * Front (both stresses equal): `f2 = 400 / f1` for f1 in [0.004, 0.02√5], then, with x2 at its
 * bound, `f2 = 100 (4 + y²) / (y f1)` with y² = 3200 f1² + 40 f1 √(6400 f1² - 12) - 4, up to
 * y = 3 (f1 = 13 / (80√10)); the same as pymoo's offline front.
 * `paretoFront(n)`: exactly n points, evenly spaced in f1 with both ends. `evaluate`: O(rows).
 *
 * @example
 * truss2d().nadirPoint![1] // => 100000
 * truss2d().evaluate(toMatrix([[0, 0, 1]]), { seed: 0 }).F.data[1] // => Infinity
 */
export function truss2d(): KnownFrontProblem {
  return defineBenchmark({
    name: 'truss2d',
    variables: [real(0, A_MAX), real(0, A_MAX), real(1, 3)],
    nObj: 2,
    nConstr: 1,
    fill,
    front,
    idealPoint: [ends[0]!, ends[3]!],
    nadirPoint: [ends[2]!, ends[1]!],
    nonFinite: true,
  });
}
