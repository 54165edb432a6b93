import { describe, expect, it } from 'vitest';
import { adjustPValues } from './adjust-p-values.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { expectAllClose, reference } from './fixtures/reference.js';

describe('adjustPValues', () => {
  // Oracle: statsmodels.stats.multitest.multipletests (what scikit-posthocs calls).
  it.each(reference.adjustPValues.map((c, i) => [i, c] as const))('matches statsmodels on set %i', (_, c) => {
    expectAllClose(adjustPValues(c.p, 'holm'), c.holm, 'holm');
    expectAllClose(adjustPValues(c.p, 'bonferroni'), c.bonferroni, 'bonferroni');
  });

  it('accepts an empty list', () => {
    expect(adjustPValues([], 'holm')).toEqual([]);
  });

  it('validates its input', () => {
    expect(() => adjustPValues([0.1, 1.2], 'holm')).toThrow('p[1]: expected a p-value in [0, 1], got 1.2.');
    expect(() => adjustPValues([Number.NaN], 'holm')).toThrow(InvalidArgumentError);
    expect(() => adjustPValues([0.1], 'fdr_bh' as never)).toThrow(
      "method: expected one of 'holm', 'bonferroni', got \"fdr_bh\".",
    );
  });
});
