import { ParetokitError } from '@paretokit/problem';

/** Fields of a {@link MissingPackageError}. */
export interface MissingPackageDetails {
  /** The npm package that is not installed, e.g. `@paretokit/compression`. */
  readonly package: string;
  /** What needs it, in words, e.g. `paretokit compress`. */
  readonly needs: string;
  /** The import error that showed it missing. */
  readonly cause?: unknown;
}

/**
 * An optional package of the CLI (an optional peer dependency) is not installed, and a command
 * needs it. The message names the package and the command that installs it; the CLI prints it on
 * one line and exits with 1.
 *
 * @example
 * const error = new MissingPackageError({ package: '@paretokit/compression', needs: 'paretokit compress' });
 * error.message // => 'paretokit compress needs @paretokit/compression: npm install @paretokit/compression'
 * error.install // => 'npm install @paretokit/compression'
 */
export class MissingPackageError extends ParetokitError {
  /** The package that is missing. */
  readonly package: string;
  /** What needs it. */
  readonly needs: string;
  /** The command that installs it. */
  readonly install: string;

  constructor(details: MissingPackageDetails) {
    const install = `npm install ${details.package}`;
    super('MissingPackageError', `${details.needs} needs ${details.package}: ${install}`, {
      cause: details.cause,
    });
    this.package = details.package;
    this.needs = details.needs;
    this.install = install;
  }
}
