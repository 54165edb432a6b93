import type { ChannelSet } from './find-channel-sets.js';
import { runProbe } from './internal/probe-run.js';
import { intsAttr, makeTensor } from './internal/tensors.js';
import {
  DataType,
  type NodeProto,
  type OnnxModel,
  type TensorProto,
  type ValueInfoProto,
} from './onnx-types.js';
import type { ModelInputs } from './prepare-inputs.js';

/** Per-channel activation statistics of the values the consumers of each channel set read. */
export interface ChannelStats {
  /** Mean of |a| per channel over examples and positions. */
  readonly meanAbs: Float64Array;
  /** Mean of a per channel over examples and positions (what a cut channel is replaced by in repair). */
  readonly mean: Float64Array;
  /**
   * Second moments E[a_i a_j] over examples and positions, row-major channels x channels (what
   * least-squares repair and the `reconstruction` criterion need).
   */
  readonly moments: Float64Array;
  /** Rows (examples x positions) the means and moments average over. */
  readonly rows: number;
}

/** What {@link channelStatistics} needs of a value: its name, channels (axis 1) and rank. */
export type ChannelValue = Pick<ChannelSet, 'consumed' | 'channels' | 'rank'>;

/**
 * Runs the float model once over the calibration examples and returns, for every channel set's
 * consumed value (keyed by its name), the mean and the mean absolute activation of each channel,
 * and their second moments (any value with channels on axis 1 can be measured: see
 * {@link ChannelValue}). The reductions run inside the graph (Abs and GlobalAveragePool per value), so only
 * `examples x channels` numbers leave onnxruntime. O(one inference per example).
 *
 * @example
 * const model = tinyCnn({ size: 2, hidden: 8 });
 * const calibration = prepareInputs(await loadMedMNIST(tinyNpz()), 'train', tinySidecar);
 * const stats = await channelStatistics(model, calibration, findChannelSets(model).sets);
 * [stats.get('hidden_relu').meanAbs.length, stats.get('hidden_relu').moments.length] // => [8, 64]
 */
export async function channelStatistics(
  model: OnnxModel,
  calibration: ModelInputs,
  sets: readonly ChannelValue[],
  options: { readonly threads?: number; readonly batchSize?: number } = {},
): Promise<Map<string, ChannelStats>> {
  const values = [...new Set(sets.map((s) => s.consumed))];
  const nodes: NodeProto[] = [];
  const initializers: TensorProto[] = [];
  const outputs: ValueInfoProto[] = [];
  values.forEach((v, k) => {
    const set = sets.find((s) => s.consumed === v)!;
    const gram = momentNodes(v, k, set.channels, set.rank);
    nodes.push(...gram.nodes);
    initializers.push(gram.shape);
    outputs.push({ name: `__channel_gram_${k}` }, { name: `__channel_rows_${k}` });
    const abs = `__channel_abs_${k}`;
    nodes.push({ op_type: 'Abs', input: [v], output: [abs], name: abs });
    for (const [source, out] of [
      [abs, `__channel_meanabs_${k}`],
      [v, `__channel_mean_${k}`],
    ] as const) {
      nodes.push({ op_type: 'GlobalAveragePool', input: [source], output: [out], name: out });
      outputs.push({ name: out });
    }
  });
  const sums = values.map((v) => ({
    abs: [] as Float32Array[],
    plain: [] as Float32Array[],
    gram: new Float64Array(sets.find((s) => s.consumed === v)!.channels ** 2),
    rows: 0,
  }));
  const fetch = outputs.map((o) => o.name!);
  await runProbe(model, { nodes, initializers, outputs, fetch }, calibration, options, (out) => {
    values.forEach((_, k) => {
      const sum = sums[k]!;
      sum.abs.push((out[`__channel_meanabs_${k}`]!.data as Float32Array).slice());
      sum.plain.push((out[`__channel_mean_${k}`]!.data as Float32Array).slice());
      const gram = out[`__channel_gram_${k}`]!.data as Float32Array;
      for (let i = 0; i < gram.length; i++) sum.gram[i]! += gram[i]!;
      sum.rows += Number((out[`__channel_rows_${k}`]!.data as BigInt64Array)[1]);
    });
  });
  const result = new Map<string, ChannelStats>();
  values.forEach((v, k) => {
    const channels = sets.find((s) => s.consumed === v)!.channels;
    result.set(v, {
      meanAbs: averageOverExamples(sums[k]!.abs, channels, calibration.count),
      mean: averageOverExamples(sums[k]!.plain, channels, calibration.count),
      moments: sums[k]!.gram.map((g) => g / sums[k]!.rows),
      rows: sums[k]!.rows,
    });
  });
  return result;
}

/**
 * Nodes computing `R R^T` of a value reshaped to `R = [channels, examples x positions]` (its
 * Transpose to channels-first, Reshape, MatMul) and the shape of R (to divide by the columns).
 */
function momentNodes(
  value: string,
  k: number,
  channels: number,
  rank: number,
): { nodes: NodeProto[]; shape: TensorProto } {
  const [t, r, rt, shape] = [
    `__channel_t_${k}`,
    `__channel_r_${k}`,
    `__channel_rt_${k}`,
    `__channel_shape_${k}`,
  ];
  return {
    shape: makeTensor(shape, DataType.INT64, [2], BigInt64Array.from([BigInt(channels), -1n])),
    nodes: [
      {
        op_type: 'Transpose',
        input: [value],
        output: [t],
        name: t,
        attribute: [intsAttr('perm', [1, 0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)])],
      },
      { op_type: 'Reshape', input: [t, shape], output: [r], name: r },
      { op_type: 'Transpose', input: [r], output: [rt], name: rt },
      { op_type: 'MatMul', input: [r, rt], output: [`__channel_gram_${k}`], name: `__channel_gram_${k}` },
      { op_type: 'Shape', input: [r], output: [`__channel_rows_${k}`], name: `__channel_rows_${k}` },
    ],
  };
}

/** Averages batches of `[n, channels, 1, 1]` pooled values over all examples. */
function averageOverExamples(
  batches: readonly Float32Array[],
  channels: number,
  count: number,
): Float64Array {
  const out = new Float64Array(channels);
  for (const b of batches) for (let i = 0; i < b.length; i++) out[i % channels]! += b[i]!;
  for (let c = 0; c < channels; c++) out[c]! /= count;
  return out;
}
