import { fSf } from './internal/incomplete-beta.js';
import { chiSquareSf } from './internal/incomplete-gamma.js';
import { rankAverage } from './internal/rank.js';
import { checkBoolean, checkOptions, checkTable } from './internal/validate.js';

/** Options of {@link friedman}. */
export interface FriedmanOptions {
  /** Also compute the Iman-Davenport F statistic (less conservative than χ²). Default false. */
  readonly imanDavenport?: boolean;
}

/** The Iman-Davenport correction of the Friedman statistic. */
export interface ImanDavenportResult {
  /** F = (n − 1) χ² / (n (k − 1) − χ²); `Infinity` when every block ranks the treatments alike. */
  readonly statistic: number;
  /** P(F(df1, df2) >= statistic). */
  readonly pValue: number;
  /** k − 1. */
  readonly df1: number;
  /** (k − 1)(n − 1). */
  readonly df2: number;
}

/** Result of {@link friedman}. */
export interface FriedmanResult {
  /** Friedman's χ² with the tie correction. */
  readonly statistic: number;
  /** P(χ²(df) >= statistic). */
  readonly pValue: number;
  /** k − 1. */
  readonly df: number;
  /** Mean rank of each treatment (column) over the blocks; rank 1 is the smallest value. */
  readonly meanRanks: number[];
  /** n, the number of blocks (rows). */
  readonly blocks: number;
  /** k, the number of treatments (columns). */
  readonly treatments: number;
  /** Present when `imanDavenport: true` was asked for. */
  readonly imanDavenport?: ImanDavenportResult;
}

/**
 * Friedman's test that k treatments (columns) have the same effect, over n blocks (rows, e.g.
 * problem × seed). Values are ranked within each block, ascending, ties sharing their mean rank;
 * the statistic is χ² = (12 / (n k (k + 1)) Σⱼ Rⱼ² − 3 n (k + 1)) / C with Rⱼ the rank sums and
 * C = 1 − Σ (t³ − t) / (n k (k² − 1)) over groups of t ties, as `scipy.stats.friedmanchisquare`.
 * If every block is one tie (C = 0) the statistic is 0 and the p-value 1 (scipy gives NaN).
 * O(n k log k) time, O(n k) memory.
 *
 * @example
 * const r = friedman([[1, 2, 3], [1, 3, 2], [1, 2, 3], [2, 1, 3]], { imanDavenport: true });
 * r.statistic // => 4.5
 * r.meanRanks // => [1.25, 2, 2.75]
 * Number(r.pValue.toFixed(6)) // => 0.105399
 * r.imanDavenport?.statistic // => 3.857142857142857
 */
export function friedman(table: readonly (readonly number[])[], options?: FriedmanOptions): FriedmanResult {
  const opts = checkOptions(options);
  const withImanDavenport =
    opts.imanDavenport === undefined ? false : checkBoolean(opts.imanDavenport, 'options.imanDavenport');
  const { blocks: n, treatments: k, data } = checkTable(table, 'table', 2, 2);
  const rankSums = new Float64Array(k);
  let tieSum = 0;
  for (let b = 0; b < n; b++) {
    const { ranks, tieSum: t } = rankAverage(data, b * k, 1, k);
    for (let j = 0; j < k; j++) rankSums[j]! += ranks[j]!;
    tieSum += t;
  }
  let squares = 0;
  for (let j = 0; j < k; j++) squares += rankSums[j]! * rankSums[j]!;
  const c = 1 - tieSum / (k * (k * k - 1) * n);
  const df = k - 1;
  // C = 0 only when every block is a single tie: no evidence against the null hypothesis.
  const statistic = c <= 0 ? 0 : Math.max(0, ((12 / (k * n * (k + 1))) * squares - 3 * n * (k + 1)) / c);
  const result: FriedmanResult = {
    statistic,
    pValue: chiSquareSf(statistic, df),
    df,
    meanRanks: Array.from(rankSums, (s) => s / n),
    blocks: n,
    treatments: k,
  };
  if (!withImanDavenport) return result;
  // Iman & Davenport (1980), as in Demšar (2006), eq. after (1).
  const denominator = n * (k - 1) - statistic;
  const f = denominator <= 0 ? Number.POSITIVE_INFINITY : ((n - 1) * statistic) / denominator;
  const df2 = (k - 1) * (n - 1);
  return { ...result, imanDavenport: { statistic: f, pValue: fSf(f, df, df2), df1: df, df2 } };
}
