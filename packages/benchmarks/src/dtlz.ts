import type { KnownFrontProblem } from './benchmark-problem.js';
import { defineBenchmark } from './internal/define-benchmark.js';
import { DEFAULT_K, type DtlzVariant, dtlzSize, dtlzSpec } from './internal/dtlz-family.js';

/**
 * Options of the DTLZ problems: `nVar = nObj + k - 1`, where the last k variables are the
 * distance variables (g) and the first nObj - 1 place a point along the front.
 *
 * @example
 * const options: DtlzOptions = { nObj: 5 };
 * dtlz2(options).variables.length // => 14
 */
export interface DtlzOptions {
  /** Number of objectives, at least 2 (default 3). */
  readonly nObj?: number;
  /** Number of variables, at least nObj (default nObj + k - 1, k as each problem states). */
  readonly nVar?: number;
}

function dtlz(variant: DtlzVariant, options: DtlzOptions | undefined): KnownFrontProblem {
  const name = `dtlz${variant}`;
  return defineBenchmark(dtlzSpec(variant, name, dtlzSize(name, options, DEFAULT_K[variant])));
}

/**
 * DTLZ1 (Deb, Thiele, Laumanns & Zitzler 2005): a linear front behind 11^k - 1 local fronts.
 * x in [0, 1]^n, k = 5 (n = nObj + 4), `g = 100 (k + Σ_{x in x_M} ((x - 0.5)² - cos(20π (x - 0.5))))`,
 * `f_1 = 0.5 (1 + g) x_1 ··· x_{M-1}`, ..., `f_M = 0.5 (1 + g) (1 - x_1)`.
 * Pareto-optimal where x_M = 0.5: the simplex Σ f = 0.5.
 * `paretoFront(n)`: the simplex lattice (Das & Dennis) with the most points not above n, times
 * 0.5; n must be at least nObj. For 3 objectives, n = 136 gives pymoo's 15-partition front.
 *
 * @example
 * toArrays(dtlz1().evaluate(toMatrix([new Array(7).fill(0.5)]), { seed: 0 }).F) // => [[0.125, 0.125, 0.25]]
 */
export function dtlz1(options?: DtlzOptions): KnownFrontProblem {
  return dtlz(1, options);
}

/**
 * DTLZ2 (Deb et al. 2005): a spherical front. x in [0, 1]^n, k = 10 (n = nObj + 9),
 * `g = Σ_{x in x_M} (x - 0.5)²`, `f_1 = (1 + g) ∏ cos(x_i π/2)`, ...,
 * `f_M = (1 + g) sin(x_1 π/2)`. Pareto-optimal where x_M = 0.5: the unit sphere Σ f² = 1, f >= 0.
 * `paretoFront(n)`: the simplex lattice with the most points not above n, each point scaled to
 * norm 1 (as pymoo does); n must be at least nObj.
 *
 * @example
 * toArrays(dtlz2({ nObj: 2 }).paretoFront(3)) // => [[1, 0], [0.7071067811865475, 0.7071067811865475], [0, 1]]
 */
export function dtlz2(options?: DtlzOptions): KnownFrontProblem {
  return dtlz(2, options);
}

/**
 * DTLZ3 (Deb et al. 2005): DTLZ2's sphere behind 3^k - 1 local fronts: DTLZ2 with DTLZ1's
 * multimodal g (k = 10). Pareto-optimal where x_M = 0.5. `paretoFront(n)` as DTLZ2.
 *
 * @example
 * dtlz3().variables.length // => 12
 */
export function dtlz3(options?: DtlzOptions): KnownFrontProblem {
  return dtlz(3, options);
}

/**
 * DTLZ4 (Deb et al. 2005): DTLZ2 with a biased density, each angle `x_i^100 · π/2` (k = 10).
 * Pareto-optimal where x_M = 0.5. `paretoFront(n)` as DTLZ2.
 *
 * @example
 * dtlz4({ nObj: 5 }).objectives.length // => 5
 */
export function dtlz4(options?: DtlzOptions): KnownFrontProblem {
  return dtlz(4, options);
}

/**
 * DTLZ5 (Deb et al. 2005): a degenerate front. DTLZ2's g (k = 10), with every angle after the
 * first set to `π/2 · (1 + 2 g x_i) / (2 (1 + g))`, so at g = 0 (x_M = 0.5) they are all π/4.
 * For 2 and 3 objectives the front is that curve, and `paretoFront(n)` gives exactly n points on
 * it, evenly spaced in the free angle. With 4 or more objectives the front is larger than the
 * curve and not known in closed form (Ishibuchi, Masuda & Nojima 2016): `paretoFront` throws
 * and there is no `nadirPoint` (pymoo returns the curve there).
 *
 * @example
 * dtlz5().nadirPoint // => [0.7071067811865476, 0.7071067811865475, 1]
 */
export function dtlz5(options?: DtlzOptions): KnownFrontProblem {
  return dtlz(5, options);
}

/**
 * DTLZ6 (Deb et al. 2005): DTLZ5 with the harder `g = Σ_{x in x_M} x^0.1` (k = 10),
 * Pareto-optimal where x_M = 0. Front, `paretoFront` and its limits as DTLZ5.
 *
 * @example
 * dtlz6({ nObj: 2 }).paretoFront(5).rows // => 5
 */
export function dtlz6(options?: DtlzOptions): KnownFrontProblem {
  return dtlz(6, options);
}

/**
 * DTLZ7 (Deb et al. 2005): a front in 2^(M-1) disconnected parts. x in [0, 1]^n, k = 20
 * (n = nObj + 19), `f_i = x_i` for i < M, `g = 1 + 9/k Σ_{x in x_M} x`,
 * `f_M = (1 + g) (M - Σ_{i<M} f_i / (1 + g) · (1 + sin(3π f_i)))`. Pareto-optimal where
 * x_M = 0: `f_M = 2M - Σ_{i<M} f_i (1 + sin(3π f_i))` with each f_i in [0, 0.2514118360889]
 * or [0.6316265307001, 0.8594008566447] (where `f_i (1 + sin 3π f_i)` is above all its values at
 * smaller f_i; computed to machine precision).
 * `paretoFront(n)`: the grid of p^(M-1) points, p the largest integer with p^(M-1) <= n, each
 * axis sampled over the two intervals in proportion to their width, ends included. pymoo's
 * `pareto_front()` for nObj != 3 keeps dominated points of the curve too.
 *
 * @example
 * dtlz7({ nObj: 3 }).paretoFront(100).rows // => 100
 */
export function dtlz7(options?: DtlzOptions): KnownFrontProblem {
  return dtlz(7, options);
}
