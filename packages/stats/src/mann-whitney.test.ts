import { describe, expect, it } from 'vitest';
import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { expectClose, reference } from './fixtures/reference.js';
import { mannWhitney } from './mann-whitney.js';

describe('mannWhitney', () => {
  // Oracle: scipy.stats.mannwhitneyu (continuity is scipy's use_continuity).
  const cases = reference.mannWhitney.map((c) => [`${c.name} ${JSON.stringify(c.options)}`, c] as const);
  it.each(cases)('matches scipy on %s', (_, c) => {
    const { x, y } = reference.samples[c.name]!;
    const r = mannWhitney(x, y, c.options);
    expectClose(r.statistic, c.statistic, 'statistic');
    // scipy's exact tail above the middle is 1 − cdf + pmf, so allow 1e-15 absolute as well.
    expectClose(r.pValue, c.pValue, 'pValue', 1e-10, 1e-15);
  });

  it("chooses the method as scipy's 'auto' does", () => {
    const method = (name: string) =>
      mannWhitney(reference.samples[name]!.x, reference.samples[name]!.y).method;
    expect(method('exact_5_7')).toBe('exact');
    expect(method('exact_8_20')).toBe('exact');
    expect(method('ties_6_6')).toBe('asymptotic');
    expect(method('continuous_15_12')).toBe('asymptotic');
  });

  it('counts ties as one half in U', () => {
    expect(mannWhitney([1, 2], [2, 3]).statistic).toBe(0.5);
  });

  it('validates its input', () => {
    expect(() => mannWhitney([], [1])).toThrow(DimensionMismatchError);
    expect(() => mannWhitney([1], [])).toThrow('y: expected 1 value or more, got 0.');
    expect(() => mannWhitney([1, Number.NaN], [1])).toThrow('x[1]: expected a finite number, got NaN.');
    expect(() => mannWhitney([1], [2], { method: 'approx' as never })).toThrow(
      "options.method: expected one of 'auto', 'exact', 'asymptotic', got \"approx\".",
    );
    expect(() => mannWhitney([1], [2], { continuity: 'no' as never })).toThrow(InvalidArgumentError);
    expect(() => mannWhitney([1], [2], 3 as never)).toThrow(
      'options: expected an object or undefined, got 3.',
    );
  });
});
