import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { normalCdf, normalSf } from './internal/normal.js';
import { rankAverage } from './internal/rank.js';
import { signedRankPmf, symmetricCdf, symmetricSf } from './internal/signed-rank-distribution.js';
import {
  checkBoolean,
  checkChoice,
  checkOptions,
  checkSample,
  checkTestOptions,
} from './internal/validate.js';

/** The alternative hypothesis of a two-sample test. */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** Options of {@link wilcoxon}. */
export interface WilcoxonOptions {
  /** `'greater'`: the differences x − y tend to be positive. Default `'two-sided'`. */
  readonly alternative?: Alternative;
  /**
   * `'exact'`: null distribution of T⁺ for untied, non-zero differences (with ties or zeros it is
   * only approximate: T⁺ is rounded conservatively, and with `'pratt'` the distribution is that
   * of n ranks although the zeros' ranks are dropped, as scipy does). `'approx'`: normal
   * approximation with tie correction. `'auto'` (default): scipy 1.17's rule, see {@link wilcoxon}.
   */
  readonly method?: 'auto' | 'exact' | 'approx';
  /**
   * Zero differences: `'wilcox'` drops them (default), `'pratt'` ranks them and then drops their
   * ranks, `'zsplit'` ranks them and splits their ranks between T⁺ and T⁻.
   */
  readonly zeroMethod?: 'wilcox' | 'pratt' | 'zsplit';
  /** Continuity correction of ½ in the normal approximation. Default false (as scipy). */
  readonly correction?: boolean;
}

/** Result of {@link wilcoxon}. */
export interface WilcoxonResult {
  /** min(T⁺, T⁻) for the two-sided test, else T⁺ (sum of the ranks of positive differences). */
  readonly statistic: number;
  readonly pValue: number;
  /**
   * How the p-value was found: `'exact'` or `'approx'` (normal), or `'permutation'`: all 2ⁿ sign
   * flips of the differences enumerated (exact given the ties and zeros), chosen by `'auto'`.
   */
  readonly method: 'exact' | 'approx' | 'permutation';
}

/**
 * Wilcoxon signed-rank test of paired samples: is x − y symmetric about 0? Equal to
 * `scipy.stats.wilcoxon` 1.17 (statistic, p-value and the `'auto'` choice): with n pairs,
 * `'auto'` is exact if n <= 50 and there are neither ties nor zero differences; with ties or zeros
 * it enumerates all 2ⁿ sign flips if n <= 13 (scipy's deterministic permutation test), otherwise
 * uses the normal approximation, z = (T⁺ − μ) / σ with σ² = (n(n+1)(2n+1) − Σ(t³ − t)/2) / 24.
 * O(n log n) for the approximation, O(n³) for the exact distribution, O(2ⁿ n) for the enumeration.
 *
 * @example
 * wilcoxon([1.8, 2.6, 3.3, 0.4, 4.9, 2.2], [1.0, 1.1, 1.2, 1.3, 1.4, 1.5]) // => { statistic: 3, pValue: 0.15625, method: 'exact' }
 * wilcoxon([1.8, 2.6, 3.3, 0.4, 4.9, 2.2], [1.0, 1.1, 1.2, 1.3, 1.4, 1.5], { alternative: 'greater' }).pValue // => 0.078125
 */
export function wilcoxon(
  x: readonly number[],
  y: readonly number[],
  options?: WilcoxonOptions,
): WilcoxonResult {
  checkSample(x, 'x', 1);
  checkSample(y, 'y', 0);
  if (y.length !== x.length) {
    throw new DimensionMismatchError({
      what: 'y',
      expected: x.length,
      actual: y.length,
      unit: 'values (one per value of x)',
      hint: 'The samples are paired.',
    });
  }
  const opts = checkOptions(options);
  const { alternative, method: requested } = checkTestOptions(opts, ['exact', 'approx'] as const);
  const zeroMethod =
    opts.zeroMethod === undefined
      ? 'wilcox'
      : checkChoice(opts.zeroMethod, 'options.zeroMethod', ['wilcox', 'pratt', 'zsplit']);
  const correction =
    opts.correction === undefined ? false : checkBoolean(opts.correction, 'options.correction');

  const n = x.length;
  const d = x.map((v, i) => v - y[i]!);
  const zeros = d.filter((v) => v === 0).length;
  // 'wilcox' leaves the zeros out of the ranking; the other methods rank them (they rank first).
  const ranked = zeroMethod === 'wilcox' ? d.filter((v) => v !== 0) : d;
  const { ranks, tieSum, hasTies } = rankAverage(ranked.map(Math.abs));
  const weights = new Float64Array(n); // rank of each difference, 0 for a zero left out
  for (let i = 0, at = 0; i < n; i++) if (zeroMethod !== 'wilcox' || d[i] !== 0) weights[i] = ranks[at++]!;
  let plus = 0;
  let minus = 0;
  let zeroRanks = 0;
  for (let i = 0; i < n; i++) {
    if (d[i]! > 0) plus += weights[i]!;
    else if (d[i]! < 0) minus += weights[i]!;
    else zeroRanks += weights[i]!;
  }
  const split = zeroMethod === 'zsplit' ? zeroRanks / 2 : 0;
  plus += split;
  minus += split;
  const statistic = alternative === 'two-sided' ? Math.min(plus, minus) : plus;

  let method: WilcoxonResult['method'];
  if (requested === 'exact') method = 'exact';
  else if (requested === 'approx' || n > 50) method = 'approx';
  else if (!hasTies && zeros === 0) method = 'exact';
  else method = n <= 13 ? 'permutation' : 'approx';

  let pValue: number;
  if (method === 'exact') {
    const pmf = signedRankPmf(ranked.length);
    const less = () => symmetricCdf(pmf, Math.ceil(plus));
    const greater = () => symmetricSf(pmf, Math.floor(plus));
    pValue =
      alternative === 'less'
        ? less()
        : alternative === 'greater'
          ? greater()
          : Math.min(1, 2 * Math.min(less(), greater()));
  } else if (method === 'permutation') {
    pValue = signFlipPValue(d, weights, plus, split, alternative);
  } else {
    const count = ranked.length;
    let mean = (count * (count + 1)) / 4;
    let variance = count * (count + 1) * (2 * count + 1);
    let ties = tieSum;
    if (zeroMethod === 'pratt') {
      // Cureton (1967): the zeros' ranks are dropped, and their tie group is not a tie.
      mean -= (zeros * (zeros + 1)) / 4;
      variance -= zeros * (zeros + 1) * (2 * zeros + 1);
      ties -= zeros * zeros * zeros - zeros;
    }
    const se = Math.sqrt((variance - ties / 2) / 24);
    if (!(se > 0)) pValue = 1;
    else {
      let z = (plus - mean) / se;
      if (correction) {
        const sign = alternative === 'greater' ? 1 : alternative === 'less' ? -1 : Math.sign(z);
        z -= (sign * 0.5) / se;
      }
      pValue =
        alternative === 'greater'
          ? normalSf(z)
          : alternative === 'less'
            ? normalCdf(z)
            : 2 * normalSf(Math.abs(z));
    }
  }
  return { statistic, pValue: Math.min(1, pValue), method };
}

/**
 * p-value of T⁺ over all 2ⁿ sign flips of the differences, as `scipy.stats.permutation_test`
 * with `permutation_type='samples'` when it enumerates them all (n <= 13).
 */
function signFlipPValue(
  d: readonly number[],
  weights: Float64Array,
  observed: number,
  constant: number,
  alternative: Alternative,
): number {
  // Every non-zero difference adds its rank to T⁺ in exactly half the flips; zeros never do.
  let sums = [constant];
  for (let i = 0; i < d.length; i++) {
    const w = d[i] === 0 ? 0 : weights[i]!;
    sums = sums.concat(sums.map((s) => s + w));
  }
  const gamma = Math.abs(observed * Number.EPSILON * 100);
  let below = 0;
  let above = 0;
  for (const s of sums) {
    if (s <= observed + gamma) below++;
    if (s >= observed - gamma) above++;
  }
  const total = sums.length;
  if (alternative === 'less') return below / total;
  if (alternative === 'greater') return above / total;
  return Math.min(1, (2 * Math.min(below, above)) / total);
}
