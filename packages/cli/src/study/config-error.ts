import { ParetokitError } from '@paretokit/problem';

/** One problem with a configuration file: where it is (a dotted path) and what is wrong. */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * A study or run configuration is invalid. The message names the file and every field at fault,
 * e.g. `study.json: problems[0].model: expected string, received number`.
 *
 * @example
 * new ConfigError('study.json', [{ path: 'seeds', message: 'expected an integer' }]).message // => 'study.json: seeds: expected an integer'
 */
export class ConfigError extends ParetokitError {
  readonly source: string;
  readonly issues: readonly ConfigIssue[];

  constructor(source: string, issues: readonly ConfigIssue[]) {
    super(
      'ConfigError',
      issues.map((i) => `${source}: ${i.path === '' ? '' : `${i.path}: `}${i.message}`).join('\n'),
    );
    this.source = source;
    this.issues = issues;
  }
}
