import type { Matrix } from '@paretokit/problem';

/**
 * The front `(v_1, ..., v_d, last(v))` over the grid of every combination of `values` in the
 * first `d` objectives (`values.length^d` rows, the first objective varying slowest).
 * O(rows·d).
 */
export function gridFront(
  values: Float64Array,
  d: number,
  last: (row: Float64Array, offset: number, d: number) => number,
): Matrix {
  const p = values.length;
  const m = d + 1;
  const rows = p ** d;
  const data = new Float64Array(rows * m);
  for (let i = 0; i < rows; i++) {
    const o = i * m;
    for (let j = d - 1, rest = i; j >= 0; j--, rest = Math.floor(rest / p)) data[o + j] = values[rest % p]!;
    data[o + d] = last(data, o, d);
  }
  return { rows, cols: m, data };
}
