import {
  binary,
  choice,
  InvalidArgumentError,
  integer,
  nameVariables,
  Random,
  real,
} from '@paretokit/problem';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sbx } from './crossover/sbx.js';
import { polynomialMutation } from './mutation/polynomial-mutation.js';
import { createVariation } from './variation.js';

const mixed = nameVariables([
  real(-5, 5),
  integer(0, 9),
  choice(['a', 'b', 'c', 'd']),
  binary(),
  real(0, 1e-3),
]);
const columnOk = (j: number, v: number): boolean => {
  switch (j) {
    case 0:
      return v >= -5 && v <= 5;
    case 1:
      return Number.isInteger(v) && v >= 0 && v <= 9;
    case 2:
      return Number.isInteger(v) && v >= 0 && v <= 3;
    case 3:
      return v === 0 || v === 1;
    default:
      return v >= 0 && v <= 1e-3;
  }
};

const mean = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v, 0) / a.length;

describe('createVariation', () => {
  it('keeps every column within its bounds and type (fast-check)', () => {
    const row = fc.tuple(
      fc.double({ min: -5, max: 5, noNaN: true }),
      fc.integer({ min: 0, max: 9 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 1 }),
      fc.double({ min: 0, max: 1e-3, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 6 }),
        fc.nat(),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, seed, eta, probability) => {
          const vary = createVariation(mixed, {
            crossover: { eta, probability: 1 },
            mutation: { eta, probability },
          });
          const X = { rows: rows.length, cols: 5, data: Float64Array.from(rows.flat()) };
          const random = Random.fromSeed(seed);
          const parents = Int32Array.from({ length: 8 }, () => random.int(rows.length));
          const children = vary(X, parents, random);
          expect(children.rows).toBe(8);
          for (let i = 0; i < children.data.length; i++) {
            expect(columnOk(i % 5, children.data[i]!), `column ${i % 5}: ${children.data[i]}`).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('copies the parents when crossover and mutation are switched off', () => {
    const vary = createVariation(mixed, { crossover: { probability: 0 }, mutation: { probability: 0 } });
    const X = { rows: 2, cols: 5, data: Float64Array.of(1, 2, 3, 0, 0, -1, 7, 0, 1, 1e-4) };
    const children = vary(X, Int32Array.of(1, 0), Random.fromSeed(1));
    expect(Array.from(children.data)).toEqual([-1, 7, 0, 1, 1e-4, 1, 2, 3, 0, 0]);
  });

  it('is a pure function of its random stream', () => {
    const vary = createVariation(mixed);
    const X = { rows: 2, cols: 5, data: Float64Array.of(1, 2, 3, 0, 0, -1, 7, 0, 1, 1e-4) };
    const a = vary(X, Int32Array.of(0, 1, 1, 0), Random.fromSeed(9));
    const b = vary(X, Int32Array.of(0, 1, 1, 0), Random.fromSeed(9));
    expect(b.data).toEqual(a.data);
  });

  it('rejects bad options and inputs with typed errors', () => {
    expect(() => createVariation(mixed, { crossover: { eta: -1 } })).toThrow(InvalidArgumentError);
    expect(() => createVariation(mixed, { mutation: { eta: Number.NaN } })).toThrow(InvalidArgumentError);
    expect(() => createVariation(mixed, { crossover: { probability: 1.5 } })).toThrow(InvalidArgumentError);
    expect(() => createVariation(mixed, { mutation: { probability: -0.1 } })).toThrow(
      /probability in \[0, 1\]/,
    );
    expect(() => createVariation([])).toThrow(InvalidArgumentError);
    const vary = createVariation(mixed);
    const X = { rows: 2, cols: 5, data: new Float64Array(10) };
    expect(() => vary(X, Int32Array.of(0), Random.fromSeed(1))).toThrow(InvalidArgumentError);
    expect(() => vary(X, Int32Array.of(0, 2), Random.fromSeed(1))).toThrow(InvalidArgumentError);
  });
});

describe('sbx', () => {
  it('preserves the parents mean away from the bounds and spreads less as eta grows', () => {
    const spread = (eta: number) => {
      const random = Random.fromSeed(4);
      const gaps: number[] = [];
      const sums: number[] = [];
      for (let t = 0; t < 20_000; t++) {
        const x = Float64Array.of(0.4, 0.6);
        sbx(x, 0, 1, -100, 100, eta, random);
        sums.push(x[0]! + x[1]!);
        gaps.push(Math.abs(x[1]! - x[0]!));
      }
      return { meanSum: mean(sums), meanGap: mean(gaps) };
    };
    const wide = spread(2);
    const narrow = spread(30);
    // Far from the bounds SBX is (almost) symmetric: c1 + c2 = p1 + p2 up to the truncation.
    expect(wide.meanSum).toBeCloseTo(1, 6);
    expect(narrow.meanSum).toBeCloseTo(1, 10);
    // E|c2 - c1| = |p2 - p1| · E[beta], and E[beta] shrinks towards 1 as eta grows.
    expect(wide.meanGap).toBeGreaterThan(narrow.meanGap);
    expect(narrow.meanGap).toBeGreaterThan(0.19);
    expect(narrow.meanGap).toBeLessThan(0.22);
  });

  it('stays in bounds next to a bound and leaves equal parents alone', () => {
    const random = Random.fromSeed(5);
    for (let t = 0; t < 5_000; t++) {
      const x = Float64Array.of(0, 1e-3);
      sbx(x, 0, 1, 0, 1, 1, random);
      expect(x[0]).toBeGreaterThanOrEqual(0);
      expect(x[1]).toBeGreaterThanOrEqual(0);
    }
    const same = Float64Array.of(0.3, 0.3);
    sbx(same, 0, 1, 0, 1, 15, random);
    expect(Array.from(same)).toEqual([0.3, 0.3]);
  });
});

describe('polynomialMutation', () => {
  it('is centred on the value away from the bounds and steps less as eta grows', () => {
    const steps = (eta: number) => {
      const random = Random.fromSeed(6);
      const out = Array.from({ length: 20_000 }, () => polynomialMutation(0.5, 0, 1, eta, random) - 0.5);
      return { mean: mean(out), meanAbs: mean(out.map(Math.abs)) };
    };
    const small = steps(50);
    const large = steps(5);
    expect(Math.abs(small.mean)).toBeLessThan(0.002);
    expect(Math.abs(large.mean)).toBeLessThan(0.01);
    expect(large.meanAbs).toBeGreaterThan(small.meanAbs);
    // Far from the bounds E|delta| = 1/(eta + 2) of the range.
    expect(small.meanAbs).toBeCloseTo(1 / 52, 2);
  });

  it('never leaves the bounds (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (x, s, eta) => {
          const y = polynomialMutation(x, 0, 1, eta, Random.fromSeed(s));
          return y >= 0 && y <= 1;
        },
      ),
      { numRuns: 5000 },
    );
  });
});
