/**
 * Offers row `id` at squared distance `d` to the k best of one query, `distance[base .. base + k)`
 * (ascending) and `index[base ..]`, ordered by (distance, row index): it enters when it comes
 * before the k-th, which drops out. Start from distances +∞ and indices -1, so that a row at an
 * infinite distance never enters. Offering rows in index order gives the result of a scan that
 * keeps only strictly closer rows. O(k).
 */
export function offerNeighbour(
  d: number,
  id: number,
  distance: Float64Array,
  index: Int32Array,
  base: number,
  k: number,
): void {
  const last = base + k - 1;
  if (d > distance[last]! || (d === distance[last]! && id > index[last]!)) return;
  let p = last;
  while (p > base && (distance[p - 1]! > d || (distance[p - 1]! === d && index[p - 1]! > id))) {
    distance[p] = distance[p - 1]!;
    index[p] = index[p - 1]!;
    p--;
  }
  distance[p] = d;
  index[p] = id;
}
