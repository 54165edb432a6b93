import { InvalidArgumentError } from '@paretokit/problem';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRows, frontResidual } from '../test/support.js';
import { dtlz1, dtlz2, dtlz3, dtlz4, dtlz5, dtlz6, dtlz7 } from './dtlz.js';

const fill = (n: number, v: number) => new Array<number>(n).fill(v);
const F = (p: ReturnType<typeof dtlz1>, x: number[]) => evaluateRows(p, [x]).F[0]!;
const all = { dtlz1, dtlz2, dtlz3, dtlz4, dtlz5, dtlz6, dtlz7 };

describe('DTLZ by hand', () => {
  it('DTLZ1: x = 0.5 gives g = 0 and (1/8, 1/8, 1/4); x = 0 gives g = 125 and (0, 0, 63)', () => {
    expect(F(dtlz1(), fill(7, 0.5))).toEqual([0.125, 0.125, 0.25]);
    const f = F(dtlz1(), fill(7, 0));
    expect(f[0]).toBe(0);
    expect(f[1]).toBe(0);
    expect(f[2]).toBeCloseTo(63, 11);
  });

  it('DTLZ2: with x_M = 0.5 the angles x_i π/2 place f on the unit sphere', () => {
    expect(F(dtlz2(), [0, 0, ...fill(10, 0.5)])).toEqual([1, 0, 0]);
    const top = F(dtlz2(), [1, 1, ...fill(10, 0.5)]);
    expect(top[2]).toBe(1);
    expect(Math.max(top[0]!, top[1]!)).toBeLessThan(1e-16);
    const mid = F(dtlz2(), [0.5, 0.5, ...fill(10, 0.5)]);
    expect(mid[0]).toBeCloseTo(0.5, 15);
    expect(mid[1]).toBeCloseTo(0.5, 15);
    expect(mid[2]).toBeCloseTo(Math.SQRT1_2, 15);
    // x_M = 0: g = 10 · 0.25, so the radius is 3.5.
    expect(F(dtlz2(), fill(12, 0))).toEqual([3.5, 0, 0]);
  });

  it('DTLZ3: x_M = 0.5 gives the unit sphere; x_M = 0 is on a local front of radius 1 + 250', () => {
    expect(F(dtlz3(), [0, 0, ...fill(10, 0.5)])).toEqual([1, 0, 0]);
    expect(F(dtlz3(), fill(12, 0))[0]).toBeCloseTo(251, 10);
  });

  it('DTLZ4: angles are x^100 · π/2, so x = 0.99 is still near the f1 axis', () => {
    const f = F(dtlz4(), [0.99, 0, ...fill(10, 0.5)]);
    const angle = 0.99 ** 100 * (Math.PI / 2);
    expect(f[2]).toBeCloseTo(Math.sin(angle), 15);
    expect(f[0]).toBeCloseTo(Math.cos(angle), 15);
  });

  it('DTLZ5 and DTLZ6: at g = 0 every angle after the first is π/4, whatever x', () => {
    for (const [p, optimal] of [
      [dtlz5(), 0.5],
      [dtlz6(), 0],
    ] as const) {
      for (const x2 of [0, 0.3, 1]) {
        const f = F(p, [0, x2, ...fill(10, optimal)]);
        expect(f[0]).toBeCloseTo(Math.SQRT1_2, 15);
        expect(f[1]).toBeCloseTo(Math.SQRT1_2, 15);
        expect(f[2]).toBe(0);
      }
    }
  });

  it('DTLZ7: x = 0 gives (0, 0, 2M); x = 1 gives f_M = (1 + 10)(3 - 2/11)', () => {
    expect(F(dtlz7(), fill(22, 0))).toEqual([0, 0, 6]);
    expect(F(dtlz7(), fill(22, 1))[2]).toBeCloseTo(31, 12);
  });
});

describe('DTLZ properties', () => {
  const optimum = (name: string) => (name === 'dtlz6' || name === 'dtlz7' ? 0 : 0.5);
  const position = (m: number) =>
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: m - 1, maxLength: m - 1 });

  for (const m of [2, 3, 5]) {
    it.each(Object.keys(all))(`%s, ${m} objectives: Pareto-optimal x lands on the closed form`, (name) => {
      const p = all[name as keyof typeof all]({ nObj: m });
      const k = p.variables.length - m + 1;
      fc.assert(
        fc.property(position(m), (xs) => {
          const f = F(p, [...xs, ...fill(k, optimum(name))]);
          if (name === 'dtlz5' || name === 'dtlz6') {
            // For m > 3 only the norm is known: the point is on the curve, the front is larger.
            expect(Math.abs(f.reduce((s, v) => s + v * v, 0) - 1)).toBeLessThan(1e-12);
            if (m <= 3) expect(Math.abs(frontResidual(name, f))).toBeLessThan(1e-12);
          } else {
            expect(Math.abs(frontResidual(name, f))).toBeLessThan(1e-11);
          }
        }),
        { numRuns: 50 },
      );
    });
  }

  it.each(Object.keys(all))('%s: no x reaches below the front', (name) => {
    const p = all[name as keyof typeof all]({ nObj: 3, nVar: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (x) => {
          const f = F(p, x);
          const radius = f.reduce((s, v) => s + v * v, 0);
          if (name === 'dtlz5' || name === 'dtlz6') expect(radius).toBeGreaterThanOrEqual(1 - 1e-12);
          else expect(frontResidual(name, f)).toBeGreaterThanOrEqual(-1e-12);
        },
      ),
    );
  });

  it('DTLZ5 with 4 objectives: points off the curve are not dominated by it (its front is larger)', () => {
    const p = dtlz5({ nObj: 4 });
    // With g > 0 the angles after the first leave π/4: here f4 = 0 while f2 is far below the
    // curve's f2 at f4 = 0 (0.5): no curve point is at least as good in every objective.
    const f = F(p, [0, 1, 0, ...fill(10, 1)]);
    expect(f[3]).toBe(0);
    expect(f[1]).toBeLessThan(0.2);
    const w = [0.5, 0.5, Math.SQRT1_2];
    const c = Math.min(...w.map((wi, i) => f[i]! / wi));
    // A curve point (w · cos t, sin t) is below f only if cos t <= c and sin t <= f4.
    expect(c * c + f[3]! * f[3]!).toBeLessThan(1);
    expect(() => p.paretoFront(10)).toThrow(InvalidArgumentError);
    expect(() => p.paretoFront(10)).toThrow('Ishibuchi, Masuda & Nojima');
    expect(p.nadirPoint).toBeUndefined();
    expect(p.idealPoint).toEqual([0, 0, 0, 0]);
  });
});

describe('DTLZ options', () => {
  it('default to 3 objectives and k = 5, 10, 10, 10, 10, 10, 20', () => {
    expect(Object.values(all).map((f) => f().variables.length)).toEqual([7, 12, 12, 12, 12, 12, 22]);
    expect(Object.values(all).map((f) => f({ nObj: 5 }).variables.length)).toEqual([
      9, 14, 14, 14, 14, 14, 24,
    ]);
    expect(dtlz2({ nObj: 4, nVar: 4 }).variables.length).toBe(4);
    const p = dtlz2();
    expect(p.objectives.map((o) => o.name)).toEqual(['f1', 'f2', 'f3']);
    expect(p.constraints).toEqual([]);
    expect(p.variables.every((v) => v.kind === 'real' && v.lower === 0 && v.upper === 1)).toBe(true);
  });

  it('reject nObj < 2, nVar < nObj and non-integers with expected vs actual', () => {
    expect(() => dtlz1({ nObj: 1 })).toThrow('dtlz1: nObj: expected an integer >= 2, got 1.');
    expect(() => dtlz2({ nObj: 3.5 })).toThrow(InvalidArgumentError);
    expect(() => dtlz3({ nObj: '3' as never })).toThrow('got "3"');
    expect(() => dtlz7({ nObj: 5, nVar: 4 })).toThrow(
      'dtlz7: nVar: expected an integer >= 5 (nObj - 1 position variables and at least one distance variable; nObj = 5), got 4.',
    );
    expect(() => dtlz2({ nobj: 3 } as never)).toThrow(
      'dtlz2(options): expected only the keys nObj, nVar, got "nobj".',
    );
    expect(() => dtlz2().paretoFront(0)).toThrow('dtlz2.paretoFront(n): expected a positive integer, got 0.');
    expect(() => dtlz2().paretoFront(2)).toThrow('expected an integer >= 3');
  });
});
