import type { Matrix } from '@paretokit/problem';
import type { MinimizedPopulation } from '../../internal/build-result.js';

/** Rows of solutions in flat arrays: decision vectors, minimized objectives, constraints, violation. */
export interface Rows {
  readonly count: number;
  readonly X: Float64Array;
  readonly F: Float64Array;
  /** Constraint values, `count × k`; null without constraints. */
  readonly G: Float64Array | null;
  readonly CV: Float64Array;
  /** Subregion of each row, valid for the ideal point of {@link Rows.stamp}. */
  readonly niche: Int32Array;
  /** Aggregation fitness of each row in its subregion, valid with `niche`. */
  readonly fit: Float64Array;
  /** Which ideal point `niche` and `fit` were computed for (-1: never). */
  readonly stamp: number;
}

/** Widths of the row fields. */
export interface Widths {
  readonly d: number;
  readonly m: number;
  readonly k: number;
}

/** No rows. */
export function emptyRows(): Rows {
  return {
    count: 0,
    X: new Float64Array(0),
    F: new Float64Array(0),
    G: null,
    CV: new Float64Array(0),
    niche: new Int32Array(0),
    fit: new Float64Array(0),
    stamp: -1,
  };
}

function join<T extends Float64Array | Int32Array>(x: T, y: T): T {
  const out = new (x.constructor as new (n: number) => T)(x.length + y.length);
  out.set(x);
  out.set(y, x.length);
  return out;
}

/** `a` followed by `b` (their associations must share a stamp). O((a + b)·(d + m + k)). */
export function concatRows(a: Rows, b: Rows): Rows {
  const G =
    a.G === null && b.G === null ? null : join(a.G ?? new Float64Array(0), b.G ?? new Float64Array(0));
  return {
    count: a.count + b.count,
    X: join(a.X, b.X),
    F: join(a.F, b.F),
    G,
    CV: join(a.CV, b.CV),
    niche: join(a.niche, b.niche),
    fit: join(a.fit, b.fit),
    stamp: a.count === 0 ? b.stamp : a.stamp,
  };
}

/** The rows listed in `idx`, in that order. O(|idx|·(d + m + k)). */
export function gatherRows(r: Rows, idx: ArrayLike<number>, w: Widths): Rows {
  const n = idx.length;
  const pick = (src: Float64Array, c: number): Float64Array => {
    const out = new Float64Array(n * c);
    for (let t = 0; t < n; t++) out.set(src.subarray(idx[t]! * c, idx[t]! * c + c), t * c);
    return out;
  };
  const CV = new Float64Array(n);
  const niche = new Int32Array(n);
  const fit = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    CV[t] = r.CV[idx[t]!]!;
    niche[t] = r.niche[idx[t]!]!;
    fit[t] = r.fit[idx[t]!]!;
  }
  const G = r.G === null ? null : pick(r.G, w.k);
  return { count: n, X: pick(r.X, w.d), F: pick(r.F, w.m), G, CV, niche, fit, stamp: r.stamp };
}

/** A matrix view (no copy) of one field. */
export function asMatrix(data: Float64Array, rows: number, cols: number): Matrix {
  return { rows, cols, data };
}

/** The rows as a {@link MinimizedPopulation} (views, no copies). */
export function toPopulation(r: Rows, w: Widths): MinimizedPopulation {
  const X = asMatrix(r.X, r.count, w.d);
  const F = asMatrix(r.F, r.count, w.m);
  return r.G === null ? { X, F, CV: r.CV } : { X, F, G: asMatrix(r.G, r.count, w.k), CV: r.CV };
}
