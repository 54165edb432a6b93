import { checkPair } from './internal/check-pair.js';

/** The floor of |y| in {@link mape}: double machine epsilon, as scikit-learn uses. */
export const MAPE_EPSILON = 2.220446049250313e-16;

/**
 * Mean absolute percentage error, `(1/n) Σ |y_i - ŷ_i| / max(ε, |y_i|)` with ε = 2.220446049250313e-16
 * (METHOD.md; scikit-learn's `mean_absolute_percentage_error`). A fraction, not a percentage. O(n).
 *
 * @example
 * mape([2, 4], [1, 6]) // => 0.5
 */
export function mape(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkPair(yTrue, yPred, 'mape');
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i]!;
    sum += Math.abs(t - yPred[i]!) / Math.max(MAPE_EPSILON, Math.abs(t));
  }
  return sum / yTrue.length;
}
