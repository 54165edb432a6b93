import { checkPair } from './internal/check-pair.js';

/** Σ c(c-1)/2 over runs of equal values of `v` read in the order `order`. O(n). */
function tiedPairs(v: ArrayLike<number>, order: Int32Array): number {
  let pairs = 0;
  let run = 1;
  for (let k = 1; k <= order.length; k++) {
    if (k < order.length && v[order[k]!] === v[order[k - 1]!]) run++;
    else {
      pairs += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  return pairs;
}

/** Number of pairs i < j with a[i] > a[j], by merge sort; sorts `a` in place. O(n log n). */
function countInversions(a: Float64Array): number {
  const n = a.length;
  let src: Float64Array = a;
  let dst: Float64Array = new Float64Array(n);
  let inversions = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (src[j]! < src[i]!) {
          inversions += mid - i;
          dst[k++] = src[j++]!;
        } else dst[k++] = src[i++]!;
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return inversions;
}

/**
 * Kendall's rank correlation τ-b between two samples, with the tie correction of scipy's
 * `kendalltau` (Knight's O(n log n) algorithm, 1966). 1 when the orders agree, -1 when reversed;
 * NaN when either sample is constant or has fewer than two values. Useful to judge a surrogate by
 * how well it ranks solutions rather than by its error. O(n log n).
 *
 * @example
 * kendallTau([1, 2, 3, 4], [10, 20, 40, 30]).toFixed(4) // => '0.6667'
 */
export function kendallTau(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPair(x, y, 'kendallTau');
  const n = x.length;
  if (n < 2) return Number.NaN;
  const byXY = new Int32Array(n);
  for (let i = 0; i < n; i++) byXY[i] = i;
  byXY.sort((a, b) => x[a]! - x[b]! || y[a]! - y[b]!);
  const byY = byXY.slice().sort((a, b) => y[a]! - y[b]!);
  // Pairs tied in both x and y are adjacent in the (x, y) order.
  let jointTies = 0;
  let run = 1;
  for (let k = 1; k <= n; k++) {
    const same = k < n && x[byXY[k]!] === x[byXY[k - 1]!] && y[byXY[k]!] === y[byXY[k - 1]!];
    if (same) run++;
    else {
      jointTies += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  const xTies = tiedPairs(x, byXY);
  const yTies = tiedPairs(y, byY);
  // With x ascending and ties in x ordered by y, every inversion of y is a discordant pair.
  const ySeq = new Float64Array(n);
  for (let k = 0; k < n; k++) ySeq[k] = y[byXY[k]!]!;
  const discordant = countInversions(ySeq);
  const total = (n * (n - 1)) / 2;
  if (total === xTies || total === yTies) return Number.NaN;
  const concordantMinusDiscordant = total - xTies - yTies + jointTies - 2 * discordant;
  return concordantMinusDiscordant / Math.sqrt(total - xTies) / Math.sqrt(total - yTies);
}
