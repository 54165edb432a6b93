import { constraintViolation } from './constraint-violation.js';
import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { type MatrixInput, selectRows, toMatrix } from './matrix.js';
import { nonDominatedSort } from './non-dominated-sort.js';

/**
 * Indices (ascending) of the feasible rows that no other feasible row dominates: the feasible
 * Pareto set of an archive (minimization; negate `max` objectives first). Rows are feasible when
 * every constraint value is `<= 0`; without `G` all are. Equal rows are all kept. O(N log N) for
 * m <= 3 (see {@link nonDominatedSort}).
 *
 * @example
 * feasibleNonDominated([[1, 1], [0, 2], [0, 0]], [[0], [-1], [3]]) // => [0, 1]
 */
export function feasibleNonDominated(F: MatrixInput, G?: MatrixInput): number[] {
  const f = toMatrix(F, 'feasibleNonDominated: F');
  const feasible: number[] = [];
  if (G === undefined) {
    for (let i = 0; i < f.rows; i++) feasible.push(i);
  } else {
    const g = toMatrix(G, 'feasibleNonDominated: G');
    if (g.rows !== f.rows) {
      throw new DimensionMismatchError({
        what: 'feasibleNonDominated: G',
        expected: f.rows,
        actual: g.rows,
        unit: 'rows (one per row of F)',
      });
    }
    const cv = constraintViolation(g);
    for (let i = 0; i < f.rows; i++) if (cv[i]! <= 0) feasible.push(i);
  }
  if (feasible.length === 0) return [];
  const { fronts } = nonDominatedSort(selectRows(f, feasible));
  return fronts[0]!.map((k) => feasible[k]!);
}
