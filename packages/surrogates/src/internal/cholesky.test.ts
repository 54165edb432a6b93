import { Random } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { choleskyInPlace, choleskyWithJitter, inverseFromCholesky } from './cholesky.js';

describe('Cholesky helpers', () => {
  const spd = (n: number, seed: number) => {
    const rng = Random.fromSeed(seed);
    const B = Float64Array.from({ length: n * n }, () => rng.normal());
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = i === j ? n : 0;
        for (let k = 0; k < n; k++) s += B[i * n + k]! * B[j * n + k]!;
        A[i * n + j] = s;
      }
    }
    return A;
  };

  it('factors and inverts symmetric positive-definite matrices', () => {
    for (const n of [1, 2, 7, 30, 31]) {
      const A = spd(n, n);
      const L = A.slice();
      expect(choleskyInPlace(L, n)).toBe(true);
      const inverse = new Float64Array(n * n);
      inverseFromCholesky(L, n, inverse, new Float64Array(n * n));
      // A·A⁻¹ = I, with A⁻¹ read from its lower triangle.
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += A[i * n + k]! * inverse[Math.max(k, j) * n + Math.min(k, j)]!;
          expect(s).toBeCloseTo(i === j ? 1 : 0, 10);
        }
      }
    }
  });

  it('adds jitter only when needed and reports failure', () => {
    const singular = Float64Array.of(1, 1, 1, 1);
    const out = new Float64Array(4);
    expect(choleskyInPlace(singular.slice(), 2)).toBe(false);
    expect(choleskyWithJitter(singular, 2, out)).toBeGreaterThan(0);
    expect(choleskyWithJitter(spd(3, 1), 3, new Float64Array(9))).toBe(0);
    expect(choleskyWithJitter(Float64Array.of(-1, 0, 0, -1), 2, out)).toBe(-1);
  });
});
