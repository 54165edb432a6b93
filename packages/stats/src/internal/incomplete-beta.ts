import { logGamma } from './log-gamma.js';

const epsilon = 1e-16;
const tiny = 1e-300;
const maxIterations = 10_000;

/** Continued fraction for I_x(a, b) (Numerical Recipes 6.4.5, modified Lentz); x < (a+1)/(a+b+2). */
function continuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) break;
  }
  return h;
}

/**
 * Regularized incomplete beta I_x(a, b) for a, b > 0. `y` is 1 − x, passed separately so callers
 * that know it exactly (the F distribution) lose no digits to the subtraction. O(√max(a, b)) iterations.
 */
export function regularizedBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y));
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(a, b, x)) / a;
  return 1 - (front * continuedFraction(b, a, y)) / b;
}

/** Survival function of the F distribution with (df1, df2) degrees of freedom. */
export function fSf(statistic: number, df1: number, df2: number): number {
  if (Number.isNaN(statistic)) return Number.NaN;
  if (statistic <= 0) return 1;
  if (statistic === Number.POSITIVE_INFINITY) return 0;
  // P(F > f) = I_{d2 / (d2 + d1 f)}(d2 / 2, d1 / 2).
  const denominator = df2 + df1 * statistic;
  return regularizedBeta(df2 / denominator, df2 / 2, df1 / 2, (df1 * statistic) / denominator);
}
