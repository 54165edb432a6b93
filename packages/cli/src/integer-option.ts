import { InvalidArgumentError as CommanderArgumentError } from 'commander';

/**
 * A commander parser for an integer flag of at least `min`; anything else is refused with
 * "<flag>: expected an integer >= min, got <value>." O(1).
 *
 * @example
 * integerOption('--seed', 0)('7') // => 7
 */
export function integerOption(what: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min) {
      throw new CommanderArgumentError(
        `${what}: expected an integer >= ${min}, got ${JSON.stringify(value)}.`,
      );
    }
    return n;
  };
}
