import { describe, expect, it } from 'vitest';
import { expectClose, reference } from '../fixtures/reference.js';
import { fSf, regularizedBeta } from './incomplete-beta.js';
import { chiSquareSf, regularizedGammaP, regularizedGammaQ } from './incomplete-gamma.js';
import { logGamma } from './log-gamma.js';
import { erfc, normalCdf, normalSf } from './normal.js';

// Oracles: mpmath at 30 digits (reference.json) and closed forms.
describe('logGamma', () => {
  it.each(reference.logGamma.map((c) => [c.x, c] as const))('matches mpmath at %d', (_, c) => {
    expectClose(logGamma(c.x), c.value, 'lnΓ', 1e-13, 1e-15);
  });
  it('equals ln((n − 1)!) and ln √π', () => {
    let factorial = 1;
    for (let n = 1; n <= 30; n++) {
      expectClose(logGamma(n), Math.log(factorial), `lnΓ(${n})`, 1e-14, 1e-15);
      factorial *= n;
    }
    expectClose(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 'lnΓ(1/2)', 1e-14);
  });
});

describe('normal distribution', () => {
  it.each(reference.normal.map((c) => [c.z, c] as const))('matches mpmath at z = %d', (_, c) => {
    expectClose(normalSf(c.z), c.sf, 'sf', 1e-13);
    expectClose(normalCdf(c.z), c.cdf, 'cdf', 1e-13);
  });
  it('is symmetric and exact at 0', () => {
    expect(normalSf(0)).toBe(0.5);
    for (const z of [0.3, 1.1, 2.9, 6.5]) expectClose(normalSf(z) + normalCdf(z), 1, `sum at ${z}`, 1e-15);
    expect(erfc(Number.NaN)).toBeNaN();
    expect(normalSf(40)).toBe(0);
  });
});

describe('regularized incomplete gamma', () => {
  it.each(reference.incompleteGamma.map((c) => [`a=${c.a} x=${c.x}`, c] as const))(
    'matches mpmath at %s',
    (_, c) => {
      expectClose(regularizedGammaQ(c.a, c.x), c.q, 'Q', 1e-12);
      expectClose(regularizedGammaP(c.a, c.x), 1 - c.q, 'P', 1e-12, 1e-15);
    },
  );
  it('has the closed forms Q(1, x) = e^{-x}, Q(1/2, x) = erfc(√x) and χ²₂ sf = e^{-x/2}', () => {
    for (const x of [0.01, 0.5, 1, 3, 10, 50, 300]) {
      expectClose(regularizedGammaQ(1, x), Math.exp(-x), `Q(1, ${x})`, 1e-13);
      expectClose(regularizedGammaQ(0.5, x), erfc(Math.sqrt(x)), `Q(1/2, ${x})`, 1e-12);
      expectClose(chiSquareSf(x, 2), Math.exp(-x / 2), `chi2 sf(${x}; 2)`, 1e-13);
      // Q(2, x) = e^{-x} (1 + x)
      expectClose(regularizedGammaQ(2, x), Math.exp(-x) * (1 + x), `Q(2, ${x})`, 1e-13);
    }
    expect([
      regularizedGammaQ(3, 0),
      regularizedGammaP(3, 0),
      chiSquareSf(Number.POSITIVE_INFINITY, 4),
    ]).toEqual([1, 0, 0]);
  });
});

describe('regularized incomplete beta', () => {
  it.each(reference.incompleteBeta.map((c) => [`x=${c.x} a=${c.a} b=${c.b}`, c] as const))(
    'matches mpmath at %s',
    (_, c) => {
      expectClose(regularizedBeta(c.x, c.a, c.b), c.i, 'I', 1e-12);
    },
  );
  it('has the closed forms I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b, I_x(1/2, 1/2) = 2 asin(√x) / π', () => {
    for (const x of [0.01, 0.2, 0.5, 0.8, 0.99]) {
      for (const a of [0.5, 2, 7.5, 30]) {
        expectClose(regularizedBeta(x, a, 1), x ** a, `I(${x}; ${a}, 1)`, 1e-13);
        expectClose(regularizedBeta(x, 1, a), 1 - (1 - x) ** a, `I(${x}; 1, ${a})`, 1e-13);
      }
      expectClose(
        regularizedBeta(x, 0.5, 0.5),
        (2 * Math.asin(Math.sqrt(x))) / Math.PI,
        `arcsine ${x}`,
        1e-13,
      );
    }
  });
  it('gives the F(2, d) survival function (1 + 2f/d)^(−d/2)', () => {
    for (const d of [1, 4, 17, 90]) {
      for (const f of [0.1, 1, 3.5, 20])
        expectClose(fSf(f, 2, d), (1 + (2 * f) / d) ** (-d / 2), `F(${f}; 2, ${d})`, 1e-12);
    }
    expect([fSf(0, 3, 4), fSf(Number.POSITIVE_INFINITY, 3, 4)]).toEqual([1, 0]);
  });
});
