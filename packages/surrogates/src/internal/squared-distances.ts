/**
 * The squared Euclidean distances from the query at `queries[q ..]` to rows first .. first +
 * count - 1 of `points` (row-major, `dims` columns) into `out[0 .. count)`. Each distance is
 * summed column by column in column order, as the reference scan does, so results are bit for bit
 * the same; four rows at a time, so that their sums overlap in the CPU. O(count · dims).
 */
export function squaredDistances(
  points: Float64Array,
  first: number,
  count: number,
  dims: number,
  queries: Float64Array,
  q: number,
  out: Float64Array,
): void {
  let r = 0;
  for (let o = first * dims; r + 3 < count; r += 4, o += 4 * dims) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < dims; j++) {
      const x = queries[q + j]!;
      const d0 = x - points[o + j]!;
      const d1 = x - points[o + dims + j]!;
      const d2 = x - points[o + 2 * dims + j]!;
      const d3 = x - points[o + 3 * dims + j]!;
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    out[r] = s0;
    out[r + 1] = s1;
    out[r + 2] = s2;
    out[r + 3] = s3;
  }
  for (let o = (first + r) * dims; r < count; r++, o += dims) {
    let s = 0;
    for (let j = 0; j < dims; j++) {
      const diff = queries[q + j]! - points[o + j]!;
      s += diff * diff;
    }
    out[r] = s;
  }
}
