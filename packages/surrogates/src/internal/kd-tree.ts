// A balanced k-d tree over the rows of a flat row-major matrix, for exact k-nearest-neighbour
// search by squared Euclidean distance. Node i has children 2i + 1 and 2i + 2; all leaves sit on
// the last level; every node keeps the bounding box of its rows, which gives the lower bound that
// prunes the search.

/** A k-d tree built by {@link buildKdTree}. */
export interface KdTree {
  readonly dims: number;
  /** The rows reordered so that each node's rows are contiguous: row r is `points[r·dims ..]`. */
  readonly points: Float64Array;
  /** The original index of each reordered row. */
  readonly ids: Int32Array;
  /** Per node, its first and one-past-last reordered row. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Per node, the bounding box of its rows: column j spans `lower[node·dims + j]` .. `upper[..]`. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Nodes from this index on are leaves. */
  readonly firstLeaf: number;
  /** Number of levels (a single leaf has one). */
  readonly levels: number;
}

/**
 * Builds a k-d tree over `rows` rows of `dims` finite columns (row-major `data`): each node splits
 * its rows at the median of its widest column, down to leaves of `leafSize` to `2·leafSize` rows
 * (or one leaf when there are fewer). Level by level, the rows move between two buffers as they
 * are split, so every pass reads memory in order. O(rows · dims · log(rows / leafSize)).
 */
export function buildKdTree(data: Float64Array, rows: number, dims: number, leafSize: number): KdTree {
  const levels = rows > leafSize ? 1 + Math.floor(Math.log2((rows - 1) / leafSize)) : 1;
  const nodes = 2 ** levels - 1;
  const firstLeaf = 2 ** (levels - 1) - 1;
  const start = new Int32Array(nodes);
  const end = new Int32Array(nodes);
  const lower = new Float64Array(nodes * dims);
  const upper = new Float64Array(nodes * dims);
  const split = new MedianSplit(data, rows, dims);
  end[0] = rows;
  for (let node = 0; node < nodes; node++) {
    // Nodes 2^l - 1 .. 2^(l+1) - 2 form level l: its splits read the buffer the level above wrote.
    if (node > 0 && ((node + 1) & node) === 0) split.swap();
    const s = start[node]!;
    const e = end[node]!;
    const o = node * dims;
    boundingBox(split.points, dims, s, e, lower, upper, o);
    if (node >= firstLeaf) continue;
    let widest = 0;
    for (let j = 1; j < dims; j++) {
      if (upper[o + j]! - lower[o + j]! > upper[o + widest]! - lower[o + widest]!) widest = j;
    }
    const mid = s + ((e - s) >> 1);
    split.split(widest, s, e, mid);
    start[2 * node + 1] = s;
    end[2 * node + 1] = mid;
    start[2 * node + 2] = mid;
    end[2 * node + 2] = e;
  }
  return { dims, points: split.points, ids: split.ids, start, end, lower, upper, firstLeaf, levels };
}

/** Writes the column-wise min and max of rows s .. e - 1 of `points` at `lower`/`upper` from `o`. O((e - s) · dims). */
function boundingBox(
  points: Float64Array,
  dims: number,
  s: number,
  e: number,
  lower: Float64Array,
  upper: Float64Array,
  o: number,
): void {
  for (let j = 0; j < dims; j++) {
    let lo = points[s * dims + j]!;
    let hi = lo;
    for (let at = (s + 1) * dims + j, stop = e * dims; at < stop; at += dims) {
      const v = points[at]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    lower[o + j] = lo;
    upper[o + j] = hi;
  }
}

/**
 * The rows being split by {@link buildKdTree} (and their original indices): `points`/`ids` hold
 * the current level; each split writes its rows, reordered, to the other buffer.
 */
class MedianSplit {
  points: Float64Array;
  ids: Int32Array;
  private nextPoints: Float64Array;
  private nextIds: Int32Array;
  private readonly keys: Float64Array;
  private readonly from: Int32Array;

  /** Copies the `rows` rows of `data` (`dims` columns). O(rows · dims). */
  constructor(
    data: Float64Array,
    rows: number,
    private readonly dims: number,
  ) {
    this.points = data.slice(0, rows * dims);
    this.nextPoints = new Float64Array(rows * dims);
    this.ids = new Int32Array(rows);
    for (let i = 0; i < rows; i++) this.ids[i] = i;
    this.nextIds = new Int32Array(rows);
    this.keys = new Float64Array(rows);
    this.from = new Int32Array(rows);
  }

  /** Makes the rows written by the last level's splits current. O(1). */
  swap(): void {
    [this.points, this.nextPoints] = [this.nextPoints, this.points];
    [this.ids, this.nextIds] = [this.nextIds, this.ids];
  }

  /**
   * Writes rows s .. e - 1 to the other buffer so that row `mid` holds the median of column `dim`,
   * no row before it larger and none after it smaller. Expected O((e - s) · dims).
   */
  split(dim: number, s: number, e: number, mid: number): void {
    const { dims, keys, from, points, ids, nextPoints, nextIds } = this;
    for (let r = s; r < e; r++) {
      keys[r] = points[r * dims + dim]!;
      from[r] = r;
    }
    selectNth(keys, from, s, e - 1, mid);
    for (let r = s; r < e; r++) {
      const f = from[r]!;
      nextIds[r] = ids[f]!;
      for (let j = 0; j < dims; j++) nextPoints[r * dims + j] = points[f * dims + j]!;
    }
  }
}

/**
 * Reorders `keys[lo..hi]` (inclusive), and `tags` with them, so that position `nth` holds the nth
 * smallest key, none before it larger and none after it smaller (Hoare's selection with a
 * median-of-three pivot). Expected O(hi - lo).
 */
function selectNth(keys: Float64Array, tags: Int32Array, lo: number, hi: number, nth: number): void {
  while (hi > lo) {
    const a = keys[lo]!;
    const b = keys[(lo + hi) >> 1]!;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), keys[hi]!));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) {
        const key = keys[i]!;
        keys[i] = keys[j]!;
        keys[j] = key;
        const tag = tags[i]!;
        tags[i] = tags[j]!;
        tags[j] = tag;
        i++;
        j--;
      }
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return;
  }
}
