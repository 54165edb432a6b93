import { c1dtlz1, c2dtlz2, c3dtlz4, dtlz2, zdt1, zdt2, zdt3 } from '@paretokit/benchmarks';
import type { Matrix, Problem } from '@paretokit/problem';
import type { Algorithm } from '../src/algorithm.js';
import { ctaea } from '../src/ctaea/ctaea.js';
import { nsga2 } from '../src/nsga2/nsga2.js';
import { dasDennis } from '../src/reference-directions/das-dennis.js';

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
 * C-TAEA with the 91 Das-Dennis directions of 12 partitions, 500 generations. The variable counts
 * are those of pymoo's `get_problem(name, n_obj=3)` that pymoo-runs.py builds (DTLZ2 10, C1-DTLZ1
 * 12, C2-DTLZ2 12, C3-DTLZ4 7); the reference points are 1.1 x the nadir points of the fronts.
 */
const ctaeaDtlz = (id: string, problem: Configuration['problem'], nadir: number): Configuration => ({
  id,
  algorithm: 'ctaea',
  problem,
  create: () => ctaea({ referenceDirections: dasDennis(3, 12) }),
  generations: 500,
  reference: [1.1 * nadir, 1.1 * nadir, 1.1 * nadir],
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
  ctaeaDtlz('ctaea-dtlz2', () => dtlz2({ nObj: 3, nVar: 10 }), 1),
  ctaeaDtlz('ctaea-c1dtlz1', () => c1dtlz1({ nObj: 3, nVar: 12 }), 0.5),
  ctaeaDtlz('ctaea-c2dtlz2', () => c2dtlz2({ nObj: 3, nVar: 12 }), 1),
  ctaeaDtlz('ctaea-c3dtlz4', () => c3dtlz4({ nObj: 3, nVar: 7 }), 2),
];
