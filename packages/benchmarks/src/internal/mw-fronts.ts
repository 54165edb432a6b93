// Samplers of the MW fronts that are known (Ma & Wang 2019). Every front lies where g = 1, or,
// where the constraints cut that surface away, on the constraint boundary reached by scaling its
// points away from the origin (each f scales with g along a ray).
import { createMatrix, type Matrix } from '@paretokit/problem';
import { gridFront } from './grid-front.js';
import { mw14Height } from './mw-problems.js';
import type { MwDefinition, MwFront } from './mw-spec.js';
import {
  type Interval,
  largestPower,
  runningMinimumIntervals,
  spreadOverIntervals,
} from './running-minimum.js';
import { scaleRows, simplexLattice, sphereLattice } from './simplex-lattice.js';

/** A root of `fn` between `a` and `b`, where `fn(a) > 0 >= fn(b)`, to machine precision. */
function bisect(fn: (t: number) => number, a: number, b: number): number {
  for (;;) {
    const mid = a + (b - a) / 2;
    if (mid === a || mid === b) return b;
    if (fn(mid) > 0) a = mid;
    else b = mid;
  }
}

/**
 * The first `t` going from `from` to `to` in `steps` equal steps where `fn(t) <= 0`, refined by
 * bisection to machine precision (`to` if there is none). Stretches where `fn <= 0` that are
 * shorter than a step may be missed. O(steps + 53).
 */
function firstNonPositive(fn: (t: number) => number, from: number, to: number, steps: number): number {
  if (!(fn(from) > 0)) return from;
  for (let k = 1, previous = from; k <= steps; k++) {
    const t = k === steps ? to : from + ((to - from) * k) / steps;
    if (!(fn(t) > 0)) return bisect(fn, previous, t);
    previous = t;
  }
  return to;
}

/** `n` points `(t, y(t))`, t evenly spaced over [0, 1] (pymoo's `linspace(0, 1, n)`). O(n). */
function curve(n: number, y: (t: number) => number): Matrix {
  const points = createMatrix(n, 2);
  for (let i = 0; i < n; i++) {
    const t = n === 1 ? 0 : i === n - 1 ? 1 : i / (n - 1);
    points.data[2 * i] = t;
    points.data[2 * i + 1] = y(t);
  }
  return points;
}

/** The rows of `points` that meet every constraint of `def` (`<= 0`). O(rows · (m + constraints)). */
function keepFeasible(points: Matrix, def: MwDefinition): Matrix {
  const { rows, cols: m, data } = points;
  const c = new Float64Array(def.nConstr);
  const scratch = new Float64Array(m);
  const keep = new Float64Array(data.length);
  let kept = 0;
  for (let i = 0; i < rows; i++) {
    def.constraints(data, i * m, m, c, 0, scratch);
    if (c.every((v) => v <= 0)) keep.set(data.subarray(i * m, (i + 1) * m), m * kept++);
  }
  return createMatrix(kept, m, keep.slice(0, kept * m));
}

/**
 * Scales each bi-objective row f by the least λ >= 1 with `floor(λ f) <= 0` (λ = 1 where f already
 * meets it): where the constraint boundary cuts the ray through f. `floor` must fall along each
 * ray and be <= 0 at λ = 2. pymoo scales by 1.001 until it holds; this finds λ to machine
 * precision. O(rows · 53).
 */
function pushOntoFloor(points: Matrix, floor: (f0: number, f1: number) => number): Matrix {
  const d = points.data;
  return scaleRows(points, (_, o) => {
    const along = (lambda: number): number => floor(lambda * d[o]!, lambda * d[o + 1]!);
    return along(1) > 0 ? bisect(along, 1, 2) : 1;
  });
}

/** The least and the greatest value of each column. */
function bounds(points: Matrix): Pick<MwFront, 'idealPoint' | 'nadirPoint'> {
  const { rows, cols, data } = points;
  const low = new Array<number>(cols).fill(Number.POSITIVE_INFINITY);
  const high = new Array<number>(cols).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < rows * cols; i++) {
    low[i % cols] = Math.min(low[i % cols]!, data[i]!);
    high[i % cols] = Math.max(high[i % cols]!, data[i]!);
  }
  return { idealPoint: low, nadirPoint: high };
}

/** A bi-objective front that runs monotonically between the two ends of its sample. */
function monotoneFront(front: (n: number) => Matrix): MwFront {
  return { front, ...bounds(front(2)) };
}

/** MW2: the whole curve `(t, y(t))`, t in [0, 1]. `paretoFront(n)`: n evenly spaced t. */
export function curveFront(y: (t: number) => number): MwFront {
  return monotoneFront((n) => curve(n, y));
}

/** MW1: the feasible parts of the curve. `paretoFront(n)`: the feasible points among n evenly spaced t. */
export function feasibleCurveFront(def: MwDefinition, y: (t: number) => number): MwFront {
  return monotoneFront((n) => keepFeasible(curve(n, y), def));
}

/**
 * MW3, MW12: the curve, each point pushed out along its ray onto `floor` where it is infeasible.
 * `paretoFront(n)`: n evenly spaced t, pushed out.
 */
export function floorFront(y: (t: number) => number, floor: (f0: number, f1: number) => number): MwFront {
  return monotoneFront((n) => pushOntoFloor(curve(n, y), floor));
}

/** The corners 0 and 1 of the unit simplex or sphere front in m objectives. */
function unitCorners(m: number): Pick<MwFront, 'idealPoint' | 'nadirPoint'> {
  return { idealPoint: new Array<number>(m).fill(0), nadirPoint: new Array<number>(m).fill(1) };
}

/** MW4: the simplex Σ f = 1, all feasible. `paretoFront(n)`: the simplex lattice. */
export function simplexFront(m: number, name: string): MwFront {
  return { front: (n) => simplexLattice(m, n, name), ...unitCorners(m) };
}

/** MW8: the feasible parts of the unit sphere. `paretoFront(n)`: the feasible points of its lattice. */
export function feasibleSphereFront(def: MwDefinition, m: number): MwFront {
  return { front: (n) => keepFeasible(sphereLattice(m, n, def.name), def), ...unitCorners(m) };
}

/**
 * MW6: the feasible arcs of the circle of radius 1.1. `paretoFront(n)`: pymoo's sample, the line
 * f0 + f1 = 1 at n evenly spaced f0 pushed out to the circle, with its infeasible points dropped.
 * The circle is infeasible at the f1 axis; the ideal and nadir points come from the last feasible
 * angle below π/2, found in steps of about 1e-4 down from π/2 (the arcs there are 0.014 wide).
 */
export function feasibleArcFront(def: MwDefinition, radius: number): MwFront {
  const c = new Float64Array(def.nConstr);
  const circle = new Float64Array(2);
  const scratch = new Float64Array(2);
  const violation = (theta: number): number => {
    circle[0] = radius * Math.cos(theta);
    circle[1] = radius * Math.sin(theta);
    def.constraints(circle, 0, 2, c, 0, scratch);
    return Math.max(...c);
  };
  const last = firstNonPositive(violation, Math.PI / 2, 0, 16_000);
  return {
    front: (n) =>
      keepFeasible(
        scaleRows(
          curve(n, (t) => 1 - t),
          (d, o) => radius / Math.hypot(d[o]!, d[o + 1]!),
        ),
        def,
      ),
    idealPoint: [radius * Math.cos(last), 0],
    nadirPoint: [radius, radius * Math.sin(last)],
  };
}

/** MW14's parts of each of the first m - 1 axes: where `mw14Height` is at its running minimum. */
let mw14Parts: readonly Interval[] | undefined;
function mw14Intervals(): readonly Interval[] {
  mw14Parts ??= runningMinimumIntervals(
    mw14Height,
    (y) => -Math.exp(y) - 3.3 * Math.PI * y * Math.cos(1.1 * Math.PI * y * y),
    0,
    1.5,
  );
  return mw14Parts;
}

/**
 * MW14: `f_m = mean of h(f_j)` over the first m - 1 objectives, each in the parts of [0, 1.5]
 * where h is at its running minimum (as DTLZ7). `paretoFront(n)`: the grid of p^(m-1) points,
 * p the largest integer with p^(m-1) <= n.
 */
export function separableFront(m: number): MwFront {
  const parts = mw14Intervals();
  const end = parts[parts.length - 1]![1];
  const mean = (row: Float64Array, o: number, d: number): number => {
    let s = 0;
    for (let j = 0; j < d; j++) s += mw14Height(row[o + j]!);
    return s / d;
  };
  return {
    front: (n) => gridFront(spreadOverIntervals(parts, largestPower(n, m - 1)), m - 1, mean),
    idealPoint: [...new Array<number>(m - 1).fill(0), mw14Height(end)],
    nadirPoint: [...new Array<number>(m - 1).fill(end), mw14Height(0)],
  };
}
