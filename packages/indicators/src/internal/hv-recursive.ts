import { contribution4d, upperBound } from './contribution4d.js';
import { Front3d } from './front3d.js';
import { hv2d } from './hv2d.js';
import { hv3d } from './hv3d.js';
import { hv4d } from './hv4d.js';
import { reusableScratch } from './reusable-scratch.js';
import { orderBy, sortByKey } from './sort.js';

/**
 * Exact 5-D hypervolume of `n` points (rows of `data`) that all strictly dominate `ref`.
 *
 * Dimension sweep on the fifth objective, as in the recursive algorithm of Fonseca, Paquete &
 * López-Ibáñez (CEC 2006) with a 4-D base case that returns one point's contribution: the 4-D
 * volume of the points seen so far grows by the new point p's 4-D exclusive contribution, which
 * is itself a sweep on the fourth objective over the earlier points clamped to p's box
 * (coordinate-wise max, which keeps their order), feeding each into a {@link Front3d} and
 * subtracting the 3-D volume it covers from p's still-exposed box (the "one contribution"
 * problem of Guerreiro & Fonseca 2018). Clamped points collapse onto p's faces, so the 3-D front
 * stays small in practice. O(n^3) worst case, O(n) memory.
 */
export function hv5d(data: Float64Array, n: number, ref: Float64Array): number {
  const d = 5;
  const { byZ, byW, front, keys, order, result } = workspace(n);
  for (let i = 0; i < n; i++) {
    keys[i] = data[i * d + 4]!;
    order[i] = i;
  }
  sortByKey(keys, order, 0, n);
  sumOrderTies(data, keys, order, n);
  // The earlier points that no other earlier point dominates in the first four objectives (the
  // others cannot matter to later points either), copied as (x, y, z, w) rows twice: sorted by z
  // in `byZ` and by w in `byW`, so that the loops read memory in order.
  let m = 0;
  let hv = 0;
  for (let k = 0; k < n; k++) {
    const o = order[k]! * d;
    const px = data[o]!;
    const py = data[o + 1]!;
    const pz = data[o + 2]!;
    const pw = data[o + 3]!;
    result[0] = px;
    result[1] = py;
    result[2] = pz;
    result[3] = pw;
    contribution4d(result, byZ, byW, m, -1, -1, front, ref);
    const c = result[0]!;
    if (c < 0) continue; // an earlier point dominates p in 4-D: p adds nothing, now or later
    hv += c * (ref[4]! - data[o + 4]!);
    // Drop the earlier points p dominates in the first four objectives (if any), insert p.
    const dominated = result[3]!;
    if (dominated !== 0) {
      dropDominated(byW, result[2]!, m, dominated, px, py, pz, pw);
      m = dropDominated(byZ, result[1]!, m, dominated, px, py, pz, pw);
    }
    insertRow(byZ, m, 2, px, py, pz, pw);
    insertRow(byW, m, 3, px, py, pz, pw);
    m++;
  }
  return hv;
}

/**
 * Orders every run of equal `keys[0..n)` (the fifth objective of the 5-D rows `order` points to)
 * by the sum of the first four objectives, so that a point comes after the points with the same
 * fifth value that dominate it: {@link hv5d} then finds it dominated when it arrives (one scan)
 * instead of inserting it and dropping it later. Ties are frequent in WFG's limit sets, where
 * every earlier point better in the fifth objective is clamped to the same value. Overwrites
 * the keys of the runs. O(n log n).
 */
function sumOrderTies(data: Float64Array, keys: Float64Array, order: Int32Array, n: number): void {
  let i = 0;
  while (i < n) {
    let j = i + 1;
    const k = keys[i]!;
    while (j < n && keys[j] === k) j++;
    if (j - i > 1) {
      for (let t = i; t < j; t++) {
        const o = order[t]! * 5;
        keys[t] = data[o]! + data[o + 1]! + data[o + 2]! + data[o + 3]!;
      }
      sortByKey(keys, order, i, j);
    }
    i = j;
  }
}

/**
 * Scratch space of {@link hv5d}, kept up to 4096 points: WFG calls hv5d once per point on small
 * limit sets, where allocating it each time costs 10-15% of the work (at most ~0.5 MB stays
 * referenced). hv5d does not call itself.
 */
const workspace = reusableScratch(
  (capacity) => ({
    byZ: new Float64Array(4 * capacity),
    byW: new Float64Array(4 * capacity),
    front: new Front3d(capacity),
    keys: new Float64Array(capacity),
    order: new Int32Array(capacity),
    result: new Float64Array(4),
  }),
  4096,
);

/**
 * Removes from the first `m` (x, y, z, w) rows of `rows` those that (px, py, pz, pw) weakly
 * dominates, looking only from row `start` on (the rows before are known to be better than p in
 * the sort key); returns the new number of rows. `count` is how many there are (-1: unknown):
 * past the last one, the rest moves down in one block.
 */
function dropDominated(
  rows: Float64Array,
  start: number,
  m: number,
  count: number,
  px: number,
  py: number,
  pz: number,
  pw: number,
): number {
  let kept = start;
  for (let j = start; j < m; j++) {
    if (kept + count === j) {
      rows.copyWithin(4 * kept, 4 * j, 4 * m);
      return m - count;
    }
    const x = rows[4 * j]!;
    const y = rows[4 * j + 1]!;
    const z = rows[4 * j + 2]!;
    const w = rows[4 * j + 3]!;
    if (px <= x && py <= y && pz <= z && pw <= w) continue;
    if (kept !== j) {
      rows[4 * kept] = x;
      rows[4 * kept + 1] = y;
      rows[4 * kept + 2] = z;
      rows[4 * kept + 3] = w;
    }
    kept++;
  }
  return kept;
}

/** Inserts the row (x, y, z, w) among the first `m` rows, sorted on column `c` (after equal values). */
function insertRow(
  rows: Float64Array,
  m: number,
  c: number,
  x: number,
  y: number,
  z: number,
  w: number,
): void {
  const at = upperBound(rows, m, c, c === 2 ? z : w, 0);
  rows.copyWithin(4 * at + 4, 4 * at, 4 * m);
  rows[4 * at] = x;
  rows[4 * at + 1] = y;
  rows[4 * at + 2] = z;
  rows[4 * at + 3] = w;
}

/**
 * Exact hypervolume for 6 or more objectives: the WFG algorithm (While, Bradstreet & Barone, "A
 * fast way of calculating exact hypervolumes", IEEE TEC 16(1), 2012) on top of the 5-D sweep.
 *
 * Points are taken in ascending last objective; each adds its exclusive hypervolume with respect
 * to the earlier ones, which is (its box in the first d-1 objectives minus the hypervolume of the
 * earlier points clamped to that box, their "limit set") times its distance to the reference in
 * the last objective. The limit set is reduced to its non-dominated points before recursing,
 * which is what keeps WFG fast: clamped points mostly collapse onto the box's faces (except when
 * the limit set is 5-D: the 5-D sweep discards dominated points more cheaply itself).
 * Exponential in d in the worst case, like every exact algorithm (the problem is #P-hard in d).
 */
export function hvWfg(data: Float64Array, n: number, d: number, ref: Float64Array): number {
  const order = orderBy(data, n, d, d - 1);
  const e = d - 1;
  const limit = new Float64Array(n * e);
  const t = new Float64Array(e);
  let hv = 0;
  for (let k = 0; k < n; k++) {
    const o = order[k]! * d;
    // Limit set of the earlier points, non-dominated, in the first d-1 objectives.
    let m = 0;
    let covered = false;
    for (let j = 0; j < k && !covered; j++) {
      const qo = order[j]! * d;
      let inside = true;
      for (let c = 0; c < e; c++) {
        const q = data[qo + c]!;
        const p = data[o + c]!;
        if (q > p) {
          t[c] = q;
          inside = false;
        } else t[c] = p;
      }
      if (inside) {
        covered = true; // q weakly dominates p: p adds nothing
        break;
      }
      if (e === 5) {
        // hv5d drops the points dominated in its own sweep for O(size) each, which is cheaper than
        // the O(size^2) filter below (measured: 2x faster on 6-D fronts of 100..1000 points).
        limit.set(t, m * e);
        m++;
        continue;
      }
      let dominated = false;
      for (let i = 0; i < m; ) {
        const lo = i * e;
        let tLe = true; // t <= limit[i]
        let lLe = true; // limit[i] <= t
        for (let c = 0; c < e; c++) {
          const a = t[c]!;
          const b = limit[lo + c]!;
          if (a > b) tLe = false;
          else if (a < b) lLe = false;
          if (!tLe && !lLe) break;
        }
        if (lLe) {
          dominated = true;
          break;
        }
        if (tLe) {
          // t dominates limit[i]: replace it by the last one
          m--;
          if (i !== m) limit.copyWithin(lo, m * e, m * e + e);
        } else i++;
      }
      if (!dominated) {
        limit.set(t, m * e);
        m++;
      }
    }
    if (covered) continue;
    let box = 1;
    for (let c = 0; c < e; c++) box *= ref[c]! - data[o + c]!;
    const exclusive = m === 0 ? box : box - hvOfPacked(limit, m, e, ref);
    hv += exclusive * (ref[e]! - data[o + e]!);
  }
  return hv;
}

/**
 * Exact hypervolume of `n` rows of `d` values in `data`, all strictly dominating `ref` (only the
 * first `d` entries of `ref` are read). Dispatches on the dimension.
 */
export function hvOfPacked(data: Float64Array, n: number, d: number, ref: Float64Array): number {
  if (n === 0) return 0;
  if (n === 1 || d === 1) {
    if (d === 1) {
      let min = data[0]!;
      for (let i = 1; i < n; i++) if (data[i]! < min) min = data[i]!;
      return ref[0]! - min;
    }
    let v = 1;
    for (let c = 0; c < d; c++) v *= ref[c]! - data[c]!;
    return v;
  }
  if (d === 2) return hv2d(data, n, ref);
  if (d === 3) return hv3d(data, n, ref);
  if (d === 4) return hv4d(data, n, ref);
  if (d === 5) return hv5d(data, n, ref);
  return hvWfg(data, n, d, ref);
}
