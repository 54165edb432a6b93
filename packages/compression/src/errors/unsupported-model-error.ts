import { ParetokitError } from '@paretokit/problem';

/** Fields of a {@link UnsupportedModelError}. */
export interface UnsupportedModelErrorDetails {
  /** The file, model or array at fault. */
  readonly model: string;
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
 * A valid ONNX model this package cannot work on (no prunable layers, opset too old, an input it cannot feed).
 *
 * @example
 * new UnsupportedModelError({ model: 'tiny.onnx', expected: 'x', actual: 'y' }).message // => "tiny.onnx: expected x, got y."
 */
export class UnsupportedModelError extends ParetokitError {
  readonly model: string;
  readonly expected: string;
  readonly actual: string;

  constructor(details: UnsupportedModelErrorDetails) {
    super(
      'UnsupportedModelError',
      `${details.model}: expected ${details.expected}, got ${details.actual}.${details.hint ? ` ${details.hint}` : ''}`,
      { cause: details.cause },
    );
    this.model = details.model;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
