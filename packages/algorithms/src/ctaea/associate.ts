import type { MatrixInput } from '@paretokit/problem';
import { associateRows } from './internal/association.js';
import { prepareDirections } from './internal/directions.js';
import { readIdeal, readObjectives } from './internal/inputs.js';

/** Options of {@link associate}. */
export interface AssociateOptions {
  /** Objective values (minimized), one row per solution. */
  readonly F: MatrixInput;
  /** Reference directions, one row per direction, one column per objective; entries >= 0. */
  readonly directions: MatrixInput;
  /** The ideal point z* the reference lines start from (default: the column minima of F). */
  readonly ideal?: ArrayLike<number>;
}

/** The result of {@link associate}: per row of F, its subregion and how it sits there. */
export interface Association {
  /** Index of the reference direction whose line through the ideal point is nearest. */
  readonly niche: Int32Array;
  /** Perpendicular distance from `F[i] - ideal` to that line. */
  readonly distance: Float64Array;
  /** Tchebycheff aggregation on that direction: `max_j |f_j - z_j| / w_j` (w_j = 0 counts as 1e-4). */
  readonly fitness: Float64Array;
}

/**
 * Associates each solution with a subregion of C-TAEA: the reference direction nearest, by
 * perpendicular distance, to the solution translated by the ideal point. As in the original code
 * (K. Li) the objectives are translated but not normalized, and the aggregation fitness is the
 * Tchebycheff function with weight 1e-4 standing in for 0. Ties go to the lowest direction index.
 * O(n·d·m) for n rows and d directions.
 *
 * @example
 * const { niche, fitness } = associate({ F: [[0.1, 0.9], [0.6, 0.4]], directions: [[1, 0], [0.5, 0.5], [0, 1]], ideal: [0, 0] });
 * Array.from(niche) // => [2, 1]
 * fitness[1] // => 1.2
 */
export function associate(options: AssociateOptions): Association {
  const F = readObjectives(options.F, 'associate: F');
  const m = F.cols;
  const dirs = prepareDirections(options.directions, m, 'associate: directions');
  const ideal = readIdeal(options.ideal, m, 'associate: ideal', F);
  const n = F.rows;
  const niche = new Int32Array(n);
  const distance = new Float64Array(n);
  const fitness = new Float64Array(n);
  associateRows(F.data, m, null, n, dirs, ideal, niche, distance, fitness);
  return { niche, distance, fitness };
}
