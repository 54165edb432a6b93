/** Average ranks (1-based) of some values and the sizes of their groups of ties. */
export interface Ranking {
  /** `ranks[i]` is the rank of the i-th value; tied values share the mean of their ranks. */
  readonly ranks: Float64Array;
  /** Σ (t³ − t) over the groups of t tied values (0 without ties). */
  readonly tieSum: number;
  /** True if at least two values are equal. */
  readonly hasTies: boolean;
}

/**
 * Ranks `count` values read from `values` at `offset`, `offset + stride`, ... in ascending order,
 * as `scipy.stats.rankdata(method='average')`. O(n log n).
 */
export function rankAverage(
  values: ArrayLike<number>,
  offset = 0,
  stride = 1,
  count = values.length,
): Ranking {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const at = (i: number) => values[offset + i * stride]!;
  order.sort((a, b) => at(a) - at(b));
  const ranks = new Float64Array(count);
  let tieSum = 0;
  for (let start = 0; start < count; ) {
    let end = start + 1;
    const value = at(order[start]!);
    while (end < count && at(order[end]!) === value) end++;
    const rank = (start + 1 + end) / 2; // mean of start + 1, ..., end
    for (let i = start; i < end; i++) ranks[order[i]!] = rank;
    const t = end - start;
    tieSum += t * t * t - t;
    start = end;
  }
  return { ranks, tieSum, hasTies: tieSum > 0 };
}
