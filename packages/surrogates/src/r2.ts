import { checkPair } from './internal/check-pair.js';

/**
 * Coefficient of determination, `1 - Σ (y_i - ŷ_i)² / Σ (y_i - ȳ)²`. When y is constant the ratio
 * is undefined and, as in scikit-learn's `r2_score`, the result is 1 for a perfect prediction and
 * 0 otherwise. Higher is better; may be negative. O(n).
 *
 * @example
 * r2([1, 2, 3], [1, 2, 4]) // => 0.5
 */
export function r2(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkPair(yTrue, yPred, 'r2');
  const n = yTrue.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i]!;
  mean /= n;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const t = yTrue[i]!;
    residual += (t - yPred[i]!) ** 2;
    total += (t - mean) ** 2;
  }
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
}
