import { InvalidArgumentError } from '@paretokit/problem';
import { MissingPackageError } from './missing-package-error.js';

/**
 * The package a bare import specifier names: `@scope/name` or `name`, without the subpath.
 *
 * @throws InvalidArgumentError for a relative, absolute or URL specifier.
 * @example
 * packageNameOf('@paretokit/compression/presets') // => '@paretokit/compression'
 * packageNameOf('bullmq') // => 'bullmq'
 */
export function packageNameOf(specifier: string): string {
  const match = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:\/|$)/i.exec(specifier);
  if (match === null || specifier.includes(':')) {
    throw new InvalidArgumentError({
      argument: 'specifier',
      expected: 'a bare package specifier such as @paretokit/compression or @paretokit/compression/presets',
      actual: specifier,
    });
  }
  return match[1]!;
}

/**
 * True when `error` is Node's failure to find the package `name` itself (ERR_MODULE_NOT_FOUND,
 * "Cannot find package 'name'"); false for any other failure, such as a package that is there
 * but misses one of its own dependencies, a missing file inside it or an error thrown while it loads.
 * O(length of the message).
 *
 * @example
 * const error = Object.assign(new Error("Cannot find package 'bullmq' imported from /app/x.js"), { code: 'ERR_MODULE_NOT_FOUND' });
 * isMissingPackage(error, 'bullmq') // => true
 * isMissingPackage(error, '@paretokit/workers') // => false
 */
export function isMissingPackage(error: unknown, name: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' || typeof message !== 'string') return false;
  // Node names the package; Vite's module runner (vitest) names the specifier, subpath included.
  const missing = /^Cannot find package '([^']+)'/.exec(message)?.[1];
  return missing === name || missing?.startsWith(`${name}/`) === true;
}

/**
 * Imports an optional package (an optional peer dependency of the CLI) when a command needs it.
 * When the package is not installed, throws a {@link MissingPackageError} naming it and the
 * command that installs it; any other failure to load it is thrown as it is.
 *
 * @throws MissingPackageError when the package of `specifier` is not installed.
 * @example
 * (await importOptional('@paretokit/problem', 'this example')).ParetokitError === ParetokitError // => true
 * await importOptional('@paretokit/not-a-package', 'paretokit compress').catch((e) => e.message) // => 'paretokit compress needs @paretokit/not-a-package: npm install @paretokit/not-a-package'
 */
export async function importOptional<T>(specifier: string, needs: string): Promise<T> {
  const name = packageNameOf(specifier);
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    if (isMissingPackage(error, name)) throw new MissingPackageError({ package: name, needs, cause: error });
    throw error;
  }
}

/**
 * Imports an optional package when it is installed, else gives `undefined`; any other failure to
 * load it is thrown as it is.
 *
 * @example
 * await importIfInstalled('@paretokit/not-a-package') // => undefined
 */
export async function importIfInstalled<T>(specifier: string): Promise<T | undefined> {
  const name = packageNameOf(specifier);
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    if (isMissingPackage(error, name)) return undefined;
    throw error;
  }
}
