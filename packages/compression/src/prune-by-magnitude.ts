import { InvalidArgumentError } from '@paretokit/problem';
import { float32Bits, kthSmallestAbs } from './internal/quickselect.js';

/**
 * Unstructured L1-magnitude pruning of one tensor, in place: the `round(fraction * n)` entries of
 * smallest absolute value become exactly 0 (ties at the threshold are taken in index order, so the
 * count is exact). The threshold comes from selection, not sorting (a sampled bracket, then
 * quickselect on the few entries inside it), and the zeroing pass is branch-free: O(n) expected
 * time, O(n) scratch (pass `scratch` of at least n entries to reuse one). Returns how many entries
 * were zeroed (already-zero entries count: they are the smallest).
 *
 * @example
 * const w = Float32Array.from([0.5, -0.1, 0.3, -0.9, 0.2]);
 * pruneByMagnitude(w, 0.4) // => 2
 * w // => Float32Array [0.5, 0, 0.3, -0.9, 0]
 */
export function pruneByMagnitude(values: Float32Array, fraction: number, scratch?: Float32Array): number {
  if (!(fraction >= 0 && fraction <= 1)) {
    throw new InvalidArgumentError({
      argument: 'pruneByMagnitude(values, fraction): fraction',
      expected: 'a number in [0, 1]',
      actual: fraction,
    });
  }
  const n = values.length;
  const k = Math.round(fraction * n);
  if (k === 0) return 0;
  if (k === n) {
    values.fill(0);
    return n;
  }
  const buffer = scratch !== undefined && scratch.length >= n ? scratch : new Float32Array(n);
  const threshold = float32Bits(kthSmallestAbs(values, k - 1, buffer));
  // Zero every |w| < threshold without branches (see kthSmallestAbs): m is all ones when below.
  const bits = new Uint32Array(values.buffer, values.byteOffset, n);
  let below = 0;
  for (let i = 0; i < n; i++) {
    const m = ((bits[i]! & 0x7fffffff) - threshold) >> 31;
    below -= m;
    bits[i] = bits[i]! & ~m;
  }
  // Of the entries equal to the threshold, the first ones in index order fill up k.
  for (let i = 0, ties = k - below; ties > 0 && i < n; i++) {
    if ((bits[i]! & 0x7fffffff) === threshold) {
      bits[i] = 0;
      ties--;
    }
  }
  return k;
}
