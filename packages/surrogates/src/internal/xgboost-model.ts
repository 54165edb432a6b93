import { InvalidArgumentError } from '@paretokit/problem';
import { concatTrees, type TreeEnsemble } from './tree-ensemble.js';

/** An XGBoost model read from its JSON format: trees plus the float32 base score. */
export interface XgboostModel {
  readonly trees: TreeEnsemble;
  readonly baseScore: number;
}

/** Objectives whose prediction is the raw margin (the identity link). */
const IDENTITY = new Set([
  'reg:squarederror',
  'reg:absoluteerror',
  'reg:pseudohubererror',
  'reg:squaredlogerror',
]);

interface JsonTree {
  left_children: number[];
  right_children: number[];
  split_indices: number[];
  split_conditions: number[];
  default_left: number[];
  split_type?: number[];
}

function unsupported(what: string, actual: unknown): never {
  throw new InvalidArgumentError({
    argument: 'XGBoost model',
    expected: what,
    actual,
    hint: 'The in-process predictor reads gbtree models of one numeric target with an identity-link objective.',
  });
}

/** A number XGBoost wrote as text: `"5E-1"` (1.x) or `"[5E-1]"` (2.0 and later, one per target). */
function scalar(text: unknown): number {
  const s = String(text).trim();
  return Number(s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s);
}

/**
 * Reads the JSON model XGBoost saves (1.x's `model_out=model.json`, or `save_raw("json")`). Leaves hold their value in
 * `split_conditions`; a node sends `float32(x) < split_condition` left. O(size of the text).
 */
export function parseXgboostModel(text: string): XgboostModel {
  const { learner } = JSON.parse(text);
  const objective = learner?.objective?.name;
  if (!IDENTITY.has(objective)) unsupported(`one of ${[...IDENTITY].join(', ')}`, objective);
  const booster = learner.gradient_booster;
  if (booster?.name !== 'gbtree') unsupported('the gbtree booster', booster?.name);
  const param = learner.learner_model_param;
  if (Number(param.num_target ?? 1) !== 1 || Number(param.num_class ?? 0) > 1) {
    unsupported('a single target', param.num_target);
  }
  const cols = Number(param.num_feature);
  const trees = (booster.model.trees as JsonTree[]).map((t) => {
    if (t.split_type?.some((s) => s !== 0)) unsupported('numeric splits only', 'a categorical split');
    return {
      feature: t.left_children.map((l, p) => (l < 0 ? -1 : t.split_indices[p]!)),
      threshold: t.split_conditions.map(Math.fround), // float32 in XGBoost; the JSON text is its shortest form
      left: t.left_children.map((l) => Math.max(l, 0)),
      right: t.right_children.map((r) => Math.max(r, 0)),
      defaultLeft: t.default_left,
    };
  });
  return { trees: concatTrees('lt-f32', cols, trees), baseScore: Math.fround(scalar(param.base_score)) };
}
