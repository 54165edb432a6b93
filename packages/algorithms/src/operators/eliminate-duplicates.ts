import { DimensionMismatchError, InvalidArgumentError, type Matrix } from '@paretokit/problem';

/**
 * Indices (ascending) of the rows of `candidates` that duplicate neither an earlier candidate nor a
 * row of any `existing` matrix, two rows being duplicates when their largest absolute difference is
 * `<= tolerance` (default 1e-16, as pymoo's `DefaultDuplicateElimination`). O(n·(n + E)·d) in the
 * worst case for n candidates and E existing rows; a pair of rows is usually told apart by its
 * first column.
 *
 * @example
 * eliminateDuplicates(toMatrix([[0, 1], [0, 1], [2, 2]]), [toMatrix([[2, 2]])]) // => Int32Array [0]
 */
export function eliminateDuplicates(
  candidates: Matrix,
  existing: readonly Matrix[] = [],
  tolerance = 1e-16,
): Int32Array {
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new InvalidArgumentError({
      argument: 'eliminateDuplicates: tolerance',
      expected: 'a finite number >= 0',
      actual: tolerance,
    });
  }
  const d = candidates.cols;
  for (const [k, m] of existing.entries()) {
    if (m.cols !== d && m.rows > 0) {
      throw new DimensionMismatchError({
        what: `eliminateDuplicates: existing[${k}]`,
        expected: d,
        actual: m.cols,
        unit: 'columns (one per variable)',
      });
    }
  }
  const c = candidates.data;
  const kept = new Int32Array(candidates.rows);
  let count = 0;
  for (let i = 0; i < candidates.rows; i++) {
    const base = i * d;
    let duplicate = false;
    for (let e = 0; e < existing.length && !duplicate; e++) {
      const m = existing[e]!;
      duplicate = matchesAnyRow(c, base, m.data, m.rows, d, tolerance);
    }
    if (!duplicate) duplicate = matchesAnyRow(c, base, c, i, d, tolerance);
    if (!duplicate) kept[count++] = i;
  }
  return kept.slice(0, count);
}

function matchesAnyRow(
  a: Float64Array,
  base: number,
  rows: Float64Array,
  n: number,
  d: number,
  tolerance: number,
): boolean {
  for (let r = 0; r < n; r++) if (sameRow(a, base, rows, r * d, d, tolerance)) return true;
  return false;
}

function sameRow(
  a: Float64Array,
  ia: number,
  b: Float64Array,
  ib: number,
  d: number,
  tolerance: number,
): boolean {
  for (let j = 0; j < d; j++) {
    const diff = a[ia + j]! - b[ib + j]!;
    if (diff > tolerance || diff < -tolerance) return false;
  }
  return true;
}
