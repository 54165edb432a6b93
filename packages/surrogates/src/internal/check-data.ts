import { DimensionMismatchError, InvalidArgumentError, isMatrix, type Matrix } from '@paretokit/problem';

/** Throws unless `X` is a Matrix with at least one column whose entries are all finite. O(rows·cols). */
export function checkX(X: Matrix, what: string): void {
  if (!isMatrix(X)) {
    throw new InvalidArgumentError({
      argument: `${what}: X`,
      expected: 'a Matrix ({ rows, cols, data: Float64Array })',
      actual: X,
      hint: 'Convert rows of numbers with toMatrix() from @paretokit/problem.',
    });
  }
  const { data, cols } = X;
  for (let k = 0; k < data.length; k++) {
    // One comparison per entry on the hot path; the slow path finds the row and column.
    if (!Number.isFinite(data[k]!)) {
      throw new InvalidArgumentError({
        argument: `${what}: X, row ${Math.floor(k / cols)}, column ${k % cols}`,
        expected: 'a finite number',
        actual: data[k],
        hint: 'Remove or impute rows with NaN or infinite values before fitting.',
      });
    }
  }
}

/** Throws unless `y` is a Float64Array of finite numbers of the given length. O(n). */
export function checkY(y: Float64Array, rows: number, what: string): void {
  if (!(y instanceof Float64Array)) {
    throw new InvalidArgumentError({ argument: `${what}: y`, expected: 'a Float64Array', actual: y });
  }
  if (y.length !== rows) {
    throw new DimensionMismatchError({
      what: `${what}: y`,
      expected: rows,
      actual: y.length,
      unit: 'values (one per row of X)',
    });
  }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]!)) {
      throw new InvalidArgumentError({
        argument: `${what}: y[${i}]`,
        expected: 'a finite number',
        actual: y[i],
        hint: 'Remove or impute rows with NaN or infinite values before fitting.',
      });
    }
  }
}

/** Checks training data: a non-empty finite X with at least `minRows` rows and a matching finite y. */
export function checkTrainingData(X: Matrix, y: Float64Array, what: string, minRows = 1): void {
  checkX(X, what);
  checkY(y, X.rows, what);
  if (X.cols < 1) {
    throw new InvalidArgumentError({
      argument: `${what}: X`,
      expected: 'at least one column',
      actual: X.cols,
    });
  }
  if (X.rows < minRows) {
    throw new InvalidArgumentError({
      argument: `${what}: X`,
      expected: `at least ${minRows} row${minRows === 1 ? '' : 's'}`,
      actual: X.rows,
    });
  }
}

/** Checks prediction input against the width seen by fit. NaN is allowed only when `allowNaN`. */
export function checkPredictX(X: Matrix, cols: number, what: string): void {
  if (!isMatrix(X)) {
    throw new InvalidArgumentError({
      argument: `${what}: X`,
      expected: 'a Matrix ({ rows, cols, data: Float64Array })',
      actual: X,
      hint: 'Convert rows of numbers with toMatrix() from @paretokit/problem.',
    });
  }
  if (X.cols !== cols) {
    throw new DimensionMismatchError({
      what: `${what}: X`,
      expected: cols,
      actual: X.cols,
      unit: 'columns (as in the data given to fit)',
    });
  }
}

/** Checks an option is an integer in [min, max]; returns it. */
export function checkInteger(
  value: number,
  argument: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new InvalidArgumentError({ argument, expected: `an integer ${range}`, actual: value });
  }
  return value;
}

/** Checks an option is a finite number in the range (lo, hi] or [lo, hi]; returns it. */
export function checkNumber(value: number, argument: string, lo: number, hi: number, loOpen = false): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value > hi ||
    (loOpen ? value <= lo : value < lo)
  ) {
    throw new InvalidArgumentError({
      argument,
      expected: `a number in ${loOpen ? '(' : '['}${lo}, ${hi}]`,
      actual: value,
    });
  }
  return value;
}

/** True when every entry of `data` is finite. O(length). */
export function allFinite(data: Float64Array): boolean {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i]!)) return false;
  return true;
}
