import { Front3d } from './front3d.js';
import { reusableScratch } from './reusable-scratch.js';
import { sortByKey } from './sort.js';
import { sweepInWasm } from './wasm-kernels.js';

/**
 * Scratch space of {@link hv4d}: sort keys, the order and the 3-D front, kept up to 4096 points
 * (a third of a 100-point call went to allocating them: 36 -> 28 us).
 */
const workspace = reusableScratch(
  (capacity) => ({
    keys: new Float64Array(capacity),
    order: new Int32Array(capacity),
  }),
  4096,
);

/** The 3-D front of the JavaScript sweep, kept like {@link workspace}. */
const frontOf = reusableScratch((capacity) => new Front3d(capacity), 4096);

/**
 * Exact 4-D hypervolume of `n` points (rows of `data`, 4 values each) that all strictly dominate
 * `ref`: HV4D+ (Guerreiro & Fonseca, IEEE TEC 2018). Sweep on the fourth objective; the 3-D
 * volume dominated by the points seen so far grows by each new point's 3-D contribution, which
 * {@link Front3d} returns in O(n). O(n^2) time, O(n) memory (the best known bound in 4-D was
 * O(n^1.5 log n) by Chan 2013, but HV4D+ is faster in practice for the sizes that matter).
 * The sweep runs in WebAssembly (assembly/hv4d.ts, the same steps: the same bits) when it is
 * available, 2-3x faster than in JavaScript; the JavaScript below is its fallback and oracle.
 */
export function hv4d(data: Float64Array, n: number, ref: Float64Array): number {
  const { keys, order } = workspace(n);
  for (let i = 0; i < n; i++) {
    keys[i] = data[4 * i + 3]!;
    order[i] = i;
  }
  sortByKey(keys, order, 0, n); // ties in the fourth objective may come in any order
  const fast = sweepInWasm(data, n, 4, order, ref);
  if (fast !== undefined) return fast;
  const front = frontOf(n);
  front.reset(ref[0]!, ref[1]!, ref[2]!);
  let volume3 = 0;
  let hv = 0;
  for (let k = 0; k < n; k++) {
    const o = 4 * order[k]!;
    volume3 += front.add(data[o]!, data[o + 1]!, data[o + 2]!);
    const w = data[o + 3]!;
    const wNext = k + 1 < n ? keys[k + 1]! : ref[3]!;
    hv += volume3 * (wNext - w);
  }
  return hv;
}
