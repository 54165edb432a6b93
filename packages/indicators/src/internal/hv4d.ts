import { Front3d } from './front3d.js';
import { orderBy } from './sort.js';

/**
 * Exact 4-D hypervolume of `n` points (rows of `data`, 4 values each) that all strictly dominate
 * `ref`: HV4D+ (Guerreiro & Fonseca, IEEE TEC 2018). Sweep on the fourth objective; the 3-D
 * volume dominated by the points seen so far grows by each new point's 3-D contribution, which
 * {@link Front3d} returns in O(n). O(n^2) time, O(n) memory (the best known bound in 4-D was
 * O(n^1.5 log n) by Chan 2013, but HV4D+ is faster in practice for the sizes that matter).
 */
export function hv4d(data: Float64Array, n: number, ref: Float64Array): number {
  const order = orderBy(data, n, 4, 3);
  const front = new Front3d(n);
  front.reset(ref[0]!, ref[1]!, ref[2]!);
  let volume3 = 0;
  let hv = 0;
  for (let k = 0; k < n; k++) {
    const o = 4 * order[k]!;
    volume3 += front.add(data[o]!, data[o + 1]!, data[o + 2]!);
    const w = data[o + 3]!;
    const wNext = k + 1 < n ? data[4 * order[k + 1]! + 3]! : ref[3]!;
    hv += volume3 * (wNext - w);
  }
  return hv;
}
