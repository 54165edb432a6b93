import { describe, expect, it } from 'vitest';
import { rankAverage } from './rank.js';
import { rankSumPmf } from './rank-sum-distribution.js';
import { signedRankPmf, symmetricCdf, symmetricSf } from './signed-rank-distribution.js';

// Oracle: hand counts of small cases and the total-probability / symmetry identities.
describe('rankAverage', () => {
  it('ranks ascending with mean ranks for ties (scipy rankdata "average")', () => {
    const r = rankAverage([3, 1, 4, 1, 5, 9, 2, 6, 5]);
    expect(Array.from(r.ranks)).toEqual([4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5]);
    expect(r.tieSum).toBe(12); // two pairs: 2 × (8 − 2)
    expect(r.hasTies).toBe(true);
  });
  it('reads a strided slice', () => {
    expect(Array.from(rankAverage([9, 0, 7, 0, 8, 0], 0, 2, 3).ranks)).toEqual([3, 1, 2]);
  });
});

describe('signedRankPmf', () => {
  it('counts the subsets of {1, 2, 3} by their sum', () => {
    expect(Array.from(signedRankPmf(3), (p) => p * 8)).toEqual([1, 1, 1, 2, 1, 1, 1]);
  });
  it('sums to 1 and is symmetric, with matching tails', () => {
    const pmf = signedRankPmf(20);
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    for (let t = 0; t < pmf.length; t++) expect(pmf[t]).toBe(pmf[pmf.length - 1 - t]);
    expect(symmetricCdf(pmf, 60) + symmetricSf(pmf, 61)).toBeCloseTo(1, 14);
    expect(symmetricSf(pmf, 0)).toBe(1);
  });
});

describe('rankSumPmf', () => {
  it('counts the arrangements of 2 + 2 values by U', () => {
    expect(Array.from(rankSumPmf(2, 2), (p) => Math.round(p * 6))).toEqual([1, 1, 2, 1, 1]);
  });
  it('sums to 1, is symmetric, and does not depend on the order of the sizes', () => {
    const pmf = rankSumPmf(7, 11);
    expect(pmf.length).toBe(78);
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    for (let u = 0; u < pmf.length; u++) expect(pmf[u]).toBeCloseTo(pmf[pmf.length - 1 - u]!, 16);
    expect(Array.from(rankSumPmf(11, 7))).toEqual(Array.from(pmf));
  });
});
