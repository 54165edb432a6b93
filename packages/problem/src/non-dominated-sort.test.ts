import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { nonDominatedSort } from './non-dominated-sort.js';

/** Brute-force oracle: peel off the rows no remaining row dominates. O(M N^3). */
function bruteForceRanks(rows: number[][], cv?: number[]): number[] {
  const better = (a: number, b: number): boolean => {
    if (cv) {
      const fa = cv[a]! <= 0;
      const fb = cv[b]! <= 0;
      if (fa && !fb) return true;
      if (!fa && !fb) return cv[a]! < cv[b]!;
      if (!fa && fb) return false;
    }
    const x = rows[a]!;
    const y = rows[b]!;
    return x.every((v, k) => v <= y[k]!) && x.some((v, k) => v < y[k]!);
  };
  const rank = new Array<number>(rows.length).fill(-1);
  let remaining = rows.map((_, i) => i);
  for (let r = 0; remaining.length > 0; r++) {
    const front = remaining.filter((i) => !remaining.some((j) => better(j, i)));
    for (const i of front) rank[i] = r;
    remaining = remaining.filter((i) => rank[i] === -1);
  }
  return rank;
}

/** Rows of m objectives on a coarse grid, so that ties and duplicates are frequent. */
const grid = (m: number, maxRows: number, values = 4) =>
  fc.array(fc.array(fc.integer({ min: 0, max: values }), { minLength: m, maxLength: m }), {
    maxLength: maxRows,
  });

describe('nonDominatedSort', () => {
  it('gives the documented example', () => {
    const { fronts, rank } = nonDominatedSort([
      [1, 2],
      [2, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(fronts).toEqual([[0, 1], [2], [3]]);
    expect(Array.from(rank)).toEqual([0, 0, 1, 2]);
  });

  for (const m of [1, 2, 3, 4, 5, 6]) {
    it(`agrees with the brute-force oracle on grids with ties and duplicates (m = ${m})`, () => {
      fc.assert(
        fc.property(grid(m, 40), (rows) => {
          const { rank, fronts } = nonDominatedSort(
            rows.length === 0 ? { rows: 0, cols: m, data: new Float64Array(0) } : rows,
          );
          expect(Array.from(rank)).toEqual(bruteForceRanks(rows));
          expect(fronts.flat().sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
        }),
        { numRuns: 400 },
      );
    });

    it(`agrees with the oracle on continuous values (m = ${m})`, () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: m, maxLength: m }),
            {
              minLength: 1,
              maxLength: 60,
            },
          ),
          (rows) => {
            expect(Array.from(nonDominatedSort(rows).rank)).toEqual(bruteForceRanks(rows));
          },
        ),
        { numRuns: 200 },
      );
    });
  }

  it('agrees with the oracle under constrained domination', () => {
    fc.assert(
      fc.property(
        grid(3, 40).chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.array(fc.constantFrom(0, 0, 0, 0.5, 1, 2), { minLength: rows.length, maxLength: rows.length }),
          ),
        ),
        ([rows, cv]) => {
          const { rank } = nonDominatedSort(
            rows.length === 0 ? { rows: 0, cols: 3, data: new Float64Array(0) } : rows,
            {
              constraintViolation: cv,
            },
          );
          expect(Array.from(rank)).toEqual(bruteForceRanks(rows, cv));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ranks 2,000 rows with many ties in 2 and 3 objectives as the general m >= 4 path does', () => {
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (const m of [2, 3]) {
      const rows = Array.from({ length: 2000 }, () =>
        Array.from({ length: m }, () => Math.floor(next() * 50)),
      );
      const fast = nonDominatedSort(rows).rank;
      // Same data with an extra constant objective goes through the general (m >= 4 or m = 3) path.
      const padded = nonDominatedSort(rows.map((r) => [...r, 0, 0])).rank;
      expect(Array.from(fast)).toEqual(Array.from(padded));
    }
  });

  it('returns empty fronts for no rows and rejects NaN and wrong violation lengths', () => {
    expect(nonDominatedSort([])).toEqual({ fronts: [], rank: new Int32Array(0) });
    expect(() => nonDominatedSort([[1, Number.NaN]])).toThrow(InvalidArgumentError);
    expect(() => nonDominatedSort([[1, Number.NaN]])).toThrow('row 0, column 1');
    expect(() => nonDominatedSort([[1, 2]], { constraintViolation: [0, 1] })).toThrow(
      'expected 1 values (one per row), got 2',
    );
    expect(() => nonDominatedSort([[1, 2], [3]])).toThrow('row 1: expected 2 values, got 1');
  });
});
