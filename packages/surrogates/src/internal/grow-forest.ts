import { type Matrix, Random } from '@paretokit/problem';
import { binFeatures } from './bin-features.js';
import { type GrownTree, growTree, TreeScratch, type TreeSettings } from './grow-tree.js';

/** Settings of {@link growForest}: those of every tree, and how the forest samples rows. */
export interface ForestSettings extends TreeSettings {
  readonly trees: number;
  readonly bootstrap: boolean;
  readonly maxBins: number;
  readonly seed: number;
}

/**
 * Grows the trees of a random forest on checked training data: each on a bootstrap sample (or all
 * rows), with its own random stream split from the seed's. O(trees · mtry · n · depth).
 */
export function growForest(X: Matrix, y: Float64Array, settings: ForestSettings): GrownTree[] {
  const n = X.rows;
  const binned = binFeatures(X, settings.maxBins);
  const root = Random.fromSeed(settings.seed);
  const scratch = new TreeScratch(n);
  const weights = new Float64Array(n);
  const grown: GrownTree[] = [];
  for (let t = 0; t < settings.trees; t++) {
    const rng = root.split();
    weights.fill(settings.bootstrap ? 0 : 1);
    if (settings.bootstrap) for (let k = 0; k < n; k++) weights[rng.int(n)]!++;
    let used = 0;
    for (let i = 0; i < n; i++) if (weights[i]! > 0) used++;
    const samples = new Int32Array(used);
    for (let i = 0, k = 0; i < n; i++) if (weights[i]! > 0) samples[k++] = i;
    grown.push(growTree(binned, y, weights, samples, settings, rng, scratch));
  }
  return grown;
}
