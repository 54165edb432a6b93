/** Leaf size of the k-d trees of KNN regression (leaves of 12 to 24 rows): measured best at 10 columns. */
export const KD_TREE_LEAF_SIZE = 12;

/**
 * Query rows a KNN model answers by scanning before it builds its k-d tree: a build costs about
 * 30 to 50 scanned queries, so a model asked for a handful of rows never pays for one.
 */
export const KD_TREE_AFTER_QUERIES = 64;

/**
 * Whether KNN search among `rows` training rows of `cols` columns for `k` neighbours should use a
 * k-d tree rather than a scan of every row. The tree prunes less as columns grow: measured on
 * uniform and Gaussian data, a query on the tree costs as much as a scan at about
 * 2^(3.5 + 0.8·cols) rows (300 rows at 6 columns, 2,500 at 10, 45,000 at 15); the tree is
 * chosen from twice that, so that its build pays off within about a hundred queries. O(1).
 */
export function prefersKdTree(rows: number, cols: number, k: number): boolean {
  return rows >= Math.max(128, 2 ** (4.5 + 0.8 * cols)) && 4 * k <= rows;
}
