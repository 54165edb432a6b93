import { describe, expect, it } from 'vitest';
import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { expectClose, reference } from './fixtures/reference.js';
import { wilcoxon } from './wilcoxon.js';

describe('wilcoxon', () => {
  // Oracle: scipy.stats.wilcoxon (method 'approx' is scipy's 'asymptotic').
  const cases = reference.wilcoxon.map((c) => [`${c.name} ${JSON.stringify(c.options)}`, c] as const);
  it.each(cases)('matches scipy on %s', (_, c) => {
    const { x, y } = reference.pairs[c.name]!;
    const r = wilcoxon(x, y, c.options);
    expectClose(r.statistic, c.statistic, 'statistic');
    // Exact tails near 1 are 1 − (a short sum) in scipy, so allow 1e-15 absolute as well.
    expectClose(r.pValue, c.pValue, 'pValue', 1e-10, 1e-15);
  });

  it("chooses the method as scipy's 'auto' does", () => {
    const method = (name: string) => wilcoxon(reference.pairs[name]!.x, reference.pairs[name]!.y).method;
    expect(method('exact_10')).toBe('exact');
    expect(method('continuous_40')).toBe('exact');
    expect(method('zeros_ties_12')).toBe('permutation');
    expect(method('ties_20')).toBe('approx');
    expect(method('zeros_25')).toBe('approx');
    expect(method('continuous_80')).toBe('approx');
  });

  it('gives p = 1 when every difference is zero', () => {
    expect(wilcoxon([1, 2, 3], [1, 2, 3])).toEqual({ statistic: 0, pValue: 1, method: 'permutation' });
    expect(wilcoxon([1, 2, 3], [1, 2, 3], { method: 'approx' }).pValue).toBe(1);
  });

  it('validates its input', () => {
    expect(() => wilcoxon([1, 2, 3], [1, 2])).toThrow(DimensionMismatchError);
    expect(() => wilcoxon([1, 2, 3], [1, 2])).toThrow('y: expected 3 values (one per value of x), got 2.');
    expect(() => wilcoxon([], [])).toThrow('x: expected 1 value or more, got 0.');
    expect(() => wilcoxon([1, Number.NaN], [1, 2])).toThrow('x[1]: expected a finite number, got NaN.');
    expect(() => wilcoxon([1, 2], [1, Number.NEGATIVE_INFINITY])).toThrow(InvalidArgumentError);
    expect(() => wilcoxon([1, 2], [2, 1], { alternative: 'bigger' as never })).toThrow(
      "options.alternative: expected one of 'two-sided', 'less', 'greater', got \"bigger\".",
    );
    expect(() => wilcoxon([1, 2], [2, 1], { method: 'asymptotic' as never })).toThrow(InvalidArgumentError);
    expect(() => wilcoxon([1, 2], [2, 1], { zeroMethod: 'drop' as never })).toThrow(InvalidArgumentError);
    expect(() => wilcoxon([1, 2], [2, 1], { correction: 1 as never })).toThrow(InvalidArgumentError);
  });
});
