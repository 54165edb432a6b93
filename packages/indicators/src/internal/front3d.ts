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
 *    dominates p (p adds nothing); p's neighbours are then read off the staircase;
 * 2. sweep up from p in z: p's exposed area starts as its box minus the staircase, and every
 *    later point q covers the part of it between q's own staircase neighbours; the volume is the
 *    area integrated over z until a point covers p's whole box (or z reaches the reference);
 * 3. insert p, delete the points it dominates, and make p the remembered neighbour of later
 *    points where it is closer than their current one.
 *
 * Two cheaper additions serve the common case of `contribution4d`, where many points
 * arrive in ascending z: {@link addAtFloor} (all at the lowest height, in any order: a 2-D
 * staircase insertion) and {@link addOnTop} (above every point so far: the staircase is kept
 * alive instead of rebuilt, so only the walk to the new point's place is paid).
 *
 * Nodes 0..capacity-1 hold points in insertion order; three sentinels follow: `SA` (x = -inf,
 * y = ref y) closes the staircase on the left, `SB` (x = ref x, y = -inf) on the right, and
 * `SE` (x = y = -inf, z = ref z) ends the list and stops every upward sweep.
 */
export class Front3d {
  private readonly X: Float64Array;
  private readonly Y: Float64Array;
  private readonly Z: Float64Array;
  /** The list in (z, y, x) order. */
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** Remembered staircase neighbours (see the class comment). */
  private readonly leftOf: Int32Array;
  private readonly rightOf: Int32Array;
  /** The staircase being rebuilt: links to the left (higher y) and to the right (lower y). */
  private readonly stairLeft: Int32Array;
  private readonly stairRight: Int32Array;
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
  /** Highest z in the set, for {@link addOnTop}. */
  private topZ = Number.NEGATIVE_INFINITY;

  constructor(capacity: number) {
    const size = capacity + 3;
    this.X = new Float64Array(size);
    this.Y = new Float64Array(size);
    this.Z = new Float64Array(size);
    this.next = new Int32Array(size);
    this.prev = new Int32Array(size);
    this.leftOf = new Int32Array(size);
    this.rightOf = new Int32Array(size);
    this.stairLeft = new Int32Array(size);
    this.stairRight = new Int32Array(size);
    this.SA = capacity;
    this.SB = capacity + 1;
    this.SE = capacity + 2;
  }

  /** Empties the set and sets the reference point. O(1). */
  reset(rx: number, ry: number, rz: number): void {
    const { X, Y, Z, next, prev, SA, SB, SE } = this;
    X[SA] = Number.NEGATIVE_INFINITY;
    Y[SA] = ry;
    Z[SA] = Number.NEGATIVE_INFINITY;
    X[SB] = rx;
    Y[SB] = Number.NEGATIVE_INFINITY;
    Z[SB] = Number.NEGATIVE_INFINITY;
    X[SE] = Number.NEGATIVE_INFINITY;
    Y[SE] = Number.NEGATIVE_INFINITY;
    Z[SE] = rz;
    next[SA] = SB;
    prev[SB] = SA;
    next[SB] = SE;
    prev[SE] = SB;
    next[SE] = SE;
    this.count = 0;
    this.lastDominator = SE;
    this.stairRight[SA] = SB;
    this.stairLeft[SB] = SA;
    this.live = true;
    this.topZ = Number.NEGATIVE_INFINITY;
  }

  /**
   * Adds a point at the floor height (given later to {@link closeFloor}), before any other kind
   * of addition: only the 2-D staircase is kept, in O(staircase) per point, in any order.
   */
  addAtFloor(px: number, py: number): void {
    const { X, Y, stairLeft, stairRight, SA, SB } = this;
    let t = SA;
    let s = stairRight[SA]!;
    while (X[s]! < px) {
      t = s;
      s = stairRight[s]!;
    }
    if (Y[t]! <= py || (X[s]! === px && Y[s]! <= py)) return; // weakly dominated
    while (s !== SB && Y[s]! >= py) s = stairRight[s]!; // the points p dominates drop out
    const p = this.count++;
    X[p] = px;
    Y[p] = py;
    stairLeft[p] = t;
    stairRight[p] = s;
    stairRight[t] = p;
    stairLeft[s] = p;
  }

  /**
   * Puts the floor points at height z0 = `io[0]` and writes the volume they dominate to `io[3]`
   * (through `io` rather than as argument and result, see {@link addFromIo}). The staircase read
   * right to left is their (z, y, x) order; each one's remembered neighbours are SA on the left
   * and its right neighbour on the staircase. O(staircase).
   */
  closeFloor(): void {
    const { X, Y, Z, next, prev, leftOf, rightOf, stairLeft, stairRight, SA, SB, SE, io } = this;
    const z0 = io[0]!;
    const ry = Y[SA]!;
    let area = 0;
    let last = SB;
    for (let s = stairLeft[SB]!; s !== SA; s = stairLeft[s]!) {
      const right = stairRight[s]!;
      area += (X[right]! - X[s]!) * (ry - Y[s]!);
      Z[s] = z0;
      leftOf[s] = SA;
      rightOf[s] = right;
      next[last] = s;
      prev[s] = last;
      last = s;
    }
    next[last] = SE;
    prev[SE] = last;
    this.topZ = z0;
    io[3] = area * (Z[SE]! - z0);
  }

  /**
   * Adds a point above every point of the set (pz greater than all their z) and returns the
   * volume it adds. Walks the live staircase only, O(staircase), instead of rebuilding it.
   */
  addOnTop(px: number, py: number, pz: number): number {
    if (!this.live || !(pz > this.topZ)) {
      this.live = false;
      return this.add(px, py, pz);
    }
    const { X, Y, Z, next, prev, leftOf, rightOf, stairLeft, stairRight, SA, SB, SE } = this;
    let t = SA;
    let s = stairRight[SA]!;
    while (X[s]! < px) {
      t = s;
      s = stairRight[s]!;
    }
    let h = Y[t]!;
    if (h <= py || (X[s]! === px && Y[s]! <= py)) return 0;
    let area = 0;
    let cur = px;
    while (s !== SB && Y[s]! >= py) {
      const sx = X[s]!;
      area += (sx - cur) * (h - py);
      cur = sx;
      h = Y[s]!;
      s = stairRight[s]!;
    }
    area += (X[s]! - cur) * (h - py);
    const p = this.count++;
    X[p] = px;
    Y[p] = py;
    Z[p] = pz;
    leftOf[p] = t;
    rightOf[p] = s;
    stairLeft[p] = t;
    stairRight[p] = s;
    stairRight[t] = p;
    stairLeft[s] = p;
    const before = prev[SE]!;
    next[before] = p;
    prev[p] = before;
    next[p] = SE;
    prev[SE] = p;
    this.topZ = pz;
    return area * (Z[SE]! - pz);
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
    const { X, Y, Z, next, prev, leftOf, rightOf, stairLeft, stairRight, SA, SB, SE, io } = this;
    const px = io[0]!;
    const py = io[1]!;
    const pz = io[2]!;
    // A point deleted since it was cached is dominated by one still in the set, so the test stays valid.
    this.live = false;
    const c = this.lastDominator;
    if (X[c]! <= px && Y[c]! <= py && Z[c]! <= pz) {
      io[3] = 0;
      return;
    }

    // 1. Rebuild the staircase of the points below p in (z, y, x) order; find p's neighbours.
    stairRight[SA] = SB;
    stairLeft[SB] = SA;
    let q = next[SB]!;
    for (;;) {
      const qz = Z[q]!;
      if (qz > pz) break;
      const qx = X[q]!;
      const qy = Y[q]!;
      if (qx <= px && qy <= py) {
        this.lastDominator = q;
        io[3] = 0;
        return;
      }
      if (qz === pz && (qy > py || (qy === py && qx > px))) break;
      const l = leftOf[q]!;
      const r = rightOf[q]!;
      stairLeft[q] = l;
      stairRight[q] = r;
      stairRight[l] = q;
      stairLeft[r] = q;
      q = next[q]!;
    }
    // p's neighbours on the staircase: the last point with x < px (lowest y among those), then,
    // past the points inside p's box, the first with y < py (leftmost among those).
    let bestL = SA;
    let s0 = stairRight[SA]!;
    while (X[s0]! < px) {
      bestL = s0;
      s0 = stairRight[s0]!;
    }
    const after = q;

    // 2. Area of p's box not covered at height pz: the staircase between bestL and bestR
    // (the points inside p's box) cuts steps into it.
    let area = 0;
    let bestR = s0;
    {
      let cur = px;
      let h = Y[bestL]!;
      while (Y[bestR]! >= py) {
        const sx = X[bestR]!;
        area += (sx - cur) * (h - py);
        cur = sx;
        h = Y[bestR]!;
        bestR = stairRight[bestR]!;
      }
      area += (X[bestR]! - cur) * (h - py);
    }
    // Sweep up: each later point s covers, inside p's box, the region above max(y_s, py) and right
    // of max(x_s, px) that the staircase (without p) leaves open between s's two neighbours.
    let volume = 0;
    let lastZ = pz;
    q = after;
    for (;;) {
      const sx = X[q]!;
      const sy = Y[q]!;
      volume += area * (Z[q]! - lastZ);
      if (sx <= px && sy <= py) break; // q covers all of p's box (SE always does)
      lastZ = Z[q]!;
      const l = leftOf[q]!;
      const r = rightOf[q]!;
      const a = Math.max(sx, px);
      const b = Math.max(sy, py);
      const rx = X[r]!;
      let h = Y[l]!;
      if (rx > a && h > b) {
        let t = stairRight[l]!;
        // Skip the steps left of a.
        while (t !== r && X[t]! <= a) {
          h = Y[t]!;
          t = stairRight[t]!;
        }
        let cur = a;
        while (h > b) {
          if (t === r) {
            area -= (rx - cur) * (h - b);
            break;
          }
          const tx = X[t]!;
          area -= (tx - cur) * (h - b);
          cur = tx;
          h = Y[t]!;
          t = stairRight[t]!;
        }
      }
      stairLeft[q] = l;
      stairRight[q] = r;
      stairRight[l] = q;
      stairLeft[r] = q;
      q = next[q]!;
    }

    // 3. Insert p before `after`, drop the points it dominates, update remembered neighbours.
    const p = this.count++;
    X[p] = px;
    Y[p] = py;
    Z[p] = pz;
    leftOf[p] = bestL;
    rightOf[p] = bestR;
    const before = prev[after]!;
    next[before] = p;
    prev[p] = before;
    next[p] = after;
    prev[after] = p;
    q = after;
    while (q !== SE) {
      const qx = X[q]!;
      const qy = Y[q]!;
      if (qx <= px && qy <= py && (qx < px || qy < py)) break; // q hides p from everything above
      if (px <= qx && py <= qy) {
        const a = prev[q]!;
        const b = next[q]!;
        next[a] = b;
        prev[b] = a;
      } else if (px < qx) {
        // here py > qy: p may be the lowest point left of q
        const c = leftOf[q]!;
        const cy = Y[c]!;
        if (py < cy || (py === cy && (px < X[c]! || (px === X[c]! && pz < Z[c]!)))) leftOf[q] = p;
      } else if (py < qy) {
        // here px > qx: p may be the leftmost point below q
        const c = rightOf[q]!;
        const cx = X[c]!;
        if (px < cx || (px === cx && (py < Y[c]! || (py === Y[c]! && pz < Z[c]!)))) rightOf[q] = p;
      }
      q = next[q]!;
    }
    io[3] = volume;
  }
}
