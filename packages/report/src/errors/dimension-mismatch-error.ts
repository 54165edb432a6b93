import { ReportError } from './report-error.js';

/** Fields of a {@link DimensionMismatchError}. */
export interface DimensionMismatchDetails {
  /** Where the size is wrong: `'sections[0] "RetinaMNIST", runs[2], front[4].objectives'`. */
  readonly what: string;
  readonly expected: number;
  readonly actual: number;
  /** What one entry is, for the message: `"values (one per objective)"`. Default `"values"`. */
  readonly unit?: string;
  /** An optional hint on how to fix it. */
  readonly hint?: string;
}

/**
 * A list in the report input has the wrong number of entries (a front point with a different
 * number of objectives than its section, a confusion-matrix row shorter than its labels).
 *
 * @example
 * const error = new DimensionMismatchError({ what: 'runs[1].front[0].objectives', expected: 2, actual: 3, unit: 'values (one per objective)' });
 * error.message // => 'runs[1].front[0].objectives: expected 2 values (one per objective), got 3.'
 */
export class DimensionMismatchError extends ReportError {
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
