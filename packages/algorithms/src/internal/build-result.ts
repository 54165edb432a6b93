import { type Matrix, negateMaximized, nonDominatedSort, type Problem, selectRows } from '@paretokit/problem';
import type { OptimizationResult, SolutionSet } from '../algorithm.js';
import type { RunProgress } from './run-progress.js';

/** A population as the algorithms hold it: objectives minimized (max columns negated). */
export interface MinimizedPopulation {
  readonly X: Matrix;
  readonly F: Matrix;
  readonly G?: Matrix;
  readonly CV: Float64Array;
}

function naturalSet(problem: Problem, pop: MinimizedPopulation, rows?: ArrayLike<number>): SolutionSet {
  const pick = (m: Matrix): Matrix =>
    rows === undefined ? { ...m, data: m.data.slice() } : selectRows(m, rows);
  const F = negateMaximized(pick(pop.F), problem.objectives);
  const CV = rows === undefined ? pop.CV.slice() : Float64Array.from(rows, (i) => pop.CV[i]!);
  const X = pick(pop.X);
  return pop.G === undefined ? { X, F, CV } : { X, F, G: pick(pop.G), CV };
}

/**
 * The result of a run from its final population: the feasible non-dominated rows (none when no
 * row is feasible) and the whole population, objectives back in their natural sense. O(N log N)
 * for m <= 3.
 */
export function buildResult(
  problem: Problem,
  pop: MinimizedPopulation,
  progress: RunProgress,
): OptimizationResult {
  const feasible: number[] = [];
  for (let i = 0; i < pop.CV.length; i++) if (pop.CV[i]! <= 0) feasible.push(i);
  let best: number[] = [];
  if (feasible.length > 0) {
    const { fronts } = nonDominatedSort(selectRows(pop.F, feasible));
    best = fronts[0]!.map((k) => feasible[k]!);
  }
  return {
    ...naturalSet(problem, pop, best),
    population: naturalSet(problem, pop),
    evaluations: progress.evaluations,
    generations: progress.generation,
    elapsedMs: progress.elapsedMs,
  };
}
