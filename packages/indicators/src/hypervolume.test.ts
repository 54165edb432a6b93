import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spherePoints } from '../test/sphere-points.js';
import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { IndicatorError } from './errors/indicator-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { hypervolume } from './hypervolume.js';
import { hvWfg } from './internal/hv-recursive.js';
import { hv3d } from './internal/hv3d.js';
import { hv4d } from './internal/hv4d.js';
import { hv5d } from './internal/hv5d.js';

/**
 * Oracle, independent of the implementation: inclusion-exclusion over all non-empty subsets,
 * HV = sum over S of (-1)^(|S|+1) * vol(box of the coordinate-wise max of S). O(2^n d).
 */
function inclusionExclusion(points: number[][], ref: number[]): number {
  const kept = points.filter((p) => p.every((v, k) => v < ref[k]!));
  let total = 0;
  const visit = (start: number, join: number[], size: number): void => {
    for (let i = start; i < kept.length; i++) {
      const next = join.map((v, k) => Math.max(v, kept[i]![k]!));
      const volume = next.reduce((acc, v, k) => acc * (ref[k]! - v), 1);
      total += size % 2 === 0 ? volume : -volume;
      visit(i + 1, next, size + 1);
    }
  };
  visit(
    0,
    ref.map(() => Number.NEGATIVE_INFINITY),
    0,
  );
  return total;
}

/** A small seeded generator for the larger random sets (tests only). */
function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** n points of the unit sphere's positive orthant in d dimensions (|Gaussian| normalized). */
function sphere(n: number, d: number, seed: number): Float64Array {
  return spherePoints(n, d, lcg(seed));
}

/** Rows of d integer coordinates in [0, 5] against the reference 4: ties, duplicates, points beyond. */
const gridSet = (d: number, maxRows: number) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: d, maxLength: d }), { maxLength: maxRows });

const close = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe('hypervolume', () => {
  it('gives the documented example', () => {
    expect(
      hypervolume(
        [
          [1, 2],
          [2, 1],
        ],
        { reference: [3, 3] },
      ),
    ).toBe(3);
  });

  it('returns 0 for an empty set and for points that do not strictly dominate the reference', () => {
    expect(hypervolume([], { reference: [1, 1] })).toBe(0);
    expect(hypervolume({ rows: 0, cols: 3, data: new Float64Array(0) }, { reference: [1, 1, 1] })).toBe(0);
    expect(
      hypervolume(
        [
          [1, 0],
          [0, 1],
          [2, 2],
        ],
        { reference: [1, 1] },
      ),
    ).toBe(0);
    expect(hypervolume([[0.5, Number.POSITIVE_INFINITY]], { reference: [1, 1] })).toBe(0);
  });

  it('handles one objective and one point in any dimension', () => {
    expect(hypervolume([[3], [1], [2]], { reference: [4] })).toBe(3);
    expect(hypervolume([[0, 0, 0, 0, 0, 0, 0]], { reference: [1, 2, 1, 1, 1, 1, 3] })).toBe(6);
  });

  it('accepts a row-major matrix as well as arrays of rows', () => {
    const rows = [
      [1, 2, 3],
      [3, 1, 2],
      [2, 3, 1],
    ];
    const matrix = { rows: 3, cols: 3, data: Float64Array.from(rows.flat()) };
    expect(hypervolume(matrix, { reference: [4, 4, 4] })).toBe(hypervolume(rows, { reference: [4, 4, 4] }));
    expect(
      hypervolume(
        rows.map((r) => Float64Array.from(r)),
        { reference: [4, 4, 4] },
      ),
    ).toBe(inclusionExclusion(rows, [4, 4, 4]));
  });

  for (const d of [2, 3, 4, 5, 6]) {
    it(`equals inclusion-exclusion on grid points with ties, duplicates and points beyond the reference (d = ${d})`, () => {
      const ref = new Array<number>(d).fill(4);
      fc.assert(
        fc.property(gridSet(d, d <= 3 ? 12 : 9), (points) => {
          expect(close(hypervolume(points, { reference: ref }), inclusionExclusion(points, ref))).toBe(true);
        }),
        { numRuns: 150 },
      );
    });

    it(`equals inclusion-exclusion on continuous points (d = ${d})`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.double({ min: 0, max: 1.2, noNaN: true }), { minLength: d, maxLength: d }), {
            maxLength: 9,
          }),
          (points) => {
            const ref = new Array<number>(d).fill(1);
            expect(
              close(hypervolume(points, { reference: ref }), inclusionExclusion(points, ref), 1e-9),
            ).toBe(true);
          },
        ),
        { numRuns: 100 },
      );
    });
  }

  it('equals inclusion-exclusion in 7 and 8 objectives (WFG over the 5-D sweep)', () => {
    for (const d of [7, 8]) {
      const ref = new Array<number>(d).fill(4);
      fc.assert(
        fc.property(gridSet(d, 8), (points) => {
          expect(close(hypervolume(points, { reference: ref }), inclusionExclusion(points, ref))).toBe(true);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('is unchanged by a dominated point, by a duplicate and by the order of the points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((d) =>
          fc.tuple(
            fc.constant(d),
            fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: d, maxLength: d }), {
              minLength: 1,
              maxLength: 25,
            }),
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: d, maxLength: d }),
            fc.nat(),
          ),
        ),
        ([d, points, shift, pick]) => {
          const ref = new Array<number>(d).fill(1.5);
          const base = hypervolume(points, { reference: ref });
          const p = points[pick % points.length]!;
          const dominated = p.map((v, k) => v + shift[k]! * 0.3);
          expect(close(hypervolume([...points, dominated], { reference: ref }), base, 1e-9)).toBe(true);
          expect(close(hypervolume([...points, p], { reference: ref }), base, 1e-9)).toBe(true);
          const shuffled = [...points].reverse();
          shuffled.push(shuffled.shift()!);
          expect(close(hypervolume(shuffled, { reference: ref }), base, 1e-9)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('scales by the product of the factors when every objective is scaled', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((d) =>
          fc.tuple(
            fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: d, maxLength: d }), {
              maxLength: 30,
            }),
            fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: d, maxLength: d }),
          ),
        ),
        ([points, s]) => {
          const d = s.length;
          const ref = new Array<number>(d).fill(1.1);
          const scaled = points.map((p) => p.map((v, k) => v * s[k]!));
          const sRef = ref.map((v, k) => v * s[k]!);
          const factor = s.reduce((a, b) => a * b, 1);
          expect(
            close(
              hypervolume(scaled, { reference: sRef }),
              factor * hypervolume(points, { reference: ref }),
              1e-9,
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('tends to 2/3 on the ZDT1 front (f2 = 1 - sqrt(f1)) with reference (1, 1)', () => {
    // The dominated area is the integral of 1 - f2 = sqrt(f1) over [0, 1], i.e. 2/3 (1/3 is the
    // area under the front, which the front does not dominate).
    let lastGap = Number.POSITIVE_INFINITY;
    for (const n of [10, 100, 1000, 10000]) {
      const front = Array.from({ length: n }, (_, i) => {
        const f1 = i / (n - 1);
        return [f1, 1 - Math.sqrt(f1)];
      });
      const gap = 2 / 3 - hypervolume(front, { reference: [1, 1] });
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThan(lastGap);
      lastGap = gap;
    }
    expect(lastGap).toBeLessThan(1e-4);
  });

  for (const [m, n, tolerance] of [
    [2, 20000, 1e-3],
    [3, 40000, 1e-2],
    [4, 6000, 5e-2],
  ] as const) {
    it(`tends to 1.1^M - pi^(M/2) / (Gamma(M/2 + 1) 2^M) on the DTLZ2 front (M = ${m})`, () => {
      // Volume of the unit ball's positive orthant: pi^(M/2) / Gamma(M/2 + 1) / 2^M.
      const gammaHalf = (k: number): number =>
        k === 1 ? Math.sqrt(Math.PI) : k === 2 ? 1 : ((k - 2) / 2) * gammaHalf(k - 2);
      const limit = 1.1 ** m - Math.PI ** (m / 2) / gammaHalf(m + 2) / 2 ** m;
      const ref = new Array<number>(m).fill(1.1);
      let lastGap = Number.POSITIVE_INFINITY;
      for (const size of [n / 16, n / 4, n]) {
        const data = sphere(size, m, 1);
        const gap = limit - hypervolume({ rows: size, cols: m, data }, { reference: ref });
        expect(gap).toBeGreaterThan(0);
        expect(gap).toBeLessThan(lastGap);
        lastGap = gap;
      }
      expect(lastGap / limit).toBeLessThan(tolerance);
    });
  }

  it('has 4-D and 5-D paths that agree with WFG on a few hundred grid points (ties in every objective)', () => {
    // Front3d resumes the staircase of its previous addition when the new point lies above it in
    // (z, y, x) order, and hv5d orders ties in the fifth objective by the sum of the others: ties
    // in every objective decide which way these go.
    for (const d of [4, 5]) {
      for (const [levels, seed] of [
        [3, 1],
        [5, 2],
        [8, 3],
      ] as const) {
        const n = d === 4 ? 250 : 120;
        const u = lcg(seed);
        const data = new Float64Array(n * d);
        for (let i = 0; i < n * d; i++) data[i] = Math.floor(u() * levels) / levels;
        const ref = new Float64Array(d).fill(1.1);
        const fast = d === 4 ? hv4d(data, n, ref) : hv5d(data, n, ref);
        expect(close(fast, hvWfg(data, n, d, ref), 1e-12)).toBe(true);
      }
    }
  });

  it('has 3-D, 4-D and 5-D fast paths that agree with WFG on a few hundred points', () => {
    for (const [d, n] of [
      [3, 400],
      [4, 300],
      [5, 200],
    ] as const) {
      for (const seed of [1, 2, 3]) {
        const data = sphere(n, d, seed);
        // Perturb half the points inwards so that some are dominated.
        const u = lcg(seed + 10);
        for (let i = 0; i < n * d; i++) if (u() < 0.3) data[i]! *= 1.05;
        const ref = new Float64Array(d).fill(1.1); // every point strictly dominates it, as required
        const fast = d === 3 ? hv3d(data, n, ref) : d === 4 ? hv4d(data, n, ref) : hv5d(data, n, ref);
        const wfg = hvWfg(data, n, d, ref);
        expect(close(fast, wfg, 1e-10)).toBe(true);
      }
    }
  });

  it('has a 6-D path (WFG over one 5-D contribution per point) equal to the sum of 5-D slabs', () => {
    // Oracle: the 6-D volume is the sum over the slabs between consecutive sixth values of the
    // slab height times the 5-D hypervolume (hv5d, checked above) of the points below it. The
    // grids give ties in every objective, so the limit sets' rows clamped onto p's faces, their
    // duplicates and the choice of the swept objective are all exercised.
    const slabSum = (data: Float64Array, n: number, ref: Float64Array): number => {
      const levels = [...new Set(Array.from({ length: n }, (_, i) => data[i * 6 + 5]!))].sort(
        (a, b) => a - b,
      );
      let total = 0;
      levels.forEach((level, k) => {
        const below = Array.from({ length: n }, (_, i) => i).filter((i) => data[i * 6 + 5]! <= level);
        const rows = new Float64Array(below.length * 5);
        below.forEach((i, j) => {
          rows.set(data.subarray(i * 6, i * 6 + 5), j * 5);
        });
        total += hv5d(rows, below.length, ref) * ((levels[k + 1] ?? ref[5]!) - level);
      });
      return total;
    };
    for (const [levels, seed, n] of [
      [3, 1, 80],
      [5, 2, 120],
      [8, 3, 150],
      [0, 4, 150],
      [0, 5, 60],
    ] as const) {
      const u = lcg(seed);
      const data = levels === 0 ? sphere(n, 6, seed) : new Float64Array(n * 6);
      if (levels > 0) for (let i = 0; i < n * 6; i++) data[i] = Math.floor(u() * levels) / levels;
      else for (let i = 0; i < n * 6; i++) if (u() < 0.3) data[i]! *= 1.05;
      const ref = Float64Array.of(1.1, 1.2, 1.3, 1.15, 1.25, 1.08); // swapping objectives swaps these too
      expect(close(hvWfg(data, n, 6, ref), slabSum(data, n, ref), 1e-12)).toBe(true);
    }
  });

  describe('errors', () => {
    it('refuses a reference point of the wrong length', () => {
      const call = () => hypervolume([[1, 2, 3]], { reference: [4, 4] });
      expect(call).toThrow(DimensionMismatchError);
      expect(call).toThrow('reference point: expected 3 values (one per objective), got 2.');
    });

    it('refuses ragged rows and matrices whose data does not fit', () => {
      expect(() => hypervolume([[1, 2], [1]], { reference: [4, 4] })).toThrow(
        'points, row 1: expected 2 values (one per objective), got 1.',
      );
      expect(() =>
        hypervolume({ rows: 2, cols: 2, data: new Float64Array(3) }, { reference: [4, 4] }),
      ).toThrow(DimensionMismatchError);
    });

    it('refuses NaN and infinite reference values, NaN and -Infinity in points', () => {
      expect(() => hypervolume([[1, 2]], { reference: [4, Number.NaN] })).toThrow(
        'reference point[1]: expected a finite number, got NaN.',
      );
      expect(() => hypervolume([[1, 2]], { reference: [4, Number.POSITIVE_INFINITY] })).toThrow(
        InvalidArgumentError,
      );
      expect(() =>
        hypervolume(
          [
            [1, 2],
            [Number.NaN, 1],
          ],
          { reference: [4, 4] },
        ),
      ).toThrow('points, row 1, objective 0: expected a number (not NaN, not -Infinity), got NaN.');
      expect(() => hypervolume([[Number.NEGATIVE_INFINITY, 1]], { reference: [4, 4] })).toThrow(
        InvalidArgumentError,
      );
      // A NaN is refused even in a row that lies beyond the reference point.
      expect(() => hypervolume([[9, Number.NaN]], { reference: [4, 4] })).toThrow(InvalidArgumentError);
    });

    it('refuses a missing reference point', () => {
      expect(() => hypervolume([[1, 2]], {} as never)).toThrow(
        'reference point: expected an array of numbers, got undefined.',
      );
    });

    it('throws errors with a stable name and the ParetoKit brand', () => {
      try {
        hypervolume([[1, 2, 3]], { reference: [4, 4] });
        expect.unreachable();
      } catch (e) {
        expect((e as Error).name).toBe('DimensionMismatchError');
        expect((e as Record<symbol, unknown>)[Symbol.for('paretokit.error')]).toBe(true);
        expect(IndicatorError.isInstance(e)).toBe(true);
        expect(e).toBeInstanceOf(Error);
      }
    });
  });
});
