import { logGamma } from './log-gamma.js';

const epsilon = 1e-16;
const tiny = 1e-300;
const maxIterations = 10_000;

/** e^{-x} x^a / Γ(a), the factor shared by the series and the continued fraction. */
function prefix(a: number, x: number): number {
  return Math.exp(a * Math.log(x) - x - logGamma(a));
}

/** γ(a, x) / (e^{-x} x^a / Γ(a)) by its series; converges fast for x < a + 1 (Numerical Recipes 6.2.5). */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < maxIterations; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * epsilon) break;
  }
  return sum;
}

/** Γ(a, x) / (e^{-x} x^a / Γ(a)) by Legendre's continued fraction (modified Lentz); for x >= a + 1. */
export function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < maxIterations; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) break;
  }
  return h;
}

/** Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a), for a > 0, x >= 0. O(√a) iterations. */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x < a + 1) return prefix(a, x) * lowerSeries(a, x);
  return 1 - prefix(a, x) * upperContinuedFraction(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the upper tail. */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x < a + 1) return 1 - prefix(a, x) * lowerSeries(a, x);
  return prefix(a, x) * upperContinuedFraction(a, x);
}

/** Survival function of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareSf(statistic: number, df: number): number {
  if (Number.isNaN(statistic)) return Number.NaN;
  return regularizedGammaQ(df / 2, statistic / 2);
}
