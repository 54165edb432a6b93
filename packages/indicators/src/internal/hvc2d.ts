import { orderBy } from './sort.js';

/**
 * Exclusive hypervolume contribution of each of `n` 2-D points (rows of `data`, all strictly
 * dominating `ref`), written to `out[index[i]]`. O(n log n).
 *
 * After sorting by (x, y), the points on the staircase (each lower than every point before it)
 * are the non-dominated ones; the others contribute 0. The region only a staircase point p
 * dominates is the rectangle between p, the next staircase point's x and the previous one's y,
 * minus the boxes of the points inside it: those are dominated by p alone (a duplicate of p
 * included), so removing p would expose them. They sit between p and the next staircase point
 * in the sorted order, so one linear pass measures them.
 */
export function hvc2d(
  data: Float64Array,
  n: number,
  ref: Float64Array,
  index: Int32Array,
  out: Float64Array,
): void {
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
