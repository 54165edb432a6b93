import { bruteAcross, bruteWithin } from './rank-brute-force.js';
import { staircaseAcross, staircaseWithin } from './rank-staircase-sweeps.js';
import {
  BRUTE_ACROSS,
  BRUTE_SIDE,
  BRUTE_WITHIN,
  firstAbove,
  mergeRuns,
  RankState,
  splitAtMedian,
} from './rank-state.js';

/**
 * Ranks distinct points given in lexicographic order (row-major `rows`, n x m, m >= 3), writing
 * each point's 0-based front to `rank`; returns the number of fronts. Divide and conquer on the
 * objectives (Jensen 2003; Fortin, Grenier & Parizeau 2013; Buzdalov & Shalyto 2014): split the
 * points at a median of the last objective, rank the lower part, raise the upper part's ranks
 * above those of the lower points dominating them (the same scheme with one objective less),
 * then rank the upper part. Objective 0 is settled by the order; with objectives 1 and 2 left a
 * sweep with per-rank staircases finishes (rank-staircase-sweeps.ts), and small subproblems
 * compare all pairs behind a one-subtraction signature test (rank-brute-force.ts).
 * O(N log^(M-2) N · log N) at worst, much less when ranks or objective ranges already decide.
 */
export function rankDistinctPoints(rows: Float64Array, n: number, m: number, rank: Int32Array): number {
  const s = new RankState(rows, n, m);
  rankWithin(s, 0, n, m - 1);
  return copyRanks(s.rank, rank, n);
}

/** Copies ranks[0..n) to `to`; returns the highest rank + 1. */
function copyRanks(from: Int32Array, to: Int32Array, n: number): number {
  let fronts = 0;
  for (let p = 0; p < n; p++) {
    const r = from[p]!;
    to[p] = r;
    if (r >= fronts) fronts = r + 1;
  }
  return fronts;
}

/** Ranks idx[a..b) among themselves; objectives above k are equal within the segment (k >= 2). */
function rankWithin(s: RankState, a: number, b: number, k: number): void {
  if (b - a < 2) return;
  if (b - a <= BRUTE_WITHIN) {
    bruteWithin(s, a, b, k);
    return;
  }
  if (k === 2) {
    staircaseWithin(s, a, b);
    return;
  }
  if (!splitAtMedian(s, k, a, b, b, b)) {
    rankWithin(s, a, b, k - 1);
    return;
  }
  const cut = s.cutL;
  rankWithin(s, a, cut, k);
  rankAcross(s, a, cut, cut, b, k - 1);
  rankWithin(s, cut, b, k);
  mergeRuns(s, a, cut, b);
}

/**
 * Raises the ranks of the points H = idx[ha..hb) above those of the points of L = idx[la..lb)
 * dominating them; every point of L is no worse than every point of H in objectives above k,
 * and the ranks of L are final.
 */
function rankAcross(s: RankState, la: number, lb: number, ha: number, hb: number, k: number): void {
  if (la >= lb || ha >= hb) return;
  // Only points of L numbered before some point of H, and points of H after some of L, take part.
  const { idx } = s;
  lb = firstAbove(idx, la, lb, idx[hb - 1]!);
  ha = firstAbove(idx, ha, hb, idx[la]!);
  if (la >= lb || ha >= hb || !ranksCanRise(s, la, lb, ha, hb)) return;
  if ((lb - la) * (hb - ha) <= BRUTE_ACROSS || Math.min(lb - la, hb - ha) <= BRUTE_SIDE) {
    bruteAcross(s, la, lb, ha, hb, k);
    return;
  }
  if (k === 2) {
    staircaseAcross(s, la, lb, ha, hb);
    return;
  }
  if (!splitAtMedian(s, k, la, lb, ha, hb)) {
    // Objective k is equal throughout: it no longer decides.
    rankAcross(s, la, lb, ha, hb, k - 1);
    return;
  }
  const lCut = s.cutL;
  const hCut = s.cutH;
  rankAcross(s, la, lCut, ha, hCut, k);
  rankAcross(s, lCut, lb, hCut, hb, k);
  rankAcross(s, la, lCut, hCut, hb, k - 1);
  mergeRuns(s, la, lCut, lb);
  mergeRuns(s, ha, hCut, hb);
}

/**
 * Whether some point of L has a rank at least that of some point of H (else L cannot raise H);
 * sets s.highL and s.lowH to the highest rank in L and the lowest in H. O(n).
 */
function ranksCanRise(s: RankState, la: number, lb: number, ha: number, hb: number): boolean {
  const { idx, rank } = s;
  let high = -1;
  for (let i = la; i < lb; i++) high = Math.max(high, rank[idx[i]!]!);
  let low = 0x7fffffff;
  for (let i = ha; i < hb; i++) low = Math.min(low, rank[idx[i]!]!);
  s.highL = high;
  s.lowH = low;
  return low <= high;
}
