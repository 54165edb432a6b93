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

/** The IEEE-754 bits of a float32, as an unsigned integer. */
export function float32Bits(x: number): number {
  return new Uint32Array(Float32Array.of(x).buffer)[0]!;
}

/**
 * The k-th smallest |values[i]| (0-based), without changing `values`. For large inputs a sorted
 * strided sample of about 2·sqrt(n) entries brackets the answer (Floyd and Rivest's idea), one pass
 * gathers the entries inside the bracket into `scratch`, and quickselect finishes on those few;
 * if the bracket misses (unlucky sample), it falls back to quickselect on all |values|.
 * O(n) expected with about two passes over the data. `scratch` needs n entries; `values` must
 * start at a 4-byte-aligned offset.
 */
export function kthSmallestAbs(values: Float32Array, k: number, scratch: Float32Array): number {
  const n = values.length;
  if (n >= 4096) {
    const size = Math.ceil(2 * Math.sqrt(n));
    const step = n / size;
    const sample = new Float32Array(size);
    for (let s = 0; s < size; s++) sample[s] = Math.abs(values[Math.floor(s * step)]!);
    sample.sort();
    const at = (k / n) * size;
    const margin = 2 * Math.sqrt(size);
    const lo = float32Bits(sample[Math.max(0, Math.floor(at - margin))]!);
    const hi = float32Bits(sample[Math.min(size - 1, Math.ceil(at + margin))]!);
    // Positive floats order like their bit patterns, so |x| compares as (bits & 0x7fffffff), and
    // the sign of a difference of two such integers is a branch-free comparison: about half of
    // the entries fall on either side, and a branch there would be mispredicted half the time.
    const bits = new Uint32Array(values.buffer, values.byteOffset, n);
    const out = new Uint32Array(scratch.buffer, scratch.byteOffset, n);
    let below = 0;
    let inside = 0;
    for (let i = 0; i < n; i++) {
      const a = bits[i]! & 0x7fffffff;
      const isBelow = (a - lo) >>> 31;
      const isAbove = (hi - a) >>> 31;
      below += isBelow;
      out[inside] = a;
      inside += 1 - isBelow - isAbove;
    }
    if (k >= below && k < below + inside) return quickselect(scratch.subarray(0, inside), k - below);
  }
  for (let i = 0; i < n; i++) scratch[i] = Math.abs(values[i]!);
  return quickselect(scratch.subarray(0, n), k);
}
