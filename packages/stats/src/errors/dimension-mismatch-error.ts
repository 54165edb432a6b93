import { StatsError } from './stats-error.js';

/** Fields of a {@link DimensionMismatchError}. */
export interface DimensionMismatchDetails {
  /** The thing whose size is wrong: `"y"`, `"table, row 3"`. */
  readonly what: string;
  readonly expected: number;
  readonly actual: number;
  /** What one entry is, for the message: `"values (one per method)"`. Default `"values"`. */
  readonly unit?: string;
  /** An optional hint on how to fix it. */
  readonly hint?: string;
}

/**
 * A vector or table has the wrong number of entries (a ragged table, paired samples of different
 * lengths).
 *
 * @example
 * new DimensionMismatchError({ what: 'y', expected: 5, actual: 4, unit: 'values (one per pair)' }).message // => 'y: expected 5 values (one per pair), got 4.'
 */
export class DimensionMismatchError extends StatsError {
  readonly what: string;
  readonly expected: number;
  readonly actual: number;

  constructor(details: DimensionMismatchDetails) {
    super(
      'DimensionMismatchError',
      `${details.what}: expected ${details.expected} ${details.unit ?? 'values'}, got ${details.actual}.${details.hint ? ` ${details.hint}` : ''}`,
    );
    this.what = details.what;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
