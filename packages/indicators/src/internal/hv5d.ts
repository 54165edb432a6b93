import { contribution4d } from './contribution4d.js';
import { Front3d } from './front3d.js';
import { reusableScratch } from './reusable-scratch.js';
import { sortByKey } from './sort.js';
import { type ReservedKernels, releaseWasmKernels, reservedKernels, sweepInWasm } from './wasm-kernels.js';

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
 * stays small in practice. O(n^3) worst case, O(n) memory. The sweep runs in WebAssembly
 * (assembly/hv5d.ts, the same steps: the same bits) when it is available, 1.5-3x faster than in
 * JavaScript; the JavaScript below is its fallback and oracle.
 */
export function hv5d(data: Float64Array, n: number, ref: Float64Array): number {
  const d = 5;
  const { keys, order } = sortScratch(n);
  for (let i = 0; i < n; i++) {
    keys[i] = data[i * d + 4]!;
    order[i] = i;
  }
  sortByKey(keys, order, 0, n);
  sumOrderTies(data, keys, order, 0, n);
  const fast = sweepInWasm(data, n, 5, order, ref);
  if (fast !== undefined) return fast;
  const { byZ, byW, front, result } = sweepScratch(n);
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
    const c = rowContribution(result, px, py, pz, pw, byZ, byW, m, front, ref);
    if (c < 0) continue; // an earlier point dominates p in 4-D: p adds nothing, now or later
    hv += c * (ref[4]! - data[o + 4]!);
    // Drop the earlier points p dominates in the first four objectives (if any), insert p.
    m = absorbRow(byZ, byW, m, result, px, py, pz, pw);
  }
  return hv;
}

/**
 * The 5-D exclusive contribution of the point p (the first five values of `data` from offset
 * `o`) given its limit set: `m` rows of `limit` (5 values each), earlier points clamped to p's box
 * (coordinate-wise max with p). Equal to box(p) - hv5d(limit), computed as a sweep on the fifth
 * objective of the part of p's 4-D box left exposed: the rows whose fifth value is p's (the
 * earlier points better than p there, about half of a WFG limit set) all lie at the bottom of
 * the sweep, so one {@link contribution4d} of p against them gives the exposed 4-D volume at
 * once (hv5d would sum their contributions one by one); they are first reduced to those no other
 * weakly dominates (on 6-D fronts of 1,000 points, 28 of 222 on average: clamped rows collapse).
 * Each row above then takes away its own 4-D contribution, until one covers p's whole 4-D box.
 * O(m^2 * front size) worst case.
 */
export function contribution5d(
  limit: Float64Array,
  m: number,
  data: Float64Array,
  o: number,
  ref: Float64Array,
): number {
  const scratch = sortScratch(m);
  const { keys, order, spare } = scratch;
  const p4 = data[o + 4]!;
  let u = 0;
  let t = m;
  for (let i = 0; i < m; i++) {
    const v = limit[i * 5 + 4]!;
    if (v > p4) {
      keys[u] = v;
      order[u++] = i;
    } else {
      order[--t] = i;
      const r = i * 5;
      keys[t] = limit[r]! + limit[r + 1]! + limit[r + 2]! + limit[r + 3]!;
    }
  }
  // The bottom rows that no other one weakly dominates, sorted by z into byZ and by w into byW.
  sortByKey(keys, order, t, m);
  let rows = keepNonDominated4(limit, order, t, m, spare);
  const reserved = reservedKernels('reserve5d', m);
  if (reserved !== undefined) return contribution5dInWasm(reserved, scratch, limit, u, t, rows, data, o, ref);
  const { byZ, byW, front, result } = sweepScratch(m);
  sortRows(spare, rows, 2, keys, order, t, byZ);
  sortRows(spare, rows, 3, keys, order, t, byW);
  const px = data[o]!;
  const py = data[o + 1]!;
  const pz = data[o + 2]!;
  const pw = data[o + 3]!;
  let exposed = rowContribution(result, px, py, pz, pw, byZ, byW, rows, front, ref);
  if (exposed <= 0) return 0;
  sortByKey(keys, order, 0, u);
  sumOrderTies(limit, keys, order, 0, u);
  let contribution = 0;
  let last = p4;
  for (let k = 0; k < u; k++) {
    const r = order[k]! * 5;
    const v = limit[r + 4]!;
    contribution += exposed * (v - last);
    last = v;
    const qx = limit[r]!;
    const qy = limit[r + 1]!;
    const qz = limit[r + 2]!;
    const qw = limit[r + 3]!;
    if (qx === px && qy === py && qz === pz && qw === pw) return contribution; // covers p's 4-D box
    const c = rowContribution(result, qx, qy, qz, qw, byZ, byW, rows, front, ref);
    if (c < 0) continue;
    exposed -= c;
    rows = absorbRow(byZ, byW, rows, result, qx, qy, qz, qw);
  }
  return contribution + exposed * (ref[4]! - last);
}

/**
 * {@link contribution5d} from its sorted bottom rows on, in WebAssembly (assembly/hv5d.ts, the
 * same steps: the same bits), whose memory reserve5d placed at `at`: the bottom rows (`rows` of
 * `scratch.spare`) sorted by z and by w straight into the kernel's copies, the `u` rows above in
 * sweep order at `at`. O(m log m) besides the kernel.
 */
function contribution5dInWasm(
  { kernels, at }: ReservedKernels,
  scratch: ReturnType<typeof sortScratch>,
  limit: Float64Array,
  u: number,
  t: number,
  rows: number,
  data: Float64Array,
  o: number,
  ref: Float64Array,
): number {
  const { keys, order, spare } = scratch;
  const buffer = kernels.memory.buffer;
  sortRows(spare, rows, 2, keys, order, t, new Float64Array(buffer, kernels.sortedByZ(), 4 * rows));
  sortRows(spare, rows, 3, keys, order, t, new Float64Array(buffer, kernels.sortedByW(), 4 * rows));
  sortByKey(keys, order, 0, u);
  sumOrderTies(limit, keys, order, 0, u);
  const upper = new Float64Array(buffer, at, 5 * u);
  for (let k = 0; k < u; k++) {
    const r = order[k]! * 5;
    for (let c = 0; c < 5; c++) upper[5 * k + c] = limit[r + c]!;
  }
  const [r0, r1, r2, r3, r4] = [ref[0]!, ref[1]!, ref[2]!, ref[3]!, ref[4]!];
  const contribution = kernels.contribution5dSorted(
    at,
    u,
    rows,
    data[o]!,
    data[o + 1]!,
    data[o + 2]!,
    data[o + 3]!,
    data[o + 4]!,
    r0,
    r1,
    r2,
    r3,
    r4,
  );
  releaseWasmKernels(kernels);
  return contribution;
}

/**
 * Copies to `kept` (4 values a row, in order) the rows `order[lo..hi)` of the 5-value `rows`
 * that no row kept before them weakly dominates in the first four values (given in ascending sum
 * of those, a row can only be dominated by an earlier one); returns how many. O(n * kept).
 */
function keepNonDominated4(
  rows: Float64Array,
  order: Int32Array,
  lo: number,
  hi: number,
  kept: Float64Array,
): number {
  let count = 0;
  for (let i = lo; i < hi; i++) {
    const r = order[i]! * 5;
    const x = rows[r]!;
    const y = rows[r + 1]!;
    const z = rows[r + 2]!;
    const w = rows[r + 3]!;
    let j = 0;
    for (; j < count; j++) {
      // All four compared without short-circuit: fewer mispredicted branches (measured).
      const le =
        +(kept[j << 2]! <= x) &
        +(kept[(j << 2) | 1]! <= y) &
        +(kept[(j << 2) | 2]! <= z) &
        +(kept[(j << 2) | 3]! <= w);
      if (le !== 0) break;
    }
    if (j < count) continue;
    kept[count << 2] = x;
    kept[(count << 2) | 1] = y;
    kept[(count << 2) | 2] = z;
    kept[(count << 2) | 3] = w;
    count++;
  }
  return count;
}

/**
 * Copies the first `n` rows of `rows` (4 values each) to `to` sorted on column `c`, using
 * `keys` and `order` from `at` on as scratch.
 */
function sortRows(
  rows: Float64Array,
  n: number,
  c: number,
  keys: Float64Array,
  order: Int32Array,
  at: number,
  to: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    keys[at + i] = rows[(i << 2) | c]!;
    order[at + i] = i;
  }
  sortByKey(keys, order, at, at + n);
  for (let i = 0; i < n; i++) {
    const r = order[at + i]! << 2;
    to[i << 2] = rows[r]!;
    to[(i << 2) | 1] = rows[r | 1]!;
    to[(i << 2) | 2] = rows[r | 2]!;
    to[(i << 2) | 3] = rows[r | 3]!;
  }
}

/**
 * {@link contribution4d} of the point (x, y, z, w) against the `m` rows of byZ and byW, through
 * `result` (which keeps its other outputs); returns the contribution, -1 when a row dominates it.
 */
function rowContribution(
  result: Float64Array,
  x: number,
  y: number,
  z: number,
  w: number,
  byZ: Float64Array,
  byW: Float64Array,
  m: number,
  front: Front3d,
  ref: Float64Array,
): number {
  result[0] = x;
  result[1] = y;
  result[2] = z;
  result[3] = w;
  contribution4d(result, byZ, byW, m, -1, -1, front, ref);
  return result[0]!;
}

/**
 * Adds the row (x, y, z, w) to the `m` rows of byZ and byW, after {@link contribution4d} wrote to
 * `result` where its rows start and how many it dominates (those are dropped); returns the new
 * number of rows.
 */
function absorbRow(
  byZ: Float64Array,
  byW: Float64Array,
  m: number,
  result: Float64Array,
  x: number,
  y: number,
  z: number,
  w: number,
): number {
  const dominated = result[3]!;
  if (dominated !== 0) {
    dropDominated(byW, result[2]!, m, dominated, x, y, z, w);
    m = dropDominated(byZ, result[1]!, m, dominated, x, y, z, w);
  }
  // contribution4d found where the rows with z >= pz and w >= pw start; the drops came after.
  insertRow(byZ, m, 2, x, y, z, w, result[1]!);
  insertRow(byW, m, 3, x, y, z, w, result[2]!);
  return m + 1;
}

/**
 * Orders every run of equal `keys[lo..hi)` (the fifth objective of the 5-D rows `order` points
 * to) by the sum of the first four objectives, so that a point comes after the points with the
 * same fifth value that dominate it: {@link hv5d} and {@link contribution5d} then find it
 * dominated when it arrives (one scan) instead of inserting it and dropping it later. Ties are
 * frequent in WFG's limit sets, where every earlier point better in the fifth objective is
 * clamped to the same value. Overwrites the keys of the runs. O(n log n).
 */
function sumOrderTies(
  data: Float64Array,
  keys: Float64Array,
  order: Int32Array,
  lo: number,
  hi: number,
): void {
  let i = lo;
  while (i < hi) {
    let j = i + 1;
    const k = keys[i]!;
    while (j < hi && keys[j] === k) j++;
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
 * Scratch space of {@link hv5d} and {@link contribution5d}, kept up to 4096 points: WFG calls
 * contribution5d once per point on small limit sets, where allocating it each time costs 10-15%
 * of the work (at most ~0.6 MB stays referenced). Neither calls itself or the other. The sort's
 * part serves both paths; the sweep's only the JavaScript one (the WebAssembly kernels keep their
 * own), so that larger calls that run in WebAssembly do not allocate it.
 */
const sortScratch = reusableScratch(
  (capacity) => ({
    spare: new Float64Array(4 * capacity),
    keys: new Float64Array(capacity),
    order: new Int32Array(capacity),
  }),
  4096,
);
const sweepScratch = reusableScratch(
  (capacity) => ({
    byZ: new Float64Array(4 * capacity),
    byW: new Float64Array(4 * capacity),
    front: new Front3d(capacity),
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

/**
 * Inserts the row (x, y, z, w) among the first `m` rows, sorted on column `c` (after equal
 * values), looking from row `from` on (no row before it has a larger value). O(m).
 */
function insertRow(
  rows: Float64Array,
  m: number,
  c: number,
  x: number,
  y: number,
  z: number,
  w: number,
  from: number,
): void {
  const key = c === 2 ? z : w;
  let at = from;
  while (at < m && rows[4 * at + c]! <= key) at++;
  rows.copyWithin(4 * at + 4, 4 * at, 4 * m);
  rows[4 * at] = x;
  rows[4 * at + 1] = y;
  rows[4 * at + 2] = z;
  rows[4 * at + 3] = w;
}
