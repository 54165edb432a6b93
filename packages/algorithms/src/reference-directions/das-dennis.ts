import { InvalidArgumentError, type Matrix } from '@paretokit/problem';
import { checkPositiveInteger } from '../internal/check-options.js';

/** Largest lattice dasDennis builds (rows); beyond it the caller almost surely mistyped. */
const MAX_ROWS = 10_000_000;

/**
 * Number of Das-Dennis directions for `nObj` objectives and `partitions` divisions:
 * C(partitions + nObj - 1, nObj - 1). O(nObj).
 *
 * @example
 * dasDennisCount(3, 12) // => 91
 */
export function dasDennisCount(nObj: number, partitions: number): number {
  let count = 1;
  for (let k = 1; k < nObj; k++) count = (count * (partitions + k)) / k;
  return Math.round(count);
}

/**
 * The simplex-lattice reference directions of Das & Dennis (1998): every vector whose `nObj`
 * entries are multiples of 1/partitions summing to 1, in pymoo's order (first entry slowest
 * ascending). `partitions = 0` gives the centroid alone, as pymoo. O(C(H+M-1, M-1)·M).
 *
 * @example
 * toArrays(dasDennis(2, 2)) // => [[0, 1], [0.5, 0.5], [1, 0]]
 */
export function dasDennis(nObj: number, partitions: number): Matrix {
  checkPositiveInteger(nObj, 'dasDennis(nObj, partitions): nObj');
  checkPositiveInteger(partitions, 'dasDennis(nObj, partitions): partitions', 0);
  if (partitions === 0) return { rows: 1, cols: nObj, data: new Float64Array(nObj).fill(1 / nObj) };
  const rows = dasDennisCount(nObj, partitions);
  if (rows > MAX_ROWS) {
    throw new InvalidArgumentError({
      argument: 'dasDennis(nObj, partitions)',
      expected: `at most ${MAX_ROWS} directions`,
      actual: `${rows} directions for nObj = ${nObj}, partitions = ${partitions}`,
      hint: 'Use fewer partitions, or rieszEnergy(nObj, n, seed) for a set of any size.',
    });
  }
  const data = new Float64Array(rows * nObj);
  // counts[k] = lattice units given to objective k; enumerated like an odometer whose last digit
  // takes what is left, which reproduces pymoo's recursion order.
  const counts = new Int32Array(nObj);
  counts[nObj - 1] = partitions;
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < nObj; k++) data[r * nObj + k] = counts[k]! / partitions;
    // Advance: find the right-most position k < nObj - 1 that can take one more unit.
    let k = nObj - 2;
    while (k >= 0) {
      let used = 0;
      for (let t = 0; t <= k; t++) used += counts[t]!;
      if (used < partitions) break;
      counts[k] = 0;
      k--;
    }
    if (k < 0) break;
    counts[k]!++;
    let used = 0;
    for (let t = 0; t < nObj - 1; t++) used += counts[t]!;
    counts[nObj - 1] = partitions - used;
  }
  return { rows, cols: nObj, data };
}
