import { ParetokitError } from '@paretokit/problem';

/** Fields of a {@link DatasetFormatError}. */
export interface DatasetFormatErrorDetails {
  /** The file, model or array at fault. */
  readonly source: string;
  /** What was expected, in words. */
  readonly expected: string;
  /** What was found, in words. */
  readonly actual: string;
  /** An optional hint on how to fix it. */
  readonly hint?: string;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * A dataset file or array is not in the expected layout (a missing key, a wrong dtype or shape, labels out of range).
 *
 * @example
 * new DatasetFormatError({ source: 'retinamnist.npz', expected: 'x', actual: 'y' }).message // => "retinamnist.npz: expected x, got y."
 */
export class DatasetFormatError extends ParetokitError {
  readonly source: string;
  readonly expected: string;
  readonly actual: string;

  constructor(details: DatasetFormatErrorDetails) {
    super(
      'DatasetFormatError',
      `${details.source}: expected ${details.expected}, got ${details.actual}.${details.hint ? ` ${details.hint}` : ''}`,
      { cause: details.cause },
    );
    this.source = details.source;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
