import type { Termination } from '../algorithm.js';
import { checkPositiveInteger } from '../internal/check-options.js';

/**
 * Stops once `n` rows have been evaluated (checked between generations, so a run may end up to one
 * generation past `n`, as pymoo's `("n_eval", n)`). O(1) per check.
 *
 * @example
 * maxEvaluations(20_000)({ generation: 10, evaluations: 1_000, elapsedMs: 5 }) // => false
 */
export function maxEvaluations(n: number): Termination {
  checkPositiveInteger(n, 'maxEvaluations(n)');
  return (state) => state.evaluations >= n;
}
