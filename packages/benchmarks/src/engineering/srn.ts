import { createMatrix, type Matrix, real } from '@paretokit/problem';
import type { KnownFrontProblem } from '../benchmark-problem.js';
import { bracket } from '../internal/ctp-fronts.js';
import { defineBenchmark } from '../internal/define-benchmark.js';

/** Objectives and constraints of every row of X (2 columns). */
function fill(X: Matrix, f: Float64Array, g: Float64Array): void {
  const x = X.data;
  for (let i = 0; i < X.rows; i++) {
    const x1 = x[2 * i]!;
    const x2 = x[2 * i + 1]!;
    f[2 * i] = 2 + (x1 - 2) ** 2 + (x2 - 1) ** 2;
    f[2 * i + 1] = 9 * x1 - (x2 - 1) ** 2;
    g[2 * i] = x1 * x1 + x2 * x2 - 225;
    g[2 * i + 1] = x1 - 3 * x2 + 10;
  }
}

// f1 + f2 = (x1 + 2.5)² - 1/4 depends on x1 alone, so x1 = -2.5 is best wherever it can reach
// the f1 asked for; beyond its reach the front follows the constraint that stops it.
/** The least f1, at (1.1, 3.7): the point of the line x1 - 3 x2 + 10 = 0 nearest to (2, 1). */
const F1_LOW = 10.1;
/** Where the line meets x1 = -2.5, at x2 = 2.5. */
const F1_LINE = 24.5;
/** Where x1 = -2.5 meets the circle x1² + x2² = 225, at x2 = √218.75. */
const F1_CIRCLE = 232 - 4 * -2.5 - 2 * Math.sqrt(218.75);
// On the circle x = 15 (cos t, sin t): f1 = 232 - 60 cos t - 30 sin t = 232 - R cos(t - α).
const R = Math.sqrt(60 * 60 + 30 * 30);
const ALPHA = Math.atan2(30, 60);
/** Where f2 = 135 cos t - (15 sin t - 1)² stops falling along the circle (about t = 1.9). */
const T_END = bracket(
  (t) => 9 * Math.sin(t) + 30 * Math.sin(t) * Math.cos(t) - 2 * Math.cos(t),
  Math.acos(-2.5 / 15),
  Math.PI,
)[0];
const F1_HIGH = 232 - R * Math.cos(T_END - ALPHA);

/** The Pareto-optimal x with objective f1 (in [F1_LOW, F1_HIGH]), written at `o`. */
function optimalX(f1: number, x: Float64Array, o: number): void {
  if (f1 <= F1_LINE) {
    // On x1 - 3 x2 + 10 = 0, f1 = 10.1 + (x1 - 1.1)² / 0.9.
    x[o] = 1.1 - Math.sqrt(0.9 * (f1 - F1_LOW));
    x[o + 1] = (x[o]! + 10) / 3;
  } else if (f1 <= F1_CIRCLE) {
    x[o] = -2.5;
    x[o + 1] = 1 + Math.sqrt(f1 - 22.25);
  } else {
    const t = f1 >= F1_HIGH ? T_END : ALPHA + Math.acos((232 - f1) / R);
    x[o] = 15 * Math.cos(t);
    x[o + 1] = 15 * Math.sin(t);
  }
}

/** n points evenly spaced in f1 over the front, both ends included. */
function front(n: number): Matrix {
  const X = createMatrix(n, 2);
  for (let i = 0; i < n; i++) {
    optimalX(n === 1 ? F1_LOW : F1_LOW + ((F1_HIGH - F1_LOW) * i) / (n - 1), X.data, 2 * i);
  }
  const F = createMatrix(n, 2);
  fill(X, F.data, new Float64Array(2 * n));
  return F;
}

const ends = front(2).data;

/**
 * SRN (Srinivas & Deb 1994, "Multiobjective optimization using nondominated sorting in genetic
 * algorithms"): two quadratics, a disc and a half-plane. x in [-20, 20]²;
 * `f1 = 2 + (x1 - 2)² + (x2 - 1)²`, `f2 = 9 x1 - (x2 - 1)²`; unscaled as pymoo (feasible when
 * <= 0): `g1 = x1² + x2² - 225`, `g2 = x1 - 3 x2 + 10`.
 * Front: since f1 + f2 = (x1 + 2.5)² - 1/4, the line f1 + f2 = -1/4 (x1 = -2.5,
 * x2 in [2.5, √218.75], f1 in [24.5, 212.42]), extended at low f1 along g2 = 0 (x1 from -2.5
 * to 1.1, f1 down to 10.1 at (1.1, 3.7), the least f1) and at high f1 along g1 = 0 (around the
 * circle until f2 stops falling, f1 up to 222.97). pymoo's `pareto_front()` (100 points) is only
 * the line, with its last point at x2 = 14.7902, 5e-7 outside the circle.
 * `paretoFront(n)`: exactly n points, evenly spaced in f1 with both ends. `evaluate`: O(rows).
 *
 * @example
 * srn().idealPoint!.map((v) => v.toFixed(2)) // => ['10.10', '-217.74']
 * srn().paretoFront(5).rows // => 5
 */
export function srn(): KnownFrontProblem {
  return defineBenchmark({
    name: 'srn',
    variables: [real(-20, 20), real(-20, 20)],
    nObj: 2,
    nConstr: 2,
    fill,
    front,
    idealPoint: [ends[0]!, ends[3]!],
    nadirPoint: [ends[2]!, ends[1]!],
  });
}
