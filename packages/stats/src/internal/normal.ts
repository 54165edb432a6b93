import { upperContinuedFraction } from './incomplete-gamma.js';

const sqrtPi = 1.772453850905516;
const inverseSqrtPi = 1 / sqrtPi;

/** e^{-x²} without the rounding error of x² (Cody's splitting, as in Cephes' expx2): x = hi + lo. */
function expMinusSquare(x: number): number {
  const hi = Math.round(x * 64) / 64;
  const lo = x - hi;
  // hi² is exact (few significant bits); (x² − hi²) = lo (2 hi + lo) is small and nearly exact.
  return Math.exp(-hi * hi) * Math.exp(-lo * (2 * hi + lo));
}

/** erf(x) for |x| < 1.5 by its Maclaurin series, which converges without much cancellation there. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < Math.abs(sum) * 1e-17) break;
  }
  return 2 * inverseSqrtPi * sum;
}

/** Complementary error function erfc(x), with small relative error in both tails. O(1) amortized. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1.2) return 1 - erfSeries(x);
  if (x > 27.3) return 0; // below the smallest subnormal
  // erfc(x) = Q(1/2, x²) = e^{-x²} x / √π · (Legendre continued fraction of Γ(1/2, x²)).
  return expMinusSquare(x) * x * inverseSqrtPi * upperContinuedFraction(0.5, x * x);
}

/** Standard normal survival function 1 − Φ(z), accurate in the upper tail. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Standard normal CDF Φ(z), accurate in the lower tail. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}
