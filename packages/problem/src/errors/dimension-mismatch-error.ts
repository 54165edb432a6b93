import { ParetokitError } from './paretokit-error.js';

/** Fields of a {@link DimensionMismatchError}. */
export interface DimensionMismatchDetails {
  /** The thing whose size is wrong: `"reference point"`, `"row 3 of F"`. */
  readonly what: string;
  readonly expected: number;
  readonly actual: number;
  /** What one entry is, for the message: `"values (one per objective)"`. */
  readonly unit?: string;
}

/**
 * A vector or matrix has the wrong number of entries.
 *
 * @example
 * const error = new DimensionMismatchError({ what: 'reference point', expected: 3, actual: 2, unit: 'values (one per objective)' });
 * error.message // => 'reference point: expected 3 values (one per objective), got 2.'
 */
export class DimensionMismatchError extends ParetokitError {
  readonly what: string;
  readonly expected: number;
  readonly actual: number;

  constructor(details: DimensionMismatchDetails) {
    super(
      'DimensionMismatchError',
      `${details.what}: expected ${details.expected} ${details.unit ?? 'entries'}, got ${details.actual}.`,
    );
    this.what = details.what;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
