import type { Termination } from '../algorithm.js';
import { checkPositiveInteger } from '../internal/check-options.js';

/**
 * Stops after `n` generations; the initial population's evaluation completes generation 1, as
 * pymoo's `("n_gen", n)`, so a population of N costs N·n evaluations. O(1) per check.
 *
 * @example
 * maxGenerations(200)({ generation: 200, evaluations: 20_000, elapsedMs: 5 }) // => true
 */
export function maxGenerations(n: number): Termination {
  checkPositiveInteger(n, 'maxGenerations(n)');
  return (state) => state.generation >= n;
}
