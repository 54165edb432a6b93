// Base cases of the divide-and-conquer ranking (rank-distinct-points.ts) that compare points
// pairwise. Segments of s.idx hold point numbers in increasing (lexicographic) order; "objectives
// 1..k" are the ones that still decide dominance in the subproblem (objective 0 is implied by the
// order, the ones above k are settled by the caller).
import type { RankState } from './rank-state.js';

/** Whether point q is no worse than point p in objectives 1..k. O(k). */
function noWorse(rows: Float64Array, m: number, q: number, p: number, k: number): boolean {
  const qb = q * m;
  const pb = p * m;
  for (let j = 1; j <= k; j++) if (rows[qb + j]! > rows[pb + j]!) return false;
  return true;
}

/**
 * Copies the numbers, ranks and signatures over objectives 1..k (see dominance-signatures.ts) of
 * the points idx[a..b) to slots `at`.. of s.packedId, s.packedRank and s.packedSig.
 */
function pack(s: RankState, a: number, b: number, k: number, at: number): void {
  packPoints(s, s.idx, a, b, k, at);
}

/** {@link pack} for the points list[a..b). */
function packPoints(s: RankState, list: Int32Array, a: number, b: number, k: number, at: number): void {
  const { rank, signatures, n, packedId, packedRank, packedSig } = s;
  const offset = (k - 2) * n;
  for (let i = a; i < b; i++) {
    const p = list[i]!;
    packedId[at + i - a] = p;
    packedRank[at + i - a] = rank[p]!;
    packedSig[at + i - a] = signatures[offset + p]!;
  }
}

/**
 * First slot j in [from, to) whose packed signature passes the test against sig | guard (point j
 * may be no worse than the one of signature sig), or `to`. Four slots per step: most fail.
 */
function nextCandidate(packedSig: Int32Array, from: number, to: number, sig: number, guard: number): number {
  let j = from;
  while (
    j + 3 < to &&
    (+(((sig - packedSig[j]!) & guard) === guard) |
      +(((sig - packedSig[j + 1]!) & guard) === guard) |
      +(((sig - packedSig[j + 2]!) & guard) === guard) |
      +(((sig - packedSig[j + 3]!) & guard) === guard)) ===
      0
  )
    j += 4;
  while (j < to && ((sig - packedSig[j]!) & guard) !== guard) j++;
  return j;
}

/**
 * First slot j in [from, to) with packedRank[j] >= r whose signature passes the test against
 * sig | guard, or `to`: {@link nextCandidate} restricted to ranks that can raise r.
 */
function nextRaising(
  packedSig: Int32Array,
  packedRank: Int32Array,
  from: number,
  to: number,
  sig: number,
  guard: number,
  r: number,
): number {
  let j = from;
  while (
    j + 3 < to &&
    ((+(packedRank[j]! >= r) & +(((sig - packedSig[j]!) & guard) === guard)) |
      (+(packedRank[j + 1]! >= r) & +(((sig - packedSig[j + 1]!) & guard) === guard)) |
      (+(packedRank[j + 2]! >= r) & +(((sig - packedSig[j + 2]!) & guard) === guard)) |
      (+(packedRank[j + 3]! >= r) & +(((sig - packedSig[j + 3]!) & guard) === guard))) ===
      0
  )
    j += 4;
  while (j < to && (packedRank[j]! < r || ((sig - packedSig[j]!) & guard) !== guard)) j++;
  return j;
}

/** Ranks the points of idx[a..b) among themselves, all pairs compared: O(k n^2). */
export function bruteWithin(s: RankState, a: number, b: number, k: number): void {
  const { rank, packedId, packedRank, packedSig } = s;
  const guard = s.guards[k]!;
  pack(s, a, b, k, 0);
  for (let i = 1; i < b - a; i++) {
    const p = packedId[i]!;
    const sig = packedSig[i]! | guard;
    // With few objectives dominance is common: testing ranks as well spares exact tests.
    const r =
      k <= 4
        ? raiseRankedFirst(s, i, p, sig, guard, k, packedRank[i]!)
        : raise(s, i, p, sig, guard, k, packedRank[i]!);
    packedRank[i] = r;
    rank[p] = r;
  }
}

/** Rank r of point p (slot i) raised above every packed point in slots [0, i) dominating it. */
function raise(s: RankState, i: number, p: number, sig: number, guard: number, k: number, r: number): number {
  const { rows, m, packedId, packedRank, packedSig } = s;
  for (
    let j = nextCandidate(packedSig, 0, i, sig, guard);
    j < i;
    j = nextCandidate(packedSig, j + 1, i, sig, guard)
  ) {
    if (packedRank[j]! >= r && noWorse(rows, m, packedId[j]!, p, k)) r = packedRank[j]! + 1;
  }
  return r;
}

/** {@link raise}, screening by rank and signature together. */
function raiseRankedFirst(
  s: RankState,
  i: number,
  p: number,
  sig: number,
  guard: number,
  k: number,
  r: number,
): number {
  const { rows, m, packedId, packedRank, packedSig } = s;
  let j = nextRaising(packedSig, packedRank, 0, i, sig, guard, r);
  while (j < i) {
    if (noWorse(rows, m, packedId[j]!, p, k)) r = packedRank[j]! + 1;
    j = nextRaising(packedSig, packedRank, j + 1, i, sig, guard, r);
  }
  return r;
}

/**
 * Raises the ranks of idx[ha..hb) above those of the points of idx[la..lb) dominating them, all
 * pairs compared: O(k |L| |H|), given s.highL and s.lowH (see RankState). L is grouped by rank,
 * highest first, so the first dominating point found decides and the groups below a point's rank
 * are skipped.
 */
export function bruteAcross(s: RankState, la: number, lb: number, ha: number, hb: number, k: number): void {
  const { rank, packedId, packedRank, packedSig, groupStart, groupEnd } = s;
  const nh = hb - ha;
  const guard = s.guards[k]!;
  pack(s, ha, hb, k, 0);
  // Points of L ranked below every point of H cannot raise any (s.lowH, s.highL: see RankState).
  const groups = packByRank(s, la, lb, k, nh, s.lowH, s.highL);
  // groupEnd[g]: end of the members of group g numbered below the current point (H is in order).
  for (let g = 0; g < groups; g++) groupEnd[g] = groupStart[g]!;
  for (let i = 0; i < nh; i++) {
    const p = packedId[i]!;
    const sig = packedSig[i]! | guard;
    let r = packedRank[i]!;
    for (let g = 0; g < groups; g++) {
      const first = groupStart[g]!;
      const t = packedRank[first]!;
      if (t < r) break;
      const end = groupStart[g + 1]!;
      let e = groupEnd[g]!;
      while (e < end && packedId[e]! < p) e++;
      groupEnd[g] = e;
      if (anyNoWorse(s, first, e, p, sig, guard, k)) {
        r = t + 1;
        break;
      }
    }
    rank[p] = r;
  }
}

/**
 * Whether a packed point in slots [from, to) is no worse than point p (signature sig | guard): the
 * signature test skips almost every slot, the exact test runs on the few left. O(to - from).
 */
function anyNoWorse(
  s: RankState,
  from: number,
  to: number,
  p: number,
  sig: number,
  guard: number,
  k: number,
): boolean {
  const { packedSig, packedId, rows, m } = s;
  for (
    let j = nextCandidate(packedSig, from, to, sig, guard);
    j < to;
    j = nextCandidate(packedSig, j + 1, to, sig, guard)
  ) {
    if (noWorse(rows, m, packedId[j]!, p, k)) return true;
  }
  return false;
}

/**
 * Packs the points of idx[a..b) with a rank in [low, high] as {@link pack} does from slot `at` on,
 * ordered by rank (highest first) and by number within a rank; s.groupStart[g] gets the first
 * slot of the g-th rank present and s.groupStart[groups] the end. Returns the number of groups.
 * O(n + high - low).
 */
function packByRank(
  s: RankState,
  a: number,
  b: number,
  k: number,
  at: number,
  low: number,
  high: number,
): number {
  const { idx, rank, scratch, groupStart } = s;
  // Counting sort by descending rank into scratch, then pack in that order.
  const counts = s.rankCounts;
  counts.fill(0, 0, high - low + 2);
  for (let i = a; i < b; i++) {
    const r = rank[idx[i]!]!;
    if (r >= low) counts[high - r + 1]!++;
  }
  let groups = 0;
  for (let c = 1; c <= high - low + 1; c++) {
    if (counts[c]! > 0) groupStart[groups++] = at + counts[c - 1]!;
    counts[c] = counts[c]! + counts[c - 1]!;
  }
  const size = counts[high - low + 1]!;
  groupStart[groups] = at + size;
  for (let i = a; i < b; i++) {
    const p = idx[i]!;
    const r = rank[p]!;
    if (r >= low) scratch[counts[high - r]!++] = p;
  }
  packPoints(s, scratch, 0, size, k, at);
  return groups;
}
