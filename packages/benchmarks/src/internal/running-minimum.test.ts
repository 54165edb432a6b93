import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestPower, runningMinimumIntervals, spreadOverIntervals } from './running-minimum.js';

const zdt3 = (f: number) => 1 - Math.sqrt(f) - f * Math.sin(10 * Math.PI * f);
const zdt3Slope = (f: number) =>
  -0.5 / Math.sqrt(f) - Math.sin(10 * Math.PI * f) - 10 * Math.PI * f * Math.cos(10 * Math.PI * f);

describe('runningMinimumIntervals', () => {
  it("finds ZDT3's five parts; pymoo's hard-coded bounds agree to 10 digits but one", () => {
    const parts = runningMinimumIntervals(zdt3, zdt3Slope, 0, 1);
    // pymoo/problems/multi/zdt.py, ZDT3._calc_pareto_front.
    const pymoo = [
      [0, 0.0830015349],
      [0.18222878, 0.2577623634],
      [0.4093136748, 0.4538821041],
      [0.6183967944, 0.6525117038],
      [0.8233317983, 0.8518328654],
    ];
    expect(parts.length).toBe(5);
    parts.forEach(([a, b], i) => {
      expect(Math.abs(b - pymoo[i]![1]!)).toBeLessThan(1e-10);
      // pymoo writes 0.182228780 for 0.1822287280: a dropped digit, 5.2e-8 off.
      expect(Math.abs(a - pymoo[i]![0]!)).toBeLessThan(i === 1 ? 6e-8 : 1e-10);
    });
    expect(parts[1]![0]).toBeCloseTo(0.182228728, 9);
    // Each part ends at a local minimum and starts where the curve falls to the previous end.
    parts.forEach(([a, b], i) => {
      expect(Math.abs(zdt3Slope(b))).toBeLessThan(1e-6);
      if (i > 0) expect(zdt3(a)).toBeCloseTo(zdt3(parts[i - 1]![1]), 14);
    });
  });

  it('matches a brute-force running minimum on a dense grid', () => {
    const parts = runningMinimumIntervals(zdt3, zdt3Slope, 0, 1);
    let best = Number.POSITIVE_INFINITY;
    for (let i = 1; i <= 100_000; i++) {
      const x = i / 100_000;
      const y = zdt3(x);
      const onFront = y < best;
      best = Math.min(best, y);
      const inside = parts.some(([a, b]) => x >= a - 1e-12 && x <= b + 1e-12);
      if (onFront !== inside) expect.fail(`x = ${x}: running minimum ${onFront}, in a part ${inside}`);
    }
  });

  it('gives the whole range for a falling function', () => {
    expect(
      runningMinimumIntervals(
        (x) => -x,
        () => -1,
        0,
        2,
      ),
    ).toEqual([[0, 2]]);
  });
});

describe('spreadOverIntervals', () => {
  it('is linspace on one interval', () => {
    expect(Array.from(spreadOverIntervals([[0, 1]], 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(spreadOverIntervals([[2, 3]], 1))).toEqual([2]);
  });

  it('shares points by width; later parts are open at the left', () => {
    expect(
      Array.from(
        spreadOverIntervals(
          [
            [0, 1],
            [2, 4],
          ],
          6,
        ),
      ),
    ).toEqual([0, 1, 2.5, 3, 3.5, 4]);
  });

  it('gives exactly n sorted values inside the intervals', () => {
    const parts = [
      [0, 0.1],
      [0.3, 0.35],
      [0.6, 0.9],
    ] as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (n) => {
        const v = Array.from(spreadOverIntervals(parts, n));
        expect(v.length).toBe(n);
        for (let i = 1; i < n; i++) expect(v[i]!).toBeGreaterThan(v[i - 1]!);
        for (const y of v) expect(parts.some(([a, b], i) => (i === 0 ? y >= a : y > a) && y <= b)).toBe(true);
      }),
    );
  });
});

describe('largestPower', () => {
  it('is the largest p with p^d <= n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 1, max: 6 }), (n, d) => {
        const p = largestPower(n, d);
        expect(p ** d).toBeLessThanOrEqual(n);
        expect((p + 1) ** d).toBeGreaterThan(n);
      }),
    );
    expect(largestPower(1000, 3)).toBe(10);
    expect(largestPower(999, 3)).toBe(9);
  });
});
