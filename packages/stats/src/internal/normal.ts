import { upperContinuedFraction } from './incomplete-gamma.js';

const sqrtPi = 1.772453850905516;
const inverseSqrtPi = 1 / sqrtPi;

/** e^{-x²/2} without the rounding error of x²: x = hi + lo, hi² exact (as Cephes' expx2). */
function expMinusHalfSquare(x: number): number {
  const hi = Math.round(x * 64) / 64;
  const lo = x - hi;
  // hi² is exact (few significant bits); x² − hi² = lo (2 hi + lo) is small and nearly exact.
  return Math.exp((-hi * hi) / 2) * Math.exp((-lo * (2 * hi + lo)) / 2);
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

/** erfc(x) e^{x²} for x >= 1.2: x / √π times Legendre's continued fraction of Γ(1/2, x²). */
function erfcScaled(x: number): number {
  return x * inverseSqrtPi * upperContinuedFraction(0.5, x * x);
}

/** Complementary error function erfc(x), with small relative error in both tails. O(1) amortized. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1.2) return 1 - erfSeries(x);
  if (x > 27.3) return 0; // below the smallest subnormal
  const half = expMinusHalfSquare(x); // e^{-x²} = (e^{-x²/2})², without rounding x√2
  return half * half * erfcScaled(x);
}

/**
 * Standard normal survival function 1 − Φ(z), accurate in the upper tail. The Gaussian factor
 * e^{-z²/2} is computed from z itself: going through erfc(z/√2) would amplify the rounding of
 * z/√2 by z² (1e-13 relative error at z = 35).
 */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const x = z / Math.SQRT2;
  if (x < 1.2) return 0.5 * erfc(x);
  if (x > 27.3) return 0;
  return 0.5 * expMinusHalfSquare(z) * erfcScaled(x);
}

/** Standard normal CDF Φ(z), accurate in the lower tail. */
export function normalCdf(z: number): number {
  return normalSf(-z);
}
