import { InvalidArgumentError } from '@paretokit/problem';
import { concatTrees, type TreeEnsemble } from './tree-ensemble.js';

/** A LightGBM model read from its text format. */
export interface LightgbmModel {
  readonly trees: TreeEnsemble;
  /** Divide the sum of the trees by their number (boosting=rf). */
  readonly average: boolean;
  /** Apply exp to the raw score (log-link objectives). */
  readonly exp: boolean;
}

const IDENTITY = new Set(['regression', 'regression_l1', 'huber', 'fair', 'quantile', 'mape']);
const LOG_LINK = new Set(['poisson', 'gamma', 'tweedie']);

function unsupported(expected: string, actual: unknown): never {
  throw new InvalidArgumentError({
    argument: 'LightGBM model',
    expected,
    actual,
    hint: 'The in-process predictor reads single-output regression models with numeric splits.',
  });
}

const numbers = (line: string | undefined): number[] => (line ? line.split(' ').map(Number) : []);

/**
 * Reads LightGBM's text model (`save_model`, `output_model`). A node sends `x <= threshold` left;
 * `decision_type` bit 1 is "missing goes left", bits 2-3 the missing type (none, zero, NaN).
 * Children >= 0 are nodes, < 0 are leaves `~child`. O(size of the text).
 */
export function parseLightgbmModel(text: string): LightgbmModel {
  const blocks = text.split(/\n\s*\n/);
  const header = new Map<string, string>();
  for (const line of blocks[0]!.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) header.set(line.slice(0, at), line.slice(at + 1));
  }
  const objective = (header.get('objective') ?? '').split(' ');
  const exp = LOG_LINK.has(objective[0]!);
  if (!(IDENTITY.has(objective[0]!) || exp) || objective.includes('sqrt')) {
    unsupported(
      `a regression objective (${[...IDENTITY, ...LOG_LINK].join(', ')}), without sqrt`,
      objective.join(' '),
    );
  }
  if (header.get('num_class') !== '1' || header.get('num_tree_per_iteration') !== '1') {
    unsupported('one output', header.get('num_class'));
  }
  const cols = Number(header.get('max_feature_idx')) + 1;
  const average = blocks[0]!.split('\n').some((line) => line.trim() === 'average_output');
  const trees = [];
  for (const block of blocks) {
    if (!block.trimStart().startsWith('Tree=')) continue;
    const f = new Map<string, string>();
    for (const line of block.split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) f.set(line.trim().slice(0, at), line.trim().slice(at + 1));
    }
    if (f.get('num_cat') !== '0') unsupported('numeric splits only', `num_cat=${f.get('num_cat')}`);
    if (f.get('is_linear') === '1') unsupported('constant leaves', 'a linear tree');
    const leaves = numbers(f.get('leaf_value'));
    const inner = leaves.length - 1;
    const split = numbers(f.get('split_feature'));
    const threshold = numbers(f.get('threshold'));
    const decision = numbers(f.get('decision_type'));
    const leftChild = numbers(f.get('left_child'));
    const rightChild = numbers(f.get('right_child'));
    // Inner nodes first, then leaf k at index inner + k.
    const at = (child: number) => (child >= 0 ? child : inner + ~child);
    const size = inner + leaves.length;
    const tree = {
      feature: new Int32Array(size).fill(-1),
      threshold: new Float64Array(size),
      left: new Int32Array(size),
      right: new Int32Array(size),
      defaultLeft: new Uint8Array(size),
      missing: new Uint8Array(size),
    };
    for (let p = 0; p < inner; p++) {
      if (decision[p]! & 1) unsupported('numeric splits only', 'a categorical split');
      tree.feature[p] = split[p]!;
      tree.threshold[p] = threshold[p]!;
      tree.left[p] = at(leftChild[p]!);
      tree.right[p] = at(rightChild[p]!);
      tree.defaultLeft[p] = (decision[p]! >> 1) & 1;
      tree.missing[p] = (decision[p]! >> 2) & 3;
    }
    for (let k = 0; k < leaves.length; k++) tree.threshold[inner + k] = leaves[k]!;
    trees.push(tree);
  }
  return { trees: concatTrees('le', cols, trees), average, exp };
}
