import type { MatrixInput, Random } from '@paretokit/problem';
import { associateRows } from './internal/association.js';
import { convergenceUpdate } from './internal/convergence-update.js';
import { prepareDirections } from './internal/directions.js';
import { readIdeal, readObjectives, readSize, readViolation } from './internal/inputs.js';

/** Options of {@link updateConvergenceArchive}. */
export interface ConvergenceArchiveOptions {
  /** Objectives (minimized) of the candidates: the old CA and the offspring, one row each. */
  readonly F: MatrixInput;
  /** Constraint values of the candidates (feasible when every g <= 0); absent: all feasible. */
  readonly G?: MatrixInput;
  /** Reference directions, one row per direction, one column per objective. */
  readonly directions: MatrixInput;
  /** The ideal point (default: the column minima of F). */
  readonly ideal?: ArrayLike<number>;
  /** The archive size N. */
  readonly size: number;
  /** Breaks exact fitness ties in the truncation as the original does; without it, deterministic. */
  readonly random?: Random;
}

/**
 * The convergence-archive (CA) update of C-TAEA (Li, Chen, Fu & Yao 2019; following the original
 * code by K. Li). Returns the indices (into the rows given) of the solutions kept, feasible first.
 *
 * - Exactly N feasible: they are the new CA.
 * - More than N feasible: whole non-dominated fronts of the feasible rows until N is reached; while
 *   more than N remain, the most crowded subregion loses its worst member (largest Tchebycheff
 *   fitness), or the worse of its closest pair when that pair is closer than the worst member is
 *   to its nearest neighbour.
 * - Fewer than N feasible: all feasible, then infeasible rows by non-dominated fronts of
 *   (constraint violation, Tchebycheff fitness); the overflowing front is cut by least violation.
 *
 * Fewer than N rows in all: every row is kept. O(n log n) sorting (m <= 3), O(L²·m) distances for
 * the L rows of the kept fronts, O(n·d·m) association with d directions.
 *
 * @example
 * const F = [[0, 1], [1, 0], [0.5, 0.5], [0.6, 0.6]];
 * const G = [[0], [0], [1], [-1]]; // row 2 violates its constraint
 * Array.from(updateConvergenceArchive({ F, G, directions: [[1, 0], [0, 1]], size: 3 })) // => [0, 1, 3]
 */
export function updateConvergenceArchive(options: ConvergenceArchiveOptions): Int32Array {
  const F = readObjectives(options.F, 'updateConvergenceArchive: F');
  const m = F.cols;
  const size = readSize(options.size, 'updateConvergenceArchive: size');
  const cv = readViolation(options.G, F.rows, 'updateConvergenceArchive: G');
  const dirs = prepareDirections(options.directions, m, 'updateConvergenceArchive: directions');
  const ideal = readIdeal(options.ideal, m, 'updateConvergenceArchive: ideal', F);
  const niche = new Int32Array(F.rows);
  const fitness = new Float64Array(F.rows);
  associateRows(F.data, m, null, F.rows, dirs, ideal, niche, null, fitness);
  return convergenceUpdate(F.data, m, cv, F.rows, niche, fitness, dirs.count, size, options.random ?? null);
}
