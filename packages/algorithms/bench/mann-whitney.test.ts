import { describe, expect, it } from 'vitest';
import { mannWhitney } from './mann-whitney.js';

describe('mannWhitney', () => {
  it("matches scipy.stats.mannwhitneyu(method='asymptotic', alternative='two-sided')", () => {
    const a = [0.8671, 0.8675, 0.8669, 0.868, 0.8677, 0.8668, 0.8672, 0.8679, 0.8674, 0.867];
    const b = [0.8665, 0.8673, 0.866, 0.8671, 0.8668, 0.8662, 0.8666, 0.8667, 0.8664, 0.8661];
    const r = mannWhitney(a, b);
    expect(r.u).toBe(91);
    expect(r.p).toBeCloseTo(0.0021853274789521097, 6);
    const tied = mannWhitney([1, 2, 2, 3, 4], [2, 3, 5, 5, 6, 7]);
    expect(tied.u).toBe(4.5);
    expect(tied.p).toBeCloseTo(0.06414661873440437, 6);
    expect(mannWhitney([1, 1], [1, 1]).p).toBe(1);
  });
});
