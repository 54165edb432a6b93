/**
 * The p-quantile of sorted values with linear interpolation (R type 7, d3's and therefore
 * Vega-Lite's box-plot quartiles), so the report's tables agree with its box plots. O(1).
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, n - 1)]!;
  return a + (h - lo) * (b - a);
}
