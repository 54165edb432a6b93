import type { BenchmarkProblem } from './benchmark-problem.js';
import { dascmopSpec } from './internal/dascmop-family.js';
import { defineBenchmark } from './internal/define-benchmark.js';

/**
 * Options of DAS-CMOP1-9 (required, as in pymoo): either `difficulty`, an integer 1 ... 16 that
 * picks row `difficulty` of pymoo 0.6.2's `DIFFICULTIES` table, counted from 1 as pymoo's
 * `DASCMOP1(difficulty)` does (`DIFFICULTIES[difficulty - 1]`), or the raw factors (pymoo's
 * tuple), each in [0, 1]: `eta` (η, diversity: the sin/cos bands of x_1, x_2), `zeta` (ζ,
 * feasibility: the band d <= g <= e) and `gamma` (γ, convergence: holes of radius γ/2).
 *
 * | difficulty | 1    | 2    | 3    | 4    | 5   | 6   | 7   | 8   | 9    | 10   | 11   | 12   | 13 | 14  | 15  | 16  |
 * | ---------- | ---- | ---- | ---- | ---- | --- | --- | --- | --- | ---- | ---- | ---- | ---- | -- | --- | --- | --- |
 * | η          | 0.25 | 0    | 0    | 0.25 | 0.5 | 0   | 0   | 0.5 | 0.75 | 0    | 0    | 0.75 | 0  | 0.5 | 0   | 0.5 |
 * | ζ          | 0    | 0.25 | 0    | 0.25 | 0   | 0.5 | 0   | 0.5 | 0    | 0.75 | 0    | 0.75 | 1  | 1   | 1   | 1   |
 * | γ          | 0    | 0    | 0.25 | 0.25 | 0   | 0   | 0.5 | 0.5 | 0    | 0    | 0.75 | 0.75 | 0  | 0   | 0.5 | 0.5 |
 *
 * @example
 * dascmop1({ difficulty: 16 }).constraints.length // => 11
 * dascmop7({ eta: 0.5, zeta: 1, gamma: 0.5 }).objectives.length // => 3
 */
export type DascmopOptions =
  | { readonly difficulty: number; readonly eta?: never; readonly zeta?: never; readonly gamma?: never }
  | { readonly eta: number; readonly zeta: number; readonly gamma: number; readonly difficulty?: never };

function dascmop(variant: number, options: DascmopOptions): BenchmarkProblem {
  return defineBenchmark(dascmopSpec(variant, options));
}

/**
 * DAS-CMOP1 (Fan et al., Evolutionary Computation 2020): a concave two-objective front cut by
 * all three difficulties. 30 variables in [0, 1], `g = Σ_{j>=2} (x_j - sin(π x_1 / 2))²`,
 * `f_1 = x_1 + g`, `f_2 = 1 - x_1² + g`, and 11 constraints, negated to g <= 0 feasible as
 * pymoo: `sin(20π x_1) >= 2η - 1`; `(e - g)(g - d) >= 0` with d = 0.5 (0 if ζ = 0), e = d - ln ζ
 * (1e30 if ζ = 0), or `|e - g| <= 1e-4` if ζ = 1; and outside nine ellipses
 * `((f_1 - p) cos θ - (f_2 - q) sin θ)² / 0.3 + ((f_1 - p) sin θ + (f_2 - q) cos θ)² / 1.2 >= γ/2`,
 * θ = -π/4, (p, q) = (0, 1.5), (1, 0.5), (0, 2.5), ..., (3, 0.5).
 * Front: `(x_1, 1 - x_1²) + g0 (1, 1)` over the allowed x_1 (all of [0, 1] when η = 0), g0 the
 * least feasible g (0 if ζ = 0, 0.4999 if ζ = 1, else 0.5). Known when γ = 0 and η < 1
 * (difficulties 1, 2, 5, 6, 9, 10, 13, 14). With γ > 0 the ellipses reach into the band of
 * f_1 + f_2 that the curve spans, so whether they cut it is not certain and no `paretoFront`,
 * `idealPoint` or `nadirPoint` is given (pymoo only downloads sampled fronts). At η = 0.5,
 * x_1 = 1 (sin 20π = 0) is an isolated front point, which floating-point sin puts 2.4e-15
 * outside. `paretoFront(n)`: exactly n points, one per part and the rest in proportion to the
 * parts' widths. `evaluate`: O(rows · 30).
 *
 * @example
 * dascmop1({ difficulty: 1 }).idealPoint // => [0, 0]
 * dascmop1({ difficulty: 3 }).paretoFront // => undefined
 */
export function dascmop1(options: DascmopOptions): BenchmarkProblem {
  return dascmop(1, options);
}

/**
 * DAS-CMOP2 (Fan et al. 2020): DAS-CMOP1 with a convex front, `f_2 = 1 - √x_1 + g`. Front
 * known when γ = 0, and also at difficulties 3, 7 and 11 (ζ = 0, γ <= 0.75): then
 * f_1 + f_2 <= 1 on the front, farther from the ellipses' centres (f_1 + f_2 = 1.5) than their
 * half-width √(0.6 γ/2) along (1, 1). `evaluate`: O(rows · 30).
 *
 * @example
 * dascmop2({ difficulty: 7 }).nadirPoint // => [1, 1]
 */
export function dascmop2(options: DascmopOptions): BenchmarkProblem {
  return dascmop(2, options);
}

/**
 * DAS-CMOP3 (Fan et al. 2020): DAS-CMOP1 with a disconnected front,
 * `f_2 = 1 - √x_1 + 0.5 |sin(5π x_1)| + g`. Front known when γ = 0: the non-dominated parts of
 * the curve over the allowed x_1, found to machine precision from its extrema.
 * `evaluate`: O(rows · 30).
 *
 * @example
 * dascmop3({ difficulty: 2 }).idealPoint![0] // => 0.5
 */
export function dascmop3(options: DascmopOptions): BenchmarkProblem {
  return dascmop(3, options);
}

/**
 * DAS-CMOP4 (Fan et al. 2020): DAS-CMOP1's front and constraints behind a multimodal g,
 * `g = 29 + Σ_{j>=2} ((x_j - 0.5)² - cos(20π (x_j - 0.5)))`, 0 at x_j = 0.5. Front known when
 * γ = 0. `evaluate`: O(rows · 30). Below, g = 0 misses ζ = 1's band |g - 0.5| <= 1e-4.
 *
 * @example
 * const { F, G } = dascmop4({ difficulty: 13 }).evaluate(toMatrix([new Array(30).fill(0.5)]), { seed: 0 });
 * toArrays(F) // => [[0.5, 0.75]]
 * G!.data[1] // => 0.4999
 */
export function dascmop4(options: DascmopOptions): BenchmarkProblem {
  return dascmop(4, options);
}

/**
 * DAS-CMOP5 (Fan et al. 2020): DAS-CMOP2's convex front behind DAS-CMOP4's multimodal g. Front
 * known when γ = 0 and at difficulties 3, 7 and 11, as DAS-CMOP2. `evaluate`: O(rows · 30).
 *
 * @example
 * dascmop5({ difficulty: 11 }).paretoFront!(3).rows // => 3
 */
export function dascmop5(options: DascmopOptions): BenchmarkProblem {
  return dascmop(5, options);
}

/**
 * DAS-CMOP6 (Fan et al. 2020): DAS-CMOP3's disconnected front behind DAS-CMOP4's multimodal g.
 * Front known when γ = 0. `evaluate`: O(rows · 30).
 *
 * @example
 * dascmop6({ difficulty: 4 }).paretoFront // => undefined
 */
export function dascmop6(options: DascmopOptions): BenchmarkProblem {
  return dascmop(6, options);
}

/**
 * DAS-CMOP7 (Fan et al. 2020): a three-objective planar front. 30 variables in [0, 1], g as
 * DAS-CMOP4 (28 distance variables), `f = (x_1 x_2, x_2 (1 - x_1), 1 - x_2) + g`, and 7
 * constraints, negated to g <= 0 feasible: `sin(20π x_1) >= 2η - 1`, `cos(20π x_2) >= 2η - 1`,
 * DAS-CMOP1's constraint on g, and outside balls of radius γ/2 around (1, 0, 0), (0, 1, 0),
 * (0, 0, 1) and (1, 1, 1)/√3. Front: the triangle Σ f = 1 + 3 g0 over the allowed (x_1, x_2);
 * known when η < 1, unless ζ = 0 and γ > 0 (difficulties 3, 7, 11): with g0 ≈ 0.5 the plane is
 * at least 0.443 from every centre (raw factors: known while γ/2 < 0.443). `paretoFront(n)`:
 * the simplex lattice with the most points not above n (n >= 3), keeping the allowed points
 * (all when η = 0, so fewer than the lattice otherwise), plus g0. `evaluate`: O(rows · 30).
 *
 * @example
 * dascmop7({ difficulty: 2 }).paretoFront!(3).rows // => 3
 */
export function dascmop7(options: DascmopOptions): BenchmarkProblem {
  return dascmop(7, options);
}

/**
 * DAS-CMOP8 (Fan et al. 2020): DAS-CMOP7 with a spherical front,
 * `f = (cos(π x_1/2) cos(π x_2/2), cos(π x_1/2) sin(π x_2/2), sin(π x_1/2)) + g`. Front known
 * unless ζ = 0 and γ > 0 (difficulties 3, 7, 11): the sphere moved by g0 is √3 g0 from every
 * centre. `paretoFront(n)`: the lattice normalized to the sphere, filtered as DAS-CMOP7's.
 * `evaluate`: O(rows · 30).
 *
 * @example
 * dascmop8({ difficulty: 13 }).nadirPoint // => [1.4999, 1.4999, 1.4999]
 */
export function dascmop8(options: DascmopOptions): BenchmarkProblem {
  return dascmop(8, options);
}

/**
 * DAS-CMOP9 (Fan et al. 2020): DAS-CMOP8's sphere with a unimodal g linking the variables,
 * `g = Σ_{j>=3} (x_j - cos(0.25 j/30 π (x_1 + x_2)))²`. Front known as DAS-CMOP8's.
 * `evaluate`: O(rows · 30).
 *
 * @example
 * dascmop9({ difficulty: 1 }).variables.length // => 30
 */
export function dascmop9(options: DascmopOptions): BenchmarkProblem {
  return dascmop(9, options);
}
