import { describeValue } from '../internal/describe-value.js';
import { IndicatorError } from './indicator-error.js';

/** Fields of an {@link InvalidArgumentError}. */
export interface InvalidArgumentDetails {
  /** What was wrong, e.g. `"points, row 3, objective 2"`. */
  readonly argument: string;
  /** What was expected, in words: `"a finite number"`. */
  readonly expected: string;
  /** The value that was given (rendered briefly in the message). */
  readonly actual: unknown;
  /** An optional hint on how to fix it. */
  readonly hint?: string;
}

/**
 * A value given to an indicator is not one it accepts (NaN, a non-positive value for the
 * multiplicative epsilon, a bad option).
 *
 * @example
 * new InvalidArgumentError({ argument: 'samples', expected: 'a positive integer', actual: 0 }).message
 * // => 'samples: expected a positive integer, got 0.'
 */
export class InvalidArgumentError extends IndicatorError {
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
