/**
 * A set of 2-D staircases, one per key (a front or a rank): each holds points (y, z) none of which
 * weakly dominates another, sorted by y ascending (so z descending), and answers whether one of
 * them is no worse than a query point. Staircase k occupies ys/zs[start[k] .. start[k] + size[k])
 * of two shared pools and moves to the pools' end when full; {@link StaircasePool.clear} empties
 * every staircase for reuse.
 */
export class StaircasePool {
  ys: Float64Array;
  zs: Float64Array;
  used = 0;
  readonly start: Int32Array;
  readonly size: Int32Array;
  readonly capacity: Int32Array;
  /** Keys with a nonempty staircase, in order of first use. */
  readonly keys: Int32Array;
  keyCount = 0;

  /** Room for keys 0..maxKey and about `points` points before the pools grow. */
  constructor(maxKey: number, points: number) {
    this.ys = new Float64Array(4 * points + 64);
    this.zs = new Float64Array(4 * points + 64);
    this.start = new Int32Array(maxKey + 1);
    this.size = new Int32Array(maxKey + 1);
    this.capacity = new Int32Array(maxKey + 1);
    this.keys = new Int32Array(maxKey + 1);
  }

  /** Position of the last point of staircase k with y at most `y`, or start[k] - 1. O(log size). */
  floor(k: number, y: number): number {
    const { ys } = this;
    let lo = this.start[k]!;
    let hi = lo + this.size[k]!;
    while (hi - lo > 32) {
      const mid = (lo + hi) >>> 1;
      if (ys[mid]! <= y) lo = mid + 1;
      else hi = mid;
    }
    // Short ranges: a linear scan, whose branch is predictable, beats bisection.
    while (lo < hi && ys[lo]! <= y) lo++;
    return lo - 1;
  }

  /** Whether staircase k has a point no worse than (y, z) in both coordinates. O(log size). */
  covers(k: number, y: number, z: number): boolean {
    const j = this.floor(k, y);
    return j >= this.start[k]! && this.zs[j]! <= z;
  }

  /** Adds (y, z) to staircase k unless a point there is no worse. O(log size + moves). */
  add(k: number, y: number, z: number): void {
    const j = this.floor(k, y);
    if (j < this.start[k]! || this.zs[j]! > z) this.insert(k, y, z, j);
  }

  /**
   * Adds (y, z), which staircase k does not cover, removing the points it covers;
   * j = floor(k, y). O(moves).
   */
  insert(k: number, y: number, z: number, j: number): void {
    const first = this.start[k]!;
    const last = first + this.size[k]!;
    // A point with the same y has a larger z (it does not cover (y, z)): replaced.
    const at = j >= first && this.ys[j] === y ? j : j + 1;
    let end = at;
    while (end < last && this.zs[end]! >= z) end++;
    if (end === at && this.size[k] === this.capacity[k]) {
      this.relocate(k);
      this.insert(k, y, z, this.floor(k, y));
      return;
    }
    if (end !== at + 1) move(this.ys, this.zs, end, last, at + 1);
    this.ys[at] = y;
    this.zs[at] = z;
    this.size[k] = this.size[k]! + 1 - (end - at);
  }

  /** Moves staircase k to the end of the pools with twice its capacity (at least 8). */
  relocate(k: number): void {
    if (this.capacity[k] === 0) this.keys[this.keyCount++] = k;
    const capacity = Math.max(8, 2 * this.capacity[k]!);
    if (this.used + capacity > this.ys.length) {
      this.ys = grow(this.ys, 2 * (this.used + capacity));
      this.zs = grow(this.zs, 2 * (this.used + capacity));
    }
    const from = this.start[k]!;
    move(this.ys, this.zs, from, from + this.size[k]!, this.used);
    this.start[k] = this.used;
    this.capacity[k] = capacity;
    this.used += capacity;
  }

  /** Empties every staircase. O(keys used). */
  clear(): void {
    for (let i = 0; i < this.keyCount; i++) {
      const k = this.keys[i]!;
      this.start[k] = 0;
      this.size[k] = 0;
      this.capacity[k] = 0;
    }
    this.keyCount = 0;
    this.used = 0;
  }
}

/** Moves ys/zs[from..to) to start at `target` (copyWithin, without its call cost for short moves). */
function move(ys: Float64Array, zs: Float64Array, from: number, to: number, target: number): void {
  if (to - from > 32) {
    ys.copyWithin(target, from, to);
    zs.copyWithin(target, from, to);
  } else if (target < from) {
    for (let i = from; i < to; i++) {
      ys[target + i - from] = ys[i]!;
      zs[target + i - from] = zs[i]!;
    }
  } else {
    for (let i = to - 1; i >= from; i--) {
      ys[target + i - from] = ys[i]!;
      zs[target + i - from] = zs[i]!;
    }
  }
}

function grow(a: Float64Array, length: number): Float64Array {
  const b = new Float64Array(length);
  b.set(a);
  return b;
}
