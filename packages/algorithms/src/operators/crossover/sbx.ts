import type { Random } from '@paretokit/problem';

/** Below this gap two parent values count as equal and SBX leaves them alone (as pymoo). */
const TOO_CLOSE = 1e-14;

/**
 * Simulated binary crossover of one variable (Deb & Agrawal 1995, bounded form of Deb's NSGA-II
 * code and pymoo's `cross_sbx`), in place on `data[a]` and `data[b]`: the two children spread
 * around the parents' mean with a polynomial distribution of index `eta` (larger = closer to the
 * parents), truncated so neither leaves `[lower, upper]`; the children then swap places with
 * probability 1/2. Parents closer than 1e-14 are left as they are. O(1), two or three draws.
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
  const u = random.next();
  const inv = 1 / (eta + 1);
  // Child near y1: spread factor bounded so the child stays >= lower.
  let alpha = 2 - (1 + (2 * (y1 - lower)) / delta) ** -(eta + 1);
  let betaq = u <= 1 / alpha ? (u * alpha) ** inv : (1 / (2 - u * alpha)) ** inv;
  let c1 = 0.5 * (y1 + y2 - betaq * delta);
  // Child near y2: bounded so it stays <= upper.
  alpha = 2 - (1 + (2 * (upper - y2)) / delta) ** -(eta + 1);
  betaq = u <= 1 / alpha ? (u * alpha) ** inv : (1 / (2 - u * alpha)) ** inv;
  let c2 = 0.5 * (y1 + y2 + betaq * delta);
  if (c1 < lower) c1 = lower;
  else if (c1 > upper) c1 = upper;
  if (c2 < lower) c2 = lower;
  else if (c2 > upper) c2 = upper;
  if (random.next() < 0.5) {
    data[a] = c2;
    data[b] = c1;
  } else {
    data[a] = c1;
    data[b] = c2;
  }
}
