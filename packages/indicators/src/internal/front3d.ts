import { relink, sweepPast } from './front3d-steps.js';

/**
 * A set of mutually non-dominated 3-D points (minimization, below a reference point) that
 * answers "how much volume does this new point add?" in O(size) and then absorbs the point: the
 * data structure of HV4D+ (A. P. Guerreiro & C. M. Fonseca, "Computing and updating hypervolume
 * contributions in up to four dimensions", IEEE TEC 22(3), 2018). Written from the paper's
 * description; the layout (struct-of-typed-arrays, integer links) is ours.
 *
 * The points are kept in a linked list sorted by (z, y, x). Every point `q` also remembers its
 * two neighbours in the 2-D staircase (x, y) of the points before it in that list: `leftOf[q]`,
 * the lowest point with smaller x, and `rightOf[q]`, the leftmost point with smaller y. With them,
 * the staircase at any height z is rebuilt by one walk up the list, each point being spliced in
 * between its two neighbours in O(1) (the points it hides are skipped, not deleted). A new point
 * p is then handled in three walks of the list, each O(size), hence O(n^2) for n points:
 *
 * 1. rebuild the staircase below p and find p's place in the list, or a point that weakly
 *    dominates p (p adds nothing); p's neighbours are then read off the staircase. The staircase
 *    left by the previous addition (every point up to where its sweep stopped, itself included)
 *    is resumed when p lies above it, else rebuilt from the bottom: for points in no order in z
 *    this walks a third of the list on average instead of half (measured 4-D hypervolume of
 *    1,000 to 100,000 points 13-28 % faster);
 * 2. sweep up from p in z: p's exposed area starts as its box minus the staircase, and every
 *    later point q covers the part of it between q's own staircase neighbours; the volume is the
 *    area integrated over z until a point covers p's whole box (or z reaches the reference);
 * 3. insert p, delete the points it dominates, and make p the remembered neighbour of later
 *    points where it is closer than their current one.
 *
 * Two cheaper additions serve the common case of `contribution4d`, where many points
 * arrive in ascending z: {@link addAtFloor} (all at the lowest height, in any order: a 2-D
 * staircase insertion) and {@link addOnTopFromIo} (above every point so far: the staircase is kept
 * alive instead of rebuilt, so only the walk to the new point's place is paid).
 *
 * Indices into P and L are written `(q << 2) | k` and `(q << 3) | k` rather than `4 * q + k`:
 * V8 checks every integer multiplication and addition for overflow, shifts and ors never
 * overflow (measured: 4-D hypervolume 10 % faster, 5-D 5 %; node numbers stay far below 2^28).
 *
 * Nodes 0..capacity-1 hold points in insertion order; three sentinels follow: `SA` (x = -inf,
 * y = ref y) closes the staircase on the left, `SB` (x = ref x, y = -inf) on the right, and
 * `SE` (x = y = -inf, z = ref z) ends the list and stops every upward sweep.
 */
export class Front3d {
  /** x, y, z of node q at P[4q], P[4q + 1], P[4q + 2]: one cache line holds two nodes. */
  private readonly P: Float64Array;
  /**
   * Links of node q at L[8q + 0..5]: next and prev in the (z, y, x) list, the remembered
   * staircase neighbours leftOf and rightOf (see the class comment), and the staircase being
   * rebuilt, stairLeft (higher y; kept only while `live`) and stairRight (lower y). Interleaved
   * so that visiting a node touches one cache line of links instead of six arrays.
   */
  private readonly L: Int32Array;
  private readonly SA: number;
  private readonly SB: number;
  private readonly SE: number;
  private count = 0;
  /** Argument and result passing for {@link addFromIo}. */
  readonly io = new Float64Array(4);
  /** The last point found to dominate a new one: often it dominates the next one too. */
  private lastDominator = 0;
  /** True while the staircase links describe the whole set (only floor and on-top additions). */
  private live = true;
  /**
   * The last list node whose point is on the staircase links (stairRight) kept by the general
   * addition, with every node before it: the next addition resumes there when it lies above.
   */
  private stairTop = 0;
  /** Highest z in the set, for {@link addOnTopFromIo}. */
  private topZ = Number.NEGATIVE_INFINITY;

  constructor(capacity: number) {
    const size = capacity + 3;
    this.P = new Float64Array(4 * size);
    this.L = new Int32Array(8 * size);
    this.SA = capacity;
    this.SB = capacity + 1;
    this.SE = capacity + 2;
  }

  /** Empties the set and sets the reference point. O(1). */
  reset(rx: number, ry: number, rz: number): void {
    const { P, L, SA, SB, SE } = this;
    P[SA << 2] = Number.NEGATIVE_INFINITY;
    P[(SA << 2) | 1] = ry;
    P[(SA << 2) | 2] = Number.NEGATIVE_INFINITY;
    P[SB << 2] = rx;
    P[(SB << 2) | 1] = Number.NEGATIVE_INFINITY;
    P[(SB << 2) | 2] = Number.NEGATIVE_INFINITY;
    P[SE << 2] = Number.NEGATIVE_INFINITY;
    P[(SE << 2) | 1] = Number.NEGATIVE_INFINITY;
    P[(SE << 2) | 2] = rz;
    L[SA << 3] = SB;
    L[(SB << 3) | 1] = SA;
    L[SB << 3] = SE;
    L[(SE << 3) | 1] = SB;
    L[SE << 3] = SE;
    this.count = 0;
    this.lastDominator = SE;
    L[(SA << 3) | 5] = SB;
    L[(SB << 3) | 4] = SA;
    this.live = true;
    this.stairTop = SB;
    this.topZ = Number.NEGATIVE_INFINITY;
  }

  /**
   * Adds a point at the floor height (given later to {@link closeFloor}), before any other kind
   * of addition: only the 2-D staircase is kept, in O(staircase) per point, in any order.
   */
  addAtFloor(px: number, py: number): void {
    const { P, L, SA, SB } = this;
    let t = SA;
    let s = L[(SA << 3) | 5]!;
    while (P[s << 2]! < px) {
      t = s;
      s = L[(s << 3) | 5]!;
    }
    if (P[(t << 2) | 1]! <= py || (P[s << 2]! === px && P[(s << 2) | 1]! <= py)) return; // weakly dominated
    while (s !== SB && P[(s << 2) | 1]! >= py) s = L[(s << 3) | 5]!; // the points p dominates drop out
    const p = this.count++;
    P[p << 2] = px;
    P[(p << 2) | 1] = py;
    L[(p << 3) | 4] = t;
    L[(p << 3) | 5] = s;
    L[(t << 3) | 5] = p;
    L[(s << 3) | 4] = p;
  }

  /**
   * Puts the floor points at height z0 = `io[0]` and writes the volume they dominate to `io[3]`
   * (through `io` rather than as argument and result, see {@link addFromIo}). The staircase read
   * right to left is their (z, y, x) order; each one's remembered neighbours are SA on the left
   * and its right neighbour on the staircase. O(staircase).
   */
  closeFloor(): void {
    const { P, L, SA, SB, SE, io } = this;
    const z0 = io[0]!;
    const ry = P[(SA << 2) | 1]!;
    let area = 0;
    let last = SB;
    for (let s = L[(SB << 3) | 4]!; s !== SA; s = L[(s << 3) | 4]!) {
      const right = L[(s << 3) | 5]!;
      area += (P[right << 2]! - P[s << 2]!) * (ry - P[(s << 2) | 1]!);
      P[(s << 2) | 2] = z0;
      L[(s << 3) | 2] = SA;
      L[(s << 3) | 3] = right;
      L[last << 3] = s;
      L[(s << 3) | 1] = last;
      last = s;
    }
    L[last << 3] = SE;
    L[(SE << 3) | 1] = last;
    this.topZ = z0;
    io[3] = area * (P[(SE << 2) | 2]! - z0);
  }

  /**
   * {@link addFromIo} for a point above every point of the set (pz greater than all their z):
   * walks the live staircase only, O(staircase), instead of rebuilding it. Point in `io[0..2]`,
   * the volume it adds written to `io[3]`. Its staircase walk, open-area loop and node insertion
   * repeat addBody's on purpose: shared as small methods they cost 5-20 % of the 4-D and 5-D
   * hypervolume (measured; V8 stops inlining them into addBody).
   */
  addOnTopFromIo(): void {
    const { P, L, SA, SB, SE, io } = this;
    const px = io[0]!;
    const py = io[1]!;
    const pz = io[2]!;
    if (!this.live || !(pz > this.topZ)) {
      this.addBody();
      return;
    }
    let t = SA;
    let s = L[(SA << 3) | 5]!;
    while (P[s << 2]! < px) {
      t = s;
      s = L[(s << 3) | 5]!;
    }
    let h = P[(t << 2) | 1]!;
    if (h <= py || (P[s << 2]! === px && P[(s << 2) | 1]! <= py)) {
      io[3] = 0;
      return;
    }
    let area = 0;
    let cur = px;
    while (s !== SB && P[(s << 2) | 1]! >= py) {
      const sx = P[s << 2]!;
      area += (sx - cur) * (h - py);
      cur = sx;
      h = P[(s << 2) | 1]!;
      s = L[(s << 3) | 5]!;
    }
    area += (P[s << 2]! - cur) * (h - py);
    const p = this.count++;
    P[p << 2] = px;
    P[(p << 2) | 1] = py;
    P[(p << 2) | 2] = pz;
    L[(p << 3) | 2] = t;
    L[(p << 3) | 3] = s;
    L[(p << 3) | 4] = t;
    L[(p << 3) | 5] = s;
    L[(t << 3) | 5] = p;
    L[(s << 3) | 4] = p;
    const before = L[(SE << 3) | 1]!;
    L[before << 3] = p;
    L[(p << 3) | 1] = before;
    L[p << 3] = SE;
    L[(SE << 3) | 1] = p;
    this.topZ = pz;
    io[3] = area * (P[(SE << 2) | 2]! - pz);
  }

  /**
   * Adds the point (px, py, pz), which must strictly dominate the reference point, and returns
   * the volume it adds to the set (0 if a point of the set weakly dominates it). O(size).
   */
  add(px: number, py: number, pz: number): number {
    const io = this.io;
    io[0] = px;
    io[1] = py;
    io[2] = pz;
    this.addFromIo();
    return io[3]!;
  }

  /**
   * {@link add} with the point in `io[0..2]` and the volume it adds written to `io[3]`: doubles
   * passed to or returned from a call V8 does not inline are boxed, one heap number each, and this
   * method is too large to inline; the hot loops call it this way and allocate nothing.
   */
  addFromIo(): void {
    this.addBody();
  }

  /** The body of {@link add}: reads the point from `io[0..2]`, writes the volume to `io[3]`. */
  private addBody(): void {
    const { P, L, SA, SE, io } = this;
    const px = io[0]!;
    const py = io[1]!;
    const pz = io[2]!;
    // A point deleted since it was cached is dominated by one still in the set, so the test stays valid.
    const c = this.lastDominator;
    if (P[c << 2]! <= px && P[(c << 2) | 1]! <= py && P[(c << 2) | 2]! <= pz) {
      io[3] = 0;
      return;
    }

    // 1. Bring the staircase up to the points below p in (z, y, x) order; find p's neighbours.
    // Only the rightward links (stairRight) are kept from here on: nothing reads the leftward
    // ones once `live` is false, and skipping them spares a store to a third node per step.
    let q = this.resumeStaircase(px, py, pz);
    this.live = false;
    for (;;) {
      const qz = P[(q << 2) | 2]!;
      if (qz > pz) break;
      const qx = P[q << 2]!;
      const qy = P[(q << 2) | 1]!;
      if (qx <= px && qy <= py) {
        this.lastDominator = q;
        this.stairTop = L[(q << 3) | 1]!;
        io[3] = 0;
        return;
      }
      if (qz === pz && (qy > py || (qy === py && qx > px))) break;
      L[(q << 3) | 5] = L[(q << 3) | 3]!;
      L[(L[(q << 3) | 2]! << 3) | 5] = q;
      q = L[q << 3]!;
    }
    const after = q;
    // p's neighbours on the staircase: the last point with x < px (lowest y among those), then,
    // past the points inside p's box, the first with y < py (leftmost among those). A point of
    // the staircase resumed from an earlier call may weakly dominate p: then p adds nothing.
    let bestL = SA;
    let s0 = L[(SA << 3) | 5]!;
    while (P[s0 << 2]! < px) {
      bestL = s0;
      s0 = L[(s0 << 3) | 5]!;
    }
    if (P[(bestL << 2) | 1]! <= py || (P[s0 << 2]! === px && P[(s0 << 2) | 1]! <= py)) {
      this.lastDominator = P[(bestL << 2) | 1]! <= py ? bestL : s0;
      this.stairTop = L[(after << 3) | 1]!;
      io[3] = 0;
      return;
    }

    // 2. Area of p's box not covered at height pz: the staircase between bestL and bestR
    // (the points inside p's box) cuts steps into it.
    let area = 0;
    let bestR = s0;
    {
      let cur = px;
      let h = P[(bestL << 2) | 1]!;
      while (P[(bestR << 2) | 1]! >= py) {
        const sx = P[bestR << 2]!;
        area += (sx - cur) * (h - py);
        cur = sx;
        h = P[(bestR << 2) | 1]!;
        bestR = L[(bestR << 3) | 5]!;
      }
      area += (P[bestR << 2]! - cur) * (h - py);
    }
    // 3. Insert p before `after`; then one walk up from p does both the volume sweep and the
    // relinking of the later points (each point's neighbours are read before they are updated).
    const p = this.count++;
    P[p << 2] = px;
    P[(p << 2) | 1] = py;
    P[(p << 2) | 2] = pz;
    L[(p << 3) | 2] = bestL;
    L[(p << 3) | 3] = bestR;
    const before = L[(after << 3) | 1]!;
    L[before << 3] = p;
    L[(p << 3) | 1] = before;
    L[p << 3] = after;
    L[(after << 3) | 1] = p;
    let volume = 0;
    let lastZ = pz;
    q = after;
    for (;;) {
      const sx = P[q << 2]!;
      const sy = P[(q << 2) | 1]!;
      volume += area * (P[(q << 2) | 2]! - lastZ);
      if (sx <= px && sy <= py) break; // q covers all of p's box (SE always does)
      lastZ = P[(q << 2) | 2]!;
      area -= sweepPast(P, L, q, px, py);
      relink(P, L, io, q, p);
      q = L[q << 3]!;
    }
    // The staircase now holds every point before q but p, which none of them covers: splice p in,
    // so that the next call can resume from there.
    this.stairTop = L[(q << 3) | 1]!;
    this.spliceIntoStaircase(p, px, py);
    // Past a point that covers p's box, only the copies of p's (x, y) remain to be dropped.
    while (q !== SE && relink(P, L, io, q, p)) q = L[q << 3]!;
    io[3] = volume;
  }

  /**
   * Where step 1 of {@link add} starts for the point (px, py, pz): the node after `stairTop`, when
   * the staircase of the points up to `stairTop` (kept from the last call, or the whole set while
   * `live`) lies below the point in (z, y, x) order; otherwise an empty staircase and the first
   * node. Points arriving in no order in z resume a third of the way on average instead of at
   * the bottom.
   */
  private resumeStaircase(px: number, py: number, pz: number): number {
    const { P, L, SA, SB, SE } = this;
    const t = this.live ? L[(SE << 3) | 1]! : this.stairTop;
    const tz = P[(t << 2) | 2]!;
    const ty = P[(t << 2) | 1]!;
    if (tz < pz || (tz === pz && (ty < py || (ty === py && P[t << 2]! <= px)))) return L[t << 3]!;
    L[(SA << 3) | 5] = SB;
    return L[SB << 3]!;
  }

  /** Puts p = (px, py) on the staircase in place of the points it weakly dominates in (x, y). */
  private spliceIntoStaircase(p: number, px: number, py: number): void {
    const { P, L, SA, SB } = this;
    let t = SA;
    let s = L[(SA << 3) | 5]!;
    while (P[s << 2]! < px) {
      t = s;
      s = L[(s << 3) | 5]!;
    }
    while (s !== SB && P[(s << 2) | 1]! >= py) s = L[(s << 3) | 5]!;
    L[(t << 3) | 5] = p;
    L[(p << 3) | 5] = s;
  }
}
