import { describeValue } from '../internal/describe-value.js';
import { StatsError } from './stats-error.js';

/** Fields of an {@link InvalidArgumentError}. */
export interface InvalidArgumentDetails {
  /** What was wrong, e.g. `"table, row 3, column 2"`. */
  readonly argument: string;
  /** What was expected, in words: `"a finite number"`. */
  readonly expected: string;
  /** The value that was given (rendered briefly in the message). */
  readonly actual: unknown;
  /** An optional hint on how to fix it. */
  readonly hint?: string;
}

/**
 * A value given to a test is not one it accepts (NaN, an unknown option, too few blocks).
 *
 * @example
 * new InvalidArgumentError({ argument: 'x[2]', expected: 'a finite number', actual: Number.NaN }).message // => 'x[2]: expected a finite number, got NaN.'
 */
export class InvalidArgumentError extends StatsError {
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
