/**
 * True if row `a` Pareto-dominates row `b` of the flat objective array `f` with `m` objectives
 * (minimization): no worse in every objective, strictly better in one. O(m).
 *
 * @example
 * dominates(Float64Array.of(1, 2, 2, 2), 0, 1, 2) // => true
 */
export function dominates(f: ArrayLike<number>, a: number, b: number, m: number): boolean {
  let strictlyBetter = false;
  for (let k = 0, ia = a * m, ib = b * m; k < m; k++) {
    const d = f[ia + k]! - f[ib + k]!;
    if (d > 0) return false;
    if (d < 0) strictlyBetter = true;
  }
  return strictlyBetter;
}

/**
 * Deb's constrained domination (Deb, Pratap, Agarwal & Meyarivan 2002): a feasible row (violation
 * `cv <= 0`) beats an infeasible one, of two infeasible rows the smaller violation wins, and two
 * feasible rows compare by Pareto dominance. O(m).
 *
 * @example
 * constrainedDominates(Float64Array.of(5, 5, 1, 1), Float64Array.of(0, 0.3), 0, 1, 2) // => true
 */
export function constrainedDominates(
  f: ArrayLike<number>,
  cv: ArrayLike<number>,
  a: number,
  b: number,
  m: number,
): boolean {
  const va = cv[a]!;
  const vb = cv[b]!;
  if (va <= 0 && vb <= 0) return dominates(f, a, b, m);
  if (va <= 0) return true;
  if (vb <= 0) return false;
  return va < vb;
}

/**
 * Compares two objective vectors: 1 if `a` dominates `b`, -1 if `b` dominates `a`, 0 if neither
 * (including equal vectors). O(m).
 *
 * @example
 * compareDominance([1, 2], [2, 1]) // => 0
 */
export function compareDominance(a: ArrayLike<number>, b: ArrayLike<number>): -1 | 0 | 1 {
  let aBetter = false;
  let bBetter = false;
  for (let k = 0; k < a.length; k++) {
    const d = a[k]! - b[k]!;
    if (d < 0) aBetter = true;
    else if (d > 0) bBetter = true;
    if (aBetter && bBetter) return 0;
  }
  return aBetter ? 1 : bBetter ? -1 : 0;
}
