/**
 * Rearranges a[lo..hi] (inclusive) so that a[k] holds the value it would have if sorted, smaller
 * or equal values before it and larger or equal after it; returns a[k]. Hoare's selection with a
 * median-of-three pivot: O(n) expected; after 2·log2(n) rounds without convergence (adversarial
 * input) it sorts the remaining range, so O(n log n) at worst. NaN-free input assumed.
 */
export function quickselectFloat64(a: Float64Array, k: number, lo: number, hi: number): number {
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 2));
  while (hi > lo) {
    if (budget-- <= 0) {
      a.subarray(lo, hi + 1).sort();
      return a[k]!;
    }
    const pivot = medianOfThree(a[lo]!, a[(lo + hi) >>> 1]!, a[hi]!);
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

function medianOfThree(x: number, y: number, z: number): number {
  if (x > y) {
    const t = x;
    x = y;
    y = t;
  }
  if (y > z) y = Math.max(z, x);
  return y;
}
