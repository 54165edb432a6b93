const brand = Symbol.for('paretokit.error');

/**
 * Base class of every error this package throws on purpose.
 *
 * The package has no dependencies, so it cannot extend `ParetokitError` from `@paretokit/problem`;
 * it carries the same global-symbol brand (`Symbol.for('paretokit.error')`) instead, so that
 * `ParetokitError.isInstance(e)` recognises these errors too, whichever copy of a package created them.
 *
 * @example
 * StatsError.isInstance(new InvalidArgumentError({ argument: 'alpha', expected: 'a number in (0, 1)', actual: 2 })) // => true
 * StatsError.isInstance(new Error('plain')) // => false
 */
export class StatsError extends Error {
  readonly [brand] = true;

  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }

  /** True for any ParetoKit error (this package's or another's), by its brand. */
  static isInstance(error: unknown): error is StatsError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
  }
}
