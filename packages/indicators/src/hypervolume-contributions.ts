import type { HypervolumeOptions } from './hypervolume.js';
import { contribution4d } from './internal/contribution4d.js';
import { Front3d } from './internal/front3d.js';
import { hvOfPacked } from './internal/hv-recursive.js';
import { hvc2d } from './internal/hvc2d.js';
import { hvc3d } from './internal/hvc3d.js';
import { readPoints, readVector } from './internal/read-points.js';
import { orderBy } from './internal/sort.js';
import { type ReservedKernels, releaseWasmKernels, reservedKernels } from './internal/wasm-kernels.js';
import type { PointSet } from './point-set.js';

/**
 * Exclusive hypervolume contribution of every point: how much the hypervolume would drop
 * without it, `HV(all) - HV(all but i)`, as a `Float64Array` in the order of the rows.
 *
 * Dominated points and points that do not strictly dominate the reference point contribute 0.
 * Duplicated points each contribute 0 (removing one copy leaves the other), and a point's
 * contribution shrinks by the boxes of the points only it dominates. Cost by number of
 * objectives d: d = 2, O(n log n); d = 3, O(n log n) (a z sweep keeping each staircase point's
 * exclusive area); d = 4, one HV4D+-style "one contribution" sweep per point, O(n^2) each in the
 * worst case but far less on usual fronts; d >= 5, each point's box minus the exact hypervolume
 * of the others clamped to it.
 *
 * @throws {DimensionMismatchError} if the reference point or a row has the wrong length.
 * @throws {InvalidArgumentError} for a non-finite reference value, or NaN / -Infinity in a point.
 *
 * @example
 * Array.from(hypervolumeContributions([[1, 2], [2, 1], [2, 2]], { reference: [3, 3] })) // => [1, 1, 0]
 */
export function hypervolumeContributions(points: PointSet, options: HypervolumeOptions): Float64Array {
  const ref = readVector(options?.reference, 'reference point', -1);
  const all = readPoints(points, {
    what: 'points',
    cols: ref.length,
    colsFrom: 'reference point',
    allowPositiveInfinity: true,
  });
  const rows = all.n;
  const out = new Float64Array(rows);
  const d = all.d;
  // Keep the rows that strictly dominate the reference point, remembering where they came from.
  const index = new Int32Array(rows);
  let n = 0;
  for (let i = 0; i < rows; i++) {
    let inside = true;
    for (let k = 0; k < d; k++) if (!(all.data[i * d + k]! < ref[k]!)) inside = false;
    if (inside) {
      if (n !== i) all.data.copyWithin(n * d, i * d, i * d + d);
      index[n++] = i;
    }
  }
  if (n === 0) return out;
  const data = all.data.subarray(0, n * d);
  if (d === 1) contributions1d(data, n, ref, index, out);
  else if (d === 2) hvc2d(data, n, ref, index, out);
  else if (d === 3) hvc3d(data, n, ref, index, out);
  else if (d === 4) contributions4d(data, n, ref, index, out);
  else contributionsByClamping(data, n, d, ref, index, out);
  return out;
}

/** One objective: only a unique minimum contributes, up to the second smallest value. */
function contributions1d(
  data: Float64Array,
  n: number,
  ref: Float64Array,
  index: Int32Array,
  out: Float64Array,
) {
  let best = 0;
  for (let i = 1; i < n; i++) if (data[i]! < data[best]!) best = i;
  let second = ref[0]!;
  for (let i = 0; i < n; i++) if (i !== best && data[i]! < second) second = data[i]!;
  out[index[best]!] = second - data[best]!;
}

/** Four objectives: one 4-D "one contribution" sweep per point over all the others. */
function contributions4d(
  data: Float64Array,
  n: number,
  ref: Float64Array,
  index: Int32Array,
  out: Float64Array,
) {
  const byZ = new Float64Array(4 * n);
  const byW = new Float64Array(4 * n);
  const atZ = new Int32Array(n); // row of each point in byZ
  const atW = new Int32Array(n);
  const zOrder = orderBy(data, n, 4, 2);
  const wOrder = orderBy(data, n, 4, 3);
  for (let j = 0; j < n; j++) {
    byZ.set(data.subarray(4 * zOrder[j]!, 4 * zOrder[j]! + 4), 4 * j);
    byW.set(data.subarray(4 * wOrder[j]!, 4 * wOrder[j]! + 4), 4 * j);
    atZ[zOrder[j]!] = j;
    atW[wOrder[j]!] = j;
  }
  const reserved = reservedKernels('reserveContributions4d', n);
  if (reserved !== undefined) {
    contributions4dInWasm(reserved, data, n, ref, byZ, byW, atZ, atW, index, out);
    return;
  }
  const front = new Front3d(n);
  const io = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    io.set(data.subarray(4 * i, 4 * i + 4));
    contribution4d(io, byZ, byW, n, atZ[i]!, atW[i]!, front, ref);
    out[index[i]!] = Math.max(io[0]!, 0);
  }
}

/**
 * {@link contributions4d}'s sweeps in WebAssembly (assembly/contribution4d.ts, the same steps: the
 * same bits), given both sorted copies and each point's row in them.
 */
function contributions4dInWasm(
  { kernels, at }: ReservedKernels,
  data: Float64Array,
  n: number,
  ref: Float64Array,
  byZ: Float64Array,
  byW: Float64Array,
  atZ: Int32Array,
  atW: Int32Array,
  index: Int32Array,
  out: Float64Array,
): void {
  const rows = new Float64Array(kernels.memory.buffer, at, 8 * n); // byZ, then byW
  rows.set(byZ);
  rows.set(byW, 4 * n);
  const [r0, r1, r2, r3] = [ref[0]!, ref[1]!, ref[2]!, ref[3]!];
  for (let i = 0; i < n; i++) {
    const o = 4 * i;
    const c = kernels.contribution4d(
      data[o]!,
      data[o + 1]!,
      data[o + 2]!,
      data[o + 3]!,
      n,
      atZ[i]!,
      atW[i]!,
      r0,
      r1,
      r2,
      r3,
    );
    out[index[i]!] = Math.max(c, 0);
  }
  releaseWasmKernels(kernels);
}

/** Five or more objectives: each point's box minus the hypervolume of the others clamped to it. */
function contributionsByClamping(
  data: Float64Array,
  n: number,
  d: number,
  ref: Float64Array,
  index: Int32Array,
  out: Float64Array,
) {
  const limit = new Float64Array((n - 1) * d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let m = 0;
    let covered = false;
    for (let j = 0; j < n && !covered; j++) {
      if (j === i) continue;
      let inside = true;
      for (let k = 0; k < d; k++) {
        const q = data[j * d + k]!;
        const p = data[o + k]!;
        if (q > p) {
          limit[m * d + k] = q;
          inside = false;
        } else limit[m * d + k] = p;
      }
      if (inside) covered = true; // another point weakly dominates this one
      m++;
    }
    if (covered) continue;
    let box = 1;
    for (let k = 0; k < d; k++) box *= ref[k]! - data[o + k]!;
    const c = box - hvOfPacked(limit, m, d, ref);
    out[index[i]!] = Math.max(c, 0);
  }
}
