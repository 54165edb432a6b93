import { IndicatorError } from './indicator-error.js';

/** Fields of a {@link DimensionMismatchError}. */
export interface DimensionMismatchDetails {
  /** The thing whose size is wrong: `"reference point"`, `"points, row 3"`. */
  readonly what: string;
  readonly expected: number;
  readonly actual: number;
  /** What one entry is, for the message: `"values (one per objective)"`. Default `"values"`. */
  readonly unit?: string;
}

/**
 * A vector or matrix has the wrong number of entries.
 *
 * @example
 * new DimensionMismatchError({ what: 'reference point', expected: 3, actual: 2, unit: 'values (one per objective)' }).message
 * // => 'reference point: expected 3 values (one per objective), got 2.'
 */
export class DimensionMismatchError extends IndicatorError {
  readonly what: string;
  readonly expected: number;
  readonly actual: number;

  constructor(details: DimensionMismatchDetails) {
    super(
      'DimensionMismatchError',
      `${details.what}: expected ${details.expected} ${details.unit ?? 'values'}, got ${details.actual}.`,
    );
    this.what = details.what;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
