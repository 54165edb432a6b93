import type { Matrix } from '@paretokit/problem';

/**
 * Inverted generational distance: the mean, over the reference points, of the Euclidean distance
 * to the nearest row of `front` (Infinity for an empty front). A local copy for tests and benches
 * until `@paretokit/indicators` ships its own. O(R·n·m).
 */
export function igd(front: Matrix, reference: Matrix): number {
  if (front.rows === 0) return Number.POSITIVE_INFINITY;
  const m = reference.cols;
  const f = front.data;
  const r = reference.data;
  let total = 0;
  for (let i = 0; i < reference.rows; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let j = 0; j < front.rows; j++) {
      let d2 = 0;
      for (let k = 0; k < m; k++) {
        const diff = r[i * m + k]! - f[j * m + k]!;
        d2 += diff * diff;
      }
      if (d2 < best) best = d2;
    }
    total += Math.sqrt(best);
  }
  return total / reference.rows;
}
