import type { Random } from '@paretokit/problem';

/**
 * Uniform crossover of one variable, in place: `data[a]` and `data[b]` swap with probability 1/2.
 * The operator for choice and binary variables, whose values have no order to interpolate. O(1).
 *
 * @example
 * const x = Float64Array.of(0, 2);
 * uniformCrossover(x, 0, 1, Random.fromSeed(3));
 * [...x].sort() // => [0, 2]
 */
export function uniformCrossover(data: Float64Array, a: number, b: number, random: Random): void {
  if (random.nextUint32() < 2147483648) {
    const t = data[a]!;
    data[a] = data[b]!;
    data[b] = t;
  }
}
