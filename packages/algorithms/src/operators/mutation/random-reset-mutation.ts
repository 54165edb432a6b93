import type { Random } from '@paretokit/problem';

/**
 * Random reset of a choice variable: a value drawn uniformly among the `count - 1` codes other than
 * the current one (so a mutation always changes something). Codes are 0 .. count-1. O(1).
 *
 * @example
 * randomResetMutation(1, 3, Random.fromSeed(2)) !== 1 // => true
 */
export function randomResetMutation(value: number, count: number, random: Random): number {
  if (count < 2) return value;
  const drawn = random.int(count - 1);
  return drawn >= value ? drawn + 1 : drawn;
}
