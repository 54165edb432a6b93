import { InvalidArgumentError } from '@paretokit/problem';
import type { Termination } from '../algorithm.js';

/**
 * Stops once `ms` milliseconds have passed since setup (checked between generations). Runs stopped
 * by time are not reproducible across machines; prefer it as a safety net inside `anyOf`. O(1).
 *
 * @example
 * maxTime(60_000)({ generation: 3, evaluations: 300, elapsedMs: 61_000 }) // => true
 */
export function maxTime(ms: number): Termination {
  if (typeof ms !== 'number' || !(ms > 0) || Number.isNaN(ms)) {
    throw new InvalidArgumentError({
      argument: 'maxTime(ms)',
      expected: 'a positive number of milliseconds',
      actual: ms,
    });
  }
  return (state) => state.elapsedMs >= ms;
}
