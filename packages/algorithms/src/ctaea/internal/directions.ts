import {
  DimensionMismatchError,
  InvalidArgumentError,
  type Matrix,
  type MatrixInput,
  toMatrix,
} from '@paretokit/problem';

/** Reference directions prepared once for association: raw weights, unit vectors and norms. */
export interface PreparedDirections {
  /** Number of directions. */
  readonly count: number;
  /** Number of objectives. */
  readonly m: number;
  /** The directions as given, row-major (`count × m`). */
  readonly weight: Float64Array;
  /** Euclidean norm of each direction. */
  readonly norm: Float64Array;
  /** Each direction divided by its norm, row-major. */
  readonly unit: Float64Array;
}

/**
 * Checks and prepares reference directions for `m` objectives: at least one row, `m` columns,
 * finite non-negative entries and no all-zero row (a zero direction defines no line). O(count·m).
 */
export function prepareDirections(input: MatrixInput, m: number, what: string): PreparedDirections {
  const d: Matrix = toMatrix(input, what, m);
  if (d.rows === 0) {
    throw new InvalidArgumentError({
      argument: what,
      expected: 'at least one reference direction',
      actual: 0,
    });
  }
  if (d.cols !== m) {
    throw new DimensionMismatchError({
      what,
      expected: m,
      actual: d.cols,
      unit: 'columns (one per objective)',
    });
  }
  const norm = new Float64Array(d.rows);
  for (let i = 0; i < d.rows; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) {
      const w = d.data[i * m + j]!;
      if (!(w >= 0) || w === Number.POSITIVE_INFINITY) {
        throw new InvalidArgumentError({
          argument: `${what}, row ${i}, column ${j}`,
          expected: 'a finite non-negative number',
          actual: w,
        });
      }
      s += w * w;
    }
    if (s === 0) {
      throw new InvalidArgumentError({
        argument: `${what}, row ${i}`,
        expected: 'a direction with at least one positive entry',
        actual: Array.from(d.data.subarray(i * m, i * m + m)),
      });
    }
    norm[i] = Math.sqrt(s);
  }
  const unit = new Float64Array(d.rows * m);
  for (let i = 0; i < d.rows; i++)
    for (let j = 0; j < m; j++) unit[i * m + j] = d.data[i * m + j]! / norm[i]!;
  return { count: d.rows, m, weight: d.data, norm, unit };
}
