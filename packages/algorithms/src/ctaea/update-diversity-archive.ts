import type { MatrixInput } from '@paretokit/problem';
import { associateRows } from './internal/association.js';
import { prepareDirections } from './internal/directions.js';
import { diversityUpdate } from './internal/diversity-update.js';
import { readIdeal, readObjectives, readSize, readViolation } from './internal/inputs.js';

/** Options of {@link updateDiversityArchive}. */
export interface DiversityArchiveOptions {
  /** Objectives (minimized) of the candidates: the old DA and the offspring, one row each. */
  readonly F: MatrixInput;
  /** Constraint values of the candidates; checked for shape only, since the DA ignores feasibility. */
  readonly G?: MatrixInput;
  /** Reference directions, one row per direction, one column per objective. */
  readonly directions: MatrixInput;
  /** The ideal point (default: the column minima of F and of the CA). */
  readonly ideal?: ArrayLike<number>;
  /** The archive size N. */
  readonly size: number;
  /** The CA after its update: its objectives set the subregions the DA need not cover. */
  readonly convergenceArchive: { readonly F: MatrixInput; readonly G?: MatrixInput };
}

/**
 * The diversity-archive (DA) update of C-TAEA (Li, Chen, Fu & Yao 2019; following the original
 * code by K. Li). Returns the indices (into the rows given) of the solutions kept, in the order taken.
 *
 * Round itr = 1, 2, ... visits every subregion in order; one with c < itr members of the CA
 * contributes itr - c candidates, each the best remaining one of the subregion (non-dominated
 * among its remaining rows, then least Tchebycheff fitness). It stops at N rows or when all are
 * taken, so N need not equal the number of directions. Feasibility plays no part (the DA explores).
 * O((n + |CA|)·d·m) association, plus O(k²·m) per row taken from a subregion of k rows.
 *
 * @example
 * const F = [[0, 1], [1, 0], [0.4, 0.6], [0.5, 0.5]];
 * const convergenceArchive = { F: [[0, 1], [0.1, 0.9]] }; // both in the subregion of [0, 1]
 * const directions = [[1, 0], [0.5, 0.5], [0, 1]];
 * Array.from(updateDiversityArchive({ F, directions, ideal: [0, 0], size: 2, convergenceArchive })) // => [1, 3]
 */
export function updateDiversityArchive(options: DiversityArchiveOptions): Int32Array {
  const F = readObjectives(options.F, 'updateDiversityArchive: F');
  const m = F.cols;
  const size = readSize(options.size, 'updateDiversityArchive: size');
  readViolation(options.G, F.rows, 'updateDiversityArchive: G');
  const ca = options.convergenceArchive;
  const caF = readObjectives(ca.F, 'updateDiversityArchive: convergenceArchive.F', m);
  readViolation(ca.G, caF.rows, 'updateDiversityArchive: convergenceArchive.G');
  const dirs = prepareDirections(options.directions, m, 'updateDiversityArchive: directions');
  const ideal = readIdeal(options.ideal, m, 'updateDiversityArchive: ideal', F, caF);
  const niche = new Int32Array(F.rows);
  const fitness = new Float64Array(F.rows);
  associateRows(F.data, m, null, F.rows, dirs, ideal, niche, null, fitness);
  const caNiche = new Int32Array(caF.rows);
  associateRows(caF.data, m, null, caF.rows, dirs, ideal, caNiche, null, null);
  return diversityUpdate(F.data, m, F.rows, niche, fitness, caNiche, caF.rows, dirs.count, size);
}
