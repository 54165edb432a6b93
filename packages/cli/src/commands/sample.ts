import {
  feasibleNonDominated,
  InvalidArgumentError,
  latinHypercube,
  negateMaximized,
  type Problem,
  serialEvaluator,
  toArrays,
} from '@paretokit/problem';
import { type BenchmarkOptions, problemRegistry } from '../problem-registry.js';

/** Options of {@link runSample}. */
export interface SampleOptions extends BenchmarkOptions {
  readonly problem: string;
  /** Number of Latin-hypercube points. */
  readonly n: number;
  readonly seed: number;
}

/** The evaluated sample and its feasible non-dominated points. */
export interface SampleResult {
  readonly problem: Problem;
  readonly evaluated: number;
  readonly feasible: number;
  /** Rows of the sample on the feasible non-dominated front, with their objectives. */
  readonly front: { readonly x: number[]; readonly f: number[] }[];
}

/**
 * Evaluates a Latin-hypercube sample of a benchmark problem and keeps its feasible non-dominated
 * points (objectives in their natural sense). O(n·cost of one evaluation + n log n).
 *
 * @example
 * const r = await runSample({ problem: 'zdt1', n: 100, seed: 1 });
 * r.front.length > 0 // => true
 */
export async function runSample(options: SampleOptions): Promise<SampleResult> {
  const factory = problemRegistry[options.problem];
  if (factory === undefined) {
    throw new InvalidArgumentError({
      argument: 'problem',
      expected: `one of ${Object.keys(problemRegistry).join(', ')}`,
      actual: options.problem,
    });
  }
  const problem = factory({
    ...(options.nVar === undefined ? {} : { nVar: options.nVar }),
    ...(options.nObj === undefined ? {} : { nObj: options.nObj }),
  });
  const X = latinHypercube(problem, options.n, { seed: options.seed });
  const { F, G } = await serialEvaluator().evaluate(problem, X, { seed: options.seed });
  const front = feasibleNonDominated(negateMaximized(F, problem.objectives), G);
  const x = toArrays(X);
  const f = toArrays(F);
  const feasible = G === undefined ? X.rows : toArrays(G).filter((g) => g.every((v) => v <= 0)).length;
  front.sort((a, b) => f[a]![0]! - f[b]![0]! || a - b);
  return { problem, evaluated: X.rows, feasible, front: front.map((i) => ({ x: x[i]!, f: f[i]! })) };
}

/**
 * The result as the text the `sample` command prints.
 *
 * @example
 * const options = { problem: 'zdt1', n: 20, seed: 1 };
 * formatSample(await runSample(options), options).split('\n')[0] // => 'zdt1: 30 variables, 2 objectives, 0 constraints'
 */
export function formatSample(result: SampleResult, options: SampleOptions): string {
  const { problem } = result;
  const names = problem.objectives.map((o) => o.name);
  const lines = [
    `${problem.name}: ${problem.variables.length} variables, ${names.length} objectives, ${problem.constraints.length} constraints`,
    `${result.evaluated} Latin-hypercube points (seed ${options.seed}), ${result.feasible} feasible, ${result.front.length} non-dominated:`,
    ['', ...names].map((s) => s.padStart(12)).join(''),
    ...result.front.map((p, k) =>
      [`#${k + 1}`, ...p.f.map((v) => v.toFixed(6))].map((s) => s.padStart(12)).join(''),
    ),
  ];
  return lines.join('\n');
}
