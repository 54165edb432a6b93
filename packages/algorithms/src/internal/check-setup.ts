import { InvalidArgumentError, type Problem } from '@paretokit/problem';
import type { RunOptions } from '../algorithm.js';

/** Throws a typed error unless `setup(problem, run)` got a problem and a termination; `who` names the algorithm. */
export function checkSetup(problem: Problem, run: RunOptions, who: string): void {
  if (typeof problem?.evaluate !== 'function' || !Array.isArray(problem.variables)) {
    throw new InvalidArgumentError({
      argument: `${who}: setup(problem)`,
      expected: 'a Problem',
      actual: problem,
    });
  }
  if (typeof run?.termination !== 'function') {
    throw new InvalidArgumentError({
      argument: `${who}: setup(problem, options).termination`,
      expected: 'a termination such as maxGenerations(200)',
      actual: run?.termination,
    });
  }
}
