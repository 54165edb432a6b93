import { InvalidArgumentError } from '@paretokit/problem';
import { quickselect } from './internal/quickselect.js';

/**
 * Unstructured L1-magnitude pruning of one tensor, in place: the `round(fraction * n)` entries of
 * smallest absolute value become exactly 0 (ties at the threshold are taken in index order, so the
 * count is exact). The threshold comes from selection, not sorting: O(n) expected time, O(n)
 * scratch (pass `scratch` of at least n entries to reuse one). Returns how many entries were zeroed
 * (already-zero entries count: they are the smallest).
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
  const abs = scratch !== undefined && scratch.length >= n ? scratch.subarray(0, n) : new Float32Array(n);
  for (let i = 0; i < n; i++) abs[i] = Math.abs(values[i]!);
  const threshold = quickselect(abs, k - 1);
  // Entries strictly below the threshold all go; of those equal to it, the first ones fill up k.
  let below = 0;
  for (let i = 0; i < n; i++) if (Math.abs(values[i]!) < threshold) below++;
  let ties = k - below;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(values[i]!);
    if (a < threshold) values[i] = 0;
    else if (a === threshold && ties > 0) {
      values[i] = 0;
      ties--;
    }
  }
  return k;
}
