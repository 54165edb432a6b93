import { ParetokitError } from '@paretokit/problem';

/** Fields of an {@link EvaluationLogError}. */
export interface EvaluationLogDetails {
  /** The log file. */
  readonly path: string;
  /** 1-based line number, when one line is at fault. */
  readonly line?: number;
  /** What is wrong, in words. */
  readonly reason: string;
  /** How to fix it. */
  readonly hint?: string;
}

/**
 * An evaluation log cannot be used: a corrupt line before the last one, a log of another problem,
 * or a new run about to overwrite a log that holds evaluations.
 *
 * @example
 * const error = new EvaluationLogError({ path: 'run.jsonl', line: 3, reason: 'not valid JSON' });
 * error.message // => 'run.jsonl, line 3: not valid JSON.'
 */
export class EvaluationLogError extends ParetokitError {
  readonly path: string;
  readonly line: number | undefined;
  readonly reason: string;

  constructor(details: EvaluationLogDetails, options?: { cause?: unknown }) {
    const where = details.line === undefined ? details.path : `${details.path}, line ${details.line}`;
    super(
      'EvaluationLogError',
      `${where}: ${details.reason}.${details.hint ? ` ${details.hint}` : ''}`,
      options,
    );
    this.path = details.path;
    this.line = details.line;
    this.reason = details.reason;
  }
}
