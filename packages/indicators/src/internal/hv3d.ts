import { RankSet } from './rank-set.js';
import { sweepOrder3d } from './sweep-order3d.js';

/**
 * Exact 3-D hypervolume of `n` points (rows of `data`, 3 values each) that all strictly dominate
 * `ref`, in O(n log n) time and O(n) memory.
 *
 * Dimension sweep on the third objective (Beume, Fonseca, López-Ibáñez, Paquete & Vahrenhold,
 * "On the complexity of computing the hypervolume indicator", IEEE TEC 2009; the same sweep as
 * HV3D+ of Guerreiro & Fonseca, IEEE TEC 2018): points enter in ascending z; the 2-D staircase of
 * the points seen so far is kept sorted by x, together with the area `A` it dominates, and the
 * volume grows by `A * dz` between consecutive z values. A new point that a staircase point
 * weakly dominates adds nothing; otherwise it removes the staircase points it dominates (each
 * point is removed at most once, so the sweep is amortised O(n) updates) and adds the area of
 * the strips between them.
 *
 * The staircase is a {@link RankSet} over the ranks of the points in (x, y) order rather than a
 * balanced tree: ranks are known after one sort, and the lexicographic tie-break makes
 * "predecessor has y <= mine" exactly "I am weakly dominated in 2-D", also for repeated x.
 */
export function hv3d(data: Float64Array, n: number, ref: Float64Array): number {
  const { zKeys, zOrder, rank, xs, ys } = sweepOrder3d(data, n);
  const rx = ref[0]!;
  const ry = ref[1]!;
  const stairs = new RankSet(n);
  let area = 0;
  let volume = 0;
  let lastZ = zKeys[0]!;
  for (let k = 0; k < n; k++) {
    const z = zKeys[k]!;
    volume += area * (z - lastZ);
    lastZ = z;
    const r = rank[zOrder[k]!]!;
    const y = ys[r]!;
    const left = stairs.prev(r);
    let h = ry;
    if (left >= 0) {
      h = ys[left]!;
      if (h <= y) continue; // weakly dominated in (x, y), and lower or equal in z
    }
    let cur = xs[r]!;
    let s = stairs.next(r);
    while (s >= 0 && ys[s]! >= y) {
      const sx = xs[s]!;
      area += (sx - cur) * (h - y);
      cur = sx;
      h = ys[s]!;
      stairs.delete(s);
      s = stairs.next(s);
    }
    area += ((s >= 0 ? xs[s]! : rx) - cur) * (h - y);
    stairs.insert(r);
  }
  return volume + area * (ref[2]! - lastZ);
}
