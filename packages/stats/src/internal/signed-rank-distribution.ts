/**
 * Null distribution of the Wilcoxon signed-rank statistic T⁺ for n untied, non-zero differences:
 * `pmf[t] = P(T⁺ = t)`, t = 0 … n(n + 1)/2. Each rank joins T⁺ with probability 1/2, so the pmf is
 * built by n convolutions; values stay exact dyadic fractions while the counts fit in 53 bits.
 * O(n³) time, O(n²) memory.
 */
export function signedRankPmf(n: number): Float64Array {
  const total = (n * (n + 1)) / 2;
  let pmf = new Float64Array(total + 1);
  pmf[0] = 1;
  for (let rank = 1, top = 0; rank <= n; rank++) {
    const next = new Float64Array(total + 1);
    for (let t = 0; t <= top; t++) {
      const half = pmf[t]! / 2;
      next[t]! += half;
      next[t + rank]! += half;
    }
    top += rank;
    pmf = next;
  }
  return pmf;
}

/** P(T <= k) for a pmf symmetric about its middle, summing the shorter tail. */
export function symmetricCdf(pmf: Float64Array, k: number): number {
  const top = pmf.length - 1;
  if (k < 0) return 0;
  if (k >= top) return 1;
  if (k <= top / 2) {
    let sum = 0;
    for (let t = 0; t <= k; t++) sum += pmf[t]!;
    return sum;
  }
  return 1 - symmetricCdf(pmf, top - k - 1); // P(T >= k + 1) = P(T <= top − k − 1)
}

/** P(T >= k) for a pmf symmetric about its middle. */
export function symmetricSf(pmf: Float64Array, k: number): number {
  return symmetricCdf(pmf, pmf.length - 1 - k);
}
