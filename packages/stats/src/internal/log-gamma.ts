// Lanczos approximation with g = 7 and 9 coefficients (as in Numerical Recipes 3rd ed. and
// the widely used table by P. Godfrey): relative error below 1e-15 for x >= 0.5. Below 0.5 the
// reflection formula is used.
const g = 7;
const coefficients = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const halfLogTwoPi = 0.9189385332046727; // ln(2π) / 2

/** ln Γ(x) for x > 0. O(1). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  // Stirling's series is more accurate than Lanczos for large x, where the sum below loses
  // digits to the large (x - 1/2) ln t - t terms.
  if (x >= 15) {
    const inv = 1 / x;
    const inv2 = inv * inv;
    const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
    return (x - 0.5) * Math.log(x) - x + halfLogTwoPi + series;
  }
  const y = x - 1;
  let sum = coefficients[0]!;
  for (let i = 1; i < coefficients.length; i++) sum += coefficients[i]! / (y + i);
  const t = y + g + 0.5;
  return halfLogTwoPi + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}
