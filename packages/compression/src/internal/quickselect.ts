/**
 * Rearranges `a[lo..hi]` so that `a[k]` holds the value it would have if sorted, smaller or equal
 * values before it, larger or equal after it; returns `a[k]`. Hoare's selection with a
 * median-of-three pivot: O(n) expected; after 2·log2(n) rounds without convergence (adversarial
 * input) it sorts the remaining range, so O(n log n) at worst. NaN-free input assumed.
 */
export function quickselect(a: Float32Array, k: number, lo = 0, hi = a.length - 1): number {
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 2));
  while (hi > lo) {
    if (budget-- <= 0) {
      a.subarray(lo, hi + 1).sort();
      return a[k]!;
    }
    const mid = (lo + hi) >>> 1;
    // Median of a[lo], a[mid], a[hi] as pivot.
    let x = a[lo]!;
    let y = a[mid]!;
    const z = a[hi]!;
    if (x > y) [x, y] = [y, x];
    if (y > z) {
      y = z;
      if (x > y) y = x;
    }
    const pivot = y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
