// The true Pareto fronts of DAS-CMOP (Fan et al., Evolutionary Computation 28(3), 2020), derived
// from the definitions wherever they are certain; pymoo only downloads sampled fronts.
//
// Every problem is f = shape(x_1[, x_2]) + g (1, ..., 1). With least feasible g = g0 and nothing
// else in the way, the front is the non-dominated part of shape(S) + g0, S the x_1 (x_2) allowed
// by the sin/cos constraints: a larger g moves a point up along (1, ..., 1), so it is dominated
// by the same x at g0 (feasible too, since the sin/cos constraints do not involve g). The
// ellipses/balls (γ > 0) carve holes in objective space; the front is only known when they
// provably miss shape(S) + g0, since removing dominated points leaves the front unchanged.
import type { Matrix } from '@paretokit/problem';
import {
  BALLS,
  type ConstraintConstants,
  type DascmopFactors,
  ELLIPSE,
  type ShapeName,
  TWO_OBJECTIVE,
} from './dascmop-shapes.js';
import type { BenchmarkSpec } from './define-benchmark.js';
import type { Interval } from './running-minimum.js';
import { simplexLattice, sphereLattice } from './simplex-lattice.js';

const HALF_PI = Math.PI / 2;

type FrontFields = Partial<Pick<BenchmarkSpec, 'front' | 'idealPoint' | 'nadirPoint'>>;

/** The least feasible g: 0 when ζ = 0, 0.5 - 1e-4 when ζ = 1 (g = 0.5 relaxed by 1e-4), else 0.5. */
export function leastDistance(zeta: number): number {
  return zeta === 0 ? 0 : zeta === 1 ? 0.5 - 1e-4 : 0.5;
}

/**
 * The closed intervals of x in [0, 1] where `sin(20π (x + shift)) >= b`, for -1 <= b < 1 (shift
 * 0 for the sin constraint on x_1, 1/40 for the cos constraint on x_2): one per period of 0.1,
 * around the crests, cut at 0 and 1 (so possibly a single point there).
 */
export function feasibleIntervals(b: number, shift: number): Interval[] {
  if (b <= -1) return [[0, 1]];
  const alpha = Math.asin(b) / (20 * Math.PI);
  const out: Interval[] = [];
  for (let k = -1; k <= 10; k++) {
    const lo = Math.max(0, k / 10 + alpha - shift);
    const hi = Math.min(1, k / 10 + 0.05 - alpha - shift);
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

/** True if x lies in one of the intervals. */
function inside(intervals: readonly Interval[], x: number): boolean {
  for (const [lo, hi] of intervals) if (x >= lo && x <= hi) return true;
  return false;
}

/** The range of x + h(x) over x in [0, 1] (x - √x lies in [-1/4, 0], 0.5 |sin| in [0, 1/2]). */
const SUM_RANGE: Readonly<Record<keyof typeof TWO_OBJECTIVE, Interval>> = {
  square: [1, 1.25],
  sqrt: [0.75, 1],
  wavy: [0.75, 1.5],
};

/**
 * True when no hole can reach shape + g0. Ellipses: in the tilted axes the constraint is
 * `(s - σ_k)² / (2a²) + (t - τ_k)² / (2b²) >= r` with s = f_1 + f_2, σ_k = p_k + q_k, so a band of
 * s farther than √(2a² r) from every σ_k is clear. Balls: the plane Σ f = 1 + 3 g0 is
 * |Σ c - 1 - 3 g0| / √3 from a centre c; the octant of the unit sphere moved by g0 (1, 1, 1) is
 * √3 g0 from each corner and from (1, 1, 1)/√3 (for 0 <= g0 <= 1/√3).
 */
function holesMiss(shape: ShapeName, g0: number, r: number): boolean {
  if (r === 0) return true;
  if (shape === 'plane')
    return BALLS.every(([a, b, c]) => Math.abs(a + b + c - 1 - 3 * g0) / Math.sqrt(3) > r);
  if (shape === 'sphere') return Math.sqrt(3) * g0 > r;
  const lo = SUM_RANGE[shape][0] + 2 * g0;
  const hi = SUM_RANGE[shape][1] + 2 * g0;
  return ELLIPSE.p.every((p, k) => {
    const sigma = p + ELLIPSE.q[k]!;
    const gap = Math.max(lo - sigma, sigma - hi, 0);
    return gap * gap > 2 * ELLIPSE.a2 * r;
  });
}

/** Derivatives of the two-objective shapes, and where they are not smooth (|sin| at 0.2 k). */
const SLOPE: Readonly<Record<keyof typeof TWO_OBJECTIVE, (x: number) => number>> = {
  square: (x) => -2 * x,
  sqrt: (x) => -0.5 / Math.sqrt(x),
  wavy: (x) =>
    -0.5 / Math.sqrt(x) + 2.5 * Math.PI * Math.cos(5 * Math.PI * x) * Math.sign(Math.sin(5 * Math.PI * x)),
};
const KINKS: Readonly<Record<keyof typeof TWO_OBJECTIVE, readonly number[]>> = {
  square: [],
  sqrt: [],
  wavy: [0.2, 0.4, 0.6, 0.8],
};

/** A root of `fn` in [a, b] where its sign changes, to machine precision. */
function bisect(fn: (x: number) => number, a: number, b: number): number {
  const fa = fn(a);
  if (fa === 0) return a;
  for (;;) {
    const mid = a + (b - a) / 2;
    if (mid <= a || mid >= b) return b;
    const fm = fn(mid);
    if (fm === 0) return mid;
    if (fm < 0 === fa < 0) a = mid;
    else b = mid;
  }
}

/**
 * Appends to `out` the ends of the monotone pieces of a smooth stretch [a, b] after a: the
 * zeros of `slope` found on a grid of 4096 cells per unit (at most one per cell; the outer
 * points sit 1e-9 of the width inside, where the slope of |sin| still has its one-sided sign)
 * and bisected, then b. O(cells · 53).
 */
function monotoneEnds(slope: (x: number) => number, a: number, b: number, out: number[]): void {
  const cells = Math.max(2, Math.ceil((b - a) * 4096));
  const nudge = (b - a) * 1e-9;
  let last = a + nudge;
  let sign = Math.sign(slope(last));
  for (let c = 1; c <= cells; c++) {
    const x = c === cells ? b - nudge : a + ((b - a) * c) / cells;
    const s = Math.sign(slope(x));
    if (s !== 0 && sign !== 0 && s !== sign) out.push(bisect(slope, last, x));
    if (s !== 0) {
      sign = s;
      last = x;
    }
  }
  out.push(b);
}

/** A stretch [a, b] of x_1 on the front; `open` when its left end is dominated by the previous part. */
interface Part {
  a: number;
  b: number;
  open: boolean;
}

/**
 * The parts of x_1 in S where h is at its running minimum (non-dominated in (x_1, h(x_1))): on
 * each falling piece, from where h drops below the best value so far down to its end; a rising
 * piece only contributes its start, if that is below. O(|S| · 4096 · 53).
 */
function frontParts(shape: keyof typeof TWO_OBJECTIVE, allowed: readonly Interval[]): Part[] {
  const h = TWO_OBJECTIVE[shape];
  const parts: Part[] = [];
  let best = Number.POSITIVE_INFINITY;
  const add = (a: number, b: number, open: boolean): void => {
    const previous = parts[parts.length - 1];
    if (previous !== undefined && previous.b === a) previous.b = b;
    else parts.push({ a, b, open });
  };
  for (const [lo, hi] of allowed) {
    const ends: number[] = [];
    let from = lo;
    for (const kink of [...KINKS[shape].filter((k) => k > lo && k < hi), hi]) {
      if (kink > from) monotoneEnds(SLOPE[shape], from, kink, ends);
      from = kink;
    }
    let u = lo;
    for (const v of ends.length === 0 ? [lo] : ends) {
      const hu = h(u);
      const hv = h(v);
      if (hv < hu && hv < best) {
        const open = !(hu < best);
        add(open ? bisect((x) => h(x) - best, u, v) : u, v, open);
        best = hv;
      } else if (!(hv < hu) && hu < best) {
        add(u, u, false);
        best = hu;
      }
      u = v;
    }
  }
  return parts;
}

/**
 * Exactly n values of x_1 over the parts: one per part first when n allows, the rest in
 * proportion to the widths (largest remainders first); closed parts are sampled from end to
 * end, open ones from one step inside. O(n + parts).
 */
function spreadOverParts(parts: readonly Part[], n: number): Float64Array {
  const each = n >= parts.length ? 1 : 0;
  const total = parts.reduce((s, p) => s + p.b - p.a, 0);
  const spare = n - each * parts.length;
  const quotas = parts.map((p) => (total > 0 ? (spare * (p.b - p.a)) / total : spare / parts.length));
  const counts = quotas.map((q) => Math.floor(q) + each);
  const order = quotas.map((_, i) => i).sort((i, j) => (quotas[j]! % 1) - (quotas[i]! % 1) || i - j);
  for (let missing = n - counts.reduce((s, c) => s + c, 0), k = 0; missing > 0; missing--, k++) {
    counts[order[k % parts.length]!]!++;
  }
  const out = new Float64Array(n);
  let k = 0;
  parts.forEach(({ a, b, open }, i) => {
    const c = counts[i]!;
    for (let j = 0; j < c; j++) {
      const t = open ? (j + 1) / c : c === 1 ? 1 : j / (c - 1);
      out[k++] = j === c - 1 ? b : a + (b - a) * t;
    }
  });
  return out;
}

/** DAS-CMOP1-6: the curve (x_1 + g0, h(x_1) + g0) over the non-dominated parts of S. */
function twoObjectiveFront(shape: keyof typeof TWO_OBJECTIVE, g0: number, allowed: Interval[]): FrontFields {
  const h = TWO_OBJECTIVE[shape];
  const parts = frontParts(shape, allowed);
  const first = parts[0]!.a;
  const last = parts[parts.length - 1]!.b;
  return {
    front: (n: number): Matrix => {
      const xs = spreadOverParts(parts, n);
      const data = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        data[2 * i] = xs[i]! + g0;
        data[2 * i + 1] = h(xs[i]!) + g0;
      }
      return { rows: n, cols: 2, data };
    },
    idealPoint: [first + g0, h(last) + g0],
    nadirPoint: [last + g0, h(first) + g0],
  };
}

/**
 * DAS-CMOP7-9: the lattice on the plane (simplex) or the sphere (normalized simplex), keeping
 * the points whose (x_1, x_2) lie in S_1 × S_2, moved by g0 (1, 1, 1). x_2 = 1 (f_3 = 0, plane;
 * f_1 = 0, sphere) and x_2 = 0 always satisfy the cos constraint.
 */
function threeObjectiveFront(
  name: string,
  shape: 'plane' | 'sphere',
  g0: number,
  s1: Interval[],
  s2: Interval[],
): FrontFields {
  const lo = s1[0]![0];
  const hi = s1[s1.length - 1]![1];
  const everywhere = s1.length === 1 && lo === 0 && hi === 1 && s2.length === 1;
  const keeps = (f: Float64Array, o: number): boolean => {
    const f1 = f[o]!;
    const f2 = f[o + 1]!;
    if (shape === 'plane') {
      // f = (x_1 x_2, x_2 (1 - x_1), 1 - x_2): x_2 = f_1 + f_2, x_1 = f_1 / x_2 (any x_1 if x_2 = 0).
      return inside(s2, f1 + f2) && (f1 + f2 === 0 || inside(s1, f1 / (f1 + f2)));
    }
    // f = (cos a cos b, cos a sin b, sin a), a = π x_1 / 2, b = π x_2 / 2 (any x_2 if cos a = 0).
    const rho = Math.hypot(f1, f2);
    const x1 = Math.min(1, Math.atan2(f[o + 2]!, rho) / HALF_PI);
    return inside(s1, x1) && (rho === 0 || inside(s2, Math.min(1, Math.atan2(f2, f1) / HALF_PI)));
  };
  // Extremes over S_1 × S_2, where x_2 reaches 0 and 1: the plane's f_1 = x_1 x_2 peaks at
  // max S_1, f_2 at 1 - min S_1; the sphere's f_1 and f_2 at cos(π/2 min S_1).
  const ideal = shape === 'plane' ? [0, 0, 0] : [0, 0, Math.sin(HALF_PI * lo)];
  const nadir =
    shape === 'plane'
      ? [hi, 1 - lo, 1]
      : [Math.cos(HALF_PI * lo), Math.cos(HALF_PI * lo), Math.sin(HALF_PI * hi)];
  return {
    front: (n: number): Matrix => {
      const lattice = (shape === 'plane' ? simplexLattice : sphereLattice)(3, n, name);
      const data = new Float64Array(lattice.data.length);
      let rows = 0;
      for (let i = 0; i < lattice.rows; i++) {
        if (!everywhere && !keeps(lattice.data, 3 * i)) continue;
        for (let j = 0; j < 3; j++) data[3 * rows + j] = lattice.data[3 * i + j]! + g0;
        rows++;
      }
      return { rows, cols: 3, data: data.slice(0, 3 * rows) };
    },
    idealPoint: ideal.map((v) => v + g0),
    nadirPoint: nadir.map((v) => v + g0),
  };
}

/**
 * The front fields of a DAS-CMOP problem where the front is certain: η < 1 (at η = 1 the
 * feasible x_1 are isolated points where sin(20πx) = 1, which floating point misses) and the
 * holes provably miss it (always when γ = 0). Otherwise none.
 */
export function dascmopFront(
  name: string,
  shape: ShapeName,
  factors: DascmopFactors,
  constants: ConstraintConstants,
): FrontFields {
  const g0 = leastDistance(factors.zeta);
  if (factors.eta >= 1 || !holesMiss(shape, g0, constants.r)) return {};
  const s1 = feasibleIntervals(constants.b, 0);
  if (shape === 'plane' || shape === 'sphere') {
    return threeObjectiveFront(name, shape, g0, s1, feasibleIntervals(constants.b, 1 / 40));
  }
  return twoObjectiveFront(shape, g0, s1);
}
