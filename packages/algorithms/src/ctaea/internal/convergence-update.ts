import { nonDominatedSort, type Random } from '@paretokit/problem';
import { groupBySubregion } from './subregions.js';

/**
 * The CA update of C-TAEA on `n` rows (objectives `f`, `n × m` row-major, total violation `cv`,
 * subregion `niche` among `count` directions and aggregation fitness `fit`, see `associateRows`),
 * following the paper (Li, Chen, Fu & Yao 2019, Algorithm 3) and the original code (K. Li).
 * Returns the indices kept, feasible rows first (ascending), then the infeasible fill.
 *
 * - at most `size` feasible rows: all of them, and the gap is filled with infeasible rows by
 *   non-dominated fronts of the two-objective problem (violation, aggregation fitness); the front
 *   that overflows is cut by smallest violation;
 * - more than `size` feasible rows: non-dominated fronts of the feasible rows until `size` is
 *   reached, then one row at a time leaves the most crowded subregion ({@link truncate}).
 *
 * `random` breaks exact fitness ties as the original does; without it the first row of the pair
 * is removed. O(n log n) to sort for m <= 3, plus O(L²·m) distances and the truncation for the
 * L rows of the selected fronts.
 */
export function convergenceUpdate(
  f: Float64Array,
  m: number,
  cv: Float64Array,
  n: number,
  niche: Int32Array,
  fit: Float64Array,
  count: number,
  size: number,
  random: Random | null,
): Int32Array {
  let nFeasible = 0;
  for (let i = 0; i < n; i++) if (cv[i]! <= 0) nFeasible++;
  const feasible = new Int32Array(nFeasible);
  const infeasible = new Int32Array(n - nFeasible);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (cv[i]! <= 0) feasible[a++] = i;
    else infeasible[b++] = i;
  }
  if (nFeasible <= size) {
    if (nFeasible === size || infeasible.length === 0) return feasible;
    const fill = fillWithInfeasible(cv, fit, infeasible, size - nFeasible);
    const out = new Int32Array(nFeasible + fill.length);
    out.set(feasible);
    out.set(fill, nFeasible);
    return out;
  }
  // Non-dominated fronts of the feasible rows, whole fronts while fewer than `size` are taken.
  const sub = new Float64Array(nFeasible * m);
  for (let t = 0; t < nFeasible; t++) sub.set(f.subarray(feasible[t]! * m, feasible[t]! * m + m), t * m);
  const { fronts } = nonDominatedSort({ rows: nFeasible, cols: m, data: sub });
  const pool: number[] = [];
  for (const front of fronts) {
    if (pool.length >= size) break;
    for (const t of front) pool.push(feasible[t]!);
  }
  pool.sort((a, b) => a - b);
  const rows = Int32Array.from(pool);
  return pool.length > size ? truncate(f, m, rows, niche, fit, count, size, random) : rows;
}

/** Picks `need` infeasible rows by fronts of (violation, fitness), the last front by violation. */
function fillWithInfeasible(
  cv: Float64Array,
  fit: Float64Array,
  infeasible: Int32Array,
  need: number,
): Int32Array {
  const k = infeasible.length;
  if (k <= need) return infeasible;
  const pair = new Float64Array(2 * k);
  for (let t = 0; t < k; t++) {
    pair[2 * t] = cv[infeasible[t]!]!;
    pair[2 * t + 1] = fit[infeasible[t]!]!;
  }
  const { fronts } = nonDominatedSort({ rows: k, cols: 2, data: pair });
  const out = new Int32Array(need);
  let filled = 0;
  for (const front of fronts) {
    if (filled + front.length <= need) {
      for (const t of front) out[filled++] = infeasible[t]!;
    } else {
      const byViolation = front.slice().sort((a, b) => pair[2 * a]! - pair[2 * b]! || a - b);
      for (let s = 0; filled < need; s++) out[filled++] = infeasible[byViolation[s]!]!;
    }
    if (filled === need) break;
  }
  return out;
}

/**
 * Removes rows from `rows` until `size` remain, one at a time, as the original code does: in
 * each subregion of maximal density (ascending), every member whose fitness exceeds the worst
 * seen so far becomes the candidate; if two members of that subregion are closer to each other
 * than the candidate is to its nearest neighbour in the pool, the one of the closest pair with
 * the worse fitness becomes the candidate instead. The last candidate is removed.
 * O(L²·m) for the distances, plus per removal O(L) and O(k³) per crowded subregion of k members.
 */
function truncate(
  f: Float64Array,
  m: number,
  rows: Int32Array,
  rowNiche: Int32Array,
  rowFit: Float64Array,
  count: number,
  size: number,
  random: Random | null,
): Int32Array {
  const L = rows.length;
  const niche = new Int32Array(L);
  const fit = new Float64Array(L);
  for (let a = 0; a < L; a++) {
    niche[a] = rowNiche[rows[a]!]!;
    fit[a] = rowFit[rows[a]!]!;
  }
  const dist = new Float64Array(L * L);
  for (let a = 0; a < L; a++) {
    const oa = rows[a]! * m;
    for (let b = a + 1; b < L; b++) {
      const ob = rows[b]! * m;
      let s = 0;
      for (let j = 0; j < m; j++) {
        const e = f[oa + j]! - f[ob + j]!;
        s += e * e;
      }
      const d = Math.sqrt(s);
      dist[a * L + b] = d;
      dist[b * L + a] = d;
    }
  }
  // Pool rows by subregion, ascending (the scan order); removed rows are skipped.
  const { start, bucket, density } = groupBySubregion(niche, L, count);
  const alive = new Uint8Array(L).fill(1);
  // Nearest living neighbour of every row, recomputed only for the rows whose neighbour leaves.
  const nearest = new Int32Array(L);
  const nearestDistance = new Float64Array(L);
  const findNearest = (a: number): void => {
    let best = -1;
    let close = Number.POSITIVE_INFINITY;
    for (let b = 0, o = a * L; b < L; b++) {
      if (b !== a && alive[b] === 1 && dist[o + b]! < close) {
        close = dist[o + b]!;
        best = b;
      }
    }
    nearest[a] = best;
    nearestDistance[a] = close;
  };
  for (let a = 0; a < L; a++) findNearest(a);
  const members = new Int32Array(L);
  const pick = (j: number, k: number): number => (random === null ? j : random.next() <= 0.5 ? j : k);
  for (let remaining = L; remaining > size; remaining--) {
    let maxDensity = 0;
    for (let i = 0; i < count; i++) if (density[i]! > maxDensity) maxDensity = density[i]!;
    let worst = -1;
    let victim = -1;
    for (let i = 0; i < count; i++) {
      if (density[i] !== maxDensity) continue;
      let k = 0;
      for (let s = start[i]!; s < start[i + 1]!; s++) if (alive[bucket[s]!] === 1) members[k++] = bucket[s]!;
      for (let c = 0; c < k; c++) {
        const cur = members[c]!;
        if (!(fit[cur]! > worst)) continue;
        victim = cur;
        worst = fit[cur]!;
        let close = nearestDistance[cur]!;
        // Pairs inside the subregion closer than the candidate's nearest neighbour.
        for (let x = 0; x < k; x++) {
          const j = members[x]!;
          const fj = fit[j]!;
          for (let y = 0; y < k; y++) {
            if (x === y) continue;
            const l = members[y]!;
            const d = dist[j * L + l]!;
            const fl = fit[l]!;
            if (d < close) {
              close = d;
              victim = fj > fl ? j : fj < fl ? l : pick(j, l);
            } else if (d === close) {
              if (fj > fl) {
                if (fj > worst) victim = j;
              } else if (fj < fl) {
                if (fl > worst) victim = l;
              } else if (fj > worst) {
                victim = pick(j, l);
              }
            }
          }
        }
        worst = fit[victim]!;
      }
    }
    alive[victim] = 0;
    density[niche[victim]!]!--;
    for (let a = 0; a < L; a++) if (alive[a] === 1 && nearest[a] === victim) findNearest(a);
  }
  const out = new Int32Array(size);
  for (let a = 0, t = 0; a < L; a++) if (alive[a] === 1) out[t++] = rows[a]!;
  return out;
}
