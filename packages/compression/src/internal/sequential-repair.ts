import { type ChannelStats, type ChannelValue, channelStatistics } from '../channel-statistics.js';
import type { GraphProto, NodeProto, OnnxModel } from '../onnx-types.js';
import type { ModelInputs } from '../prepare-inputs.js';
import { type ChannelMap, covarianceOf, ridgedCholesky } from './channel-repair.js';
import { choleskySolveInPlace } from './solve-spd.js';
import { intAttr } from './tensors.js';

// Sequential least-squares repair: a consumer of a cut channel set is refitted so that, reading the
// kept channels of the partly cut model, it reproduces what it computed in the original model.

const PREFIX = '__cut__';

/** The nodes `targets` depend on, in their order. O(nodes + edges). */
function ancestors(nodes: readonly NodeProto[], targets: readonly string[]): NodeProto[] {
  const producer = new Map<string, number>();
  nodes.forEach((n, i) => {
    for (const o of n.output ?? []) producer.set(o, i);
  });
  const needed = new Set<number>();
  const stack = [...targets];
  while (stack.length > 0) {
    const i = producer.get(stack.pop()!);
    if (i === undefined || needed.has(i)) continue;
    needed.add(i);
    stack.push(...(nodes[i]!.input ?? []));
  }
  return nodes.filter((_, i) => needed.has(i));
}

/** A graph's nodes and initializers with every name but the graph's data inputs' (and '') prefixed. */
function prefixed(graph: GraphProto): Pick<GraphProto, 'node' | 'initializer'> {
  const constant = new Set((graph.initializer ?? []).map((t) => t.name ?? ''));
  const inputs = new Set((graph.input ?? []).map((v) => v.name ?? '').filter((v) => !constant.has(v)));
  inputs.add('');
  const rename = (v: string) => (inputs.has(v) ? v : PREFIX + v);
  return {
    node: (graph.node ?? []).map((n) => ({
      ...n,
      name: PREFIX + (n.name ?? ''),
      input: (n.input ?? []).map(rename),
      output: (n.output ?? []).map(rename),
    })),
    initializer: (graph.initializer ?? []).map((t) => ({ ...t, name: rename(t.name ?? '') })),
  };
}

/**
 * One model computing `value` in both `original` and `cut` (same inputs; `cut`'s names prefixed;
 * only the nodes needed) and their concatenation on axis 1, named by the returned value:
 * channels 0..C-1 the original's, C..2C-1 the cut model's. O(nodes + initializers).
 */
function jointModel(original: OnnxModel, cut: OnnxModel, value: ChannelValue) {
  const a = original.proto.graph!;
  const b = prefixed(cut.proto.graph!);
  const joint = '__sequential_joint';
  const nodes = ancestors([...(a.node ?? []), ...b.node!], [value.consumed, PREFIX + value.consumed]);
  nodes.push({
    op_type: 'Concat',
    input: [value.consumed, PREFIX + value.consumed],
    output: [joint],
    name: joint,
    attribute: [intAttr('axis', 1)],
  });
  const used = new Set(nodes.flatMap((n) => n.input ?? []));
  const initializer = [...(a.initializer ?? []), ...b.initializer!].filter((t) => used.has(t.name ?? ''));
  const model: OnnxModel = {
    proto: { ...original.proto, graph: { ...a, node: nodes, initializer, output: [], value_info: [] } },
  };
  return { model, value: { consumed: joint, channels: 2 * value.channels, rank: value.rank } };
}

/**
 * Statistics of `value` in the original model and in the partly cut one over the same calibration
 * examples, as one set of 2C channels (the original's first, then the cut model's): their means,
 * moments and cross moments. One pass of both models over `calibration`.
 */
export async function jointStatistics(
  original: OnnxModel,
  cut: OnnxModel,
  value: ChannelValue,
  calibration: ModelInputs,
  options: { readonly threads?: number } = {},
): Promise<ChannelStats> {
  const joint = jointModel(original, cut, value);
  const stats = await channelStatistics(joint.model, calibration, [joint.value], options);
  return stats.get(joint.value.consumed)!;
}

/** The statistics of channels `from..from+count-1` of `stats` alone. O(count^2). */
export function channelBlock(stats: ChannelStats, from: number, count: number): ChannelStats {
  const all = stats.mean.length;
  const moments = new Float64Array(count * count);
  for (let i = 0; i < count; i++)
    moments.set(stats.moments.subarray((from + i) * all + from, (from + i) * all + from + count), i * count);
  return {
    mean: stats.mean.slice(from, from + count),
    meanAbs: stats.meanAbs.slice(from, from + count),
    moments,
    rows: stats.rows,
  };
}

/**
 * A fit with fewer calibration rows (examples x positions) than this many times its unknowns (kept
 * channels + 1) is ridged (a set read through a global pool: one row per example). Chosen on
 * held-out training images of the corpus MobileNetV2 (its pooled set: 100 rows, 144 or 96 kept).
 */
const FEW_ROWS = 2;
/**
 * The ridge of such a fit, times the mean variance of the kept channels (held-out logit error at
 * 25 % / 50 % cut: 0.37 / 0.58 with plain least-squares repair of that set, 0.33 / 0.48 at 0.1,
 * 0.305 / 0.461 at 1, 0.303 / 0.463 at 3, 0.31 / 0.47 at 10).
 */
const FEW_ROWS_RIDGE = 1;

/**
 * The least-squares map from the cut model's kept channels a'_S to the original's channels a
 * (`joint` from {@link jointStatistics}, C channels each): `M = Cov(a, a'_S) Cov(a'_S)^-1` and
 * `offset = mean(a) - M mean(a'_S)`, so a ~ offset + M a'_S. Relative ridge 1e-6; when the
 * calibration has fewer than 2 (|S| + 1) rows (examples x positions), ridge 1 x the mean variance
 * (else the fit interpolates the few rows and fails on new data). Undefined when the covariance is
 * singular. O(C |S|^2 + |S|^3).
 */
export function sequentialMap(
  joint: ChannelStats,
  channels: number,
  keep: Int32Array,
): ChannelMap | undefined {
  const k = keep.length;
  const few = joint.rows < FEW_ROWS * (k + 1);
  const source = Int32Array.from(keep, (j) => channels + j);
  const factor = ridgedCholesky(joint, source, few ? FEW_ROWS_RIDGE : 0);
  if (factor === undefined) return undefined;
  const cov = covarianceOf(joint);
  const map = new Float32Array(channels * k);
  const offset = new Float64Array(channels);
  const row = new Float64Array(k);
  for (let c = 0; c < channels; c++) {
    for (let j = 0; j < k; j++) row[j] = cov(c, source[j]!);
    choleskySolveInPlace(factor, k, row);
    let v = joint.mean[c]!;
    for (let j = 0; j < k; j++) v -= row[j]! * joint.mean[source[j]!]!;
    offset[c] = v;
    map.set(row, c * k);
  }
  return { rows: Int32Array.from({ length: channels }, (_, c) => c), map, offset, identity: false };
}
