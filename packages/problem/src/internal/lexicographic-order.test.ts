import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lexicographicOrder } from './lexicographic-order.js';
import { MAX_PACKED } from './packed-key-sort.js';

/** Oracle: the comparator sort of the row indices by columns 0..m-1, then index (-0 equals +0). */
function referenceOrder(f: Float64Array, m: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (let k = 0; k < m; k++) {
      const x = f[a * m + k]!;
      const y = f[b * m + k]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return a - b;
  });
}

function sorted(f: Float64Array, m: number, n: number): number[] {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  lexicographicOrder(f, m, order);
  return Array.from(order);
}

/** The double `steps` units in the last place farther from zero than x (finite x well below the maximum). */
function ulpsFrom(x: number, steps: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(steps));
  return view.getFloat64(0);
}

describe('lexicographicOrder', () => {
  // Values that differ only in their last bits: the packed sort drops up to 11 of them for its
  // positions, and must put such runs back in exact order (by insertion up to 16 rows, by the
  // bucket sort above). Sizes on both sides of the packed sort's limit.
  const nearTies = fc.record({
    n: fc.oneof(fc.integer({ min: 25, max: 300 }), fc.constantFrom(MAX_PACKED, MAX_PACKED + 1)),
    m: fc.integer({ min: 1, max: 3 }),
    bases: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 6 }),
    spread: fc.constantFrom(1, 8, 3000),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  });

  it('equals the comparator sort on values a few ulps apart, ties, -0 and infinities', () => {
    fc.assert(
      fc.property(nearTies, ({ n, m, bases, spread, seed }) => {
        let s = seed;
        const next = () => {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          return s / 2 ** 32;
        };
        const special = [0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324, -5e-324];
        const f = new Float64Array(n * m);
        for (let i = 0; i < f.length; i++) {
          const u = next();
          f[i] =
            u < 0.05
              ? special[Math.floor(next() * special.length)]!
              : ulpsFrom(bases[Math.floor(next() * bases.length)]!, Math.floor(next() * spread));
        }
        expect(sorted(f, m, n)).toEqual(referenceOrder(f, m, n));
      }),
      { numRuns: 150 },
    );
  });

  it('equals the comparator sort on continuous values of any sign and magnitude', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { minLength: 2, maxLength: 600 }),
        fc.integer({ min: 1, max: 2 }),
        (values, m) => {
          const n = Math.floor(values.length / m);
          const f = Float64Array.from(values.slice(0, n * m));
          expect(sorted(f, m, n)).toEqual(referenceOrder(f, m, n));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('orders a long run of values one ulp apart, given in reverse, exactly', () => {
    const n = 1500;
    const f = Float64Array.from({ length: n }, (_, i) => ulpsFrom(0.75, n - i));
    expect(new Set(f).size).toBe(n);
    expect(sorted(f, 1, n)).toEqual(Array.from({ length: n }, (_, i) => n - 1 - i));
  });
});
