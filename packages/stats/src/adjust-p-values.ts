import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { checkChoice } from './internal/validate.js';

/** A family-wise error correction for {@link adjustPValues}. */
export type PValueAdjustment = 'holm' | 'bonferroni';

/**
 * Adjusts p-values for multiple comparisons, as `statsmodels.stats.multitest.multipletests`
 * (which scikit-posthocs calls): Bonferroni is min(1, m·p); Holm's step-down gives the i-th
 * smallest p-value max over j <= i of (m − j + 1)·p₍ⱼ₎, capped at 1, so adjusted values are
 * monotone in the raw ones. Returned in the input order. O(m log m).
 *
 * @example
 * adjustPValues([0.01, 0.04, 0.03], 'holm') // => [0.03, 0.06, 0.06]
 * adjustPValues([0.01, 0.04, 0.5], 'bonferroni') // => [0.03, 0.12, 1]
 */
export function adjustPValues(p: readonly number[], method: PValueAdjustment): number[] {
  checkChoice(method, 'method', ['holm', 'bonferroni']);
  if (!Array.isArray(p)) {
    throw new InvalidArgumentError({ argument: 'p', expected: 'an array of p-values in [0, 1]', actual: p });
  }
  for (let i = 0; i < p.length; i++) {
    const v: unknown = p[i];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new InvalidArgumentError({ argument: `p[${i}]`, expected: 'a p-value in [0, 1]', actual: v });
    }
  }
  const m = p.length;
  if (method === 'bonferroni') return p.map((v) => Math.min(1, v * m));
  const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
  const out = new Array<number>(m);
  let running = 0;
  for (let rank = 0; rank < m; rank++) {
    const i = order[rank]!;
    running = Math.max(running, (m - rank) * p[i]!);
    out[i] = Math.min(1, running);
  }
  return out;
}
