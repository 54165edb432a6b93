import { checkPair } from './internal/check-pair.js';

/**
 * Mean absolute error, `(1/n) Σ |y_i - ŷ_i|`. O(n).
 *
 * @example
 * mae([1, 2, 3], [2, 2, 1]) // => 1
 */
export function mae(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkPair(yTrue, yPred, 'mae');
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += Math.abs(yTrue[i]! - yPred[i]!);
  return sum / yTrue.length;
}
