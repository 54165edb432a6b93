import { DimensionMismatchError } from '@paretokit/problem';
import type { FlopsReport } from './count-flops.js';
import type { PrunedLayer } from './prune-model.js';

/** Densities of one layer: what fraction of its weight and bias entries are non-zero. */
export type LayerDensity = Pick<PrunedLayer, 'weightDensity' | 'biasDensity'>;

/**
 * METHOD.md's f1: `sum_l FLOPs_l * density_l * bits_l / 32`, with each layer's weight FLOPs
 * scaled by its weight density and its bias FLOPs by its bias density, divided by the same sum
 * for the base model (its own densities, 32 bits), so the base model scores 1 and a fully int8
 * model without pruning 0.25. O(layers).
 *
 * @example
 * const flops = { total: 20, layers: [{ name: 'a', kind: 'conv', outputShape: [1], weightFlops: 16, biasFlops: 4 }] };
 * const dense = [{ weightDensity: 1, biasDensity: 1 }];
 * relativeFlops(flops, dense, dense, 32) // => 1
 * relativeFlops(flops, [{ weightDensity: 0.5, biasDensity: 1 }], dense, 8) // => 0.15
 */
export function relativeFlops(
  flops: FlopsReport,
  layers: readonly LayerDensity[],
  base: readonly LayerDensity[],
  bits: number,
): number {
  for (const [what, list] of [
    ['layers', layers],
    ['base', base],
  ] as const) {
    if (list.length !== flops.layers.length) {
      throw new DimensionMismatchError({
        what: `relativeFlops: ${what}`,
        expected: flops.layers.length,
        actual: list.length,
        unit: 'densities (one per prunable layer)',
      });
    }
  }
  const sum = (densities: readonly LayerDensity[]) =>
    flops.layers.reduce(
      (s, l, i) =>
        s + l.weightFlops * densities[i]!.weightDensity + l.biasFlops * (densities[i]!.biasDensity ?? 1),
      0,
    );
  const denominator = sum(base);
  return denominator === 0 ? 0 : (sum(layers) * (bits / 32)) / denominator;
}
