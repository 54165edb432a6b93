/**
 * Null distribution of the Mann-Whitney U statistic of samples of sizes m and n without ties:
 * `pmf[u] = P(U = u)`, u = 0 … m n. Built from the recursion on the largest observation,
 * p(u; i, j) = i/(i + j) p(u − j; i − 1, j) + j/(i + j) p(u; i, j − 1), whose terms are all
 * positive (no cancellation). O(m² n²) time, O(m n²) memory with m = min of the sizes.
 */
export function rankSumPmf(sizeA: number, sizeB: number): Float64Array {
  const m = Math.min(sizeA, sizeB);
  const n = Math.max(sizeA, sizeB);
  // previous[j] = distribution for (i − 1, j); start with i = 0: U = 0 surely.
  let previous: Float64Array[] = Array.from({ length: n + 1 }, () => Float64Array.of(1));
  for (let i = 1; i <= m; i++) {
    const current: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= n; j++) {
      const out = new Float64Array(i * j + 1);
      const fromA = previous[j]!; // largest value in the first sample: it exceeds all j others
      const fromB = current[j - 1]!;
      const wa = i / (i + j);
      const wb = j / (i + j);
      for (let u = 0; u < fromA.length; u++) out[u + j]! += wa * fromA[u]!;
      for (let u = 0; u < fromB.length; u++) out[u]! += wb * fromB[u]!;
      current.push(out);
    }
    previous = current;
  }
  return previous[n]!;
}
