import { hv2d } from './hv2d.js';
import { hv3d } from './hv3d.js';
import { hv4d } from './hv4d.js';
import { contribution5d, hv5d } from './hv5d.js';
import { orderBy } from './sort.js';

/**
 * Exact hypervolume for 6 or more objectives: the WFG algorithm (While, Bradstreet & Barone, "A
 * fast way of calculating exact hypervolumes", IEEE TEC 16(1), 2012) on top of the 5-D sweep.
 *
 * Points are taken in ascending last objective; each adds its exclusive hypervolume with respect
 * to the earlier ones, which is (its box in the first d-1 objectives minus the hypervolume of the
 * earlier points clamped to that box, their "limit set") times its distance to the reference in
 * the last objective. The limit set is reduced to its non-dominated points before recursing,
 * which is what keeps WFG fast: clamped points mostly collapse onto the box's faces. A 5-D limit
 * set goes unfiltered to {@link contribution5d}, which filters it more cheaply itself and sweeps
 * the objective in which most of the set is clamped to p's value.
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
    // Limit set of the earlier points in the first d-1 objectives.
    const m =
      e === 5 ? limitSet5(data, order, k, limit, axisScratch.equal) : limitSet(data, d, order, k, limit, t);
    if (m < 0) continue; // an earlier point weakly dominates p: p adds nothing
    let box = 1;
    for (let c = 0; c < e; c++) box *= ref[c]! - data[o + c]!;
    const exclusive =
      m === 0
        ? box
        : e === 5
          ? contribution5dAnyAxis(limit, m, data, o, ref)
          : box - hvOfPacked(limit, m, e, ref);
    hv += exclusive * (ref[e]! - data[o + e]!);
  }
  return hv;
}

/**
 * Writes to `limit` the first `k` points of `order` (rows of `d` values) clamped to point
 * `order[k]`'s box in the first d-1 objectives, keeping only those no other one weakly dominates
 * (`t`: scratch of d-1 values). Returns how many, or -1 when one of them weakly dominates the
 * point itself. O(k * size * d).
 */
function limitSet(
  data: Float64Array,
  d: number,
  order: Int32Array,
  k: number,
  limit: Float64Array,
  t: Float64Array,
): number {
  const e = d - 1;
  const o = order[k]! * d;
  let m = 0;
  for (let j = 0; j < k; j++) {
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
    if (inside) return -1;
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
  return m;
}

/**
 * {@link limitSet} for 6-D points, unfiltered ({@link contribution5d} drops the dominated rows
 * more cheaply itself: measured 2x faster on 6-D fronts of 100 to 1,000 points), counting in
 * `equal` how many rows are clamped to the point's value in each objective. Compares without
 * short-circuit (fewer mispredicted branches, measured). O(k).
 */
function limitSet5(
  data: Float64Array,
  order: Int32Array,
  k: number,
  limit: Float64Array,
  equal: Int32Array,
): number {
  const o = order[k]! * 6;
  equal.fill(0);
  for (let j = 0; j < k; j++) {
    const qo = order[j]! * 6;
    const lo = j * 5;
    let inside = 1;
    for (let c = 0; c < 5; c++) {
      const q = data[qo + c]!;
      const p = data[o + c]!;
      const le = +(q <= p);
      limit[lo + c] = le !== 0 ? p : q;
      inside &= le;
      equal[c]! += le;
    }
    if (inside !== 0) return -1;
  }
  return k;
}

const axisScratch = { p: new Float64Array(5), ref: new Float64Array(5), equal: new Int32Array(5) };

/**
 * {@link contribution5d} swept on the objective in which most of the limit set is clamped to p's
 * value (those rows all go into its one-call base, the others cost a call each): the limit rows'
 * columns are swapped in place to put that objective last.
 */
function contribution5dAnyAxis(
  limit: Float64Array,
  m: number,
  data: Float64Array,
  o: number,
  ref: Float64Array,
): number {
  const { p, ref: r, equal } = axisScratch;
  let best = 4;
  for (let c = 0; c < 4; c++) if (equal[c]! > equal[best]!) best = c;
  if (best === 4) return contribution5d(limit, m, data, o, ref);
  for (let c = 0; c < 5; c++) {
    p[c] = data[o + c]!;
    r[c] = ref[c]!;
  }
  p[best] = data[o + 4]!;
  p[4] = data[o + best]!;
  r[best] = ref[4]!;
  r[4] = ref[best]!;
  for (let i = 0; i < m; i++) {
    const v = limit[i * 5 + best]!;
    limit[i * 5 + best] = limit[i * 5 + 4]!;
    limit[i * 5 + 4] = v;
  }
  return contribution5d(limit, m, p, 0, r);
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
