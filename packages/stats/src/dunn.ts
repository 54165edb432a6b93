import type { PValueAdjustment } from './adjust-p-values.js';
import { adjustPValues } from './adjust-p-values.js';
import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { normalSf } from './internal/normal.js';
import { rankAverage } from './internal/rank.js';
import { checkChoice, checkOptions, checkProbability, checkSample, checkTable } from './internal/validate.js';

/** Options of {@link dunn}. */
export interface DunnOptions {
  /**
   * `'kruskal'`: the argument is a list of independent groups (samples of any sizes), ranked
   * together. `'friedman'`: the argument is a blocks × treatments table, ranked within each block.
   */
  readonly design: 'kruskal' | 'friedman';
  /** Correction of the p-values for the k(k − 1)/2 comparisons. Default `'holm'`. */
  readonly adjust?: PValueAdjustment | 'none';
  /** Significance level for {@link DunnPair.significant}. Default 0.05. */
  readonly alpha?: number;
}

/** One pairwise comparison of {@link dunn}. */
export interface DunnPair {
  /** Index of the first group or treatment (i < j). */
  readonly i: number;
  readonly j: number;
  /** |R̄ᵢ − R̄ⱼ| / its standard error (non-negative; compare `meanRanks` for the direction). */
  readonly z: number;
  /** Two-sided p-value 2 (1 − Φ(z)), before adjustment. */
  readonly pValue: number;
  readonly adjustedPValue: number;
  /** `adjustedPValue < alpha`. */
  readonly significant: boolean;
}

/** Result of {@link dunn}. */
export interface DunnResult {
  readonly design: 'kruskal' | 'friedman';
  readonly adjust: PValueAdjustment | 'none';
  readonly alpha: number;
  /** Mean rank of each group (pooled ranks) or treatment (within-block ranks); 1 = smallest. */
  readonly meanRanks: number[];
  /** k × k adjusted p-values, symmetric, with 1 on the diagonal (scikit-posthocs' layout). */
  readonly pValues: number[][];
  /** The k(k − 1)/2 comparisons in the order (0, 1), (0, 2), ..., (1, 2), ... */
  readonly pairs: DunnPair[];
}

/**
 * Dunn's post-hoc test of every pair of k groups, after a Kruskal-Wallis or Friedman test.
 *
 * `design: 'kruskal'` (Dunn 1964): all N values are ranked together, and
 * z = |R̄ᵢ − R̄ⱼ| / √((N (N + 1) / 12 − Σ (t³ − t) / (12 (N − 1))) (1/nᵢ + 1/nⱼ)), with the tie
 * correction of Glantz (2012), equal to `scikit_posthocs.posthoc_dunn`. O(N log N + k²).
 *
 * `design: 'friedman'`: values are ranked within each of the n blocks, and
 * z = |R̄ᵢ − R̄ⱼ| / √(k (k + 1) / (6 n)) (Siegel & Castellan 1988; no tie correction), equal to
 * `scikit_posthocs.posthoc_siegel_friedman` 0.17. O(n k log k + k²).
 *
 * The p-value 2 (1 − Φ(z)) is then adjusted over all pairs (Holm by default). If every value is
 * tied (kruskal design), z is 0 and p is 1.
 *
 * @example
 * const r = dunn([[1, 2, 3], [1, 3, 2], [1, 2, 3], [1, 3, 2]], { design: 'friedman', adjust: 'none' });
 * r.meanRanks // => [1, 2.5, 2.5]
 * r.pairs.map((p) => [p.i, p.j, Number(p.z.toFixed(4))]) // => [[0, 1, 2.1213], [0, 2, 2.1213], [1, 2, 0]]
 * r.pValues[1]?.[2] // => 1
 */
export function dunn(groups: readonly (readonly number[])[], options: DunnOptions): DunnResult {
  const opts = checkOptions(options);
  if (opts.design === undefined) {
    throw new InvalidArgumentError({
      argument: 'options.design',
      expected: "'kruskal' (independent groups) or 'friedman' (blocks × treatments table)",
      actual: undefined,
    });
  }
  const design = checkChoice(opts.design, 'options.design', ['kruskal', 'friedman']);
  const adjust =
    opts.adjust === undefined
      ? 'holm'
      : checkChoice(opts.adjust, 'options.adjust', ['holm', 'bonferroni', 'none']);
  const alpha = opts.alpha === undefined ? 0.05 : checkProbability(opts.alpha, 'options.alpha');
  const { meanRanks, z } = design === 'kruskal' ? kruskalZ(groups) : friedmanZ(groups);
  const k = meanRanks.length;
  const raw = z.map((v) => Math.min(1, 2 * normalSf(v)));
  const adjusted = adjust === 'none' ? raw : adjustPValues(raw, adjust);
  const pValues = Array.from({ length: k }, () => new Array<number>(k).fill(1));
  const pairs: DunnPair[] = [];
  for (let i = 0, at = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++, at++) {
      const adjustedPValue = adjusted[at]!;
      pValues[i]![j] = adjustedPValue;
      pValues[j]![i] = adjustedPValue;
      pairs.push({ i, j, z: z[at]!, pValue: raw[at]!, adjustedPValue, significant: adjustedPValue < alpha });
    }
  }
  return { design, adjust, alpha, meanRanks, pValues, pairs };
}

function kruskalZ(groups: unknown): { meanRanks: number[]; z: number[] } {
  if (!Array.isArray(groups)) {
    throw new InvalidArgumentError({ argument: 'groups', expected: 'an array of samples', actual: groups });
  }
  if (groups.length < 2) {
    throw new DimensionMismatchError({
      what: 'groups',
      expected: 2,
      actual: groups.length,
      unit: 'groups or more',
    });
  }
  const sizes = groups.map((g: unknown, i) => {
    checkSample(g, `groups[${i}]`, 1);
    return g.length;
  });
  const values = (groups as number[][]).flat();
  const total = values.length;
  const { ranks, tieSum } = rankAverage(values);
  const meanRanks: number[] = [];
  for (let g = 0, at = 0; g < sizes.length; g++) {
    let sum = 0;
    for (let i = 0; i < sizes[g]!; i++) sum += ranks[at++]!;
    meanRanks.push(sum / sizes[g]!);
  }
  const variance = (total * (total + 1)) / 12 - tieSum / (12 * (total - 1));
  const z: number[] = [];
  for (let i = 0; i < sizes.length; i++) {
    for (let j = i + 1; j < sizes.length; j++) {
      const se = Math.sqrt(variance * (1 / sizes[i]! + 1 / sizes[j]!));
      const diff = Math.abs(meanRanks[i]! - meanRanks[j]!);
      z.push(variance > 0 ? diff / se : 0);
    }
  }
  return { meanRanks, z };
}

function friedmanZ(table: unknown): { meanRanks: number[]; z: number[] } {
  const { blocks: n, treatments: k, data } = checkTable(table, 'table', 2, 2);
  const sums = new Float64Array(k);
  for (let b = 0; b < n; b++) {
    const { ranks } = rankAverage(data, b * k, 1, k);
    for (let j = 0; j < k; j++) sums[j]! += ranks[j]!;
  }
  const meanRanks = Array.from(sums, (s) => s / n);
  const se = Math.sqrt((k * (k + 1)) / (6 * n));
  const z: number[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) z.push(Math.abs(meanRanks[i]! - meanRanks[j]!) / se);
  }
  return { meanRanks, z };
}
