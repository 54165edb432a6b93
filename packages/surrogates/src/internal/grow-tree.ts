import type { Random } from '@paretokit/problem';
import type { BinnedFeatures } from './bin-features.js';

/** Settings of one CART regression tree. */
export interface TreeSettings {
  /** Columns tried per split (the random subspace). */
  readonly mtry: number;
  readonly minSamplesLeaf: number;
  readonly maxDepth: number;
}

/** One tree in flat arrays; a leaf has feature -1 and its value in threshold. */
export interface GrownTree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
}

/** Nodes with fewer samples than this sort their samples by bin instead of filling histograms. */
const SORT_BELOW = 48;
// scikit-learn's EPSILON: a node whose weighted variance is below it is a leaf.
const EPSILON = 2.220446049250313e-16;

/** Scratch buffers reused across nodes and trees. */
export class TreeScratch {
  readonly count = new Int32Array(256);
  readonly weight = new Float64Array(256);
  readonly sum = new Float64Array(256);
  keys: Int32Array;
  constructor(n: number) {
    this.keys = new Int32Array(Math.min(n, SORT_BELOW));
  }
}

/**
 * Grows a CART regression tree by variance reduction (Breiman et al. 1984), as scikit-learn's
 * best splitter: at each node, `mtry` random non-constant columns are tried, every cut between
 * two bins present in the node is scored by `S_L²/W_L + S_R²/W_R`, thresholds are midpoints
 * between the neighbouring training values. Rows are weighted (bootstrap counts); `samples` lists
 * the rows with non-zero weight and is reordered in place. O(mtry · n · depth) with histograms.
 */
export function growTree(
  binned: BinnedFeatures,
  y: Float64Array,
  weights: Float64Array,
  samples: Int32Array,
  settings: TreeSettings,
  rng: Random,
  scratch: TreeScratch,
): GrownTree {
  const { codes, bins, low, high } = binned;
  const n = y.length;
  const d = bins.length;
  const capacity = 2 * samples.length - 1;
  const feature = new Int32Array(capacity);
  const threshold = new Float64Array(capacity);
  const left = new Int32Array(capacity);
  const right = new Int32Array(capacity);
  const features = new Int32Array(d);
  for (let j = 0; j < d; j++) features[j] = j;
  const { count, weight, sum } = scratch;
  const keys = scratch.keys;
  // Explicit stack of (node, start, end, depth).
  const stack: number[] = [0, 0, samples.length, 0];
  let nodes = 1;

  while (stack.length > 0) {
    const depth = stack.pop()!;
    const end = stack.pop()!;
    const start = stack.pop()!;
    const node = stack.pop()!;
    let W = 0;
    let S = 0;
    let SS = 0;
    for (let k = start; k < end; k++) {
      const i = samples[k]!;
      const w = weights[i]!;
      W += w;
      S += w * y[i]!;
      SS += w * y[i]! * y[i]!;
    }
    const size = end - start;
    feature[node] = -1;
    threshold[node] = S / W;
    if (depth >= settings.maxDepth || size < 2 * settings.minSamplesLeaf || size < 2) continue;
    if (SS / W - (S / W) ** 2 <= EPSILON) continue;

    let bestScore = Number.NEGATIVE_INFINITY;
    let bestFeature = -1;
    let bestBin = 0;
    let bestThreshold = 0;
    let visited = 0;
    // Fisher-Yates draws of columns until mtry non-constant ones are scored.
    for (let f = 0; f < d && visited < settings.mtry; f++) {
      const pick = f + rng.int(d - f);
      const j = features[pick]!;
      features[pick] = features[f]!;
      features[f] = j;
      const off = j * n;
      let lo = 255;
      let hi = 0;
      let sorted = false;
      if (size < SORT_BELOW) {
        // Few samples: sort (bin << 20 | position) keys instead of scanning up to 256 bins.
        for (let k = start; k < end; k++) {
          const b = codes[off + samples[k]!]!;
          keys[k - start] = (b << 20) | (k - start);
        }
        const view = keys.subarray(0, size);
        view.sort();
        lo = view[0]! >> 20;
        hi = view[size - 1]! >> 20;
        sorted = true;
      } else {
        for (let k = start; k < end; k++) {
          const b = codes[off + samples[k]!]!;
          if (b < lo) lo = b;
          if (b > hi) hi = b;
        }
        if (lo !== hi) {
          count.fill(0, lo, hi + 1);
          weight.fill(0, lo, hi + 1);
          sum.fill(0, lo, hi + 1);
          for (let k = start; k < end; k++) {
            const i = samples[k]!;
            const b = codes[off + i]!;
            count[b]!++;
            weight[b]! += weights[i]!;
            sum[b]! += weights[i]! * y[i]!;
          }
        }
      }
      if (lo === hi) continue; // constant in this node: does not count towards mtry
      visited++;
      let nL = 0;
      let wL = 0;
      let sL = 0;
      if (sorted) {
        let k = 0;
        while (k < size) {
          const b = keys[k]! >> 20;
          while (k < size && keys[k]! >> 20 === b) {
            const i = samples[start + (keys[k]! & 0xfffff)]!;
            nL++;
            wL += weights[i]!;
            sL += weights[i]! * y[i]!;
            k++;
          }
          if (k === size) break;
          if (nL < settings.minSamplesLeaf || size - nL < settings.minSamplesLeaf) continue;
          const wR = W - wL;
          const sR = S - sL;
          const score = (sL * sL) / wL + (sR * sR) / wR;
          if (score > bestScore) {
            bestScore = score;
            bestFeature = j;
            bestBin = b;
            bestThreshold = midpoint(high[j * 256 + b]!, low[j * 256 + (keys[k]! >> 20)]!);
          }
        }
      } else {
        for (let b = lo; b < hi; b++) {
          if (count[b] === 0) continue;
          nL += count[b]!;
          wL += weight[b]!;
          sL += sum[b]!;
          if (nL < settings.minSamplesLeaf || size - nL < settings.minSamplesLeaf) continue;
          const wR = W - wL;
          const sR = S - sL;
          const score = (sL * sL) / wL + (sR * sR) / wR;
          if (score > bestScore) {
            let next = b + 1;
            while (count[next] === 0) next++;
            bestScore = score;
            bestFeature = j;
            bestBin = b;
            bestThreshold = midpoint(high[j * 256 + b]!, low[j * 256 + next]!);
          }
        }
      }
    }
    if (bestFeature < 0) continue;

    // Partition samples[start, end) so rows with bin <= bestBin come first.
    const off = bestFeature * n;
    let i = start;
    let j = end - 1;
    while (i <= j) {
      if (codes[off + samples[i]!]! <= bestBin) i++;
      else {
        const t = samples[i]!;
        samples[i] = samples[j]!;
        samples[j] = t;
        j--;
      }
    }
    feature[node] = bestFeature;
    threshold[node] = bestThreshold;
    left[node] = nodes;
    right[node] = nodes + 1;
    stack.push(nodes + 1, i, end, depth + 1, nodes, start, i, depth + 1);
    nodes += 2;
  }
  return {
    feature: feature.slice(0, nodes),
    threshold: threshold.slice(0, nodes),
    left: left.slice(0, nodes),
    right: right.slice(0, nodes),
  };
}

/** The midpoint of a < b, or a when rounding would put it on b (scikit-learn's rule). */
function midpoint(a: number, b: number): number {
  const m = a / 2 + b / 2;
  return m >= b || !Number.isFinite(m) ? a : m;
}
