import { createMatrix, type Matrix } from '@paretokit/problem';
import { type CtpShape, ctp1Coefficients, slack, wall } from './ctp-family.js';
import { type Interval, spreadOverIntervals } from './running-minimum.js';

// The true fronts of CTP1-8 in pymoo's form (f2 = g (1 - √(f1/g)) for CTP2-8), worked out in
// objective space: f1 = x1 in [0, 1] and g >= 1 can take any value, so every point on or above
// the lower curve (f1 = 0: f2 >= 1; CTP2-8: f2 >= 1 - √f1; CTP1: f2 >= exp(-f1)) can be reached,
// and the constraints depend on (f1, f2) alone. The front is the non-dominated part of the
// feasible region's lower-left boundary; ctp.test.ts checks each claim below against a dense
// scan of that region through `evaluate`.

/** A 2-objective front: isolated points, plus curve pieces (parameter intervals) mapped by `at`. */
export interface PiecewiseFront {
  readonly points: readonly (readonly [number, number])[];
  readonly pieces: readonly Interval[];
  /** Writes (f1, f2) of parameter t into `out` at `o`. */
  readonly at: (t: number, out: Float64Array, o: number) => void;
  /** True when the last piece is open at its upper end (its end point is dominated). */
  readonly openEnd?: boolean;
}

/**
 * The last double of [a, b] where `fn` has the sign of `fn(a)` and the first with the other
 * (`fn(a)` and `fn(b)` of opposite signs), by bisection to machine precision: about 60 calls of
 * fn unless the root is near 0.
 * Also used by the engineering problems' fronts.
 */
export function bracket(fn: (x: number) => number, a: number, b: number): [number, number] {
  const aBelow = fn(a) < 0;
  for (;;) {
    const mid = a + (b - a) / 2;
    if (mid <= a || mid >= b) return [a, b];
    if (fn(mid) < 0 === aBelow) a = mid;
    else b = mid;
  }
}

/**
 * The parts of [lo, hi] where `fn >= 0`, ends refined to machine precision (on the feasible
 * side) from a scan of `cells` cells; assumes at most one sign change per cell. O(cells + parts·53).
 */
export function nonNegativeParts(
  fn: (x: number) => number,
  lo: number,
  hi: number,
  cells = 4096,
): Interval[] {
  const parts: Interval[] = [];
  let start = fn(lo) >= 0 ? lo : Number.NaN;
  let previous = lo;
  for (let c = 1; c <= cells; c++) {
    const x = c === cells ? hi : lo + ((hi - lo) * c) / cells;
    const inside = fn(x) >= 0;
    if (inside && Number.isNaN(start)) start = bracket(fn, previous, x)[1];
    if (!inside && !Number.isNaN(start)) {
      parts.push([start, bracket(fn, previous, x)[0]]);
      start = Number.NaN;
    }
    previous = x;
  }
  if (!Number.isNaN(start)) parts.push([start, hi]);
  return parts;
}

/** CTP1: the curve `f2 = max(exp(-f1), max_j a_j exp(-b_j f1))`, f1 in [0, 1]: decreasing, so all of it. */
export function ctp1Front(count: number): PiecewiseFront {
  const { a, b } = ctp1Coefficients(count);
  return {
    points: [],
    pieces: [[0, 1]],
    at: (t, out, o) => {
      let f2 = Math.exp(-t);
      for (let j = 0; j < count; j++) f2 = Math.max(f2, a[j]! * Math.exp(-b[j]! * t));
      out[o] = t;
      out[o + 1] = f2;
    },
  };
}

/** The point (f1, f2) with rotated coordinates (u, v) of shape s. */
function fromUV(s: CtpShape, u: number, v: number, out: Float64Array, o: number): void {
  out[o] = v * s.cos - u * s.sin;
  out[o + 1] = s.e + u * s.cos + v * s.sin;
}

/** f1 of the wall point at v. */
function wallF1(s: CtpShape, v: number): number {
  return v * s.cos - wall(s, v) * s.sin;
}

/**
 * The tunnel floors (u = 0, v^c = k/b) of CTP2-5 (θ < 0, e = 1: they lie on the line
 * f2 = 1 + f1 tan θ, above the lower curve) with f1 <= 1, from k = `first`.
 */
function floors(s: CtpShape, first: number): [number, number][] {
  const out: [number, number][] = [];
  const p = new Float64Array(2);
  for (let k = first; ; k++) {
    fromUV(s, 0, (k / s.b) ** (1 / s.c), p, 0);
    if (p[0]! > 1) return out;
    out.push([p[0]!, p[1]!]);
  }
}

/**
 * CTP3, CTP4 (c = 1, d < 1): the walls rise with infinite slope from each floor and, being
 * concave (√ of a sine arch), stay above the chords from each floor to the next. So every wall
 * point is dominated by the floor before it (if it is higher) or the one after (if it is to the
 * right), and the front is the floors alone, k = 0 .. 12: (k/10) (cos θ, sin θ) + (0, 1).
 * At the floors u = 0 and the sine vanishes, so pymoo's ratio constraint is 0/0 = NaN there;
 * points just inside the tunnel (u > 0) are feasible.
 */
export function floorsFront(s: CtpShape): PiecewiseFront {
  return { points: floors(s, 0), pieces: [], at: () => undefined };
}

/**
 * CTP2 (c = 1, d = 6): the walls leave each floor flat, so near it the wall point is not
 * dominated: to the right while f2 still falls (wall slope below -tan θ), to the left while f1
 * still rises (slope above cot θ). Each floor thus carries a piece of wall, the same for every
 * floor; the piece at k = 0 starts at (0, 1) (f1 >= 0), and pieces past f1 = 1 are cut there.
 */
export function flatFloorsFront(s: CtpShape): PiecewiseFront {
  const bPi = s.b * Math.PI;
  // w'(t) at t past a floor; it rises on [0, steepest], where (d - 1) cos² = sin².
  const slope = (t: number) => s.a * s.d * bPi * Math.sin(bPi * t) ** (s.d - 1) * Math.cos(bPi * t);
  const steepest = Math.atan(Math.sqrt(s.d - 1)) / bPi;
  const right = bracket((t) => slope(t) + s.sin / s.cos, 0, steepest)[0];
  const left = bracket((t) => slope(t) + s.cos / s.sin, 0, steepest)[0];
  const pieces: Interval[] = [];
  for (let k = 0; wallF1(s, k / s.b - left) <= 1; k++) {
    const lo = k === 0 ? 0 : k / s.b - left;
    const hi = k / s.b + right;
    pieces.push([lo, wallF1(s, hi) <= 1 ? hi : bracket((v) => wallF1(s, v) - 1, lo, hi)[0]]);
  }
  return { points: [], pieces, at: (v, out, o) => fromUV(s, wall(s, v), v, out, o) };
}

/**
 * CTP5 (c = 2, d = 1/2): floors at v = √(k/10). Past k >= 1 the walls are cusps, as in CTP3, so
 * those floors are isolated points; but at k = 0 the wall leaves with the finite slope
 * a √(bπ) < -tan θ, and f2 falls all along the first arch. Its points are not dominated while
 * their f1 stays below the next floor's: from (0, 1) up to the first v where f1 reaches it.
 */
export function ctp5Front(s: CtpShape): PiecewiseFront {
  const points = floors(s, 1);
  const next = points[0]![0];
  const firstFloor = (1 / s.b) ** (1 / s.c);
  // The first v where f1 reaches the next floor's (the piece's dominated, excluded end).
  const [end] = nonNegativeParts((v) => wallF1(s, v) - next, 0, firstFloor)[0]!;
  return {
    points,
    pieces: [[0, end]],
    at: (v, out, o) => fromUV(s, wall(s, v), v, out, o),
    openEnd: true,
  };
}

/**
 * The lowest feasible f2 of shape s on the vertical line at f1, for CTP6's band (θ > 0, e = -2):
 * the line starts infeasible on the lower curve, and its u rises while the sine falls towards
 * the band's centre line v = 1/b, so it crosses the band's left wall once.
 */
export function bandEdge(s: CtpShape, f1: number): number {
  const below = 1 - Math.sqrt(f1);
  const centre = s.e + (1 / s.b - f1 * s.cos) / s.sin;
  return bracket((f2) => slack(s, f1, f2), below, centre)[1];
}

/**
 * CTP6: the band's left wall, f1 in [0, 1]: along it f1 falls as u rises while f2 rises, and
 * the feasible band lies up and to the right of it, so all of it is the front.
 */
export function bandFront(s: CtpShape): PiecewiseFront {
  return {
    points: [],
    pieces: [[0, 1]],
    at: (t, out, o) => {
      out[o] = t;
      out[o + 1] = bandEdge(s, t);
    },
  };
}

/**
 * CTP8: CTP6's wall where the second shape (near-vertical bands, θ = -0.05π) also holds. The
 * second shape's band walls rise to the right, so their points are dominated by where they meet
 * the first wall; what is left are the parts of that wall inside the bands.
 */
export function bandInBandsFront(band: CtpShape, bands: CtpShape): PiecewiseFront {
  const pieces = nonNegativeParts((t) => slack(bands, t, bandEdge(band, t)), 0, 1);
  return { ...bandFront(band), pieces };
}

/**
 * CTP7: the bands (θ = -0.05π, e = 0) are infeasible everywhere between them up to u = 40,
 * and their walls rise to the right; the front is the lower curve `f2 = 1 - √f1` inside the
 * bands, plus, at f1 = 0 (where the curve itself is infeasible), the lowest feasible point.
 */
export function curveInBandsFront(s: CtpShape): PiecewiseFront {
  const curve = (t: number) => 1 - Math.sqrt(t);
  const pieces = nonNegativeParts((t) => slack(s, t, curve(t)), 0, 1);
  const [axis] = nonNegativeParts((f2) => slack(s, 0, f2), 1, 2)[0]!;
  return {
    points: [[0, axis]],
    pieces,
    at: (t, out, o) => {
      out[o] = t;
      out[o + 1] = curve(t);
    },
  };
}

/**
 * Samples a front: if n <= the number of isolated points, n of them evenly chosen; otherwise
 * all of them and n minus that many points over the pieces, shared in proportion to their
 * widths (the first piece closed, the next ones open at the left, as `spreadOverIntervals`).
 * Rows sorted by f1. O(n log n).
 */
export function sampleFront(front: PiecewiseFront, n: number): Matrix {
  const { points, pieces } = front;
  const p = points.length;
  const data = new Float64Array(2 * n);
  let rows = 0;
  if (n <= p || pieces.length === 0) {
    const k = Math.min(n, p);
    for (let i = 0; i < k; i++, rows++) {
      const [f1, f2] = points[k === 1 ? 0 : Math.round((i * (p - 1)) / (k - 1))]!;
      data[2 * rows] = f1;
      data[2 * rows + 1] = f2;
    }
  } else {
    for (const [f1, f2] of points) {
      data[2 * rows] = f1;
      data[2 * rows + 1] = f2;
      rows++;
    }
    const extra = front.openEnd === true ? 1 : 0;
    const ts = spreadOverIntervals(pieces, n - p + extra);
    for (let i = 0; i < ts.length - extra; i++) front.at(ts[i]!, data, 2 * rows++);
  }
  const order = Array.from({ length: rows }, (_, i) => i).sort((i, j) => data[2 * i]! - data[2 * j]!);
  const sorted = new Float64Array(2 * rows);
  order.forEach((i, r) => {
    sorted[2 * r] = data[2 * i]!;
    sorted[2 * r + 1] = data[2 * i + 1]!;
  });
  return createMatrix(rows, 2, sorted);
}

/** Ideal and nadir of a front: its extreme coordinates over the points and the piece ends. */
export function frontCorners(front: PiecewiseFront): { idealPoint: number[]; nadirPoint: number[] } {
  const ends = new Float64Array(2 * (front.points.length + 2 * front.pieces.length));
  let k = 0;
  for (const [f1, f2] of front.points) {
    ends[k++] = f1;
    ends[k++] = f2;
  }
  for (const [a, b] of front.pieces) {
    front.at(a, ends, k);
    front.at(b, ends, k + 2);
    k += 4;
  }
  const f1s = ends.filter((_, i) => i % 2 === 0);
  const f2s = ends.filter((_, i) => i % 2 === 1);
  return {
    idealPoint: [Math.min(...f1s), Math.min(...f2s)],
    nadirPoint: [Math.max(...f1s), Math.max(...f2s)],
  };
}
