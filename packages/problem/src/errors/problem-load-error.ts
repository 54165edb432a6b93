import { ParetokitError } from './paretokit-error.js';

/** Fields of a {@link ProblemLoadError}. */
export interface ProblemLoadErrorDetails {
  /** The module as given (a path or a package name). */
  readonly module: string;
  /** The export that was looked up. */
  readonly export: string;
  /** What went wrong: `"it has no export \"zdt9\""`. */
  readonly reason: string;
  /** How to fix it. */
  readonly hint?: string;
  /** The original error, when importing or building threw. */
  readonly cause?: unknown;
}

/**
 * A problem could not be rebuilt from its module, export and options: the module is missing, has
 * no such export, or the export is not a problem (nor a function returning one).
 *
 * @example
 * const error = new ProblemLoadError({ module: './problems.js', export: 'zdt9', reason: 'it has no export "zdt9"' });
 * error.message // => 'Cannot load the problem ./problems.js#zdt9: it has no export "zdt9".'
 */
export class ProblemLoadError extends ParetokitError {
  readonly module: string;
  readonly export: string;
  readonly reason: string;
  readonly hint: string | undefined;

  constructor(details: ProblemLoadErrorDetails) {
    super(
      'ProblemLoadError',
      `Cannot load the problem ${details.module}#${details.export}: ${details.reason}.${details.hint ? ` ${details.hint}` : ''}`,
      { cause: details.cause },
    );
    this.module = details.module;
    this.export = details.export;
    this.reason = details.reason;
    this.hint = details.hint;
  }
}
