import { offerNeighbour } from './offer-neighbour.js';
import { squaredDistances } from './squared-distances.js';

/** Training rows per block of the scan: a block stays in cache while every query of a group reads it. */
const ROW_BLOCK_VALUES = 4096;
/** Queries that share each block of training rows. */
const QUERY_GROUP = 16;

/**
 * The k nearest of `rows` training rows (row-major `train`, `cols` columns) to each query `q`
 * with `usable[q]` (row-major `queries`), by computing every distance: into
 * `distance[q·k .. q·k + k)` (squared, ascending) and `index[q·k ..]`, left at +∞ / -1 where
 * fewer than k rows are at a finite distance and for the other queries. Queries go in groups that
 * read the training rows block by block, rows in index order, so the result is that of the
 * reference scan. O(m · rows · (cols + k)) for m queries.
 */
export function scanNeighbours(
  train: Float64Array,
  rows: number,
  cols: number,
  queries: Float64Array,
  usable: Uint8Array,
  k: number,
  distance: Float64Array,
  index: Int32Array,
): void {
  const m = usable.length;
  const blockRows = Math.max(4, Math.floor(ROW_BLOCK_VALUES / cols));
  const block = new Float64Array(Math.min(blockRows, rows));
  distance.fill(Number.POSITIVE_INFINITY);
  index.fill(-1);
  for (let g = 0; g < m; g += QUERY_GROUP) {
    const groupEnd = Math.min(m, g + QUERY_GROUP);
    for (let first = 0; first < rows; first += blockRows) {
      const count = Math.min(blockRows, rows - first);
      for (let q = g; q < groupEnd; q++) {
        if (usable[q] === 0) continue;
        squaredDistances(train, first, count, cols, queries, q * cols, block);
        let worst = distance[q * k + k - 1]!;
        // Rows come in index order: one at the k-th distance comes after the k-th and stays out.
        for (let r = 0; r < count; r++) {
          if (block[r]! >= worst) continue;
          offerNeighbour(block[r]!, first + r, distance, index, q * k, k);
          worst = distance[q * k + k - 1]!;
        }
      }
    }
  }
}
