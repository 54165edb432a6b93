import {
  constraintViolation,
  DimensionMismatchError,
  InvalidArgumentError,
  type Matrix,
  type MatrixInput,
  toMatrix,
} from '@paretokit/problem';

/** Reads an objective matrix at the API edge: at least one column, no NaN. O(rows·cols). */
export function readObjectives(input: MatrixInput, what: string, cols?: number): Matrix {
  const F = toMatrix(input, what, cols);
  if (F.rows > 0 && F.cols === 0) {
    throw new InvalidArgumentError({ argument: what, expected: 'at least one objective column', actual: 0 });
  }
  if (cols !== undefined && F.cols !== cols) {
    throw new DimensionMismatchError({
      what,
      expected: cols,
      actual: F.cols,
      unit: 'columns (one per objective)',
    });
  }
  for (let i = 0; i < F.data.length; i++) {
    if (Number.isNaN(F.data[i]!)) {
      throw new InvalidArgumentError({
        argument: `${what}, row ${Math.floor(i / F.cols)}, column ${i % F.cols}`,
        expected: 'a number',
        actual: Number.NaN,
      });
    }
  }
  return F;
}

/** Total violation per row of `G` (one row per row of F; absent means all feasible). O(rows·k). */
export function readViolation(input: MatrixInput | undefined, rows: number, what: string): Float64Array {
  if (input === undefined) return new Float64Array(rows);
  const G = toMatrix(input, what);
  if (G.rows !== rows) {
    throw new DimensionMismatchError({
      what,
      expected: rows,
      actual: G.rows,
      unit: 'rows (one per row of F)',
    });
  }
  const cv = constraintViolation(G);
  for (let i = 0; i < rows; i++) {
    if (Number.isNaN(cv[i]!)) {
      throw new InvalidArgumentError({
        argument: `${what}, row ${i}`,
        expected: 'numbers',
        actual: Number.NaN,
      });
    }
  }
  return cv;
}

/**
 * The ideal point as given (one finite value per objective), or else the column minima of the
 * given matrices. O(rows·m).
 */
export function readIdeal(
  input: ArrayLike<number> | undefined,
  m: number,
  what: string,
  ...F: Matrix[]
): Float64Array {
  if (input !== undefined) {
    if (input.length !== m) {
      throw new DimensionMismatchError({
        what,
        expected: m,
        actual: input.length,
        unit: 'values (one per objective)',
      });
    }
    const z = Float64Array.from(input);
    for (let j = 0; j < m; j++) {
      if (!Number.isFinite(z[j]!)) {
        throw new InvalidArgumentError({
          argument: `${what}[${j}]`,
          expected: 'a finite number',
          actual: z[j],
        });
      }
    }
    return z;
  }
  const z = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  for (const M of F) {
    for (let i = 0; i < M.data.length; i++) {
      const j = i % m;
      if (M.data[i]! < z[j]!) z[j] = M.data[i]!;
    }
  }
  return z;
}

/** Checks an archive size: a positive safe integer. */
export function readSize(size: unknown, what: string): number {
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1) {
    throw new InvalidArgumentError({ argument: what, expected: 'a positive integer', actual: size });
  }
  return size;
}
