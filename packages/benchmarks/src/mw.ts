import type { BenchmarkProblem, KnownFrontProblem } from './benchmark-problem.js';
import {
  curveFront,
  feasibleArcFront,
  feasibleCurveFront,
  feasibleSphereFront,
  floorFront,
  separableFront,
  simplexFront,
} from './internal/mw-fronts.js';
import {
  line,
  MW1,
  MW2,
  MW3,
  MW4,
  MW5,
  MW6,
  MW7,
  MW8,
  MW9,
  MW10,
  MW11,
  MW12,
  MW13,
  MW14,
  mw1Shape,
  mw3Floor,
  mw12Floor,
  mw12Shape,
} from './internal/mw-problems.js';
import { biobjectiveSize, mwBenchmark, scalableSize } from './internal/mw-spec.js';

// The MW suite: Z. Ma and Y. Wang, "Evolutionary Constrained Multiobjective Optimization: Test
// Suite Construction and Performance Comparisons", IEEE TEVC 23(6), 2019. Values follow pymoo
// 0.6.2 (pymoo/problems/multi/mw.py). Every x_i is in [0, 1] unless stated; constraints are
// feasible when g <= 0. Each evaluation costs O(n + m) per row for n variables. g is one of
// Ma & Wang's distance functions of x_m .. x_n (>= 1, and 1 on the Pareto set), with
// j = m - 1 .. n - 1 counted from 0:
//   g1 = 1 + Σ (1 - exp(-10 (x_j^(n-m) - 1/2 - j/(2n))²)),
//   g2 = 1 + Σ (0.1/n z_j² + 1.5 - 1.5 cos(2π z_j)), z_j = 1 - exp(-10 (x_j - j/n)²),
//   g3 = 1 + Σ 2 (x_j + (x_{j-1} - 1/2)² - 1)².

/**
 * Options of the bi-objective MW problems (all but MW4, MW8 and MW14): the number of variables.
 *
 * @example
 * const options: MwOptions = { nVar: 6 };
 * mw1(options).variables.length // => 6
 */
export interface MwOptions {
  /** Number of variables, at least 2 (default 15): x_1 places the point, the rest set g. */
  readonly nVar?: number;
}

/**
 * Options of MW4, MW8 and MW14, which scale in the number of objectives.
 *
 * @example
 * mw8({ nObj: 5 }).variables.length // => 17
 */
export interface MwScalableOptions extends MwOptions {
  /** Number of objectives, at least 2 (default 3). */
  readonly nObj?: number;
  /** Number of variables, at least nObj (default nObj + 12). */
  readonly nVar?: number;
}

/**
 * MW1: a linear front cut into pieces. g1 (x_j^(n-2) near 1/2 + j/(2n)), `f1 = x1`,
 * `f2 = g - 0.85 f1`, `f1 + f2 - 1 - 0.5 sin(2π √2 (f2 - f1))^8 <= 0`. The front is the feasible
 * part of the line `f2 = 1 - 0.85 f1`; `paretoFront(n)` keeps the feasible points among n evenly
 * spaced in f1, as pymoo does (46 of 100). O(n).
 *
 * @example
 * mw1().paretoFront(100).rows // => 46
 */
export function mw1(options?: MwOptions): KnownFrontProblem {
  return mwBenchmark(
    MW1,
    biobjectiveSize('mw1', options),
    feasibleCurveFront(MW1, (t) => mw1Shape(t, 1)),
  );
}

/**
 * MW2: the whole line `f1 + f2 = 1`, behind g2's many local optima (x_j near j/n).
 * `f1 = x1`, `f2 = g - f1`, `f1 + f2 - 1 - 0.5 sin(3π √2 (f2 - f1))^8 <= 0`, which the line
 * meets everywhere. `paretoFront(n)`: n evenly spaced points. O(n).
 *
 * @example
 * toArrays(mw2().paretoFront(3)) // => [[0, 1], [0.5, 0.5], [1, 0]]
 */
export function mw2(options?: MwOptions): KnownFrontProblem {
  return mwBenchmark(
    MW2,
    biobjectiveSize('mw2', options),
    curveFront((t) => line(t, 1)),
  );
}

/**
 * MW3: the line `f1 + f2 = 1` where feasible, else the boundary of
 * `0.85 - f1 - f2 + 0.3 sin²(0.75π √2 (f2 - f1)) <= 0` beyond it. g3 (linked variables), `f1 = x1`,
 * `f2 = g - f1`, and `f1 + f2 - 1.05 - 0.45 sin(0.75π √2 (f2 - f1))^6 <= 0`. `paretoFront(n)`:
 * n evenly spaced points of the line, each pushed out along its ray onto the boundary where the
 * line is infeasible (exactly; pymoo steps by 0.1%). O(n·53).
 *
 * @example
 * mw3().paretoFront(100).rows // => 100
 */
export function mw3(options?: MwOptions): KnownFrontProblem {
  return mwBenchmark(
    MW3,
    biobjectiveSize('mw3', options),
    floorFront((t) => line(t, 1), mw3Floor),
  );
}

/**
 * MW4: the simplex `Σ f = 1`, all of it feasible. g1, f as DTLZ1's (g times products of x and
 * 1 - x), `Σ f - 1 - 0.4 sin(2.5π (f_m - Σ_{j<m} f_j))^8 <= 0`. `paretoFront(n)`: the simplex
 * lattice with the most points not above n (n >= nObj; 136 points for 3 objectives is pymoo's).
 * O(n·m).
 *
 * @example
 * mw4().paretoFront(136).rows // => 136
 */
export function mw4(options?: MwScalableOptions): KnownFrontProblem {
  const size = scalableSize('mw4', options);
  return mwBenchmark(MW4, size, simplexFront(size.nObj, 'mw4'));
}

/**
 * MW5: g1, f on the quarter circle of radius g (`f1 = g x1`), and three constraints on the radius
 * that depend on the angle. Not sampled (no `paretoFront`): pymoo downloads its front (isolated
 * points of the unit circle, and short pieces of curve next to the axes), and no closed form of
 * it is certain here.
 *
 * @example
 * mw5().paretoFront // => undefined
 */
export function mw5(options?: MwOptions): BenchmarkProblem {
  return mwBenchmark(MW5, biobjectiveSize('mw5', options));
}

/**
 * MW6: the feasible arcs of the circle of radius 1.1. x in [0, 1.1]^n, g2, `f1 = g x1`,
 * `f2 = g √(1.21 - x1²)`, `(f1 / (1 + 0.15 L))² + (f2 / (1 + 0.75 L))² <= 1` with
 * `L = cos(6 atan(f2/f1)^4)^10`. `paretoFront(n)`: pymoo's sample (the line f1 + f2 = 1 at n
 * evenly spaced f1, pushed out to the circle) without its infeasible points (58 of 100), none
 * for n = 1. O(n). At x1 = 1.1, and only there, `(g · 1.1) / g` rounds above 1.1 for a few g in
 * a thousand, which makes f2 and the constraint NaN, in pymoo as here. Which rows those are
 * depends on the last bit of g, and numpy's exp and cos can differ from JavaScript's by an ulp,
 * so at x1 = 1.1 a row can be NaN in one and have f2 = 0 or √(rounding error) ≈ 2e-8 g in the
 * other.
 *
 * @example
 * mw6().paretoFront(100).rows // => 58
 */
export function mw6(options?: MwOptions): KnownFrontProblem {
  return mwBenchmark(MW6, biobjectiveSize('mw6', options), feasibleArcFront(MW6, 1.1));
}

/**
 * MW7: g3, f on the quarter circle of radius g, and a feasible ring whose radii depend on the
 * angle. Not sampled (no `paretoFront`): pymoo downloads its front (the non-dominated part of
 * the feasible region's inner edge), and no closed form of it is certain here.
 *
 * @example
 * mw7().constraints.length // => 2
 */
export function mw7(options?: MwOptions): BenchmarkProblem {
  return mwBenchmark(MW7, biobjectiveSize('mw7', options));
}

/**
 * MW8: the feasible bands of the unit sphere. g2, f as DTLZ2's (g times products of sines and
 * cosines of πx/2), `Σ f² <= (1.25 - 0.5 sin²(6 asin(f_m / |f|)))²`. `paretoFront(n)`: the points
 * of the sphere lattice (as DTLZ2's) that are feasible, as pymoo does (73 of 136 for 3
 * objectives). O(n·m).
 *
 * @example
 * mw8().paretoFront(136).rows // => 73
 */
export function mw8(options?: MwScalableOptions): KnownFrontProblem {
  const size = scalableSize('mw8', options);
  return mwBenchmark(MW8, size, feasibleSphereFront(MW8, size.nObj));
}

/**
 * MW9: g1, `f1 = g x1`, `f2 = g (1 - x1^0.6)`, and one constraint, the least of two products of
 * distances to curves. Not sampled (no `paretoFront`): pymoo downloads its front, and no closed
 * form of it is certain here.
 *
 * @example
 * mw9().objectives.length // => 2
 */
export function mw9(options?: MwOptions): BenchmarkProblem {
  return mwBenchmark(MW9, biobjectiveSize('mw9', options));
}

/**
 * MW10: g2, `f1 = g x1^n`, `f2 = g (1 - x1^(2n))`, and three constraints, each a product of
 * distances to two parabolas. Not sampled (no `paretoFront`): pymoo downloads its front, and no
 * closed form of it is certain here.
 *
 * @example
 * mw10().constraints.length // => 3
 */
export function mw10(options?: MwOptions): BenchmarkProblem {
  return mwBenchmark(MW10, biobjectiveSize('mw10', options));
}

/**
 * MW11: x in [0, √2]^n, g3, f on the quarter circle of radius √2 g, and four constraints, each a
 * product of distances to two parabolas. Not sampled (no `paretoFront`): pymoo downloads its
 * front, and no closed form of it is certain here. f2, and so every g, is NaN where rounding
 * makes `2 - x1²` negative, as at the upper bound x1 = √2 for most g, in pymoo as here (g3 has
 * no elementary functions, so both compute the same g to the last bit).
 *
 * @example
 * Number.isNaN(mw11().evaluate(toMatrix([new Array(15).fill(Math.SQRT2)]), { seed: 0 }).F.data[1]) // => true
 */
export function mw11(options?: MwOptions): BenchmarkProblem {
  return mwBenchmark(MW11, biobjectiveSize('mw11', options));
}

/**
 * MW12: g1, `f1 = g x1`, `f2 = g (0.85 - 0.8 x1 - 0.08 |sin(3.2π x1)|)`, and two constraints,
 * each a product of distances to wavy lines. The curve at g = 1 is infeasible; the front is where
 * its rays first meet `1 - 0.8 f1 - f2 + 0.08 sin(2π (f2 - f1 / 1.5)) = 0`. `paretoFront(n)`: the
 * curve at n evenly spaced x1, each point pushed out along its ray onto that line (exactly; pymoo
 * steps by 0.1%). O(n·53).
 *
 * @example
 * mw12().nadirPoint![0]!.toFixed(6) // => '1.316396'
 */
export function mw12(options?: MwOptions): KnownFrontProblem {
  return mwBenchmark(
    MW12,
    biobjectiveSize('mw12', options),
    floorFront((t) => mw12Shape(t, 1), mw12Floor),
  );
}

/**
 * MW13: x in [0, 1.5]^n, g2, `f1 = g x1`, `f2 = g (5 - exp(x1) - 0.5 |sin(3π x1)|)`, and two
 * constraints, each a product of distances to two curves. Not sampled (no `paretoFront`): pymoo
 * downloads its front, and no closed form of it is certain here.
 *
 * @example
 * mw13().variables[0] // => { kind: 'real', lower: 0, upper: 1.5, name: 'x1' }
 */
export function mw13(options?: MwOptions): BenchmarkProblem {
  return mwBenchmark(MW13, biobjectiveSize('mw13', options));
}

/**
 * MW14: a front in 2^(m-1) parts, as DTLZ7's. x in [0, 1.5]^n, g3, `f_j = x_j` for j < m,
 * `f_m = g / (m - 1) · Σ_{j<m} h(f_j)` with `h(y) = 6 - exp(y) - 1.5 sin(1.1π y²)`, and
 * `f_m <= 1/(m - 1) Σ_{j<m} (5.1 - f_j - 0.5 f_j² - 1.5 sin(1.1π f_j²))`, which holds wherever
 * g = 1. The front is g = 1 with each f_j where h is below all its values at smaller f_j:
 * [0, 0.7313523] or (1.3296339, 1.5] (found to machine precision). pymoo downloads its front.
 * `paretoFront(n)`: the grid of p^(m-1) points, p the largest with p^(m-1) <= n. O(n·m).
 *
 * @example
 * mw14().paretoFront(100).rows // => 100
 */
export function mw14(options?: MwScalableOptions): KnownFrontProblem {
  const size = scalableSize('mw14', options);
  return mwBenchmark(MW14, size, separableFront(size.nObj));
}
