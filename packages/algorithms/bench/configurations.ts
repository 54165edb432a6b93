import { zdt1, zdt2, zdt3 } from '@paretokit/benchmarks';
import type { Matrix, Problem } from '@paretokit/problem';
import type { Algorithm } from '../src/algorithm.js';
import { nsga2 } from '../src/nsga2/nsga2.js';

/**
 * One configuration compared with pymoo: the same problem, algorithm settings and budget on both
 * sides. `id` is the key of the configuration in scripts/pymoo-runs.py.
 */
export interface Configuration {
  readonly id: string;
  /** Which algorithm it exercises (the conformance suite runs the algorithms it lists). */
  readonly algorithm: 'nsga2' | 'ctaea';
  readonly problem: () => Problem & { paretoFront(n: number): Matrix };
  readonly create: () => Algorithm;
  readonly generations: number;
  /** Hypervolume reference point (minimization). */
  readonly reference: readonly number[];
  /** Points of the true front used for IGD. */
  readonly frontPoints: number;
}

const nsga2Zdt = (id: string, problem: Configuration['problem']): Configuration => ({
  id,
  algorithm: 'nsga2',
  problem,
  create: () => nsga2({ populationSize: 100 }),
  generations: 200,
  reference: [1.1, 1.1],
  frontPoints: 1000,
});

/**
 * The configurations of the peer benchmark and the conformance suite. C-TAEA slots (91 directions,
 * 500 generations; ids ctaea-dtlz2, ctaea-c1dtlz1, ctaea-c2dtlz2, ctaea-c3dtlz4 in pymoo-runs.py)
 * are added here next to NSGA-II's.
 */
export const CONFIGURATIONS: readonly Configuration[] = [
  nsga2Zdt('nsga2-zdt1', () => zdt1()),
  nsga2Zdt('nsga2-zdt2', () => zdt2()),
  nsga2Zdt('nsga2-zdt3', () => zdt3()),
];
