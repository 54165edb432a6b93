import { dominanceSignatures } from './dominance-signatures.js';
import { quickselectFloat64 } from './quickselect-float64.js';
import { StaircasePool } from './staircase-pool.js';

/**
 * Working state of the divide-and-conquer ranking (rank-distinct-points.ts): n distinct points
 * numbered in lexicographic order, so a point can only be dominated by a smaller number; their
 * ranks so far; a buffer of point numbers whose segments are the subproblems, each kept in
 * increasing order between calls; scratch space.
 */
export class RankState {
  readonly n: number;
  readonly m: number;
  /** Objective k of point p at columns[k·n + p]. */
  readonly columns: Float64Array;
  /** Objective k of point p at rows[p·m + k]. */
  readonly rows: Float64Array;
  readonly rank: Int32Array;
  readonly idx: Int32Array;
  readonly scratch: Int32Array;
  /** Dominance signatures over objectives 1..k of point p at signatures[(k - 2)·n + p], and their guard masks. */
  readonly signatures: Int32Array;
  readonly guards: Int32Array;
  /** Numbers, ranks and signatures of the points compared pairwise, copied contiguously. */
  readonly packedId: Int32Array;
  readonly packedRank: Int32Array;
  readonly packedSig: Int32Array;
  /** Rank groups of a packed segment (see rank-brute-force.ts) and counts for grouping them. */
  readonly groupStart: Int32Array;
  readonly groupEnd: Int32Array;
  readonly rankCounts: Int32Array;
  /** Values for {@link samplePivot}. */
  readonly sample = new Float64Array(SAMPLE);
  /** Output of rankAcross's rank check: the highest rank in L and the lowest in H. */
  highL = 0;
  lowH = 0;
  /** Output of splitting two segments (see rank-distinct-points.ts): the ends of their lower parts. */
  cutL = 0;
  cutH = 0;
  #stairs: StaircasePool | undefined;
  #values: Float64Array | undefined;

  constructor(values: Float64Array, n: number, m: number) {
    this.n = n;
    this.m = m;
    this.rows = values;
    this.columns = transpose(values, n, m);
    ({ signatures: this.signatures, guards: this.guards } = dominanceSignatures(this.columns, n, m));
    // One allocation for the nine integer buffers (allocations dominate small sorts).
    const length = n + 2;
    const ints = new Int32Array(9 * length);
    const part = (i: number) => ints.subarray(i * length, (i + 1) * length);
    this.rank = part(0);
    this.idx = identity(part(1), n);
    this.scratch = part(2);
    this.packedId = part(3);
    this.packedRank = part(4);
    this.packedSig = part(5);
    this.groupStart = part(6);
    this.groupEnd = part(7);
    this.rankCounts = part(8);
  }

  /** Staircases of the sweeps, one per rank (created on first use). */
  get stairs(): StaircasePool {
    this.#stairs ??= new StaircasePool(this.n, this.n);
    return this.#stairs;
  }

  /** Scratch values for {@link exactPivot} (created on first use). */
  get values(): Float64Array {
    this.#values ??= new Float64Array(this.n);
    return this.#values;
  }
}

/** Subproblems of at most this many points are ranked by comparing all pairs. */
export const BRUTE_WITHIN = 256;
/** Cross subproblems with at most this many (L, H) pairs are ranked by comparing all pairs. */
export const BRUTE_ACROSS = 1 << 20;
/** Cross subproblems with one side at most this long are ranked by comparing all pairs. */
export const BRUTE_SIDE = 64;

/** `a` with a[p] = p for p < n. */
function identity(a: Int32Array, n: number): Int32Array {
  for (let p = 0; p < n; p++) a[p] = p;
  return a;
}

/** The column-major copy of the row-major n x m matrix `rows`. */
function transpose(rows: Float64Array, n: number, m: number): Float64Array {
  const columns = new Float64Array(n * m);
  for (let k = 0; k < m; k++) for (let p = 0; p < n; p++) columns[k * n + p] = rows[p * m + k]!;
  return columns;
}

/** Median estimates look at this many evenly spread points. */
const SAMPLE = 63;

/**
 * The median of objective k over the points of idx[a..b) and idx[c..d) (the upper one for an even
 * count), estimated from {@link SAMPLE} evenly spread points when there are more. O(1).
 */
function samplePivot(s: RankState, k: number, a: number, b: number, c: number, d: number): number {
  const { idx, sample } = s;
  const column = s.columns;
  const offset = k * s.n;
  const total = b - a + (d - c);
  const count = Math.min(total, SAMPLE);
  const step = total / count;
  for (let t = 0; t < count; t++) {
    const at = Math.floor(t * step);
    sample[t] = column[offset + idx[at < b - a ? a + at : c + at - (b - a)]!]!;
  }
  return quickselectFloat64(sample, count >>> 1, 0, count - 1);
}

/** The exact median of objective k over idx[a..b) and idx[c..d) (the upper one). O(n) expected. */
function exactPivot(s: RankState, k: number, a: number, b: number, c: number, d: number): number {
  const { idx, values } = s;
  const column = s.columns;
  const offset = k * s.n;
  let len = 0;
  for (let i = a; i < b; i++) values[len++] = column[offset + idx[i]!]!;
  for (let i = c; i < d; i++) values[len++] = column[offset + idx[i]!]!;
  return quickselectFloat64(values, len >>> 1, 0, len - 1);
}

/** Whether a split into parts of x and y points is too uneven to keep (large parts only). */
function lopsided(x: number, y: number): boolean {
  return x + y > 4 * SAMPLE && Math.min(x, y) * 8 < x + y;
}

/**
 * Stable partition of idx[a..b) by objective k into the values at most `pivot` (below it if
 * `strict`), then the others; returns the end of the first part. O(n).
 */
function partition(s: RankState, k: number, a: number, b: number, pivot: number, strict: boolean): number {
  const { idx, scratch } = s;
  const column = s.columns;
  const offset = k * s.n;
  let below = a;
  let above = 0;
  if (strict) {
    for (let i = a; i < b; i++) {
      const p = idx[i]!;
      if (column[offset + p]! < pivot) idx[below++] = p;
      else scratch[above++] = p;
    }
  } else {
    for (let i = a; i < b; i++) {
      const p = idx[i]!;
      if (column[offset + p]! <= pivot) idx[below++] = p;
      else scratch[above++] = p;
    }
  }
  for (let i = 0; i < above; i++) idx[below + i] = scratch[i]!;
  return below;
}

/**
 * Splits both idx[a..b) and idx[c..d) at one median of objective k over them (estimated from a
 * sample, exact when the estimate splits too unevenly), each into a lower and an upper part kept
 * in increasing order; s.cutL and s.cutH get the ends of the lower parts. Returns false, moving
 * nothing, when every value is equal. O(n).
 */
export function splitAtMedian(s: RankState, k: number, a: number, b: number, c: number, d: number): boolean {
  if (!cutAt(s, k, a, b, c, d, samplePivot(s, k, a, b, c, d))) return false;
  if (lopsided(s.cutL - a + s.cutH - c, b - s.cutL + d - s.cutH)) {
    mergeRuns(s, a, s.cutL, b);
    mergeRuns(s, c, s.cutH, d);
    cutAt(s, k, a, b, c, d, exactPivot(s, k, a, b, c, d));
  }
  return true;
}

/** Partitions both segments at `pivot`, or just below it when it is their largest value; false if all values are equal. */
function cutAt(s: RankState, k: number, a: number, b: number, c: number, d: number, pivot: number): boolean {
  let lCut = partition(s, k, a, b, pivot, false);
  let hCut = partition(s, k, c, d, pivot, false);
  if (lCut === b && hCut === d) {
    // Nothing moved (every value is at most the pivot), so the segments are still in order.
    lCut = partition(s, k, a, b, pivot, true);
    hCut = partition(s, k, c, d, pivot, true);
    if (lCut === a && hCut === c) return false;
  }
  s.cutL = lCut;
  s.cutH = hCut;
  return true;
}

/** Merges the increasing runs idx[a..mid) and idx[mid..b) into one increasing run. O(n). */
export function mergeRuns(s: RankState, a: number, mid: number, b: number): void {
  const { idx, scratch } = s;
  if (a === mid || mid === b || idx[mid - 1]! < idx[mid]!) return;
  const left = mid - a;
  for (let i = 0; i < left; i++) scratch[i] = idx[a + i]!;
  let i = 0;
  let j = mid;
  let w = a;
  while (i < left && j < b) {
    const x = scratch[i]!;
    const y = idx[j]!;
    if (x < y) {
      idx[w++] = x;
      i++;
    } else {
      idx[w++] = y;
      j++;
    }
  }
  while (i < left) idx[w++] = scratch[i++]!;
}

/** First position in idx[a..b) (increasing) holding a number above `value`, or b. O(log n). */
export function firstAbove(idx: Int32Array, a: number, b: number, value: number): number {
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (idx[mid]! <= value) a = mid + 1;
    else b = mid;
  }
  return a;
}
