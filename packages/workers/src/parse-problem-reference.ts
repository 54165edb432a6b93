import { InvalidArgumentError, type JsonValue, type ProblemReference } from '@paretokit/problem';

/**
 * The {@link ProblemReference} of a command-line spec `module#export` (export `default` when
 * omitted) and optional JSON options. O(length).
 *
 * @example
 * parseProblemReference('./problems.js#zdt1', '{"nVar":5}') // => { module: './problems.js', export: 'zdt1', options: { nVar: 5 } }
 * parseProblemReference('@paretokit/benchmarks#dtlz2') // => { module: '@paretokit/benchmarks', export: 'dtlz2' }
 */
export function parseProblemReference(spec: string, options?: string): ProblemReference {
  const at = spec.lastIndexOf('#');
  const module = at < 0 ? spec : spec.slice(0, at);
  const name = at < 0 ? 'default' : spec.slice(at + 1);
  if (module === '' || name === '') {
    throw new InvalidArgumentError({
      argument: '--problem',
      expected: 'module#export, e.g. ./problems.js#myProblem',
      actual: spec,
    });
  }
  if (options === undefined) return { module, export: name };
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(options) as JsonValue;
  } catch (error) {
    throw new InvalidArgumentError({
      argument: '--options',
      expected: 'JSON, e.g. \'{"nVar":5}\'',
      actual: options,
      hint: (error as Error).message,
    });
  }
  return { module, export: name, options: parsed };
}
