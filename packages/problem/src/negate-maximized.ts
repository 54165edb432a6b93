import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import type { Matrix } from './matrix.js';
import type { Objective } from './problem.js';

/**
 * Negates the columns of `max` objectives, turning natural-sense values into minimized ones for
 * the algorithms, and back again: applying it twice gives the input. Writes into `out` when given
 * (may be `F` itself). O(rows·cols).
 *
 * @example
 * const objectives = [{ name: 'ops', sense: 'min' }, { name: 'acc', sense: 'max' }];
 * negateMaximized(toMatrix([[0.3, 0.9]]), objectives).data // => Float64Array [0.3, -0.9]
 */
export function negateMaximized(F: Matrix, objectives: readonly Objective[], out?: Matrix): Matrix {
  if (F.cols !== objectives.length) {
    throw new DimensionMismatchError({
      what: 'F',
      expected: objectives.length,
      actual: F.cols,
      unit: 'columns (one per objective)',
    });
  }
  const target = out ?? { rows: F.rows, cols: F.cols, data: new Float64Array(F.data.length) };
  if (target.rows !== F.rows || target.cols !== F.cols) {
    throw new DimensionMismatchError({
      what: 'out',
      expected: F.data.length,
      actual: target.data.length,
      unit: 'values',
    });
  }
  const m = F.cols;
  for (let j = 0; j < m; j++) {
    const sign = objectives[j]!.sense === 'max' ? -1 : 1;
    for (let i = j; i < F.data.length; i += m) target.data[i] = sign * F.data[i]!;
  }
  return target;
}
