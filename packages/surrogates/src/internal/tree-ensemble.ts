import type { Matrix } from '@paretokit/problem';

/** How a node compares a feature with its threshold. */
export type SplitRule =
  /** `x <= threshold` goes left, in double precision (CART, LightGBM). */
  | 'le'
  /** `float32(x) < threshold` goes left, as XGBoost, which stores features as float32. */
  | 'lt-f32';

/** Missing-value handling of a node (LightGBM's decision_type bits; XGBoost uses 'nan'). */
export const MISSING_NONE = 0; // NaN is read as 0
export const MISSING_ZERO = 1; // 0 (|x| <= 1e-35) and NaN take the default side
export const MISSING_NAN = 2; // NaN takes the default side

/**
 * Binary regression trees stored in flat typed arrays. Node `p` of any tree is a leaf when
 * `feature[p] < 0`, and then `threshold[p]` holds its value; otherwise `left[p]`/`right[p]` are
 * global node indices. `roots[t]` is the root of tree t.
 */
export interface TreeEnsemble {
  readonly rule: SplitRule;
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** 1 when missing values go left. */
  readonly defaultLeft: Uint8Array;
  /** One of MISSING_NONE, MISSING_ZERO, MISSING_NAN per node. */
  readonly missing: Uint8Array;
  /** Number of input columns the trees were grown on. */
  readonly cols: number;
}

/** Builds a TreeEnsemble from per-tree node lists (children indices local to each tree). O(nodes). */
export function concatTrees(
  rule: SplitRule,
  cols: number,
  trees: readonly {
    feature: ArrayLike<number>;
    threshold: ArrayLike<number>;
    left: ArrayLike<number>;
    right: ArrayLike<number>;
    defaultLeft?: ArrayLike<number>;
    missing?: ArrayLike<number>;
  }[],
): TreeEnsemble {
  let total = 0;
  for (const t of trees) total += t.feature.length;
  const e = {
    rule,
    cols,
    roots: new Int32Array(trees.length),
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    defaultLeft: new Uint8Array(total),
    missing: new Uint8Array(total).fill(MISSING_NAN),
  };
  let offset = 0;
  trees.forEach((t, k) => {
    e.roots[k] = offset;
    for (let p = 0; p < t.feature.length; p++) {
      const q = offset + p;
      e.feature[q] = t.feature[p]!;
      e.threshold[q] = t.threshold[p]!;
      e.left[q] = offset + t.left[p]!;
      e.right[q] = offset + t.right[p]!;
      if (t.defaultLeft) e.defaultLeft[q] = t.defaultLeft[p]!;
      if (t.missing) e.missing[q] = t.missing[p]!;
    }
    offset += t.feature.length;
  });
  return e;
}

/** The leaf node row `row` of X reaches in the tree rooted at `p`. O(depth). */
function leafOf(e: TreeEnsemble, data: Float64Array, o: number, p: number): number {
  const { feature, threshold, left, right } = e;
  if (e.rule === 'lt-f32') {
    while (feature[p]! >= 0) {
      const x = Math.fround(data[o + feature[p]!]!);
      if (x < threshold[p]!) p = left[p]!;
      else if (x >= threshold[p]!) p = right[p]!;
      else p = e.defaultLeft[p] ? left[p]! : right[p]!; // NaN
    }
    return p;
  }
  while (feature[p]! >= 0) {
    let x = data[o + feature[p]!]!;
    const missing = e.missing[p]!;
    if (Number.isNaN(x) && missing !== MISSING_NAN) x = 0;
    if ((missing === MISSING_ZERO && Math.abs(x) <= 1e-35) || (missing === MISSING_NAN && Number.isNaN(x))) {
      p = e.defaultLeft[p] ? left[p]! : right[p]!;
    } else p = x <= threshold[p]! ? left[p]! : right[p]!;
  }
  return p;
}

/** True when no value of `data` is NaN. O(length). */
function allNumbers(data: Float64Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (Number.isNaN(data[i]!)) return false;
  return true;
}

/** True when some split node treats zero as missing (LightGBM's zero_as_missing). O(nodes). */
function zeroMissing(e: TreeEnsemble): boolean {
  for (let p = 0; p < e.missing.length; p++)
    if (e.missing[p] === MISSING_ZERO && e.feature[p]! >= 0) return true;
  return false;
}

/**
 * The common case with no missing-value rule in play (no NaN in X, no zero-as-missing node): one
 * comparison per node. For `lt-f32` ensembles `x` holds X rounded to float32 once, the same values
 * `Math.fround` gives node by node. Tree after tree, as {@link sumLeaves}. O(rows · trees · depth).
 */
function sumPlain(
  e: TreeEnsemble,
  x: Float64Array | Float32Array,
  cols: number,
  rows: number,
  out: Float64Array,
  float32: boolean,
): void {
  const { roots, feature, threshold, left, right } = e;
  const strict = e.rule === 'lt-f32';
  for (let t = 0; t < roots.length; t++) {
    const root = roots[t]!;
    for (let i = 0, o = 0; i < rows; i++, o += cols) {
      let p = root;
      for (let f = feature[p]!; f >= 0; f = feature[p]!) {
        const v = x[o + f]!;
        const th = threshold[p]!;
        p = (strict ? v < th : v <= th) ? left[p]! : right[p]!;
      }
      out[i] = float32 ? Math.fround(out[i]! + threshold[p]!) : out[i]! + threshold[p]!;
    }
  }
}

/**
 * Sums, per row of X, the leaf values of trees `from` .. `to - 1` into `out` (tree after tree,
 * so each tree's nodes stay in cache across rows). With `float32`, every partial sum is rounded
 * to float32, as XGBoost accumulates. O(rows · trees · depth).
 */
export function sumLeaves(e: TreeEnsemble, X: Matrix, out: Float64Array, float32 = false): Float64Array {
  const { data, cols, rows } = X;
  if (allNumbers(data, rows * cols) && (e.rule === 'lt-f32' || !zeroMissing(e))) {
    const x = e.rule === 'lt-f32' ? Float32Array.from(data.subarray(0, rows * cols)) : data;
    sumPlain(e, x, cols, rows, out, float32);
    return out;
  }
  const { roots, threshold } = e;
  for (let t = 0; t < roots.length; t++) {
    const root = roots[t]!;
    if (float32) {
      for (let i = 0; i < rows; i++) {
        out[i] = Math.fround(out[i]! + threshold[leafOf(e, data, i * cols, root)]!);
      }
    } else {
      for (let i = 0; i < rows; i++) out[i]! += threshold[leafOf(e, data, i * cols, root)]!;
    }
  }
  return out;
}
