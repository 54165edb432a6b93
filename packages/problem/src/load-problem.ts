import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeValue } from './errors/paretokit-error.js';
import { ProblemLoadError } from './errors/problem-load-error.js';
import type { Problem } from './problem.js';
import type { ProblemReference } from './problem-reference.js';

/** Options of {@link loadProblem}. */
export interface LoadProblemOptions {
  /** Directory that relative module paths are resolved against (default `process.cwd()`). */
  readonly baseDir?: string;
}

/**
 * The module specifier `import()` needs: relative and absolute paths become `file:` URLs; a
 * package name is looked up from `baseDir` (as `require.resolve` would, so the caller's project
 * decides which package it is) and stays as it is when that fails; URLs stay as they are.
 *
 * @example
 * resolveProblemModule('node:os') // => 'node:os'
 * resolveProblemModule('./p.js').startsWith('file:') // => true
 */
export function resolveProblemModule(module: string, options: LoadProblemOptions = {}): string {
  if (module.startsWith('./') || module.startsWith('../') || isAbsolute(module)) {
    return pathToFileURL(resolve(options.baseDir ?? process.cwd(), module)).href;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(module)) return module;
  try {
    const require = createRequire(join(resolve(options.baseDir ?? process.cwd()), 'noop.js'));
    return pathToFileURL(require.resolve(module)).href;
  } catch {
    return module;
  }
}

function isProblem(value: unknown): value is Problem {
  const p = value as Problem | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.evaluate === 'function' &&
    typeof p.name === 'string' &&
    Array.isArray(p.variables) &&
    Array.isArray(p.objectives) &&
    Array.isArray(p.constraints)
  );
}

/**
 * Imports `reference.module` and returns its export `reference.export` when it is a problem, or
 * what that export returns when called with `reference.options` (awaited). Throws a
 * {@link ProblemLoadError} naming the module and export when the import fails, the export is
 * missing, or the result is not a problem. Cost: the import and the factory's.
 *
 * @example
 * const module = 'data:text/javascript,export const square = ({ a }) => ({ name: "square" + a, variables: [], objectives: [], constraints: [], evaluate() {} });';
 * (await loadProblem({ module, export: 'square', options: { a: 2 } })).name // => 'square2'
 */
export async function loadProblem(
  reference: ProblemReference,
  options: LoadProblemOptions = {},
): Promise<Problem> {
  const module = reference?.module;
  const name = reference?.export ?? 'default';
  if (typeof module !== 'string' || module === '' || typeof name !== 'string') {
    throw new ProblemLoadError({
      module: String(module),
      export: String(name),
      reason: `expected { module: string, export?: string, options? }, got ${describeValue(reference)}`,
    });
  }
  let imported: Record<string, unknown>;
  try {
    imported = (await import(resolveProblemModule(module, options))) as Record<string, unknown>;
  } catch (cause) {
    throw new ProblemLoadError({
      module,
      export: name,
      reason: `importing it failed (${cause instanceof Error ? cause.message : String(cause)})`,
      hint: 'A path is resolved against the current directory; a package must be installed where the evaluator runs.',
      cause,
    });
  }
  if (!(name in imported)) {
    const exports = Object.keys(imported).filter((k) => k !== 'default');
    throw new ProblemLoadError({
      module,
      export: name,
      reason: `it has no export "${name}"`,
      hint:
        exports.length > 0
          ? `Its exports: ${exports.slice(0, 12).join(', ')}.`
          : 'It exports nothing by name.',
    });
  }
  const value = imported[name];
  let problem: unknown = value;
  if (typeof value === 'function') {
    try {
      problem = await (reference.options === undefined ? value() : value(reference.options));
    } catch (cause) {
      throw new ProblemLoadError({
        module,
        export: name,
        reason: `calling it with the options threw (${cause instanceof Error ? cause.message : String(cause)})`,
        cause,
      });
    }
  } else if (reference.options !== undefined && isProblem(value)) {
    throw new ProblemLoadError({
      module,
      export: name,
      reason: 'options were given but the export is a problem, not a function that builds one',
      hint: 'Drop the options or export a factory.',
    });
  }
  if (!isProblem(problem)) {
    throw new ProblemLoadError({
      module,
      export: name,
      reason: `${typeof value === 'function' ? 'the function returned' : 'the export is'} ${describeValue(problem)}, not a Problem`,
      hint: 'Export a Problem, or a function of the options that returns one (it may be async).',
    });
  }
  return problem;
}
