// HV4D+ of src/internal/hv4d.ts in WebAssembly linear memory: the rows come sorted on w.

import { frontAdd, frontReset } from './front3d';

/**
 * Exact 4-D hypervolume of the n rows (x, y, z, w; 32 bytes a row) at `rows`, sorted ascending
 * on w, all strictly dominating (r0, r1, r2, r3). O(n^2).
 */
export function hv4dSorted(rows: usize, n: i32, r0: f64, r1: f64, r2: f64, r3: f64): f64 {
  frontReset(r0, r1, r2);
  let volume3: f64 = 0;
  let hv: f64 = 0;
  for (let k = 0; k < n; k++) {
    const at = rows + ((<usize>k) << 5);
    volume3 += frontAdd(load<f64>(at), load<f64>(at, 8), load<f64>(at, 16));
    const wNext = k + 1 < n ? load<f64>(at, 56) : r3;
    hv += volume3 * (wNext - load<f64>(at, 24));
  }
  return hv;
}
