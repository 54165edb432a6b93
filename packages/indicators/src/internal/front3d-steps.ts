// The two per-point steps of Front3d's general addition (its step 2 and step 3, see the class
// comment in front3d.ts), on its node arrays: P holds x, y, z of node q at P[q << 2 | 0..2], L its
// links at L[q << 3 | 0..5] (next, prev, leftOf, rightOf, stairLeft, stairRight).

/**
 * Step 2 of `Front3d.add` for the later point q: splices q into the staircase (its rightward links
 * only, see step 1) and returns the
 * area it covers, inside p's box (corner px, py), that the staircase without p leaves open
 * between q's two neighbours: the region above max(y_q, py) and right of max(x_q, px).
 */
export function sweepPast(P: Float64Array, L: Int32Array, q: number, px: number, py: number): number {
  const l = L[(q << 3) | 2]!;
  const r = L[(q << 3) | 3]!;
  const a = Math.max(P[q << 2]!, px);
  const b = Math.max(P[(q << 2) | 1]!, py);
  const rx = P[r << 2]!;
  let h = P[(l << 2) | 1]!;
  let covered = 0;
  if (rx > a && h > b) {
    let t = L[(l << 3) | 5]!;
    // Skip the steps left of a.
    while (t !== r && P[t << 2]! <= a) {
      h = P[(t << 2) | 1]!;
      t = L[(t << 3) | 5]!;
    }
    let cur = a;
    while (h > b) {
      if (t === r) {
        covered += (rx - cur) * (h - b);
        break;
      }
      const tx = P[t << 2]!;
      covered += (tx - cur) * (h - b);
      cur = tx;
      h = P[(t << 2) | 1]!;
      t = L[(t << 3) | 5]!;
    }
  }
  L[(q << 3) | 5] = r;
  L[(l << 3) | 5] = q;
  return covered;
}

/**
 * Step 3 of `Front3d.add` for the later point q, once p (also in `io[0..2]`: no doubles passed) is
 * in the list: drops q if p dominates it, or makes p its remembered neighbour where p is closer.
 * Returns false when q hides p from every point above it (the walk can stop).
 */
export function relink(P: Float64Array, L: Int32Array, io: Float64Array, q: number, p: number): boolean {
  const px = io[0]!;
  const py = io[1]!;
  const pz = io[2]!;
  const qx = P[q << 2]!;
  const qy = P[(q << 2) | 1]!;
  if (qx <= px && qy <= py && (qx < px || qy < py)) return false;
  if (px <= qx && py <= qy) {
    const a = L[(q << 3) | 1]!;
    const b = L[q << 3]!;
    L[a << 3] = b;
    L[(b << 3) | 1] = a;
  } else if (px < qx) {
    // here py > qy: p may be the lowest point left of q
    const c = L[(q << 3) | 2]!;
    const cy = P[(c << 2) | 1]!;
    if (py < cy || (py === cy && (px < P[c << 2]! || (px === P[c << 2]! && pz < P[(c << 2) | 2]!))))
      L[(q << 3) | 2] = p;
  } else if (py < qy) {
    // here px > qx: p may be the leftmost point below q
    const c = L[(q << 3) | 3]!;
    const cx = P[c << 2]!;
    if (
      px < cx ||
      (px === cx && (py < P[(c << 2) | 1]! || (py === P[(c << 2) | 1]! && pz < P[(c << 2) | 2]!)))
    )
      L[(q << 3) | 3] = p;
  }
  return true;
}
