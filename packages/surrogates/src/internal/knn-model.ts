import type { Matrix } from '@paretokit/problem';
import { bruteNeighbours } from './brute-neighbours.js';
import { allFinite } from './check-data.js';
import { columnScaling } from './column-scaling.js';
import { buildKdTree, type KdTree } from './kd-tree.js';
import { KdTreeSearch } from './kd-tree-search.js';
import { KD_TREE_AFTER_QUERIES, KD_TREE_LEAF_SIZE, prefersKdTree } from './prefers-kd-tree.js';
import { scanNeighbours } from './scan-neighbours.js';

/** A fitted KNN regression: the standardized training rows, their targets and the search index. */
export interface KnnModel {
  readonly k: number;
  readonly rows: number;
  readonly cols: number;
  /** Training rows after `(x - shift) · scale`, row-major. */
  readonly train: Float64Array;
  readonly target: Float64Array;
  readonly shift: Float64Array;
  readonly scale: Float64Array;
  /** Built by the query that passes {@link KD_TREE_AFTER_QUERIES}, so that fit stays O(n·d). */
  tree: KdTree | undefined;
  /** False when the model scans: too many columns, too few rows, or training values not finite. */
  treeWanted: boolean;
  /** Query rows answered so far. */
  queried: number;
}

/** Stores checked training data for {@link predictKnn}, standardized when asked. O(n·d). */
export function fitKnn(X: Matrix, y: Float64Array, k: number, standardize: boolean): KnnModel {
  const { rows, cols, data } = X;
  const { shift, scale } = columnScaling(X, standardize);
  const train = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) train[i * cols + j] = (data[i * cols + j]! - shift[j]!) * scale[j]!;
  }
  const treeWanted = prefersKdTree(rows, cols, k);
  return { k, rows, cols, train, target: y.slice(), shift, scale, tree: undefined, treeWanted, queried: 0 };
}

/**
 * The (optionally distance-weighted) mean target of the k nearest training rows of each row of
 * X, found with the k-d tree or by a scan; both give the neighbours of the reference scan in the
 * same order. A row neither can answer (not finite, or fewer than k rows at a finite distance)
 * goes to the reference scan itself, which starts from the previous row's neighbours, as it always
 * did. About O(m·(log n + k)) for m rows on the tree with well-spread data; O(m·n·(d + k)) by
 * scanning.
 */
export function predictKnn(model: KnnModel, X: Matrix, weights: 'uniform' | 'distance'): Float64Array {
  const { k, rows, cols, train, target } = model;
  const { distance, index, queries } = findNeighbours(model, X);
  const out = new Float64Array(X.rows);
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  for (let q = 0; q < X.rows; q++) {
    if (distance[q * k + k - 1]! < Number.POSITIVE_INFINITY) {
      for (let p = 0; p < k; p++) {
        bestD[p] = distance[q * k + p]!;
        bestI[p] = index[q * k + p]!;
      }
    } else bruteNeighbours(train, rows, cols, queries.subarray(q * cols, q * cols + cols), bestD, bestI);
    out[q] = weights === 'uniform' ? uniformMean(bestI, target) : distanceMean(bestD, bestI, target);
  }
  return out;
}

/**
 * The k nearest training rows of each finite row of X (standardized as the training rows):
 * squared distances and indices, k per row, the k-th left at +∞ for rows not answered.
 * Builds the k-d tree when it is wanted and due. O(m·(log n + k)) to O(m·n·(d + k)).
 */
function findNeighbours(
  model: KnnModel,
  X: Matrix,
): { distance: Float64Array; index: Int32Array; queries: Float64Array } {
  const { k, rows, cols, train } = model;
  const { queries, usable } = scaleQueries(X, model.shift, model.scale);
  model.queried += X.rows;
  if (model.treeWanted && model.tree === undefined && model.queried >= KD_TREE_AFTER_QUERIES) {
    model.treeWanted = allFinite(train);
    if (model.treeWanted) model.tree = buildKdTree(train, rows, cols, KD_TREE_LEAF_SIZE);
  }
  const distance = new Float64Array(X.rows * k).fill(Number.POSITIVE_INFINITY);
  const index = new Int32Array(X.rows * k);
  if (model.tree === undefined) scanNeighbours(train, rows, cols, queries, usable, k, distance, index);
  else {
    const search = new KdTreeSearch(model.tree, k);
    for (let q = 0; q < X.rows; q++) {
      if (usable[q] === 1) search.search(queries, q * cols, distance, index, q * k);
    }
  }
  return { distance, index, queries };
}

/**
 * The rows of X standardized with `shift` and `scale`, row-major, and per row 1 when all its
 * scaled values are finite, else 0. O(rows · cols).
 */
function scaleQueries(
  X: Matrix,
  shift: Float64Array,
  scale: Float64Array,
): { queries: Float64Array; usable: Uint8Array } {
  const { rows, cols, data } = X;
  const queries = new Float64Array(rows * cols);
  const usable = new Uint8Array(rows);
  for (let q = 0; q < rows; q++) {
    let finite = true;
    for (let j = 0; j < cols; j++) {
      const v = (data[q * cols + j]! - shift[j]!) * scale[j]!;
      queries[q * cols + j] = v;
      if (!Number.isFinite(v)) finite = false;
    }
    usable[q] = finite ? 1 : 0;
  }
  return { queries, usable };
}

/** The plain mean of the targets of `index`. O(k). */
function uniformMean(index: Int32Array, target: Float64Array): number {
  let sum = 0;
  for (let p = 0; p < index.length; p++) sum += target[index[p]!]!;
  return sum / index.length;
}

/** The 1/d-weighted mean of the targets of `index`; exact matches (distance 0) take all the weight. O(k). */
function distanceMean(squared: Float64Array, index: Int32Array, target: Float64Array): number {
  // Exact matches (distance 0) take all the weight, as in scikit-learn.
  if (squared[0] === 0) {
    let sum = 0;
    let count = 0;
    for (let p = 0; p < index.length && squared[p] === 0; p++, count++) sum += target[index[p]!]!;
    return sum / count;
  }
  let sum = 0;
  let weight = 0;
  for (let p = 0; p < index.length; p++) {
    const w = 1 / Math.sqrt(squared[p]!);
    sum += w * target[index[p]!]!;
    weight += w;
  }
  return sum / weight;
}
