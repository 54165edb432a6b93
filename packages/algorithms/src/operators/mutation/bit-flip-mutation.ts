/**
 * Bit flip of a binary variable encoded as 0/1: 0 becomes 1 and anything else 0. O(1).
 *
 * @example
 * bitFlipMutation(0) // => 1
 */
export function bitFlipMutation(value: number): number {
  return value === 0 ? 1 : 0;
}
