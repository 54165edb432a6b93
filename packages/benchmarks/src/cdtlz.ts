import { createMatrix, InvalidArgumentError } from '@paretokit/problem';
import type { KnownFrontProblem } from './benchmark-problem.js';
import type { DtlzOptions } from './dtlz.js';
import { type BenchmarkSpec, defineBenchmark, type KnownFrontSpec } from './internal/define-benchmark.js';
import { dtlzSize, dtlzSpec } from './internal/dtlz-family.js';
import { finiteNumber } from './internal/options.js';
import { scaleRows, simplexLattice, sphereLattice, squaredNorm } from './internal/simplex-lattice.js';

/**
 * Options of C1-DTLZ3: DTLZ's `nObj` and `nVar`, and the radius of the outer sphere.
 *
 * @example
 * c1dtlz3({ nObj: 4, r: 11 }).objectives.length // => 4
 */
export interface C1Dtlz3Options extends DtlzOptions {
  /**
   * Radius r: the band `16 < Σ f² < r²` is infeasible. Defaults (Jain & Deb 2014) are 9 for 3
   * objectives, 12.5 for 5 and 8, 15 for 10 and 15; any other nObj needs it. At least 1.
   */
  readonly r?: number;
}

/**
 * Options of C2-DTLZ2: DTLZ's `nObj` and `nVar`, and the radius of the feasible balls.
 *
 * @example
 * c2dtlz2({ r: 0.3 }).constraints.length // => 1
 */
export interface C2Dtlz2Options extends DtlzOptions {
  /** Radius of the feasible balls, > 0 (default as pymoo: 0.2 for 2 objectives, 0.4 for 3, else 0.5). */
  readonly r?: number;
}

/** One row of constraints from one row of objectives: reads `f[o .. o+m)`, writes `g[og ..]`. */
type ConstraintRow = (f: Float64Array, o: number, m: number, g: Float64Array, og: number) => void;

/** The base DTLZ spec with `count` constraints computed from each row's objectives. */
function constrained(
  base: KnownFrontSpec,
  count: number,
  constraint: ConstraintRow,
  changes: Partial<Pick<BenchmarkSpec, 'front' | 'nadirPoint'>> = {},
): KnownFrontProblem {
  const m = base.nObj;
  return defineBenchmark({
    ...base,
    nConstr: count,
    fill: (X, f, g) => {
      base.fill(X, f, g);
      for (let i = 0; i < X.rows; i++) constraint(f, i * m, m, g, i * count);
    },
    ...changes,
  });
}

/** `Σ f` of a row. */
function rowSum(f: Float64Array, o: number, m: number): number {
  let s = 0;
  for (let j = 0; j < m; j++) s += f[o + j]!;
  return s;
}

/**
 * C1-DTLZ1 (Jain & Deb 2014): DTLZ1 (k = 5) with one linear constraint that keeps only a thin
 * band above the front, `1 - f_M / 0.6 - Σ_{i<M} f_i / 0.5 >= 0`, given as its negation
 * (feasible when g <= 0) as pymoo does. The front and `paretoFront(n)` are DTLZ1's, all feasible.
 *
 * @example
 * c1dtlz1().evaluate(toMatrix([new Array(7).fill(0.5)]), { seed: 0 }).G!.data[0]!.toFixed(6) // => '-0.083333'
 */
export function c1dtlz1(options?: DtlzOptions): KnownFrontProblem {
  const size = dtlzSize('c1dtlz1', options, 5);
  return constrained(dtlzSpec(1, 'c1dtlz1', size), 1, (f, o, m, g, og) => {
    const last = f[o + m - 1]!;
    g[og] = -(1 - last / 0.6 - (rowSum(f, o, m) - last) / 0.5);
  });
}

/** Jain & Deb's (2014) radii of C1-DTLZ3, by number of objectives. */
const C1_DTLZ3_RADIUS: Readonly<Record<number, number>> = { 3: 9, 5: 12.5, 8: 12.5, 10: 15, 15: 15 };

/**
 * C1-DTLZ3 (Jain & Deb 2014): DTLZ3 (k = 10) with an infeasible band between the spheres of
 * radius 4 and r: `(Σ f² - 16)(Σ f² - r²) >= 0`, given as its negation (feasible when g <= 0).
 * The default r is the paper's (9 for 3 objectives, 12.5 for 5 and 8, 15 for 10 and 15; pymoo
 * uses 12.5 for 10 objectives); any other objective count needs `{ r }`.
 * The front and `paretoFront(n)` are DTLZ3's (the unit sphere), all feasible.
 *
 * @example
 * toArrays(c1dtlz3().evaluate(toMatrix([new Array(12).fill(0.5)]), { seed: 0 }).G!) // => [[-1200]]
 */
export function c1dtlz3(options?: C1Dtlz3Options): KnownFrontProblem {
  const size = dtlzSize('c1dtlz3', options, 10, ['r']);
  const m = size.nObj;
  const r =
    finiteNumber(
      size.options.r,
      'c1dtlz3: r',
      undefined,
      (v) => v >= 1,
      'a finite number >= 1 (so that the unit-sphere front stays feasible)',
    ) ?? C1_DTLZ3_RADIUS[m];
  if (r === undefined) {
    throw new InvalidArgumentError({
      argument: `c1dtlz3({ nObj: ${m} }): r`,
      expected: 'a radius r: Jain & Deb (2014) give defaults only for 3, 5, 8, 10 and 15 objectives',
      actual: undefined,
      hint: `Pass one, e.g. c1dtlz3({ nObj: ${m}, r: 12.5 }).`,
    });
  }
  return constrained(dtlzSpec(3, 'c1dtlz3', size), 1, (f, o, k, g, og) => {
    const radius = squaredNorm(f, o, k);
    g[og] = -(radius - 16) * (radius - r * r);
  });
}

/**
 * C2-DTLZ2 (Jain & Deb 2014): DTLZ2 (k = 10) feasible only inside balls of radius r around each
 * corner e_i and around the centre (1, ..., 1)/√M:
 * `g = min(min_i ((f_i - 1)² + Σ_{j≠i} f_j² - r²), Σ (f_i - 1/√M)² - r²) <= 0`.
 * The front is the feasible part of the unit sphere; `paretoFront(n)` keeps the feasible points
 * of DTLZ2's sample (as pymoo does), so it returns fewer than n points, none if r is tiny.
 *
 * @example
 * c2dtlz2().paretoFront(136).rows // => 76
 */
export function c2dtlz2(options?: C2Dtlz2Options): KnownFrontProblem {
  const size = dtlzSize('c2dtlz2', options, 10, ['r']);
  const m = size.nObj;
  const r =
    finiteNumber(size.options.r, 'c2dtlz2: r', undefined, (v) => v > 0, 'a finite number > 0') ??
    (m === 2 ? 0.2 : m === 3 ? 0.4 : 0.5);
  const centre = 1 / Math.sqrt(m);
  const ballsOnly: ConstraintRow = (f, o, k, g, og) => {
    const radius = squaredNorm(f, o, k);
    let corner = Number.POSITIVE_INFINITY;
    let middle = -r * r;
    for (let j = 0; j < k; j++) {
      const fj = f[o + j]!;
      corner = Math.min(corner, (fj - 1) * (fj - 1) + (radius - fj * fj) - r * r);
      middle += (fj - centre) * (fj - centre);
    }
    g[og] = Math.min(corner, middle);
  };
  return constrained(dtlzSpec(2, 'c2dtlz2', size), 1, ballsOnly, {
    front: (count) => {
      const sphere = sphereLattice(m, count, 'c2dtlz2');
      const g = new Float64Array(1);
      const keep = new Float64Array(sphere.data.length);
      let rows = 0;
      for (let i = 0; i < sphere.rows; i++) {
        ballsOnly(sphere.data, i * m, m, g, 0);
        if (g[0]! <= 0) keep.set(sphere.data.subarray(i * m, (i + 1) * m), m * rows++);
      }
      return createMatrix(rows, m, keep.slice(0, rows * m));
    },
  });
}

/**
 * Jain & Deb's C3 constraints on DTLZ1 (q(f) = f, c = 0.5) or DTLZ4 (q(f) = f², c = 4): one per
 * objective, `q(f_j) / c + Σ_{i≠j} q(f_i) - 1 >= 0`, given as its negation. Along a direction u
 * of the base front, the front is where the tightest of them is active: u scaled by
 * `(min_j (Σ q(u) + (1/c - 1) q(u_j)))^(-1/p)`, p the power in q.
 */
function c3(variant: 1 | 4, name: string, options: DtlzOptions | undefined): KnownFrontProblem {
  const size = dtlzSize(name, options, variant === 1 ? 5 : 10);
  const m = size.nObj;
  const power = variant === 1 ? 1 : 2;
  const c = variant === 1 ? 0.5 : 4;
  const q = (v: number): number => (power === 1 ? v : v * v);
  const scale = (d: Float64Array, o: number, k: number): number => {
    let total = 0;
    for (let j = 0; j < k; j++) total += q(d[o + j]!);
    let tightest = Number.POSITIVE_INFINITY;
    for (let j = 0; j < k; j++) tightest = Math.min(tightest, total + (1 / c - 1) * q(d[o + j]!));
    return tightest ** (-1 / power);
  };
  // The largest value of an objective on the front is on its axis.
  const axis = Float64Array.from({ length: m }, (_, j) => (j === 0 ? 1 : 0));
  return constrained(
    dtlzSpec(variant, name, size),
    m,
    (f, o, k, g, og) => {
      let total = 0;
      for (let j = 0; j < k; j++) total += q(f[o + j]!);
      for (let j = 0; j < k; j++) g[og + j] = 1 - q(f[o + j]!) / c - (total - q(f[o + j]!));
    },
    {
      front: (count) => scaleRows((variant === 1 ? simplexLattice : sphereLattice)(m, count, name), scale),
      nadirPoint: new Array<number>(m).fill(scale(axis, 0, m)),
    },
  );
}

/**
 * C3-DTLZ1 (Jain & Deb 2014): DTLZ1 (k = 5) with one constraint per objective,
 * `Σ_{i≠j} f_i + f_j / 0.5 - 1 >= 0`, given as its negation (feasible when g_j <= 0). The
 * unconstrained front is infeasible; the front is where the tightest constraint holds with
 * equality, `Σ f + min f = 1`. `paretoFront(n)`: the simplex lattice with the most points not
 * above n, each point w scaled by 1 / (1 + min w); n must be at least nObj. (pymoo's C3DTLZ1
 * returns DTLZ1's infeasible front.)
 *
 * @example
 * toArrays(c3dtlz1({ nObj: 2 }).paretoFront(3)) // => [[1, 0], [0.3333333333333333, 0.3333333333333333], [0, 1]]
 */
export function c3dtlz1(options?: DtlzOptions): KnownFrontProblem {
  return c3(1, 'c3dtlz1', options);
}

/**
 * C3-DTLZ4 (Jain & Deb 2014): DTLZ4 (k = 10) with one constraint per objective,
 * `f_j² / 4 + Σ_{i≠j} f_i² - 1 >= 0`, given as its negation (feasible when g_j <= 0). The
 * unconstrained front is infeasible; the front is where the tightest constraint holds with
 * equality, `Σ f² - 3/4 max f² = 1`. `paretoFront(n)`: DTLZ2's sample, each unit vector u scaled
 * by 1 / √(1 - 3/4 max u²) (as pymoo does); n must be at least nObj.
 *
 * @example
 * c3dtlz4().nadirPoint // => [2, 2, 2]
 */
export function c3dtlz4(options?: DtlzOptions): KnownFrontProblem {
  return c3(4, 'c3dtlz4', options);
}
