import { InvalidArgumentError, toArrays } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { dasDennis, dasDennisCount } from './das-dennis.js';
import { rieszEnergy } from './riesz-energy.js';

const binomial = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
};

describe('dasDennis', () => {
  it('has C(H + M - 1, M - 1) rows summing to 1, all distinct, in pymoo order', () => {
    for (const [m, h] of [
      [2, 1],
      [2, 49],
      [3, 12],
      [4, 6],
      [5, 5],
      [8, 3],
    ] as const) {
      const W = dasDennis(m, h);
      expect(W.rows).toBe(binomial(h + m - 1, m - 1));
      expect(dasDennisCount(m, h)).toBe(W.rows);
      const keys = new Set<string>();
      for (const row of toArrays(W)) {
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (const v of row) expect(Math.round(v * h)).toBeCloseTo(v * h, 9);
        keys.add(row.join());
      }
      expect(keys.size).toBe(W.rows);
    }
    expect(toArrays(dasDennis(3, 2))).toEqual([
      [0, 0, 1],
      [0, 0.5, 0.5],
      [0, 1, 0],
      [0.5, 0, 0.5],
      [0.5, 0.5, 0],
      [1, 0, 0],
    ]);
    expect(toArrays(dasDennis(3, 0))).toEqual([[1 / 3, 1 / 3, 1 / 3]]);
  });

  it('rejects bad input with typed errors', () => {
    expect(() => dasDennis(0, 3)).toThrow(InvalidArgumentError);
    expect(() => dasDennis(3, -1)).toThrow(InvalidArgumentError);
    expect(() => dasDennis(3, 1.5)).toThrow(InvalidArgumentError);
    expect(() => dasDennis(20, 40)).toThrow(/at most/);
  });
});

describe('rieszEnergy', () => {
  it('spreads 50 directions on 2 objectives well, with both unit vectors', () => {
    const W = rieszEnergy(2, 50, 1);
    expect(W.rows).toBe(50);
    const rows = toArrays(W);
    for (const r of rows) {
      expect(r[0]! + r[1]!).toBeCloseTo(1, 12);
      expect(Math.min(...r)).toBeGreaterThanOrEqual(0);
    }
    expect(rows).toContainEqual([1, 0]);
    expect(rows).toContainEqual([0, 1]);
    const w1 = rows.map((r) => r[0]!).sort((a, b) => a - b);
    const gaps = w1.slice(1).map((v, i) => v - w1[i]!);
    // Even spacing would be 1/49 ~ 0.0204: no gap may be far from it.
    expect(Math.min(...gaps)).toBeGreaterThan(0.5 / 49);
    expect(Math.max(...gaps)).toBeLessThan(1.6 / 49);
  });

  it('is deterministic per seed and spreads 3-objective sets of any size', () => {
    expect(rieszEnergy(3, 40, 2).data).toEqual(rieszEnergy(3, 40, 2).data);
    const W = toArrays(rieszEnergy(3, 40, 2));
    let closest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < W.length; i++) {
      expect(W[i]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (let j = i + 1; j < W.length; j++) {
        closest = Math.min(closest, Math.hypot(...W[i]!.map((v, k) => v - W[j]![k]!)));
      }
    }
    // 40 points on the 2-simplex (area ~0.87 in its plane): a lattice would be ~0.15 apart.
    expect(closest).toBeGreaterThan(0.08);
  });

  it('rejects bad input with typed errors', () => {
    expect(() => rieszEnergy(1, 5, 1)).toThrow(InvalidArgumentError);
    expect(() => rieszEnergy(3, 2, 1)).toThrow(/at least nObj/);
    expect(() => rieszEnergy(3, 10, -1)).toThrow(InvalidArgumentError);
  });
});
