import { InvalidArgumentError, type Matrix } from '@paretokit/problem';

/** Points of the lattice with `h` divisions per axis on the m-simplex: C(h + m - 1, m - 1). */
function latticeSize(m: number, h: number): number {
  let size = 1;
  for (let i = 1; i < m; i++) size = (size * (h + i)) / i;
  return Math.round(size);
}

/**
 * The simplex lattice of Das & Dennis (1998) with the most points not above `n`: every vector
 * `c / h` of non-negative integers `c` summing to `h`, for the largest such `h` (pymoo's
 * `UniformReferenceDirectionFactory` with `n_partitions = h`). O(n·m).
 */
export function simplexLattice(m: number, n: number, name: string): Matrix {
  if (n < m) {
    throw new InvalidArgumentError({
      argument: `${name}.paretoFront(n)`,
      expected: `an integer >= ${m} (the coarsest simplex lattice has one point per objective)`,
      actual: n,
    });
  }
  let h = 1;
  while (latticeSize(m, h + 1) <= n) h++;
  const rows = latticeSize(m, h);
  const data = new Float64Array(rows * m);
  const parts = new Int32Array(m);
  let row = 0;
  const visit = (k: number, left: number): void => {
    if (k === m - 1) {
      parts[k] = left;
      for (let j = 0; j < m; j++) data[row * m + j] = parts[j]! / h;
      row++;
      return;
    }
    for (let c = left; c >= 0; c--) {
      parts[k] = c;
      visit(k + 1, left - c);
    }
  };
  visit(0, h);
  return { rows, cols: m, data };
}

/** Scales every row of `points` in place by `factor(data, offset, m)` and returns it. O(n·m). */
export function scaleRows(
  points: Matrix,
  factor: (data: Float64Array, offset: number, m: number) => number,
): Matrix {
  const { rows, cols: m, data } = points;
  for (let i = 0, o = 0; i < rows; i++, o += m) {
    const s = factor(data, o, m);
    for (let j = 0; j < m; j++) data[o + j]! *= s;
  }
  return points;
}

/** Sum of squares of the row at `offset`. O(m). */
export function squaredNorm(data: Float64Array, offset: number, m: number): number {
  let sum = 0;
  for (let j = 0; j < m; j++) sum += data[offset + j]! * data[offset + j]!;
  return sum;
}

/** The lattice of {@link simplexLattice} pushed out to the unit sphere (row / its norm). */
export function sphereLattice(m: number, n: number, name: string): Matrix {
  return scaleRows(simplexLattice(m, n, name), (d, o, k) => 1 / Math.sqrt(squaredNorm(d, o, k)));
}
