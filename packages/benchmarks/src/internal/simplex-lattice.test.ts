import { toArrays } from '@paretokit/problem';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simplexLattice, sphereLattice } from './simplex-lattice.js';

const binomial = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
};

describe('simplexLattice', () => {
  it('gives the 3-objective lattice with 2 divisions', () => {
    expect(toArrays(simplexLattice(3, 6, 'p'))).toEqual([
      [1, 0, 0],
      [0.5, 0.5, 0],
      [0.5, 0, 0.5],
      [0, 1, 0],
      [0, 0.5, 0.5],
      [0, 0, 1],
    ]);
  });

  it('has C(h + m - 1, m - 1) points, the most not above n, each on the simplex', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 0, max: 400 }), (m, extra) => {
        const n = m + extra;
        const lattice = simplexLattice(m, n, 'p');
        const h = Array.from({ length: n }, (_, i) => i + 1)
          .filter((d) => binomial(d + m - 1, m - 1) <= n)
          .at(-1)!;
        expect(lattice.rows).toBe(binomial(h + m - 1, m - 1));
        expect(binomial(h + m, m - 1)).toBeGreaterThan(n);
        for (const row of toArrays(lattice)) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
        expect(new Set(toArrays(lattice).map((r) => r.join())).size).toBe(lattice.rows);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects n below the number of objectives', () => {
    expect(() => simplexLattice(3, 2, 'dtlz2')).toThrow(
      'dtlz2.paretoFront(n): expected an integer >= 3 (the coarsest simplex lattice has one point per objective), got 2.',
    );
  });

  it('sphereLattice puts every point at norm 1', () => {
    for (const row of toArrays(sphereLattice(4, 50, 'p'))) {
      expect(Math.hypot(...row)).toBeCloseTo(1, 14);
    }
  });
});
