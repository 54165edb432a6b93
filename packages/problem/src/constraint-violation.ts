import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import type { Matrix } from './matrix.js';

/**
 * Total constraint violation of each row: the sum of `max(0, g_j)` over the constraints
 * (0 means feasible). Without `G` every row is feasible and `rows` sets the length. O(rows·k).
 *
 * @example
 * constraintViolation(toMatrix([[-1, 0.5], [0, 0]])) // => Float64Array [0.5, 0]
 */
export function constraintViolation(G: Matrix | undefined, rows?: number): Float64Array {
  if (G === undefined) {
    if (rows === undefined || !Number.isSafeInteger(rows) || rows < 0) {
      throw new InvalidArgumentError({
        argument: 'constraintViolation(G, rows)',
        expected: 'a matrix G, or a row count when there are no constraints',
        actual: rows,
      });
    }
    return new Float64Array(rows);
  }
  const out = new Float64Array(G.rows);
  const k = G.cols;
  for (let i = 0; i < G.rows; i++) {
    let sum = 0;
    for (let j = i * k, end = j + k; j < end; j++) {
      const g = G.data[j]!;
      if (g > 0) sum += g;
      else if (Number.isNaN(g)) sum = Number.NaN;
    }
    out[i] = sum;
  }
  return out;
}
