import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
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
 * Rows are first sorted lexicographically, so a row can only be dominated by rows before it, and
 * each row goes to the first front none of whose members dominates it (fronts are searched by
 * bisection: being dominated by front k implies being dominated by front k-1). The test against
 * one front depends on the number of objectives m:
 * - m = 1: a scan of the sorted values, O(N log N).
 * - m = 2: each front keeps its last member (smallest f2); one comparison, O(N log N) in all
 *   (Jensen 2003's 2-D case).
 * - m = 3: each front keeps the 2-D staircase of its members' (f2, f3), so the test is a binary
 *   search: O(N log N · log R) for R fronts, plus staircase updates (array splices, fast in practice).
 * - m >= 4: the members of the front are compared one by one, newest first (ENS-BS, Zhang, Tian,
 *   Cheng & Jin 2015): O(m N^2) in the worst case, far less on typical populations.
 *
 * @example
 * nonDominatedSort([[1, 2], [2, 1], [2, 2], [3, 3]]).fronts // => [[0, 1], [2], [3]]
 */
export function nonDominatedSort(F: MatrixInput, options: NonDominatedSortOptions = {}): NonDominatedSorting {
  const matrix = toMatrix(F, 'nonDominatedSort: F');
  const { rows: n, cols: m, data: f } = matrix;
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
  const rank = new Int32Array(n);
  const cv = options.constraintViolation;
  let frontCount: number;
  if (cv === undefined) {
    frontCount = rankRows(f, m, allRows(n), rank, 0);
  } else {
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
    frontCount = rankRows(f, m, Int32Array.from(feasible), rank, 0);
    infeasible.sort((a, b) => cv[a]! - cv[b]! || a - b);
    let previous = Number.NaN;
    for (const i of infeasible) {
      if (cv[i]! !== previous) {
        frontCount++;
        previous = cv[i]!;
      }
      rank[i] = frontCount - 1;
    }
  }
  const fronts: number[][] = Array.from({ length: frontCount }, () => []);
  for (let i = 0; i < n; i++) fronts[rank[i]!]!.push(i);
  return { fronts, rank };
}

function allRows(n: number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}

/** Ranks the rows `idx` (reordered in place), writing rank + offset; returns offset + front count. */
function rankRows(f: Float64Array, m: number, idx: Int32Array, rank: Int32Array, offset: number): number {
  if (idx.length === 0) return offset;
  idx.sort((a, b) => {
    for (let k = 0; k < m; k++) {
      const d = f[a * m + k]! - f[b * m + k]!;
      if (d !== 0) return d;
    }
    return a - b;
  });
  const count =
    m === 1
      ? rank1(f, idx, rank)
      : m === 2
        ? rank2(f, idx, rank)
        : m === 3
          ? rank3(f, idx, rank)
          : rankN(f, m, idx, rank);
  if (offset !== 0) for (const i of idx) rank[i]! += offset;
  return offset + count;
}

/** First front (in [lo, hi)) for which `dominated(k)` is false; dominated(k) is true then false. */
function firstFree(count: number, dominated: (k: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dominated(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rank1(f: Float64Array, idx: Int32Array, rank: Int32Array): number {
  let r = 0;
  rank[idx[0]!] = 0;
  for (let p = 1; p < idx.length; p++) {
    if (f[idx[p]!]! !== f[idx[p - 1]!]!) r++;
    rank[idx[p]!] = r;
  }
  return r + 1;
}

function rank2(f: Float64Array, idx: Int32Array, rank: Int32Array): number {
  // last[k]: the member of front k with the smallest f2 (the latest one added, by the sort order).
  const last: number[] = [];
  for (const p of idx) {
    const p1 = f[2 * p]!;
    const p2 = f[2 * p + 1]!;
    const r = firstFree(last.length, (k) => {
      const q = last[k]!;
      const q2 = f[2 * q + 1]!;
      return q2 < p2 || (q2 === p2 && f[2 * q]! !== p1);
    });
    last[r] = p;
    rank[p] = r;
  }
  return last.length;
}

function rank3(f: Float64Array, idx: Int32Array, rank: Int32Array): number {
  // Per front, the minimal (f2, f3) projections of its members, sorted by f2 ascending (so f3 is
  // descending), with the f1 of the earliest member having that projection.
  const s1: number[][] = [];
  const s2: number[][] = [];
  const s3: number[][] = [];
  // Index of the last staircase entry with f2 <= v, or -1.
  const floor = (a: number[], v: number): number => {
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  for (const p of idx) {
    const p1 = f[3 * p]!;
    const p2 = f[3 * p + 1]!;
    const p3 = f[3 * p + 2]!;
    const r = firstFree(s2.length, (k) => {
      const j = floor(s2[k]!, p2);
      if (j < 0) return false;
      const q3 = s3[k]![j]!;
      if (q3 > p3) return false;
      // Same projection: dominated only by a member with a smaller f1 (an equal row is not).
      return q3 < p3 || s2[k]![j]! < p2 || s1[k]![j]! < p1;
    });
    rank[p] = r;
    if (r === s2.length) {
      s1.push([p1]);
      s2.push([p2]);
      s3.push([p3]);
      continue;
    }
    const a1 = s1[r]!;
    const a2 = s2[r]!;
    const a3 = s3[r]!;
    const j = floor(a2, p2);
    if (j >= 0 && a3[j]! <= p3) continue; // projection already covered by an earlier member
    // An entry with the same f2 and a larger f3 is covered by p now, so p replaces it.
    const start = j >= 0 && a2[j] === p2 ? j : j + 1;
    let end = start;
    while (end < a2.length && a3[end]! >= p3) end++;
    a1.splice(start, end - start, p1);
    a2.splice(start, end - start, p2);
    a3.splice(start, end - start, p3);
  }
  return s2.length;
}

function rankN(f: Float64Array, m: number, idx: Int32Array, rank: Int32Array): number {
  // Each front's members' objectives are copied into one contiguous buffer, newest last, so the
  // scan reads memory in order. Rows come sorted by f1, so a member is never worse in f1: the
  // test looks at f2..fm only and treats an exact copy as not dominating.
  const buffers: Float64Array[] = [];
  const sizes: number[] = [];
  const dominatedBy = (k: number, p: number): boolean => {
    const buf = buffers[k]!;
    const base = p * m;
    for (let t = sizes[k]! - 1; t >= 0; t--) {
      const q = t * m;
      let strictly = buf[q]! < f[base]!;
      let j = 1;
      for (; j < m; j++) {
        const d = buf[q + j]! - f[base + j]!;
        if (d > 0) break;
        if (d < 0) strictly = true;
      }
      if (j === m && strictly) return true;
    }
    return false;
  };
  for (const p of idx) {
    const r = firstFree(buffers.length, (k) => dominatedBy(k, p));
    if (r === buffers.length) {
      buffers.push(new Float64Array(16 * m));
      sizes.push(0);
    }
    let buf = buffers[r]!;
    const size = sizes[r]!;
    if ((size + 1) * m > buf.length) {
      const grown = new Float64Array(buf.length * 2);
      grown.set(buf);
      buffers[r] = buf = grown;
    }
    buf.set(f.subarray(p * m, p * m + m), size * m);
    sizes[r] = size + 1;
    rank[p] = r;
  }
  return buffers.length;
}
