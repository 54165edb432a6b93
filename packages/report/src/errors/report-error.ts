const brand = Symbol.for('paretokit.error');

/**
 * Base class of every error this package throws on purpose.
 *
 * The package does not depend on `@paretokit/problem`, so it cannot extend `ParetokitError`;
 * instead it carries the same global-symbol brand (`Symbol.for('paretokit.error')`), so that
 * `ParetokitError.isInstance(e)` recognises these errors too, whichever copy created them.
 *
 * @example
 * ReportError.isInstance(new DimensionMismatchError({ what: 'x', expected: 2, actual: 1 })) // => true
 */
export class ReportError extends Error {
  readonly [brand] = true;

  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }

  /** True for any ParetoKit error (this package's or another's), by its brand. */
  static isInstance(error: unknown): error is ReportError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
  }
}
