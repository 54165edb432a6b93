import { ParetokitError } from '@paretokit/problem';

/** Fields of a {@link OnnxFormatError}. */
export interface OnnxFormatErrorDetails {
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
 * A file or buffer is not a readable ONNX model (not protobuf, truncated, no graph, external data).
 *
 * @example
 * new OnnxFormatError({ source: 'model.onnx', expected: 'x', actual: 'y' }).message // => "model.onnx: expected x, got y."
 */
export class OnnxFormatError extends ParetokitError {
  readonly source: string;
  readonly expected: string;
  readonly actual: string;

  constructor(details: OnnxFormatErrorDetails) {
    super(
      'OnnxFormatError',
      `${details.source}: expected ${details.expected}, got ${details.actual}.${details.hint ? ` ${details.hint}` : ''}`,
      { cause: details.cause },
    );
    this.source = details.source;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
