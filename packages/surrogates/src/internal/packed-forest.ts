import type { Matrix } from '@paretokit/problem';
import type { GrownTree } from './grow-tree.js';

/** `feature` of a leaf: the sign bit marks it, the low bits read column 0. */
const LEAF = -2147483648;
/** Clears the leaf mark: the column a node reads. */
const COLUMN = 0x7fffffff;

/**
 * Regression trees in flat arrays laid out for batch prediction. Node p of any tree sends row x
 * to `left[p] + (x[feature[p]] <= threshold[p] ? 0 : 1)`: the right child always follows the left.
 * A leaf has `feature` LEAF, `left` p - 1 and threshold NaN, so the same step keeps a row on it
 * whatever x is; its prediction is `value[p]`.
 */
export interface PackedForest {
  /** Number of input columns the trees were grown on. */
  readonly cols: number;
  /** `roots[t]`: the root node of tree t. */
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly left: Int32Array;
  readonly threshold: Float64Array;
  readonly value: Float64Array;
}

/**
 * Packs trees grown by `growTree` (whose right child is always the node after the left) into one
 * {@link PackedForest}, tree after tree. O(nodes).
 */
export function packForest(cols: number, trees: readonly GrownTree[]): PackedForest {
  let total = 0;
  for (const t of trees) total += t.feature.length;
  const forest = {
    cols,
    roots: new Int32Array(trees.length),
    feature: new Int32Array(total),
    left: new Int32Array(total),
    threshold: new Float64Array(total),
    value: new Float64Array(total),
  };
  let offset = 0;
  trees.forEach((t, k) => {
    forest.roots[k] = offset;
    for (let p = 0; p < t.feature.length; p++) {
      const q = offset + p;
      if (t.feature[p]! < 0) {
        forest.feature[q] = LEAF;
        forest.left[q] = q - 1;
        forest.threshold[q] = Number.NaN;
        forest.value[q] = t.threshold[p]!;
      } else {
        if (t.right[p] !== t.left[p]! + 1)
          throw new Error('packForest: a right child must follow its sibling');
        forest.feature[q] = t.feature[p]!;
        forest.left[q] = offset + t.left[p]!;
        forest.threshold[q] = t.threshold[p]!;
      }
    }
    offset += t.feature.length;
  });
  return forest;
}

/**
 * The mean over the trees of the leaf values each row of X reaches (`x <= threshold` goes left;
 * NaN goes right). Tree after tree over the whole batch, each row's sum in tree order, so the
 * result does not depend on the batch. O(rows · trees · depth).
 */
export function predictForest(forest: PackedForest, X: Matrix): Float64Array {
  const out = new Float64Array(X.rows);
  const { roots } = forest;
  for (let t = 0; t < roots.length; t++) addTree(forest, roots[t]!, X, out);
  for (let i = 0; i < out.length; i++) out[i]! /= roots.length;
  return out;
}

/**
 * Adds to `out[i]` the leaf value row i of X reaches in the tree rooted at `root`. Rows go four at
 * a time, their paths stepped in lockstep: four independent chains of loads keep the memory system
 * busy, and a row that reached its leaf stays there until the other three have. O(rows · depth).
 */
function addTree(forest: PackedForest, root: number, X: Matrix, out: Float64Array): void {
  const { feature, left, threshold, value } = forest;
  const { rows, cols, data } = X;
  let i = 0;
  for (; i + 3 < rows; i += 4) {
    const o0 = i * cols;
    const o1 = o0 + cols;
    const o2 = o1 + cols;
    const o3 = o2 + cols;
    let p0 = root;
    let p1 = root;
    let p2 = root;
    let p3 = root;
    let f0 = feature[root]!;
    let f1 = f0;
    let f2 = f0;
    let f3 = f0;
    // The sign bit of f0 & f1 & f2 & f3 is set once all four rows are on leaves.
    while ((f0 & f1 & f2 & f3) >= 0) {
      p0 = left[p0]! + Number(!(data[o0 + (f0 & COLUMN)]! <= threshold[p0]!));
      p1 = left[p1]! + Number(!(data[o1 + (f1 & COLUMN)]! <= threshold[p1]!));
      p2 = left[p2]! + Number(!(data[o2 + (f2 & COLUMN)]! <= threshold[p2]!));
      p3 = left[p3]! + Number(!(data[o3 + (f3 & COLUMN)]! <= threshold[p3]!));
      f0 = feature[p0]!;
      f1 = feature[p1]!;
      f2 = feature[p2]!;
      f3 = feature[p3]!;
    }
    out[i]! += value[p0]!;
    out[i + 1]! += value[p1]!;
    out[i + 2]! += value[p2]!;
    out[i + 3]! += value[p3]!;
  }
  for (; i < rows; i++) {
    const o = i * cols;
    let p = root;
    for (let f = feature[p]!; f >= 0; f = feature[p]!)
      p = left[p]! + Number(!(data[o + f]! <= threshold[p]!));
    out[i]! += value[p]!;
  }
}
