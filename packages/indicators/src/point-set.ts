/**
 * A dense row-major matrix: entry `(i, j)` is `data[i * cols + j]`. Structurally the same as
 * `Matrix` of `@paretokit/problem`, which this package does not import.
 */
export interface MatrixLike {
  readonly rows: number;
  readonly cols: number;
  readonly data: ArrayLike<number>;
}

/** A set of objective vectors (minimization), one per row: plain arrays or a {@link MatrixLike}. */
export type PointSet = MatrixLike | readonly ArrayLike<number>[];
