import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { distinctPoints } from './internal/distinct-points.js';
import { frontStaircases3d } from './internal/front-staircases-3d.js';
import { frontSweep2d } from './internal/front-sweep-2d.js';
import { lexicographicOrder } from './internal/lexicographic-order.js';
import { rankDistinctPoints } from './internal/rank-distinct-points.js';
import { type MatrixInput, toMatrix } from './matrix.js';

/** The result of {@link nonDominatedSort}. */
export interface NonDominatedSorting {
  /** Row indices per front, best front first; each front lists its rows in increasing order. */
  readonly fronts: number[][];
  /** 0-based front index of each row. */
  readonly rank: Int32Array;
}

/** Options of {@link nonDominatedSort}. */
export interface NonDominatedSortOptions {
  /**
   * Total constraint violation per row (0 = feasible). When given, ranking follows Deb's
   * constrained domination: every feasible row ranks before every infeasible one, and infeasible
   * rows form one front per distinct violation, smallest first.
   */
  readonly constraintViolation?: ArrayLike<number>;
}

/**
 * Sorts rows into Pareto fronts (minimization): front 0 holds the rows no other row dominates,
 * front 1 those dominated only by front 0, and so on. Equal rows share a front.
 *
 * Rows are sorted lexicographically (up to 2,048 rows the engine's native sort of packed keys,
 * beyond a bucket sort per objective, O(N) for smooth values), so a point can only be dominated
 * by points before it; equal rows, now adjacent, share a rank. Then, by the number of
 * objectives m (R = number of fronts):
 * - m = 1: every distinct value is a front.
 * - m = 2: each front keeps its smallest f2; a point joins the first front whose smallest f2 is
 *   above its own, found by bisection (Jensen 2003): O(N log R).
 * - m = 3: each front keeps the staircase of its members' (f2, f3); fronts are bisected and each
 *   test is a binary search: O(N log N log R) plus staircase updates.
 * - m >= 4: divide and conquer on the objectives (Jensen 2003; Buzdalov & Shalyto 2014), with a
 *   staircase sweep once three objectives decide and pairwise comparisons, screened by one integer
 *   subtraction, for small subproblems: O(N log^(m-1) N) at worst, far less in practice.
 *
 * @example
 * nonDominatedSort([[1, 2], [2, 1], [2, 2], [3, 3]]).fronts // => [[0, 1], [2], [3]]
 */
export function nonDominatedSort(F: MatrixInput, options: NonDominatedSortOptions = {}): NonDominatedSorting {
  const { rows: n, cols: m, data: f } = toMatrix(F, 'nonDominatedSort: F');
  checkObjectives(f, n, m);
  const rank = new Int32Array(n);
  const cv = options.constraintViolation;
  const frontCount = cv === undefined ? rankRows(f, m, rowOrder(n), rank) : rankConstrained(f, m, cv, rank);
  return { fronts: groupFronts(rank, frontCount), rank };
}

/** Throws on a NaN objective value, or on rows without objectives. */
function checkObjectives(f: Float64Array, n: number, m: number): void {
  for (let i = 0; i < f.length; i++) {
    if (Number.isNaN(f[i]!)) {
      throw new InvalidArgumentError({
        argument: `nonDominatedSort: F, row ${Math.floor(i / m)}, column ${i % m}`,
        expected: 'a number',
        actual: Number.NaN,
      });
    }
  }
  if (n > 0 && m === 0) {
    throw new InvalidArgumentError({
      argument: 'nonDominatedSort: F',
      expected: 'at least one objective column',
      actual: 0,
    });
  }
}

/** Ranks feasible rows by domination, then infeasible ones by violation; returns the front count. */
function rankConstrained(f: Float64Array, m: number, cv: ArrayLike<number>, rank: Int32Array): number {
  const n = rank.length;
  if (cv.length !== n) {
    throw new DimensionMismatchError({
      what: 'nonDominatedSort: constraintViolation',
      expected: n,
      actual: cv.length,
      unit: 'values (one per row)',
    });
  }
  const feasible: number[] = [];
  const infeasible: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = cv[i]!;
    if (Number.isNaN(v)) {
      throw new InvalidArgumentError({
        argument: `nonDominatedSort: constraintViolation[${i}]`,
        expected: 'a number',
        actual: v,
      });
    }
    (v <= 0 ? feasible : infeasible).push(i);
  }
  let frontCount = rankRows(f, m, Int32Array.from(feasible), rank);
  infeasible.sort((a, b) => cv[a]! - cv[b]! || a - b);
  let previous = Number.NaN;
  for (const i of infeasible) {
    if (cv[i]! !== previous) {
      frontCount++;
      previous = cv[i]!;
    }
    rank[i] = frontCount - 1;
  }
  return frontCount;
}

/** Row indices per front, each in increasing order. */
function groupFronts(rank: Int32Array, frontCount: number): number[][] {
  const fronts: number[][] = [];
  for (let r = 0; r < frontCount; r++) fronts.push([]);
  for (let i = 0; i < rank.length; i++) fronts[rank[i]!]!.push(i);
  return fronts;
}

/** Up to this many rows, {@link rowOrder} hands out one array kept between calls (8 KB). */
const SHARED_ROWS = 2048;
const sharedRows = new Int32Array(SHARED_ROWS);

/**
 * The row indices 0..n-1 as the working order of one sort, in the shared array up to
 * {@link SHARED_ROWS} rows (a typed array outside V8's heap takes about a microsecond to allocate;
 * a 100-row 2-D sort takes about 4). Valid until the next call; nothing here calls back into user code.
 */
function rowOrder(n: number): Int32Array {
  const idx = n <= SHARED_ROWS ? sharedRows.subarray(0, n) : new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}

/** The row indices 0..n-1. */
function allRows(n: number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}

/** Ranks the rows `idx` (reordered in place) by domination, writing `rank`; returns the front count. */
function rankRows(f: Float64Array, m: number, idx: Int32Array, rank: Int32Array): number {
  if (idx.length === 0) return 0;
  lexicographicOrder(f, m, idx);
  if (m === 2) return frontSweep2d(f, idx, rank);
  if (m === 3) return frontStaircases3d(f, idx, rank);
  const { count, pointAt, values } = distinctPoints(f, m, idx);
  // m = 1: every distinct value is a front of its own.
  const pointRank = m === 1 ? allRows(count) : new Int32Array(count);
  const fronts = m === 1 ? count : rankDistinctPoints(values, count, m, pointRank);
  spreadRanks(idx, pointAt, pointRank, rank);
  return fronts;
}

/** rank[idx[i]] = pointRank[pointAt[i]]: each row gets the rank of its distinct point. */
function spreadRanks(idx: Int32Array, pointAt: Int32Array, pointRank: Int32Array, rank: Int32Array): void {
  for (let i = 0; i < idx.length; i++) rank[idx[i]!] = pointRank[pointAt[i]!]!;
}
