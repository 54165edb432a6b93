import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';

/** A dense row-major matrix: entry `(i, j)` is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Anything shaped like a {@link Matrix}, or rows as plain arrays (accepted at API edges only). */
export type MatrixInput = Matrix | readonly (readonly number[])[];

/**
 * A new zero-filled matrix, or one over `data` (not copied) when given. O(rows·cols).
 *
 * @example
 * createMatrix(2, 3).data.length // => 6
 */
export function createMatrix(rows: number, cols: number, data?: Float64Array): Matrix {
  if (!Number.isSafeInteger(rows) || rows < 0) {
    throw new InvalidArgumentError({ argument: 'rows', expected: 'a non-negative integer', actual: rows });
  }
  if (!Number.isSafeInteger(cols) || cols < 0) {
    throw new InvalidArgumentError({ argument: 'cols', expected: 'a non-negative integer', actual: cols });
  }
  if (data === undefined) return { rows, cols, data: new Float64Array(rows * cols) };
  if (data.length !== rows * cols) {
    throw new DimensionMismatchError({
      what: `data of a ${rows}x${cols} matrix`,
      expected: rows * cols,
      actual: data.length,
      unit: 'values',
    });
  }
  return { rows, cols, data };
}

/**
 * True if `value` has the {@link Matrix} shape (`rows`, `cols`, a `Float64Array` of `rows*cols`).
 *
 * @example
 * isMatrix({ rows: 1, cols: 2, data: new Float64Array(2) }) // => true
 */
export function isMatrix(value: unknown): value is Matrix {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Matrix>;
  return (
    typeof m.rows === 'number' &&
    typeof m.cols === 'number' &&
    m.data instanceof Float64Array &&
    m.data.length === m.rows * m.cols
  );
}

/**
 * Converts rows of numbers (or a matrix, returned as is) to a {@link Matrix}. O(rows·cols).
 * Every row must have the same length; `cols` sets the width of an empty input.
 *
 * @example
 * toMatrix([[1, 2], [3, 4]]) // => { rows: 2, cols: 2, data: Float64Array [1, 2, 3, 4] }
 */
export function toMatrix(input: MatrixInput, what = 'matrix', cols?: number): Matrix {
  if (isMatrix(input)) return input;
  if (!Array.isArray(input)) {
    throw new InvalidArgumentError({
      argument: what,
      expected: 'a Matrix ({ rows, cols, data: Float64Array }) or an array of rows',
      actual: input,
    });
  }
  const rows = input.length;
  const width = rows === 0 ? (cols ?? 0) : (input[0]?.length ?? 0);
  const data = new Float64Array(rows * width);
  for (let i = 0; i < rows; i++) {
    const row = input[i] as ArrayLike<unknown>;
    if (!Array.isArray(row) && !(row instanceof Float64Array)) {
      throw new InvalidArgumentError({
        argument: `${what}, row ${i}`,
        expected: 'an array of numbers',
        actual: row,
      });
    }
    if (row.length !== width) {
      throw new DimensionMismatchError({
        what: `${what}, row ${i}`,
        expected: width,
        actual: row.length,
        unit: 'values',
      });
    }
    for (let j = 0; j < width; j++) {
      const v = row[j];
      if (typeof v !== 'number') {
        throw new InvalidArgumentError({
          argument: `${what}, row ${i}, column ${j}`,
          expected: 'a number',
          actual: v,
        });
      }
      data[i * width + j] = v;
    }
  }
  return { rows, cols: width, data };
}

/**
 * Converts a matrix to rows of plain numbers (for printing, JSON and reports). O(rows·cols).
 *
 * @example
 * toArrays(toMatrix([[1, 2]])) // => [[1, 2]]
 */
export function toArrays(matrix: Matrix): number[][] {
  const out: number[][] = new Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) {
    out[i] = Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols));
  }
  return out;
}

/**
 * A copy of row `i` as a `Float64Array`. O(cols).
 *
 * @example
 * getRow(toMatrix([[1, 2], [3, 4]]), 1) // => Float64Array [3, 4]
 */
export function getRow(matrix: Matrix, i: number): Float64Array {
  if (!Number.isInteger(i) || i < 0 || i >= matrix.rows) {
    throw new InvalidArgumentError({
      argument: 'row index',
      expected: `an integer in [0, ${matrix.rows - 1}]`,
      actual: i,
    });
  }
  return matrix.data.slice(i * matrix.cols, (i + 1) * matrix.cols);
}

/**
 * A new matrix made of the given rows of `matrix`, in the given order. O(k·cols).
 *
 * @example
 * toArrays(selectRows(toMatrix([[1], [2], [3]]), [2, 0])) // => [[3], [1]]
 */
export function selectRows(matrix: Matrix, indices: ArrayLike<number>): Matrix {
  const { cols } = matrix;
  const out = new Float64Array(indices.length * cols);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (!Number.isInteger(i) || i < 0 || i >= matrix.rows) {
      throw new InvalidArgumentError({
        argument: 'row index',
        expected: `an integer in [0, ${matrix.rows - 1}]`,
        actual: i,
      });
    }
    out.set(matrix.data.subarray(i * cols, (i + 1) * cols), k * cols);
  }
  return { rows: indices.length, cols, data: out };
}

/**
 * Stacks matrices of equal width on top of each other. O(total size).
 *
 * @example
 * vstack([toMatrix([[1, 2]]), toMatrix([[3, 4]])]).rows // => 2
 */
export function vstack(matrices: readonly Matrix[]): Matrix {
  if (matrices.length === 0) return { rows: 0, cols: 0, data: new Float64Array(0) };
  const cols = matrices[0]!.cols;
  let rows = 0;
  for (const [k, m] of matrices.entries()) {
    if (m.cols !== cols) {
      throw new DimensionMismatchError({
        what: `matrix ${k} of vstack`,
        expected: cols,
        actual: m.cols,
        unit: 'columns',
      });
    }
    rows += m.rows;
  }
  const data = new Float64Array(rows * cols);
  let offset = 0;
  for (const m of matrices) {
    data.set(m.data, offset);
    offset += m.data.length;
  }
  return { rows, cols, data };
}
