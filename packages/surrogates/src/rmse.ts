import { checkPair } from './internal/check-pair.js';

/**
 * Root mean squared error, `sqrt((1/n) Σ (y_i - ŷ_i)²)`. O(n).
 *
 * @example
 * rmse([0, 0], [3, 4]) // => Math.sqrt(12.5)
 */
export function rmse(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkPair(yTrue, yPred, 'rmse');
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const d = yTrue[i]! - yPred[i]!;
    sum += d * d;
  }
  return Math.sqrt(sum / yTrue.length);
}
