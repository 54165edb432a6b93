import { InvalidArgumentError } from '@paretokit/problem';

/**
 * Checks that `options` is an object (or undefined) whose keys are all in `allowed`, so that a
 * misspelt option (`nobj`) fails loudly instead of silently falling back to a default.
 */
export function checkOptions(
  name: string,
  options: unknown,
  allowed: readonly string[],
  hint?: string,
): Readonly<Record<string, unknown>> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError({
      argument: `${name}(options)`,
      expected: `an object with the optional keys ${allowed.join(', ')}`,
      actual: options,
    });
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new InvalidArgumentError({
        argument: `${name}(options)`,
        expected: `only the keys ${allowed.join(', ')}`,
        actual: key,
        ...(hint === undefined ? {} : { hint }),
      });
    }
  }
  return options as Readonly<Record<string, unknown>>;
}

/** `value` if it is an integer `>= min`, `fallback` if it is undefined; otherwise throws. */
export function integerAtLeast(
  value: unknown,
  min: number,
  argument: string,
  fallback: number,
  why = '',
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new InvalidArgumentError({ argument, expected: `an integer >= ${min}${why}`, actual: value });
  }
  return value;
}

/** `value` if it is a finite number passing `ok`, `fallback` if it is undefined; otherwise throws. */
export function finiteNumber(
  value: unknown,
  argument: string,
  fallback: number | undefined,
  ok: (v: number) => boolean,
  expected: string,
  hint?: string,
): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
    throw new InvalidArgumentError({
      argument,
      expected,
      actual: value,
      ...(hint === undefined ? {} : { hint }),
    });
  }
  return value;
}
