import type { Random } from '@paretokit/problem';
import { power, root } from '../internal/fast-power.js';

/** Below this gap two parent values count as equal and SBX leaves them alone (as pymoo). */
const TOO_CLOSE = 1e-14;
const TWO_POW_31 = 2147483648;

/** Spread factor of one child, its distribution truncated at the bound `gap` away (Deb's bounded SBX). */
function spread(u: number, gap: number, delta: number, n: number): number {
  const alpha = 2 - 1 / power(1 + (2 * gap) / delta, n);
  return u <= 1 / alpha ? root(u * alpha, n) : root(1 / (2 - u * alpha), n);
}

/**
 * Simulated binary crossover of one variable (Deb & Agrawal 1995, bounded form of Deb's NSGA-II
 * code and pymoo's `cross_sbx`), in place on `data[a]` and `data[b]`: the two children spread
 * around the parents' mean with a polynomial distribution of index `eta` (larger = closer to the
 * parents), truncated so neither leaves `[lower, upper]`; the children then swap places with
 * probability 1/2. Parents closer than 1e-14 are left as they are. O(1), one 32-bit draw.
 *
 * @example
 * const x = Float64Array.of(0.2, 0.8);
 * sbx(x, 0, 1, 0, 1, 15, Random.fromSeed(1));
 * x.every((v) => v >= 0 && v <= 1) // => true
 */
export function sbx(
  data: Float64Array,
  a: number,
  b: number,
  lower: number,
  upper: number,
  eta: number,
  random: Random,
): void {
  const xa = data[a]!;
  const xb = data[b]!;
  const delta = Math.abs(xb - xa);
  if (delta <= TOO_CLOSE || !(upper > lower)) return;
  const y1 = Math.min(xa, xb);
  const y2 = Math.max(xa, xb);
  // One uniform in (0, 1) serves both children, as in Deb's code and pymoo; 31 bits of one draw
  // give it, the 32nd decides whether the children swap.
  const bits = random.nextUint32();
  const u = ((bits >>> 1) + 0.5) / TWO_POW_31;
  const n = eta + 1;
  let c1 = 0.5 * (y1 + y2 - spread(u, y1 - lower, delta, n) * delta);
  let c2 = 0.5 * (y1 + y2 + spread(u, upper - y2, delta, n) * delta);
  c1 = c1 < lower ? lower : Math.min(c1, upper);
  c2 = c2 < lower ? lower : Math.min(c2, upper);
  if ((bits & 1) === 1) {
    data[a] = c2;
    data[b] = c1;
  } else {
    data[a] = c1;
    data[b] = c2;
  }
}
