// Property tests (fast-check, fixed seed): invariances and identities that hold for any data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustPValues } from './adjust-p-values.js';
import { dunn } from './dunn.js';
import { friedman } from './friedman.js';
import { mannWhitney } from './mann-whitney.js';
import { wilcoxon } from './wilcoxon.js';

const params = { seed: 20240611, numRuns: 200 };
const value = fc.integer({ min: -20, max: 20 }).map((v) => v / 4); // small grid: plenty of ties and zeros
const sample = (min: number, max: number) => fc.array(value, { minLength: min, maxLength: max });
const table = fc
  .tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 2, max: 6 }))
  .chain(([n, k]) =>
    fc.array(fc.array(value, { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
  );
const probability = (p: number) => p >= 0 && p <= 1;
const alternatives = fc.constantFrom('two-sided' as const, 'less' as const, 'greater' as const);

describe('properties', () => {
  it('friedman: p-values in [0, 1]; invariant to the order of the blocks; columns permute the mean ranks', () => {
    fc.assert(
      fc.property(table, (t) => {
        const r = friedman(t, { imanDavenport: true });
        expect(probability(r.pValue) && probability(r.imanDavenport!.pValue)).toBe(true);
        expect(r.statistic).toBeGreaterThanOrEqual(0);
        const reversed = friedman([...t].reverse());
        expect(reversed.statistic).toBeCloseTo(r.statistic, 10);
        const rotated = friedman(t.map((row) => [...row.slice(1), row[0]!]));
        expect(rotated.statistic).toBeCloseTo(r.statistic, 10);
        expect(rotated.meanRanks).toEqual([...r.meanRanks.slice(1), r.meanRanks[0]]);
        // Mean ranks always average (k + 1) / 2.
        const k = r.treatments;
        expect(r.meanRanks.reduce((a, b) => a + b, 0) / k).toBeCloseTo((k + 1) / 2, 12);
      }),
      params,
    );
  });

  it('friedman: identical columns give statistic 0 and p = 1', () => {
    fc.assert(
      fc.property(sample(2, 10), fc.integer({ min: 2, max: 6 }), (column, k) => {
        const r = friedman(column.map((v) => new Array<number>(k).fill(v)));
        expect([r.statistic, r.pValue]).toEqual([0, 1]);
      }),
      params,
    );
  });

  it('dunn: p-values in [0, 1], adjusted >= raw, invariant to a monotone transform of the data', () => {
    const groups = fc.array(sample(1, 8), { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(groups, table, (g, t) => {
        for (const [data, design] of [
          [g, 'kruskal'],
          [t, 'friedman'],
        ] as const) {
          const r = dunn(data, { design });
          const shifted = dunn(
            data.map((row) => row.map((v) => 3 * v + 7)),
            { design },
          );
          for (const [index, p] of r.pairs.entries()) {
            expect(probability(p.pValue) && probability(p.adjustedPValue)).toBe(true);
            expect(p.adjustedPValue).toBeGreaterThanOrEqual(p.pValue);
            expect(shifted.pairs[index]!.pValue).toBeCloseTo(p.pValue, 12);
          }
        }
      }),
      params,
    );
  });

  it('adjustPValues: in [0, 1], >= the raw values, monotone in them; Holm <= Bonferroni', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), (p) => {
        const holm = adjustPValues(p, 'holm');
        const bonferroni = adjustPValues(p, 'bonferroni');
        for (let i = 0; i < p.length; i++) {
          expect(probability(holm[i]!)).toBe(true);
          expect(holm[i]).toBeGreaterThanOrEqual(p[i]!);
          expect(bonferroni[i]).toBeGreaterThanOrEqual(holm[i]!);
          for (let j = 0; j < p.length; j++)
            if (p[i]! <= p[j]!) expect(holm[i]).toBeLessThanOrEqual(holm[j]!);
        }
      }),
      params,
    );
  });

  it('wilcoxon: p in [0, 1]; invariant to the order of the pairs; swapping x and y swaps less and greater', () => {
    const pairs = fc
      .integer({ min: 1, max: 20 })
      .chain((n) =>
        fc.tuple(
          fc.array(value, { minLength: n, maxLength: n }),
          fc.array(value, { minLength: n, maxLength: n }),
        ),
      );
    const zeroMethod = fc.constantFrom('wilcox' as const, 'pratt' as const, 'zsplit' as const);
    const method = fc.constantFrom('auto' as const, 'exact' as const, 'approx' as const);
    fc.assert(
      fc.property(
        pairs,
        alternatives,
        zeroMethod,
        method,
        fc.boolean(),
        ([x, y], alternative, zm, m, correction) => {
          const options = { alternative, zeroMethod: zm, method: m, correction };
          const r = wilcoxon(x, y, options);
          expect(probability(r.pValue)).toBe(true);
          const reversed = wilcoxon([...x].reverse(), [...y].reverse(), options);
          expect(reversed.pValue).toBeCloseTo(r.pValue, 12);
          // scipy's 'exact' with 'pratt' zeros uses the distribution for n ranks although the zeros'
          // ranks are dropped, so T+ and T- are not symmetric there (scipy 1.17 gives the same values).
          if (zm === 'pratt' && m === 'exact') return;
          if (alternative !== 'two-sided') {
            const mirror = alternative === 'less' ? 'greater' : 'less';
            expect(wilcoxon(y, x, { ...options, alternative: mirror }).pValue).toBeCloseTo(r.pValue, 12);
          } else expect(wilcoxon(y, x, options).pValue).toBeCloseTo(r.pValue, 12);
        },
      ),
      params,
    );
  });

  it('mannWhitney: p in [0, 1]; U_x + U_y = n m; invariant to the order within samples', () => {
    const method = fc.constantFrom('auto' as const, 'exact' as const, 'asymptotic' as const);
    fc.assert(
      fc.property(
        sample(1, 15),
        sample(1, 15),
        alternatives,
        method,
        fc.boolean(),
        (x, y, alternative, m, continuity) => {
          const options = { alternative, method: m, continuity };
          const r = mannWhitney(x, y, options);
          expect(probability(r.pValue)).toBe(true);
          expect(r.statistic + mannWhitney(y, x).statistic).toBe(x.length * y.length);
          expect(mannWhitney([...x].reverse(), [...y].reverse(), options).pValue).toBeCloseTo(r.pValue, 12);
          if (alternative !== 'two-sided') {
            const mirror = alternative === 'less' ? 'greater' : 'less';
            expect(mannWhitney(y, x, { ...options, alternative: mirror }).pValue).toBeCloseTo(r.pValue, 12);
          }
        },
      ),
      params,
    );
  });

  it('exact and normal approximation agree for larger samples without ties', () => {
    // Distinct values: a permutation of 1..N split into the samples (or paired differences).
    const distinct = (size: number) =>
      fc.shuffledSubarray(
        Array.from({ length: size }, (_, i) => i + 1),
        { minLength: size, maxLength: size },
      );
    fc.assert(
      fc.property(
        distinct(60),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        alternatives,
        (perm, signs, alternative) => {
          const x = perm.slice(0, 25);
          const y = perm.slice(25, 55);
          const exactU = mannWhitney(x, y, { alternative, method: 'exact' }).pValue;
          const approxU = mannWhitney(x, y, { alternative, method: 'asymptotic' }).pValue;
          expect(Math.abs(exactU - approxU)).toBeLessThan(0.01);
          const d = perm.slice(0, 30).map((v, i) => (signs[i] ? v : -v));
          const zeros = new Array<number>(30).fill(0);
          const exactW = wilcoxon(d, zeros, { alternative, method: 'exact' }).pValue;
          const approxW = wilcoxon(d, zeros, { alternative, method: 'approx', correction: true }).pValue;
          expect(Math.abs(exactW - approxW)).toBeLessThan(0.01);
        },
      ),
      { ...params, numRuns: 50 },
    );
  });
});
