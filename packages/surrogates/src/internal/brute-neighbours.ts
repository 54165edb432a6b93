/**
 * The k nearest of `rows` training rows (row-major `train`, `cols` columns) to `query` by a scan
 * in row order, into `distance` (squared, ascending) and `index`: a row enters only when strictly
 * closer than the current k-th, so equal distances keep the lower row index. A row's sum stops once
 * it reaches the k-th distance. Entries that no row at a finite distance fills keep their previous
 * index. O(rows · (cols + k)).
 */
export function bruteNeighbours(
  train: Float64Array,
  rows: number,
  cols: number,
  query: Float64Array,
  distance: Float64Array,
  index: Int32Array,
): void {
  const k = distance.length;
  distance.fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < rows; i++) {
    const worst = distance[k - 1]!;
    let d = 0;
    for (let j = 0, o = i * cols; j < cols && d < worst; j++) {
      const diff = query[j]! - train[o + j]!;
      d += diff * diff;
    }
    if (d >= worst) continue;
    let p = k - 1;
    while (p > 0 && distance[p - 1]! > d) {
      distance[p] = distance[p - 1]!;
      index[p] = index[p - 1]!;
      p--;
    }
    distance[p] = d;
    index[p] = i;
  }
}
