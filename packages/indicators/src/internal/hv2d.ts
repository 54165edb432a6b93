import { sortByKey } from './sort.js';

/**
 * Exact 2-D hypervolume of `n` points (rows of `data`, 2 values each) that all strictly dominate
 * `ref`. Sweep in ascending first objective keeping the lowest second objective seen so far:
 * each point adds the rectangle between itself, that level and the reference (the classic
 * staircase sweep, e.g. Fonseca, Paquete & López-Ibáñez 2006, base case). O(n log n) for the
 * sort, O(n) after; dominated points and duplicates add nothing. Ties in the first objective
 * need no tie-break: the rectangles of a tie stack up to the same total.
 */
export function hv2d(data: Float64Array, n: number, ref: Float64Array): number {
  const keys = new Float64Array(n);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = data[2 * i]!;
    idx[i] = i;
  }
  sortByKey(keys, idx, 0, n);
  const rx = ref[0]!;
  let top = ref[1]!;
  let volume = 0;
  for (let k = 0; k < n; k++) {
    const y = data[2 * idx[k]! + 1]!;
    if (y < top) {
      volume += (rx - keys[k]!) * (top - y);
      top = y;
    }
  }
  return volume;
}
