import type { Matrix } from '@paretokit/problem';

/**
 * Per column of X, the shift and scale that standardize it, `(x - shift) · scale`: the mean and
 * 1 / (population standard deviation), or 0 and 1 for a constant column or when `standardize` is
 * false. O(rows · cols).
 */
export function columnScaling(X: Matrix, standardize: boolean): { shift: Float64Array; scale: Float64Array } {
  const { rows, cols, data } = X;
  const shift = new Float64Array(cols);
  const scale = new Float64Array(cols).fill(1);
  if (!standardize) return { shift, scale };
  for (let j = 0; j < cols; j++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += data[i * cols + j]!;
    mean /= rows;
    let variance = 0;
    for (let i = 0; i < rows; i++) variance += (data[i * cols + j]! - mean) ** 2;
    const sd = Math.sqrt(variance / rows);
    shift[j] = mean;
    scale[j] = sd > 0 ? 1 / sd : 1;
  }
  return { shift, scale };
}
