import type { Matrix } from '@paretokit/problem';

/** Columns of X mapped to small integer bins, column-major, with each bin's value range. */
export interface BinnedFeatures {
  /** `codes[j * rows + i]` is the bin of X(i, j). */
  readonly codes: Uint8Array;
  /** Number of bins of each column. */
  readonly bins: Int32Array;
  /** `low[j * 256 + b]` / `high[j * 256 + b]`: smallest / largest training value in bin b of column j. */
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/**
 * Bins every column: one bin per distinct value when there are at most `maxBins` of them (splits
 * are then exactly the CART splits), else up to `maxBins` bins of about equal counts whose edges
 * fall between distinct values. O(d · n log n).
 */
export function binFeatures(X: Matrix, maxBins: number): BinnedFeatures {
  const { rows: n, cols: d, data } = X;
  const codes = new Uint8Array(n * d);
  const bins = new Int32Array(d);
  const low = new Float64Array(d * 256);
  const high = new Float64Array(d * 256);
  const sorted = new Float64Array(n);
  const order = new Int32Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => data[a * d + j]! - data[b * d + j]!);
    for (let i = 0; i < n; i++) sorted[i] = data[order[i]! * d + j]!;
    let distinct = 1;
    for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
    // Target count per bin; a bin closes at the first change of value once it holds enough rows.
    const perBin = distinct <= maxBins ? 0 : n / maxBins;
    let b = 0;
    let start = 0;
    low[j * 256] = sorted[0]!;
    for (let i = 0; i < n; i++) {
      if (i > 0 && sorted[i] !== sorted[i - 1] && i - start >= perBin && b < maxBins - 1) {
        high[j * 256 + b] = sorted[i - 1]!;
        b++;
        start = i;
        low[j * 256 + b] = sorted[i]!;
      }
      codes[j * n + order[i]!] = b;
    }
    high[j * 256 + b] = sorted[n - 1]!;
    bins[j] = b + 1;
  }
  return { codes, bins, low, high };
}
