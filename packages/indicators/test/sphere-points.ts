/**
 * n points on the unit sphere's positive orthant in d dimensions: |Gaussian| vectors (Box-Muller
 * from `next`, uniform in [0, 1)) normalized to length 1. Shared by the tests and the moocore bench.
 */
export function spherePoints(n: number, d: number, next: () => number): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = 0; k < d; k++) {
      // 1 - next() is in (0, 1], so the log is finite.
      const g = Math.abs(Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()));
      out[i * d + k] = g;
      norm += g * g;
    }
    norm = Math.sqrt(norm);
    for (let k = 0; k < d; k++) out[i * d + k]! /= norm;
  }
  return out;
}
