// Base cases of the divide-and-conquer ranking (rank-distinct-points.ts) with three deciding
// objectives left: the order (objective 0), objectives 1 and 2. Segments of s.idx hold point
// numbers in increasing (lexicographic) order.
import type { RankState } from './rank-state.js';

/**
 * Ranks idx[a..b) among themselves with three deciding objectives (the order, 1 and 2): a sweep in
 * order keeping, per rank, the staircase of (objective 1, objective 2) of the points swept; a
 * point's rank is one above the highest rank whose staircase covers it. O(n (log n + R)).
 */
export function staircaseWithin(s: RankState, a: number, b: number): void {
  const { idx, rank, stairs, n } = s;
  const column = s.columns;
  let top = -1;
  for (let i = a; i < b; i++) {
    const p = idx[i]!;
    const y = column[n + p]!;
    const z = column[2 * n + p]!;
    let r = rank[p]!;
    for (let t = top; t >= r; t--) {
      if (stairs.covers(t, y, z)) {
        r = t + 1;
        break;
      }
    }
    rank[p] = r;
    stairs.add(r, y, z);
    if (r > top) top = r;
  }
  stairs.clear();
}

/**
 * Raises the ranks of idx[ha..hb) above those of the points of idx[la..lb) dominating them, with
 * three deciding objectives: a sweep like {@link staircaseWithin} where only L enters the
 * staircases. O((|L| + |H|) (log n + R)).
 */
export function staircaseAcross(s: RankState, la: number, lb: number, ha: number, hb: number): void {
  const { idx, rank, stairs, n } = s;
  const column = s.columns;
  let top = -1;
  let i = la;
  for (let j = ha; j < hb; j++) {
    const p = idx[j]!;
    for (; i < lb && idx[i]! < p; i++) {
      const q = idx[i]!;
      const t = rank[q]!;
      stairs.add(t, column[n + q]!, column[2 * n + q]!);
      if (t > top) top = t;
    }
    const y = column[n + p]!;
    const z = column[2 * n + p]!;
    for (let t = top; t >= rank[p]!; t--) {
      if (stairs.covers(t, y, z)) {
        rank[p] = t + 1;
        break;
      }
    }
  }
  stairs.clear();
}
