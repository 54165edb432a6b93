import { describeValue } from '../internal/describe-value.js';
import { ReportError } from './report-error.js';

/** Fields of an {@link InvalidArgumentError}. */
export interface InvalidArgumentDetails {
  /** Where the value sits in the input: `"sections[1].runs[0].hypervolume"`. */
  readonly argument: string;
  /** What was expected, in words: `"a finite number"`. */
  readonly expected: string;
  /** The value that was given (rendered briefly in the message). */
  readonly actual: unknown;
  /** An optional hint on how to fix it. */
  readonly hint?: string;
}

/**
 * A value in the report input is not one the report accepts (NaN, an empty list of sections,
 * a reference line on an objective the section does not have).
 *
 * @example
 * const error = new InvalidArgumentError({ argument: 'runs[0].hypervolume', expected: 'a finite number', actual: Number.NaN });
 * error.message // => 'runs[0].hypervolume: expected a finite number, got NaN.'
 */
export class InvalidArgumentError extends ReportError {
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
