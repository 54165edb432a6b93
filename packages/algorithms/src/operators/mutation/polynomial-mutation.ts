import type { Random } from '@paretokit/problem';
import { power, root } from '../internal/fast-power.js';

const TWO_POW_32 = 4294967296;

/**
 * Polynomial mutation of one value (Deb & Goyal 1996, the bounded form of Deb's NSGA-II code and
 * pymoo's `mut_pm`): a perturbation with a polynomial distribution of index `eta` (larger =
 * smaller steps) whose tails are folded so the result stays in `[lower, upper]`. O(1), one draw.
 *
 * @example
 * const y = polynomialMutation(0.5, 0, 1, 20, Random.fromSeed(1));
 * y >= 0 && y <= 1 // => true
 */
export function polynomialMutation(
  value: number,
  lower: number,
  upper: number,
  eta: number,
  random: Random,
): number {
  const range = upper - lower;
  if (!(range > 0)) return value;
  const u = (random.nextUint32() + 0.5) / TWO_POW_32;
  const n = eta + 1;
  let deltaq: number;
  if (u <= 0.5) {
    const xy = 1 - (value - lower) / range;
    deltaq = root(2 * u + (1 - 2 * u) * power(xy, n), n) - 1;
  } else {
    const xy = 1 - (upper - value) / range;
    deltaq = 1 - root(2 * (1 - u) + 2 * (u - 0.5) * power(xy, n), n);
  }
  const y = value + deltaq * range;
  return y < lower ? lower : Math.min(y, upper);
}
