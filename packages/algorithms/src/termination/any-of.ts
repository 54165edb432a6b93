import { InvalidArgumentError } from '@paretokit/problem';
import type { Termination } from '../algorithm.js';

/**
 * Stops as soon as any of the given terminations would (pymoo's `TerminateIfAny`). O(k) per check.
 *
 * @example
 * anyOf(maxGenerations(500), maxTime(60_000))({ generation: 500, evaluations: 0, elapsedMs: 1 }) // => true
 */
export function anyOf(...terminations: Termination[]): Termination {
  if (terminations.length === 0) {
    throw new InvalidArgumentError({
      argument: 'anyOf(...terminations)',
      expected: 'at least one termination',
      actual: terminations,
    });
  }
  terminations.forEach((t, i) => {
    if (typeof t !== 'function') {
      throw new InvalidArgumentError({
        argument: `anyOf(...terminations)[${i}]`,
        expected: 'a termination such as maxGenerations(200)',
        actual: t,
      });
    }
  });
  return (state) => {
    for (const t of terminations) if (t(state)) return true;
    return false;
  };
}
