import type { KnownFrontProblem } from './benchmark-problem.js';
import { type CtpShape, ctp1Count, ctp1Spec, ctpShape, ctpSize, ctpSpec } from './internal/ctp-family.js';
import {
  bandFront,
  bandInBandsFront,
  ctp1Front,
  ctp5Front,
  curveInBandsFront,
  flatFloorsFront,
  floorsFront,
  frontCorners,
  type PiecewiseFront,
  sampleFront,
} from './internal/ctp-fronts.js';
import { defineBenchmark } from './internal/define-benchmark.js';

// pymoo 0.6.2 downloads the CTP fronts (samples from an optimizer's run); here they are derived
// from the constraint shapes in objective space (internal/ctp-fronts.ts, to machine precision by
// bisection), and ctp.test.ts checks them through `evaluate` against a dense scan and random
// points.

/**
 * Options of the CTP problems (two objectives), as pymoo's `CTP1(n_var, option)` ... `CTP8`.
 *
 * @example
 * const options: CtpOptions = { nVar: 4, gFunction: 'multimodal' };
 * ctp2(options).variables[1] // => { kind: 'real', lower: -5.12, upper: 5.12, name: 'x2' }
 */
export interface CtpOptions {
  /** Number of variables, at least 2 (default 2, as pymoo). */
  readonly nVar?: number;
  /**
   * The distance function g of x2..xn: `'linear'`, `1 + Σ x_i` with x_i in [0, 1] (default, as
   * pymoo), or `'multimodal'`, Rastrigin's `1 + 10(n-1) + Σ (x_i² - 10 cos(2π x_i))` with x_i in
   * [-5.12, 5.12] (CTP6 and CTP8: [-5.12, 20], as pymoo). Both are 1 at x2..xn = 0 and never
   * below, so the front does not depend on it.
   */
  readonly gFunction?: 'linear' | 'multimodal';
}

/**
 * Options of CTP1: those of every CTP problem and the number of constraints.
 *
 * @example
 * ctp1({ nConstr: 4 }).constraints.length // => 4
 */
export interface Ctp1Options extends CtpOptions {
  /** Number of constraints J, at least 1 (default 2, as pymoo and the paper). */
  readonly nConstr?: number;
}

const TUNNEL = -0.2 * Math.PI;
const CTP2_SHAPE = ctpShape(TUNNEL, 0.2, 10, 1, 6, 1);
const CTP3_SHAPE = ctpShape(TUNNEL, 0.1, 10, 1, 0.5, 1);
const CTP4_SHAPE = ctpShape(TUNNEL, 0.75, 10, 1, 0.5, 1);
const CTP5_SHAPE = ctpShape(TUNNEL, 0.1, 10, 2, 0.5, 1);
const CTP6_SHAPE = ctpShape(0.1 * Math.PI, 40, 0.5, 1, 2, -2);
const CTP7_SHAPE = ctpShape(-0.05 * Math.PI, 40, 5, 1, 6, 0);
const CTP8_BANDS = ctpShape(-0.05 * Math.PI, 40, 2, 1, 6, 0);

/** Each front is a constant, found by root finding once and kept. */
const fronts = new Map<string, PiecewiseFront>();

function makeCtp(
  name: string,
  options: CtpOptions | undefined,
  shapes: readonly CtpShape[],
  front: () => PiecewiseFront,
  upperTwenty = false,
): KnownFrontProblem {
  const size = ctpSize(name, options);
  let known = fronts.get(name);
  if (known === undefined) {
    known = front();
    fronts.set(name, known);
  }
  const sample = known;
  return defineBenchmark({
    ...ctpSpec(name, size, shapes, upperTwenty),
    front: (n) => sampleFront(sample, n),
    ...frontCorners(sample),
    // Every shape but CTP6's can put v = 0 (a zero denominator) in reach.
    nonFinite: shapes.some((s) => s.e >= 0),
  });
}

/**
 * CTP1 (Deb, Pratap & Meyarivan 2001, "Constrained test problems for multi-objective
 * evolutionary optimization", EMO 2001): the unconstrained front `f2 = exp(-f1)` with J
 * exponential constraints cutting into it. x1 in [0, 1], x2..xn in [0, 1] (n = 2),
 * `f1 = x1`, `f2 = g exp(-f1 / g)` with g as in {@link CtpOptions}, and
 * `g_j = a_j exp(-b_j f1) - f2 <= 0`, where each curve meets the previous one at f1 = j/(J+1)
 * (J = 2: a = (0.858, 0.728), b = (0.541, 0.295)).
 * Front: `f2 = max(exp(-f1), max_j a_j exp(-b_j f1))` over f1 in [0, 1], reached with g = 1
 * (x2..xn = 0); partly on the constraint boundaries. `paretoFront(n)`: exactly n points,
 * evenly spaced in f1 with both ends. (pymoo downloads a sampled front.)
 * `evaluate`: O(rows · (n + J)).
 *
 * @example
 * ctp1().nadirPoint // => [1, 1]
 * ctp1().idealPoint![1].toFixed(6) // => '0.542172'
 */
export function ctp1(options?: Ctp1Options): KnownFrontProblem {
  const size = ctpSize('ctp1', options, ['nConstr']);
  const count = ctp1Count(size);
  const known = ctp1Front(count);
  return defineBenchmark({
    ...ctp1Spec(size, count),
    front: (n) => sampleFront(known, n),
    ...frontCorners(known),
  });
}

/**
 * CTP2 (Deb et al. 2001): a front in 13 short pieces. x1 in [0, 1], x2..xn in [0, 1] (n = 2),
 * `f1 = x1`, `f2 = g (1 - √(f1 / g))` (pymoo's form; the paper has `g - f1`), and one
 * constraint: with `u = (f2 - 1) cos θ - f1 sin θ`, `v = (f2 - 1) sin θ + f1 cos θ`,
 * θ = -0.2π, feasible where `u >= 0.2 |sin(10π v)|^6`, given as pymoo does (after the NSGA-II
 * code) as `1 - u / (0.2 |sin(10π v)|^6) <= 0`. That is 0/0 = NaN where u = v = 0, e.g. at
 * x = 0, and ±Infinity where only v = 0: returned as pymoo gives them.
 * The unconstrained front is infeasible; the feasible tunnels open onto the line u = 0 at
 * v = k/10, and flat walls (6th power) leave a short non-dominated stretch of wall around each
 * opening: 13 pieces, k = 0 .. 12, from (0, 1) to f1 = 0.9845. `paretoFront(n)`: exactly n
 * points, shared among the pieces by width. `evaluate`: O(rows · n).
 *
 * @example
 * ctp2().idealPoint![1].toFixed(4) // => '0.2872'
 * ctp2().evaluate(toMatrix([[0, 0]]), { seed: 0 }).G!.data[0] // => NaN
 */
export function ctp2(options?: CtpOptions): KnownFrontProblem {
  return makeCtp('ctp2', options, [CTP2_SHAPE], () => flatFloorsFront(CTP2_SHAPE));
}

/**
 * CTP3 (Deb et al. 2001): CTP2 with `a = 0.1, d = 0.5`: the tunnels narrow to cusps, and the
 * front is 13 isolated points, the tunnel openings `(0.1 k cos θ, 1 + 0.1 k sin θ)`,
 * k = 0 .. 12, θ = -0.2π. pymoo's constraint there is 0/0 = NaN (u = 0 and the sine vanishes);
 * points just inside a tunnel are feasible, so the front is reached only in the limit.
 * `paretoFront(n)`: the 13 points, or n of them evenly chosen if n < 13. `evaluate`: O(rows · n).
 *
 * @example
 * ctp3().paretoFront(100).rows // => 13
 */
export function ctp3(options?: CtpOptions): KnownFrontProblem {
  return makeCtp('ctp3', options, [CTP3_SHAPE], () => floorsFront(CTP3_SHAPE));
}

/**
 * CTP4 (Deb et al. 2001): CTP3 with `a = 0.75`: deeper, harder tunnels, the same 13 points.
 * `paretoFront(n)`: the 13 points, or n of them evenly chosen if n < 13. `evaluate`: O(rows · n).
 *
 * @example
 * toArrays(ctp4().paretoFront(2)) // => [[0, 1], [0.9708203932499369, 0.29465769724903224]]
 */
export function ctp4(options?: CtpOptions): KnownFrontProblem {
  return makeCtp('ctp4', options, [CTP4_SHAPE], () => floorsFront(CTP4_SHAPE));
}

/**
 * CTP5 (Deb et al. 2001): CTP3 with `c = 2`: the tunnels open at v = √(k/10), ever closer.
 * For k >= 1 they are cusps, so 15 isolated points up to f1 = 0.9908 (NaN there in pymoo, as in
 * CTP3); but at k = 0 the wall leaves (0, 1) with a finite slope, so the front also holds the
 * stretch of that wall whose f1 is below the next opening's, 0 <= f1 < 0.2558.
 * `paretoFront(n)`: the 15 points and n - 15 points on the stretch, evenly spaced from (0, 1)
 * (its end, level with the next opening, is dominated and left out); n of the points if n <= 15.
 * `evaluate`: O(rows · n).
 *
 * @example
 * ctp5().paretoFront(100).rows // => 100
 */
export function ctp5(options?: CtpOptions): KnownFrontProblem {
  return makeCtp('ctp5', options, [CTP5_SHAPE], () => ctp5Front(CTP5_SHAPE));
}

/**
 * CTP6 (Deb et al. 2001): infeasible bands across the objective space. x1 in [0, 1], x2..xn in
 * [0, 20] (n = 2), objectives as CTP2, and one constraint: θ = 0.1π, e = -2,
 * `u >= 40 sin²(0.5π v)`. The bands cover the unconstrained front; the front is the lower-left
 * wall of the feasible band around v = 2, from (0, 3.6958) to (1, 0.8813), each point found by
 * bisection on its vertical line. `paretoFront(n)`: exactly n points, evenly spaced in f1 with
 * both ends. `evaluate`: O(rows · n).
 *
 * @example
 * ctp6().idealPoint![1].toFixed(4) // => '0.8813'
 */
export function ctp6(options?: CtpOptions): KnownFrontProblem {
  return makeCtp('ctp6', options, [CTP6_SHAPE], () => bandFront(CTP6_SHAPE), true);
}

/**
 * CTP7 (Deb et al. 2001): feasible bands that cut the unconstrained front into pieces.
 * Variables and objectives as CTP2, one constraint: θ = -0.05π, e = 0,
 * `u >= 40 |sin(5π v)|^6`. Front: the six parts of `f2 = 1 - √f1` inside the bands (ends found
 * to machine precision), and (0, 1.0446), the lowest feasible point with f1 = 0, where the curve
 * is infeasible. `paretoFront(n)`: that point and n - 1 points over the parts, by width; the
 * point alone if n = 1. `evaluate`: O(rows · n).
 *
 * @example
 * ctp7().paretoFront(1).data[1].toFixed(4) // => '1.0446'
 */
export function ctp7(options?: CtpOptions): KnownFrontProblem {
  return makeCtp('ctp7', options, [CTP7_SHAPE], () => curveInBandsFront(CTP7_SHAPE));
}

/**
 * CTP8 (Deb et al. 2001): CTP6's constraint and CTP7's with b = 2 together. Variables as CTP6,
 * objectives as CTP2. Front: the parts of CTP6's front inside the second constraint's bands,
 * three pieces from (0, 3.6958). `paretoFront(n)`: exactly n points over the pieces, by width.
 * `evaluate`: O(rows · n).
 *
 * @example
 * ctp8().constraints.length // => 2
 * ctp8().paretoFront(50).rows // => 50
 */
export function ctp8(options?: CtpOptions): KnownFrontProblem {
  return makeCtp(
    'ctp8',
    options,
    [CTP6_SHAPE, CTP8_BANDS],
    () => bandInBandsFront(CTP6_SHAPE, CTP8_BANDS),
    true,
  );
}
