import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import type { Matrix } from './matrix.js';

/**
 * Crowding distance (Deb et al. 2002) of the rows `front` of `F` (all rows when omitted), in that
 * order: per objective, the two extreme rows get `Infinity` and the others add the gap between
 * their neighbours divided by the objective's range on the front. An objective with zero range
 * adds nothing. O(m·n log n).
 *
 * @example
 * crowdingDistance(toMatrix([[0, 3], [1, 1], [3, 0]])) // => Float64Array [Infinity, 2, Infinity]
 */
export function crowdingDistance(F: Matrix, front?: ArrayLike<number>): Float64Array {
  const members = front === undefined ? Array.from({ length: F.rows }, (_, i) => i) : Array.from(front);
  const n = members.length;
  const m = F.cols;
  for (const i of members) {
    if (!Number.isInteger(i) || i < 0 || i >= F.rows) {
      throw new InvalidArgumentError({
        argument: 'crowdingDistance: front',
        expected: `row indices in [0, ${F.rows - 1}]`,
        actual: i,
      });
    }
  }
  const distance = new Float64Array(n);
  if (n <= 2) return distance.fill(Number.POSITIVE_INFINITY);
  const order = new Int32Array(n);
  const f = F.data;
  for (let k = 0; k < m; k++) {
    for (let p = 0; p < n; p++) order[p] = p;
    order.sort((a, b) => f[members[a]! * m + k]! - f[members[b]! * m + k]!);
    const lo = f[members[order[0]!]! * m + k]!;
    const hi = f[members[order[n - 1]!]! * m + k]!;
    distance[order[0]!] = Number.POSITIVE_INFINITY;
    distance[order[n - 1]!] = Number.POSITIVE_INFINITY;
    const range = hi - lo;
    if (!(range > 0)) continue;
    for (let p = 1; p < n - 1; p++) {
      const gap = f[members[order[p + 1]!]! * m + k]! - f[members[order[p - 1]!]! * m + k]!;
      distance[order[p]!]! += gap / range;
    }
  }
  return distance;
}
