import { describeValue, ParetokitError } from './paretokit-error.js';

/** Fields of an {@link InvalidArgumentError}. */
export interface InvalidArgumentDetails {
  /** What was wrong, e.g. `"real(lo, hi): lo"`. */
  readonly argument: string;
  /** What was expected, in words: `"a finite number"`. */
  readonly expected: string;
  /** The value that was given; rendered with {@link describeValue}. */
  readonly actual: unknown;
  /** An optional hint on how to fix it. */
  readonly hint?: string;
}

/**
 * A value given to a ParetoKit function is not what it accepts.
 *
 * @example
 * const error = new InvalidArgumentError({ argument: 'seed', expected: 'a non-negative integer', actual: -1 });
 * error.message // => 'seed: expected a non-negative integer, got -1.'
 */
export class InvalidArgumentError extends ParetokitError {
  readonly argument: string;
  readonly expected: string;
  readonly actual: unknown;

  constructor(details: InvalidArgumentDetails) {
    super(
      'InvalidArgumentError',
      `${details.argument}: expected ${details.expected}, got ${describeValue(details.actual)}.${details.hint ? ` ${details.hint}` : ''}`,
    );
    this.argument = details.argument;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
