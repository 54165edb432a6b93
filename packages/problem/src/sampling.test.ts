import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { Random } from './random.js';
import { latinHypercube, randomSample } from './sampling.js';
import { binary, choice, integer, real } from './variables.js';

describe('sampling', () => {
  it('LHS puts exactly one sample in each stratum of every real variable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 50, noNaN: true }),
        (n, d, seed, lo, width) => {
          const vars = Array.from({ length: d }, () => real(lo, lo + width));
          const X = latinHypercube(vars, n, { seed });
          expect(X.rows).toBe(n);
          for (let j = 0; j < d; j++) {
            const counts = new Array(n).fill(0);
            let inside = true;
            for (let i = 0; i < n; i++) {
              const v = X.data[i * d + j]!;
              inside &&= v >= lo && v <= lo + width;
              counts[Math.min(n - 1, Math.floor(((v - lo) / width) * n))]++;
            }
            expect(inside).toBe(true);
            expect(counts.every((c) => c === 1)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('LHS covers the values of discrete variables evenly', () => {
    const X = latinHypercube([integer(1, 4), choice(['a', 'b', 'c']), binary()], 120, { seed: 5 });
    for (const [j, count] of [
      [0, 4],
      [1, 3],
      [2, 2],
    ] as const) {
      const hist = new Map<number, number>();
      for (let i = 0; i < X.rows; i++) {
        const v = X.data[i * 3 + j]!;
        expect(Number.isInteger(v)).toBe(true);
        hist.set(v, (hist.get(v) ?? 0) + 1);
      }
      expect(hist.size).toBe(count);
      for (const c of hist.values()) expect(Math.abs(c - 120 / count)).toBeLessThanOrEqual(1);
    }
  });

  it('is reproducible from the seed and draws from a given generator', () => {
    const vars = [real(0, 1), integer(0, 9)];
    expect(latinHypercube(vars, 10, { seed: 3 }).data).toEqual(latinHypercube(vars, 10, { seed: 3 }).data);
    expect(randomSample(vars, 10, { seed: 3 }).data).toEqual(randomSample(vars, 10, { seed: 3 }).data);
    expect(randomSample(vars, 10, { seed: 3 }).data).not.toEqual(randomSample(vars, 10, { seed: 4 }).data);
    const r = Random.fromSeed(8);
    const a = randomSample(vars, 5, { random: r });
    const b = randomSample(vars, 5, { random: r });
    expect(a.data).not.toEqual(b.data);
  });

  it('random samples respect bounds and types', () => {
    const X = randomSample([real(-2, -1), integer(-3, 3), choice([true, false]), binary()], 500, { seed: 1 });
    for (let i = 0; i < X.rows; i++) {
      const [a, b, c, d] = X.data.subarray(i * 4, i * 4 + 4);
      expect(a! >= -2 && a! <= -1).toBe(true);
      expect(Number.isInteger(b) && b! >= -3 && b! <= 3).toBe(true);
      expect(c === 0 || c === 1).toBe(true);
      expect(d === 0 || d === 1).toBe(true);
    }
  });

  it('requires a seed and a valid size', () => {
    expect(() => latinHypercube([real(0, 1)], 5, {})).toThrow('Sampling never uses global random state');
    expect(() => latinHypercube([real(0, 1)], -1, { seed: 1 })).toThrow(InvalidArgumentError);
    expect(() => randomSample([real(0, 1)], 2, { seed: -4 })).toThrow(
      'randomSample: seed: expected a non-negative safe integer',
    );
    expect(latinHypercube([real(0, 1)], 0, { seed: 1 }).rows).toBe(0);
  });
});
