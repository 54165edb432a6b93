import { InvalidArgumentError } from '@paretokit/problem';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionFor, evaluateRows, frontResidual } from '../test/support.js';
import { c1dtlz1, c1dtlz3, c2dtlz2, c3dtlz1, c3dtlz4 } from './cdtlz.js';
import { dtlz1, dtlz2, dtlz3, dtlz4 } from './dtlz.js';

const fill = (n: number, v: number) => new Array<number>(n).fill(v);
const one = (p: ReturnType<typeof c1dtlz1>, x: number[]) => {
  const { F, G } = evaluateRows(p, [x]);
  return { f: F[0]!, g: G![0]! };
};
const sum = (f: number[]) => f.reduce((s, v) => s + v, 0);
const sumSq = (f: number[]) => f.reduce((s, v) => s + v * v, 0);
const position = (m: number) =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: m - 1, maxLength: m - 1 });

describe('C-DTLZ by hand (Jain & Deb 2014, negated to g <= 0 feasible as pymoo)', () => {
  it("objectives are the base problem's", () => {
    const x7 = [0.2, 0.7, 0.1, 0.9, 0.4, 0.6, 0.5];
    const x12 = [...x7, 0.3, 0.8, 0.45, 0.55, 0.05];
    expect(one(c1dtlz1(), x7).f).toEqual(evaluateRows(dtlz1(), [x7]).F[0]);
    expect(one(c3dtlz1(), x7).f).toEqual(evaluateRows(dtlz1(), [x7]).F[0]);
    expect(one(c1dtlz3(), x12).f).toEqual(evaluateRows(dtlz3(), [x12]).F[0]);
    expect(one(c2dtlz2(), x12).f).toEqual(evaluateRows(dtlz2(), [x12]).F[0]);
    expect(one(c3dtlz4(), x12).f).toEqual(evaluateRows(dtlz4(), [x12]).F[0]);
  });

  it('C1-DTLZ1 at F = (1/8, 1/8, 1/4): c = 1 - 0.25/0.6 - 0.25/0.5 = 1/12, so g = -1/12', () => {
    expect(one(c1dtlz1(), fill(7, 0.5)).g[0]).toBeCloseTo(-1 / 12, 15);
    // x = 0 is far above the band: F = (0, 0, 63), g = 63/0.6 - 1.
    expect(one(c1dtlz1(), fill(7, 0)).g[0]).toBeCloseTo(63 / 0.6 - 1, 9);
  });

  it('C1-DTLZ3: g = -(R² - 16)(R² - r²); r = 9 for 3 objectives, 15 for 10 (the paper, not pymoo)', () => {
    expect(one(c1dtlz3(), fill(12, 0.5)).g).toEqual([-(1 - 16) * (1 - 81)]);
    expect(one(c1dtlz3({ nObj: 5 }), fill(14, 0.5)).g).toEqual([-(1 - 16) * (1 - 12.5 ** 2)]);
    expect(one(c1dtlz3({ nObj: 8 }), fill(17, 0.5)).g[0]).toBeCloseTo(-(1 - 16) * (1 - 12.5 ** 2), 10);
    expect(one(c1dtlz3({ nObj: 10 }), fill(19, 0.5)).g[0]).toBeCloseTo(-(1 - 16) * (1 - 225), 10);
    expect(one(c1dtlz3({ nObj: 15 }), fill(24, 0.5)).g[0]).toBeCloseTo(-(1 - 16) * (1 - 225), 10);
    // Inside the band (radius 5 with r = 9) is infeasible: x_M = 0 gives R = 1 + 250.
    const { f, g } = one(c1dtlz3({ r: 300 }), [0, 0, ...fill(10, 0)]);
    expect(f[0]).toBeCloseTo(251, 10);
    expect(g[0]).toBeGreaterThan(0);
  });

  it('C2-DTLZ2: the corner (1, 0, 0) is the centre of a ball: g = -r²', () => {
    expect(one(c2dtlz2(), [0, 0, ...fill(10, 0.5)]).g[0]).toBeCloseTo(-0.16, 15);
    expect(one(c2dtlz2({ r: 0.3 }), [0, 0, ...fill(10, 0.5)]).g[0]).toBeCloseTo(-0.09, 15);
    // (0.5, 0.5, 1/√2) is 0.765 from a corner and 0.182 from the centre direction.
    expect(one(c2dtlz2(), [0.5, 0.5, ...fill(10, 0.5)]).g[0]).toBeCloseTo(
      2 - (2 * (1 + Math.SQRT1_2)) / Math.sqrt(3) - 0.16,
      14,
    );
  });

  it('C3-DTLZ1 at F = (1/8, 1/8, 1/4): g_j = 1 - 2 f_j - Σ_{i≠j} f_i = (3/8, 3/8, 1/4), infeasible', () => {
    expect(one(c3dtlz1(), fill(7, 0.5)).g).toEqual([0.375, 0.375, 0.25]);
  });

  it('C3-DTLZ4 at F = (1, 0, 0): g = (3/4, 0, 0)', () => {
    expect(one(c3dtlz4(), [0, 0, ...fill(10, 0.5)]).g).toEqual([0.75, 0, 0]);
  });
});

describe('C-DTLZ properties', () => {
  for (const m of [2, 3, 5]) {
    it(`${m} objectives: Pareto-optimal x of C1-DTLZ1 and C1-DTLZ3 is feasible and on the front`, () => {
      for (const p of [c1dtlz1({ nObj: m }), c1dtlz3({ nObj: m, r: 9 })]) {
        const k = p.variables.length - m + 1;
        fc.assert(
          fc.property(position(m), (xs) => {
            const { f, g } = one(p, [...xs, ...fill(k, 0.5)]);
            expect(Math.abs(frontResidual(p.name, f))).toBeLessThan(1e-12);
            expect(g[0]).toBeLessThanOrEqual(0);
          }),
          { numRuns: 50 },
        );
      }
    });

    it(`${m} objectives: C2-DTLZ2's Pareto-optimal x is feasible exactly inside the balls`, () => {
      const p = c2dtlz2({ nObj: m });
      const r = m === 2 ? 0.2 : m === 3 ? 0.4 : 0.5;
      fc.assert(
        fc.property(position(m), (xs) => {
          const { f, g } = one(p, [...xs, ...fill(10, 0.5)]);
          // On the unit sphere, |f - e_i|² = 2 - 2 f_i and |f - 1/√M|² = 2 - 2 Σf / √M.
          const inBall = Math.max(...f) >= 1 - (r * r) / 2 || sum(f) >= Math.sqrt(m) * (1 - (r * r) / 2);
          if (Math.abs(g[0]!) > 1e-9) expect(g[0]! <= 0).toBe(inBall);
        }),
        { numRuns: 200 },
      );
    });

    it(`${m} objectives: C3's fronts are reached with the tightest constraint active`, () => {
      for (const p of [c3dtlz1({ nObj: m }), c3dtlz4({ nObj: m })]) {
        const base = p.name === 'c3dtlz1' ? 'dtlz1' : 'dtlz4';
        const n = p.variables.length;
        fc.assert(
          fc.property(position(m), (xs) => {
            // The base problem's front point gives the direction; scale it onto the C3 front.
            const u = evaluateRows(p, [[...xs, ...fill(n - m + 1, 0.5)]]).F[0]!;
            const t =
              base === 'dtlz1'
                ? 1 / (sum(u) + Math.min(...u))
                : 1 / Math.sqrt(sumSq(u) - 0.75 * Math.max(...u) ** 2);
            const target = u.map((v) => v * t);
            const { f, g } = one(p, decisionFor(p.name, target, n));
            expect(Math.abs(frontResidual(p.name, f))).toBeLessThan(1e-9);
            expect(Math.abs(Math.max(...g))).toBeLessThan(1e-9);
          }),
          { numRuns: 50 },
        );
      }
    });
  }

  it('no feasible x of C3-DTLZ1 or C3-DTLZ4 reaches below its front', () => {
    for (const p of [c3dtlz1({ nVar: 6 }), c3dtlz4({ nVar: 6 })]) {
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
          (x) => {
            const { f, g } = one(p, x);
            if (Math.max(...g) <= 0) expect(frontResidual(p.name, f)).toBeGreaterThanOrEqual(-1e-12);
          },
        ),
      );
    }
  });
});

describe('C-DTLZ options', () => {
  it('follow the base problem: k = 5, 10, 10, 5, 10; one constraint, or one per objective for C3', () => {
    const all = [c1dtlz1(), c1dtlz3(), c2dtlz2(), c3dtlz1(), c3dtlz4()];
    expect(all.map((p) => p.variables.length)).toEqual([7, 12, 12, 7, 12]);
    expect(all.map((p) => p.constraints.length)).toEqual([1, 1, 1, 3, 3]);
    expect(c3dtlz4({ nObj: 5 }).constraints.map((c) => c.name)).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
  });

  it('C1-DTLZ3 needs r for objective counts the paper does not cover', () => {
    for (const m of [2, 4, 6]) {
      expect(() => c1dtlz3({ nObj: m })).toThrow(InvalidArgumentError);
      expect(() => c1dtlz3({ nObj: m })).toThrow(
        `c1dtlz3({ nObj: ${m} }): r: expected a radius r: Jain & Deb (2014) give defaults only for 3, 5, 8, 10 and 15 objectives, got undefined. Pass one, e.g. c1dtlz3({ nObj: ${m}, r: 12.5 }).`,
      );
    }
    expect(c1dtlz3({ nObj: 4, r: 11 }).constraints.length).toBe(1);
    expect(() => c1dtlz3({ r: 0.5 })).toThrow(
      'c1dtlz3: r: expected a finite number >= 1 (so that the unit-sphere front stays feasible), got 0.5.',
    );
  });

  it('C2-DTLZ2 checks r; other problems reject it', () => {
    expect(() => c2dtlz2({ r: 0 })).toThrow('c2dtlz2: r: expected a finite number > 0, got 0.');
    expect(() => c2dtlz2({ r: Number.POSITIVE_INFINITY })).toThrow(InvalidArgumentError);
    expect(() => c1dtlz1({ r: 1 } as never)).toThrow(
      'c1dtlz1(options): expected only the keys nObj, nVar, got "r".',
    );
    expect(() => c3dtlz4({ nObj: 1 })).toThrow('c3dtlz4: nObj: expected an integer >= 2, got 1.');
  });
});
