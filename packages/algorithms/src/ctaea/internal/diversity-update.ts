import { groupBySubregion } from './subregions.js';

/**
 * The DA update of C-TAEA (Li, Chen, Fu & Yao 2019, Algorithm 4; original code by K. Li) on the
 * `n` rows of `f` (the old DA and the offspring) with their subregions `niche` among `count`
 * directions and fitness `fit` (see `associateRows`), given the subregions `caNiche` of the
 * `caCount` rows of the updated CA. Constraints play no part: the DA explores where the CA is not.
 *
 * Rounds `itr = 1, 2, ...` go over the subregions in order; a subregion holding `c < itr` CA
 * members gives `itr - c` rows in that round, each the best remaining row associated with it
 * (non-dominated among the subregion's remaining rows, then smallest aggregation fitness).
 * Stops as soon as `size` rows are taken or every row is. Returns the rows in the order taken.
 * Works for any `size` and number of directions. O(n + count) plus O(k²·m) per row taken from a
 * subregion of k rows.
 */
export function diversityUpdate(
  f: Float64Array,
  m: number,
  n: number,
  niche: Int32Array,
  fit: Float64Array,
  caNiche: Int32Array,
  caCount: number,
  count: number,
  size: number,
): Int32Array {
  const caDensity = new Int32Array(count);
  for (let t = 0; t < caCount; t++) caDensity[caNiche[t]!]!++;
  // Rows by subregion (ascending within each); `left` counts the rows not yet taken.
  const { start, bucket, density: left } = groupBySubregion(niche, n, count);
  const taken = new Uint8Array(n);

  const target = Math.min(size, n);
  const out = new Int32Array(target);
  let got = 0;
  for (let itr = 1; got < target; itr++) {
    for (let i = 0; i < count && got < target; i++) {
      for (let j = caDensity[i]!; j < itr && left[i]! > 0 && got < target; j++) {
        const best = bestInSubregion(f, m, fit, bucket, start[i]!, start[i + 1]!, taken);
        taken[best] = 1;
        left[i]!--;
        out[got++] = best;
      }
    }
  }
  return out;
}

/** The remaining row of bucket[lo, hi) that no other remaining one dominates, with least fitness. */
function bestInSubregion(
  f: Float64Array,
  m: number,
  fit: Float64Array,
  bucket: Int32Array,
  lo: number,
  hi: number,
  taken: Uint8Array,
): number {
  let best = -1;
  let bestFit = Number.POSITIVE_INFINITY;
  for (let a = lo; a < hi; a++) {
    const p = bucket[a]!;
    if (taken[p] === 1 || (best !== -1 && !(fit[p]! < bestFit))) continue;
    let dominated = false;
    for (let b = lo; b < hi && !dominated; b++) {
      const q = bucket[b]!;
      if (q === p || taken[q] === 1) continue;
      dominated = dominates(f, q * m, p * m, m);
    }
    if (!dominated) {
      best = p;
      bestFit = fit[p]!;
    }
  }
  return best;
}

/** True if the row at offset `a` Pareto-dominates the row at offset `b`. O(m). */
function dominates(f: Float64Array, a: number, b: number, m: number): boolean {
  let strictly = false;
  for (let j = 0; j < m; j++) {
    const d = f[a + j]! - f[b + j]!;
    if (d > 0) return false;
    if (d < 0) strictly = true;
  }
  return strictly;
}
