import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epsilonAdditive } from './epsilon-additive.js';
import { epsilonMultiplicative } from './epsilon-multiplicative.js';
import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { gd } from './gd.js';
import { gdPlus } from './gd-plus.js';
import { igd } from './igd.js';
import { igdPlus } from './igd-plus.js';

// Fixed sets; the expected figures were computed with pymoo 0.6.2 (pymoo.indicators.gd.GD,
// gd_plus.GDPlus, igd.IGD, igd_plus.IGDPlus; `zero_to_one=True, ideal=..., nadir=...` for the
// normalized ones) and moocore 0.3.2 (moocore.epsilon_additive, moocore.epsilon_mult; moocore.igd
// and moocore.igd_plus give the same IGD and IGD+), on Python 3.11.
const A2 = [
  [0.1, 0.9],
  [0.4, 0.45],
  [0.8, 0.3],
  [0.5, 0.6],
];
const Z2 = [
  [0, 1],
  [0.25, 0.5],
  [0.5, 0.25],
  [1, 0],
];
const A3 = [
  [1, 2, 3],
  [2, 1, 3.5],
  [3, 3, 0.5],
  [0.5, 4, 2],
  [0.2, 0.2, 4],
];
const Z3 = [
  [0.5, 1.5, 2.5],
  [1.5, 0.5, 3],
  [2.5, 2.5, 0.25],
  [0.25, 3, 1.5],
  [1, 1, 1],
];
const norm2 = { ideal: [0, 0], nadir: [2, 4] };
const norm3 = { ideal: [0, 0, 0], nadir: [4, 2, 8] };

const expectClose = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 14);

describe('distance and epsilon indicators', () => {
  it('match pymoo on a 2-D set', () => {
    expectClose(gd(A2, Z2), 0.21823290152934116);
    expectClose(gdPlus(A2, Z2), 0.2048145600891813);
    expectClose(igd(A2, Z2), 0.22092429113552658);
    expectClose(igdPlus(A2, Z2), 0.1875);
  });

  it('match pymoo on a 3-D set', () => {
    expectClose(gd(A3, Z3), 1.0590055862722287);
    expectClose(gdPlus(A3, Z3), 0.9255389462615675);
    expectClose(igd(A3, Z3), 1.1727525417615254);
    expectClose(igdPlus(A3, Z3), 1.1727525417615254);
  });

  it('match pymoo with normalization by ideal and nadir points', () => {
    expectClose(gd(A2, Z2, norm2), 0.08477809438903736);
    expectClose(gdPlus(A2, Z2, norm2), 0.06562499999999999);
    expectClose(igd(A2, Z2, norm2), 0.0819117272962193);
    expectClose(igdPlus(A2, Z2, norm2), 0.0625);
    expectClose(gd(A3, Z3, norm3), 0.348193626872361);
    expectClose(gdPlus(A3, Z3, norm3), 0.2931156848338886);
    expectClose(igd(A3, Z3, norm3), 0.35240392539975607);
    expectClose(igdPlus(A3, Z3, norm3), 0.24678300858899105);
  });

  it('match moocore for the epsilon indicators', () => {
    expectClose(epsilonAdditive(A2, Z2), 0.3);
    expectClose(epsilonAdditive(A3, Z3), 2);
    expectClose(epsilonAdditive(A2, Z2, norm2), 0.07500000000000001);
    expectClose(epsilonAdditive(A3, Z3, norm3), 0.3125);
    expectClose(epsilonMultiplicative(A3, Z3), 3);
    const shift = (s: number[][]) => s.map((p) => p.map((v) => v + 0.5));
    expectClose(epsilonMultiplicative(shift(A2), shift(Z2)), 1.6);
  });

  it('accept matrices as well as arrays', () => {
    const m = (rows: number[][]) => ({
      rows: rows.length,
      cols: rows[0]!.length,
      data: Float64Array.from(rows.flat()),
    });
    expect(igd(m(A3), m(Z3))).toBe(igd(A3, Z3));
    expect(gdPlus(m(A2), Z2)).toBe(gdPlus(A2, Z2));
    expect(epsilonAdditive(A3, m(Z3))).toBe(epsilonAdditive(A3, Z3));
  });

  it('are 0 (1 for the multiplicative epsilon) when the set is the reference front', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((d) =>
          fc.array(fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: d, maxLength: d }), {
            minLength: 1,
            maxLength: 20,
          }),
        ),
        (front) => {
          expect(igd(front, front)).toBe(0);
          expect(igdPlus(front, front)).toBe(0);
          expect(gd(front, front)).toBe(0);
          expect(gdPlus(front, front)).toBe(0);
          expect(epsilonAdditive(front, front)).toBe(0);
          expect(epsilonMultiplicative(front, front)).toBe(1);
        },
      ),
    );
  });

  it('agree with their definitions written naively (fast-check)', () => {
    const dist = (a: number[], z: number[]) => Math.hypot(...a.map((v, k) => v - z[k]!));
    const plus = (a: number[], z: number[]) => Math.hypot(...a.map((v, k) => Math.max(v - z[k]!, 0)));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((d) => {
          const set = fc.array(
            fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: d, maxLength: d }),
            { minLength: 1, maxLength: 12 },
          );
          return fc.tuple(set, set);
        }),
        ([A, Z]) => {
          const rel = (x: number, y: number) => Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(y));
          expect(rel(igd(A, Z), mean(Z.map((z) => Math.min(...A.map((a) => dist(a, z))))))).toBe(true);
          expect(rel(gd(A, Z), mean(A.map((a) => Math.min(...Z.map((z) => dist(a, z))))))).toBe(true);
          expect(rel(igdPlus(A, Z), mean(Z.map((z) => Math.min(...A.map((a) => plus(a, z))))))).toBe(true);
          expect(rel(gdPlus(A, Z), mean(A.map((a) => Math.min(...Z.map((z) => plus(a, z))))))).toBe(true);
          const epsAdd = Math.max(
            ...Z.map((z) => Math.min(...A.map((a) => Math.max(...a.map((v, k) => v - z[k]!))))),
          );
          const epsMul = Math.max(
            ...Z.map((z) => Math.min(...A.map((a) => Math.max(...a.map((v, k) => v / z[k]!))))),
          );
          expect(epsilonAdditive(A, Z)).toBe(epsAdd);
          expect(epsilonMultiplicative(A, Z)).toBe(epsMul);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('give Infinity for an empty set and refuse an empty reference front', () => {
    for (const f of [igd, igdPlus, gd, gdPlus, epsilonAdditive, epsilonMultiplicative]) {
      expect(f([], Z3)).toBe(Number.POSITIVE_INFINITY);
      expect(() => f(A3, [])).toThrow(InvalidArgumentError);
    }
    expect(() => igd(A3, [])).toThrow(
      'reference front: expected at least one point, got an array of length 0. The indicator measures the distance to it.',
    );
  });

  it('refuse sets with different numbers of objectives, NaN, and bad normalization', () => {
    expect(() => igd(A2, Z3)).toThrow(DimensionMismatchError);
    expect(() => igd(A2, Z3)).toThrow('points, row 0: expected 3 values (one per objective), got 2.');
    expect(() => gd([[Number.NaN, 1]], Z2)).toThrow(
      'points, row 0, objective 0: expected a finite number, got NaN.',
    );
    expect(() => gd([[Number.POSITIVE_INFINITY, 1]], Z2)).toThrow(InvalidArgumentError);
    expect(() => igd(A2, Z2, { ideal: [0, 0] })).toThrow(InvalidArgumentError);
    expect(() => igd(A2, Z2, { ideal: [0, 0], nadir: [1] })).toThrow(DimensionMismatchError);
    expect(() => igd(A2, Z2, { ideal: [0, 1], nadir: [1, 1] })).toThrow(
      'nadir[1]: expected a value greater than ideal[1] (1), got 1.',
    );
  });

  it('refuse values that are not positive for the multiplicative epsilon', () => {
    expect(() => epsilonMultiplicative(A2, Z2)).toThrow(
      'reference front, row 0, objective 0: expected a positive number (the multiplicative epsilon divides by the values), got 0.',
    );
    expect(() => epsilonMultiplicative([[1, -1]], [[1, 1]])).toThrow(InvalidArgumentError);
  });
});
