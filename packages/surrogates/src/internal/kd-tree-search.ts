import type { KdTree } from './kd-tree.js';
import { offerNeighbour } from './offer-neighbour.js';
import { squaredDistances } from './squared-distances.js';

/**
 * Exact k-nearest-neighbour queries on a {@link KdTree}, with the buffers of a query reused across
 * queries. The result is that of a scan of the rows in index order that keeps the k smallest
 * squared distances (equal distances: lower row index first): distances are summed as the scan
 * sums them, and a node is skipped only when the distance to its box exceeds the k-th distance.
 * Rounding is monotone, so that bound never exceeds the distance computed to a row in the box.
 */
export class KdTreeSearch {
  private readonly stackNode: Int32Array;
  private readonly stackBound: Float64Array;
  /** Squared distances to the rows of the leaf being scanned. */
  private readonly leaf: Float64Array;
  /** The box bounds of the two children computed last. */
  private leftBound = 0;
  private rightBound = 0;

  /** Buffers for searches of `k` neighbours in `tree`. O(depth + largest leaf). */
  constructor(
    private readonly tree: KdTree,
    private readonly k: number,
  ) {
    this.stackNode = new Int32Array(tree.levels + 1);
    this.stackBound = new Float64Array(tree.levels + 1);
    let largest = 0;
    for (let node = tree.firstLeaf; node < tree.start.length; node++) {
      largest = Math.max(largest, tree.end[node]! - tree.start[node]!);
    }
    this.leaf = new Float64Array(largest);
  }

  /**
   * The k nearest rows of the finite query at `queries[q ..]` into `distance[base .. base + k)`
   * (squared, ascending) and `index[base ..]`; entries left at +∞ when fewer than k rows are at a
   * finite distance. Nearer child first, depth first: about O(log n + k) per query on
   * well-spread low-dimensional data, O(n · dims) at worst.
   */
  search(queries: Float64Array, q: number, distance: Float64Array, index: Int32Array, base: number): void {
    const { tree, k, stackNode, stackBound } = this;
    const last = base + k - 1;
    distance.fill(Number.POSITIVE_INFINITY, base, base + k);
    index.fill(-1, base, base + k);
    stackNode[0] = 0;
    stackBound[0] = 0;
    let top = 1;
    while (top > 0) {
      top--;
      const node = stackNode[top]!;
      if (stackBound[top]! > distance[last]!) continue;
      if (node >= tree.firstLeaf) {
        this.scanLeaf(node, queries, q, distance, index, base);
        continue;
      }
      const left = 2 * node + 1;
      this.childBounds(left, queries, q);
      const { leftBound, rightBound } = this;
      // Push the far child first so that the near one is searched first.
      const nearIsLeft = leftBound <= rightBound;
      stackNode[top] = nearIsLeft ? left + 1 : left;
      stackBound[top] = nearIsLeft ? rightBound : leftBound;
      stackNode[top + 1] = nearIsLeft ? left : left + 1;
      stackBound[top + 1] = nearIsLeft ? leftBound : rightBound;
      top += 2;
    }
  }

  /**
   * The squared distances from the query to the boxes of siblings `left` and `left + 1`, summed
   * in column order, into {@link leftBound} and {@link rightBound}. O(dims).
   */
  private childBounds(left: number, queries: Float64Array, q: number): void {
    const { dims, lower, upper } = this.tree;
    const a = left * dims;
    const b = a + dims;
    let sumA = 0;
    let sumB = 0;
    for (let j = 0; j < dims; j++) {
      const x = queries[q + j]!;
      // Branch-free max(lo - x, x - hi, 0): (v + |v|) / 2 is max(v, 0) exactly, and at most one
      // of the two differences is positive.
      const belowA = lower[a + j]! - x;
      const aboveA = x - upper[a + j]!;
      const belowB = lower[b + j]! - x;
      const aboveB = x - upper[b + j]!;
      const diffA = (belowA + Math.abs(belowA) + (aboveA + Math.abs(aboveA))) * 0.5;
      const diffB = (belowB + Math.abs(belowB) + (aboveB + Math.abs(aboveB))) * 0.5;
      sumA += diffA * diffA;
      sumB += diffB * diffB;
    }
    this.leftBound = sumA;
    this.rightBound = sumB;
  }

  /** Offers every row of leaf `node` to the k best. O(rows of the leaf · (dims + k)). */
  private scanLeaf(
    node: number,
    queries: Float64Array,
    q: number,
    distance: Float64Array,
    index: Int32Array,
    base: number,
  ): void {
    const { dims, points, ids, start, end } = this.tree;
    const { k, leaf } = this;
    const from = start[node]!;
    const count = end[node]! - from;
    squaredDistances(points, from, count, dims, queries, q, leaf);
    let worst = distance[base + k - 1]!;
    for (let r = 0; r < count; r++) {
      if (leaf[r]! > worst) continue;
      offerNeighbour(leaf[r]!, ids[from + r]!, distance, index, base, k);
      worst = distance[base + k - 1]!;
    }
  }
}
