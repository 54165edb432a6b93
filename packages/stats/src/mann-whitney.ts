import { normalSf } from './internal/normal.js';
import { rankAverage } from './internal/rank.js';
import { rankSumPmf } from './internal/rank-sum-distribution.js';
import { symmetricSf } from './internal/signed-rank-distribution.js';
import { checkBoolean, checkOptions, checkSample, checkTestOptions } from './internal/validate.js';
import type { Alternative } from './wilcoxon.js';

/** Options of {@link mannWhitney}. */
export interface MannWhitneyOptions {
  /** `'greater'`: x tends to be larger than y. Default `'two-sided'`. */
  readonly alternative?: Alternative;
  /**
   * `'exact'`: null distribution of U without ties (ties are not corrected for).
   * `'asymptotic'`: normal approximation with tie correction. `'auto'` (default): exact if one
   * sample has at most 8 values and there are no ties, as scipy.
   */
  readonly method?: 'auto' | 'exact' | 'asymptotic';
  /** Continuity correction of ½ in the normal approximation. Default true (as scipy). */
  readonly continuity?: boolean;
}

/** Result of {@link mannWhitney}. */
export interface MannWhitneyResult {
  /** U of x: the number of pairs (xᵢ, yⱼ) with xᵢ > yⱼ, ties counting ½. U of y is n m − U. */
  readonly statistic: number;
  readonly pValue: number;
  readonly method: 'exact' | 'asymptotic';
}

/**
 * Mann-Whitney U (Wilcoxon rank-sum) test of two independent samples, equal to
 * `scipy.stats.mannwhitneyu` 1.17: U = R_x − n(n + 1)/2 from the pooled average ranks; the
 * asymptotic p-value uses σ² = n m / 12 ((N + 1) − Σ(t³ − t) / (N (N − 1))). O(N log N) for the
 * approximation, O(n² m²) for the exact distribution.
 *
 * @example
 * mannWhitney([3.1, 4.2, 5.0], [1.0, 1.5, 2.2, 2.9]) // => { statistic: 12, pValue: 0.05714285714285714, method: 'exact' }
 * mannWhitney([3.1, 4.2, 5.0], [1.0, 1.5, 2.2, 2.9], { alternative: 'greater' }).pValue // => 0.02857142857142857
 */
export function mannWhitney(
  x: readonly number[],
  y: readonly number[],
  options?: MannWhitneyOptions,
): MannWhitneyResult {
  checkSample(x, 'x', 1);
  checkSample(y, 'y', 1);
  const opts = checkOptions(options);
  const { alternative, method: requested } = checkTestOptions(opts, ['exact', 'asymptotic'] as const);
  const continuity =
    opts.continuity === undefined ? true : checkBoolean(opts.continuity, 'options.continuity');

  const n1 = x.length;
  const n2 = y.length;
  const { ranks, tieSum, hasTies } = rankAverage([...x, ...y]);
  let rankSum = 0;
  for (let i = 0; i < n1; i++) rankSum += ranks[i]!;
  const u1 = rankSum - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  // The p-value is always an upper tail: of U1 ('greater'), of U2 ('less'), of the larger one (both).
  const u = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2);
  const factor = alternative === 'two-sided' ? 2 : 1;

  const method = requested !== 'auto' ? requested : (n1 > 8 && n2 > 8) || hasTies ? 'asymptotic' : 'exact';
  let pValue: number;
  if (method === 'exact') {
    pValue = symmetricSf(rankSumPmf(n1, n2), Math.trunc(u)); // scipy truncates a tied U to an integer
  } else {
    const total = n1 + n2;
    const s = Math.sqrt(((n1 * n2) / 12) * (total + 1 - tieSum / (total * (total - 1))));
    const numerator = u - (n1 * n2) / 2 - (continuity ? 0.5 : 0);
    pValue = s > 0 ? normalSf(numerator / s) : 1;
  }
  return { statistic: u1, pValue: Math.min(1, Math.max(0, pValue * factor)), method };
}
