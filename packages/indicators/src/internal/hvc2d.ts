import { orderBy } from './sort.js';
import { releaseWasmKernels, reservedKernels } from './wasm-kernels.js';

/**
 * Exclusive hypervolume contribution of each of `n` 2-D points (rows of `data`, all strictly
 * dominating `ref`), written to `out[index[i]]`. O(n log n).
 *
 * After sorting by (x, y), the points on the staircase (each lower than every point before it)
 * are the non-dominated ones; the others contribute 0. The region only a staircase point p
 * dominates is the rectangle between p, the next staircase point's x and the previous one's y,
 * minus the boxes of the points inside it: those are dominated by p alone (a duplicate of p
 * included), so removing p would expose them. They sit between p and the next staircase point
 * in the sorted order, so one linear pass measures them. Runs in WebAssembly (assembly/hvc2d.ts,
 * sort included: the same bits) when it is available; the JavaScript below is its fallback and
 * oracle.
 */
export function hvc2d(
  data: Float64Array,
  n: number,
  ref: Float64Array,
  index: Int32Array,
  out: Float64Array,
): void {
  if (contributions2dInWasm(data, n, ref, index, out)) return;
  const order = orderBy(data, n, 2, 0, 1);
  const rx = ref[0]!;
  let k = 0;
  let top = ref[1]!; // y of the previous staircase point
  while (k < n) {
    const p = order[k]!;
    const x = data[2 * p]!;
    const y = data[2 * p + 1]!;
    // The points up to the next staircase point (the next one lower than p) are dominated by p.
    let end = k + 1;
    while (end < n && data[2 * order[end]! + 1]! >= y) end++;
    const right = end < n ? data[2 * order[end]!]! : rx;
    let area = (right - x) * (top - y);
    // Subtract the union of the boxes of the points inside p's rectangle, clipped to it.
    let low = top;
    for (let j = k + 1; j < end; j++) {
      const q = order[j]!;
      const qy = data[2 * q + 1]!;
      if (qy < low) {
        area -= (right - data[2 * q]!) * (low - qy);
        low = qy;
      }
    }
    out[index[p]!] = Math.max(area, 0); // rounding can leave -1e-17 where the exact value is 0
    top = y;
    k = end;
  }
}

/** {@link hvc2d} in WebAssembly; false when it is turned off, unavailable or out of memory. */
function contributions2dInWasm(
  data: Float64Array,
  n: number,
  ref: Float64Array,
  index: Int32Array,
  out: Float64Array,
): boolean {
  const reserved = reservedKernels('reserveContributions2d', n);
  if (reserved === undefined) return false;
  const { kernels, at } = reserved;
  new Float64Array(kernels.memory.buffer, at, 2 * n).set(data.subarray(0, 2 * n));
  kernels.contributions2d(n, ref[0]!, ref[1]!);
  const contributions = new Float64Array(kernels.memory.buffer, at + 16 * n, n);
  for (let i = 0; i < n; i++) out[index[i]!] = contributions[i]!;
  releaseWasmKernels(kernels);
  return true;
}
