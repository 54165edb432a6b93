import { describe, expect, it } from 'vitest';
import { dunn } from './dunn.js';
import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { expectAllClose, reference } from './fixtures/reference.js';

describe('dunn', () => {
  // Oracles: scikit_posthocs.posthoc_dunn (design 'kruskal') and posthoc_siegel_friedman
  // (design 'friedman'), with p_adjust 'holm', 'bonferroni' and None; upper triangles compared.
  const cases = reference.dunn.flatMap((c) =>
    (['holm', 'bonferroni', 'none'] as const).map(
      (adjust) => [`${c.design} ${c.name} ${adjust}`, c, adjust] as const,
    ),
  );
  it.each(cases)('matches scikit-posthocs on %s', (_, c, adjust) => {
    const r = dunn(c.data, { design: c.design, adjust });
    expectAllClose(
      r.pairs.map((p) => p.adjustedPValue),
      c[adjust],
      'adjusted',
    );
    expectAllClose(
      r.pairs.map((p) => p.pValue),
      c.none,
      'raw',
    );
    expectAllClose(r.meanRanks, c.meanRanks, 'meanRanks');
    const k = r.meanRanks.length;
    for (let i = 0; i < k; i++) {
      expect(r.pValues[i]![i]).toBe(1);
      for (let j = 0; j < k; j++) expect(r.pValues[i]![j]).toBe(r.pValues[j]![i]);
    }
  });

  it('lists pairs in row-major upper-triangle order and flags significance by alpha', () => {
    const table = reference.friedman.find((c) => c.name === 'random_30x5')!.table;
    const r = dunn(table, { design: 'friedman', alpha: 0.01 });
    expect(r.pairs.map((p) => [p.i, p.j])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [1, 2],
      [1, 3],
      [1, 4],
      [2, 3],
      [2, 4],
      [3, 4],
    ]);
    for (const p of r.pairs) {
      expect(p.significant).toBe(p.adjustedPValue < 0.01);
      expect(r.pValues[p.i]![p.j]).toBe(p.adjustedPValue);
    }
    expect([r.design, r.adjust, r.alpha]).toEqual(['friedman', 'holm', 0.01]);
  });

  it('gives z = 0 and p = 1 when every value is tied', () => {
    const r = dunn(
      [
        [2, 2],
        [2, 2, 2],
      ],
      { design: 'kruskal' },
    );
    expect(r.pairs).toEqual([{ i: 0, j: 1, z: 0, pValue: 1, adjustedPValue: 1, significant: false }]);
  });

  it('validates its input', () => {
    expect(() => dunn([[1, 2]], { design: 'kruskal' })).toThrow('groups: expected 2 groups or more, got 1.');
    expect(() => dunn([[1, 2], []], { design: 'kruskal' })).toThrow(DimensionMismatchError);
    expect(() =>
      dunn(
        [
          [1, 2],
          [3, Number.NaN],
        ],
        { design: 'kruskal' },
      ),
    ).toThrow('groups[1][1]: expected a finite number, got NaN.');
    expect(() => dunn([[1, 2, 3]], { design: 'friedman' })).toThrow(
      'table: expected 2 rows (blocks) or more, got 1.',
    );
    expect(() =>
      dunn(
        [
          [1, 2, 3],
          [1, 2],
        ],
        { design: 'friedman' },
      ),
    ).toThrow(DimensionMismatchError);
    expect(() =>
      dunn(
        [
          [1, 2],
          [2, 1],
        ],
        {} as never,
      ),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      dunn(
        [
          [1, 2],
          [2, 1],
        ],
        { design: 'anova' as never },
      ),
    ).toThrow("options.design: expected one of 'kruskal', 'friedman', got \"anova\".");
    expect(() =>
      dunn(
        [
          [1, 2],
          [2, 1],
        ],
        { design: 'kruskal', adjust: 'fdr' as never },
      ),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      dunn(
        [
          [1, 2],
          [2, 1],
        ],
        { design: 'kruskal', alpha: 1.5 },
      ),
    ).toThrow('options.alpha: expected a number in (0, 1), got 1.5.');
  });
});
