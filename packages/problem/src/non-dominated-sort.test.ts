import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { nonDominatedSort } from './non-dominated-sort.js';
import { Random } from './random.js';

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

/**
 * O(M N^2) oracle for larger inputs: Deb's fast non-dominated sort (NSGA-II, 2002) on a row-major
 * n x m matrix; equal rows do not dominate each other.
 */
function debRanks(f: Float64Array, n: number, m: number): number[] {
  const dominators = new Int32Array(n);
  const dominated: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let iBetter = false;
      let jBetter = false;
      for (let k = 0; k < m; k++) {
        const d = f[i * m + k]! - f[j * m + k]!;
        if (d < 0) iBetter = true;
        else if (d > 0) jBetter = true;
      }
      if (iBetter && !jBetter) {
        dominated[i]!.push(j);
        dominators[j]!++;
      } else if (jBetter && !iBetter) {
        dominated[j]!.push(i);
        dominators[i]!++;
      }
    }
  }
  const rank = new Array<number>(n).fill(0);
  let front = rows(n).filter((i) => dominators[i] === 0);
  for (let r = 0; front.length > 0; r++) {
    const next: number[] = [];
    for (const i of front) {
      rank[i] = r;
      for (const j of dominated[i]!) if (--dominators[j]! === 0) next.push(j);
    }
    front = next;
  }
  return rank;
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Point set kinds for {@link pointSet}. */
const KINDS = ['uniform', 'concave', 'grid', 'mixed', 'duplicates', 'special'] as const;

/**
 * n seeded points with m objectives: uniform in the unit cube; on a concave shell (few, large
 * fronts); on a grid of 3 levels (ties everywhere); continuous with every other objective on 4
 * levels (ties in some objectives); uniform with a third of the rows copies of others; or drawn
 * from values including -0, 0, +-Infinity and extremes.
 */
function pointSet(kind: (typeof KINDS)[number], n: number, m: number, seed: number): Float64Array {
  const r = Random.fromSeed(seed);
  const f = new Float64Array(n * m);
  const special = [Number.NEGATIVE_INFINITY, -1e308, -1, -0, 0, 5e-324, 1, 1e308, Number.POSITIVE_INFINITY];
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = 0; k < m; k++) {
      let v = r.next();
      if (kind === 'concave') v = Math.abs(r.normal());
      else if (kind === 'grid') v = r.int(3);
      else if (kind === 'mixed' && k % 2 === 1) v = r.int(4);
      else if (kind === 'special') v = r.next() < 0.5 ? special[r.int(special.length)]! : r.next();
      f[i * m + k] = v;
      norm += v * v;
    }
    if (kind === 'concave') {
      const radius = (1 + 0.2 * r.next()) / Math.sqrt(norm);
      for (let k = 0; k < m; k++) f[i * m + k]! *= radius;
    }
  }
  if (kind === 'duplicates') {
    for (let i = 0; i < n / 3; i++) f.copyWithin(r.int(n) * m, r.int(n) * m, r.int(n) * m + m);
  }
  return f;
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

  for (const m of [2, 3, 4, 5, 8, 12]) {
    it(`agrees with the O(M N^2) oracle on up to 3,000 points of every kind (m = ${m})`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...KINDS),
          fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 300, max: 3000 })),
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          (kind, n, seed) => {
            const data = pointSet(kind, n, m, seed);
            const { rank, fronts } = nonDominatedSort({ rows: n, cols: m, data });
            expect(Array.from(rank)).toEqual(debRanks(data, n, m));
            expect(fronts.flat().sort((a, b) => a - b)).toEqual(rows(n));
          },
        ),
        { numRuns: m >= 8 ? 12 : 20 },
      );
    });
  }

  it('gives one front per point on a chain where each point dominates the next', () => {
    for (const m of [2, 3, 5]) {
      const n = 600;
      // Reversed so that the sort has work to do; the last row dominates all others.
      const data = Float64Array.from({ length: n * m }, (_, i) => n - Math.floor(i / m) + (i % m));
      expect(Array.from(nonDominatedSort({ rows: n, cols: m, data }).rank)).toEqual(rows(n).reverse());
    }
  });

  it('agrees with the oracle when a spread sample misjudges the median, or half the values tie', () => {
    const n = 3000;
    const m = 4;
    const r = Random.fromSeed(5);
    // Objective 0 orders the points. Last objective: 0 exactly where a sample of 63 evenly spread
    // points reads (the estimated median is the minimum), or else 1 for every other point.
    const sampled = new Set(Array.from({ length: 63 }, (_, t) => Math.floor((t * n) / 63)));
    for (const lastOf of [
      (i: number) => (sampled.has(i) ? 0 : 1 + r.next()),
      (i: number) => (i % 2 ? 1 : r.next()),
    ]) {
      const data = new Float64Array(n * m);
      for (let i = 0; i < n; i++) {
        data.set([i, r.next(), r.next(), lastOf(i)], i * m);
      }
      expect(Array.from(nonDominatedSort({ rows: n, cols: m, data }).rank)).toEqual(debRanks(data, n, m));
    }
  });

  it('agrees with the oracle on 3,000 points with a constant objective, and on a large 3-D front', () => {
    const n = 3000;
    // m = 5, objective 3 constant: a split on it finds nothing to split.
    const flat = pointSet('uniform', n, 5, 11);
    for (let i = 0; i < n; i++) flat[i * 5 + 3] = 0.5;
    expect(Array.from(nonDominatedSort({ rows: n, cols: 5, data: flat }).rank)).toEqual(debRanks(flat, n, 5));
    // m = 3 on a concave shell: long staircases, whose updates move many steps at once.
    const shell = pointSet('concave', n, 3, 12);
    expect(Array.from(nonDominatedSort({ rows: n, cols: 3, data: shell }).rank)).toEqual(
      debRanks(shell, n, 3),
    );
  });

  it('gives the same ranks when calls of other sizes come in between (scratch kept between calls)', () => {
    // Sizes below and above the 2,048 rows up to which the sort's and the sweeps' arrays are reused.
    const sets = [1500, 40, 2048, 2049, 300, 5000].flatMap((n) =>
      [2, 3, 5].map((m) => ({ n, m, data: pointSet('mixed', n, m, n + m) })),
    );
    const first = sets.map(({ n, m, data }) => Array.from(nonDominatedSort({ rows: n, cols: m, data }).rank));
    const again = [...sets]
      .reverse()
      .map(({ n, m, data }) => Array.from(nonDominatedSort({ rows: n, cols: m, data }).rank))
      .reverse();
    expect(again).toEqual(first);
    sets.forEach(({ n, m, data }, i) => {
      if (n <= 2049) expect(first[i]).toEqual(debRanks(data, n, m));
    });
  });

  it('puts exact duplicates in the front of their twin, whatever their order', () => {
    const data = pointSet('uniform', 800, 5, 3);
    // Row i + 800 repeats row i; ranks must come in equal pairs and match the single copy's.
    const twice = new Float64Array(2 * data.length);
    twice.set(data);
    twice.set(data, data.length);
    const once = nonDominatedSort({ rows: 800, cols: 5, data }).rank;
    const both = nonDominatedSort({ rows: 1600, cols: 5, data: twice }).rank;
    expect(Array.from(both.subarray(0, 800))).toEqual(Array.from(once));
    expect(Array.from(both.subarray(800))).toEqual(Array.from(once));
  });

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
