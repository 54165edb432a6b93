import { describe, expect, it } from 'vitest';
import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { expectAllClose, expectClose, reference } from './fixtures/reference.js';
import { friedman } from './friedman.js';

describe('friedman', () => {
  // Oracle: scipy.stats.friedmanchisquare; Iman-Davenport from its χ² and scipy.stats.f.sf.
  it.each(reference.friedman.map((c) => [c.name, c] as const))('matches scipy on %s', (_, c) => {
    const r = friedman(c.table, { imanDavenport: true });
    expectClose(r.statistic, c.statistic, 'statistic');
    expectClose(r.pValue, c.pValue, 'pValue');
    expect(r.df).toBe(c.df);
    expect(r.blocks).toBe(c.table.length);
    expect(r.treatments).toBe(c.table[0]!.length);
    expectAllClose(r.meanRanks, c.meanRanks, 'meanRanks');
    const id = r.imanDavenport!;
    expectClose(id.statistic, c.imanDavenport.statistic, 'F');
    expectClose(id.pValue, c.imanDavenport.pValue, 'F pValue');
    expect([id.df1, id.df2]).toEqual([c.imanDavenport.df1, c.imanDavenport.df2]);
  });

  it('leaves out Iman-Davenport unless asked', () => {
    expect(
      'imanDavenport' in
        friedman([
          [1, 2],
          [2, 1],
        ]),
    ).toBe(false);
  });

  it('gives 0 and p = 1 when every block is one tie (scipy: NaN)', () => {
    const r = friedman(
      [
        [1, 1, 1],
        [2, 2, 2],
      ],
      { imanDavenport: true },
    );
    expect([r.statistic, r.pValue, r.imanDavenport?.statistic, r.imanDavenport?.pValue]).toEqual([
      0, 1, 0, 1,
    ]);
  });

  it('gives an infinite Iman-Davenport F when all blocks agree', () => {
    const r = friedman(
      [
        [1, 2, 3],
        [1, 2, 3],
        [4, 5, 6],
      ],
      { imanDavenport: true },
    );
    expect(r.statistic).toBe(6);
    expect(r.imanDavenport).toEqual({ statistic: Number.POSITIVE_INFINITY, pValue: 0, df1: 2, df2: 4 });
  });

  it('validates its input', () => {
    expect(() => friedman([[1, 2, 3]])).toThrow(DimensionMismatchError);
    expect(() => friedman([[1, 2, 3]])).toThrow('table: expected 2 rows (blocks) or more, got 1.');
    expect(() => friedman([[1], [2]])).toThrow(
      'table, row 0: expected 2 columns (treatments) or more, got 1.',
    );
    expect(() =>
      friedman([
        [1, 2, 3],
        [1, 2],
      ]),
    ).toThrow('table, row 1: expected 3 values (as many as row 0), got 2.');
    expect(() =>
      friedman([
        [1, 2],
        [Number.NaN, 2],
      ]),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      friedman([
        [1, 2],
        [Number.NaN, 2],
      ]),
    ).toThrow('table, row 1, column 0: expected a finite number, got NaN.');
    expect(() =>
      friedman([
        [1, Number.POSITIVE_INFINITY],
        [1, 2],
      ]),
    ).toThrow('got Infinity.');
    expect(() => friedman('x' as never)).toThrow(InvalidArgumentError);
    expect(() =>
      friedman(
        [
          [1, 2],
          [2, 1],
        ],
        { imanDavenport: 'yes' as never },
      ),
    ).toThrow('options.imanDavenport: expected true or false, got "yes".');
  });
});
