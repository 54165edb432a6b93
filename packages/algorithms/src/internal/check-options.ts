import { InvalidArgumentError } from '@paretokit/problem';

/** Throws unless `value` is an integer >= `min` (default 1); returns it. */
export function checkPositiveInteger(value: unknown, argument: string, min = 1): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new InvalidArgumentError({ argument, expected: `an integer >= ${min}`, actual: value });
  }
  return value;
}
