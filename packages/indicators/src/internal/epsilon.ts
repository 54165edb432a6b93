import type { Packed } from './read-points.js';

/**
 * The epsilon indicator's max-min-max: for every reference point z, the smallest over points a of
 * the largest per-objective gap `gap(a_k, z_k)`, and the largest of those over z. Both loops stop
 * early once a bound is reached. O(|A|·|Z|·d).
 */
export function epsilonIndicator(
  a: Packed,
  z: Packed,
  gap: (value: number, reference: number) => number,
): number {
  const { d } = a;
  let worst = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < z.n; j++) {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < a.n && best > worst; i++) {
      let eps = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < d && eps < best; k++)
        eps = Math.max(eps, gap(a.data[i * d + k]!, z.data[j * d + k]!));
      best = Math.min(best, eps);
    }
    worst = Math.max(worst, best);
  }
  return worst;
}
