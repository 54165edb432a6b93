import { InvalidArgumentError } from '@paretokit/problem';
import { type ChannelCriterion, channelImportance, importance } from './channel-importance.js';
import type { ChannelStats } from './channel-statistics.js';
import {
  type ChannelAnalysis,
  type ChannelConsumer,
  type ChannelSet,
  findChannelSets,
} from './find-channel-sets.js';
import {
  applyChannelMap,
  CHANNEL_REPAIRS,
  type ChannelRepair,
  repairConsumer,
} from './internal/channel-repair.js';

export type { ChannelCriterion } from './channel-importance.js';
export type { ChannelRepair } from './internal/channel-repair.js';

import { readConsumerWeight, writeConsumerWeight } from './internal/consumer-weight.js';
import { cloneModelShallow } from './internal/graph.js';
import { InitializerTable, sliceAxis } from './internal/initializer-table.js';
import { channelBlock, jointStatistics, sequentialMap } from './internal/sequential-repair.js';
import { intAttr, makeTensor } from './internal/tensors.js';
import { DataType, type GraphProto, type OnnxModel } from './onnx-types.js';
import type { ModelInputs } from './prepare-inputs.js';

/** Options of {@link pruneChannels}. */
export interface PruneChannelsOptions {
  /** Fraction of the channels to remove, per stage (index = stage) or one for every stage; each in [0, 1). */
  readonly fractions: number | readonly number[];
  /**
   * `l1` (default) or `l2`: norm of each output filter of the producing Conv; `activation`: mean
   * absolute activation of the channel on calibration data (needs `statistics`).
   */
  readonly criterion?: ChannelCriterion;
  /**
   * What the consumers do about the channels they lose (needs `statistics` unless `none`):
   * `none` (default) drops them; `mean` replaces each by its mean activation, folded into the
   * consumer's bias; `least-squares` replaces each, at every position, by its least-squares
   * prediction from the kept channels (calibration covariance), folded into the consumer's weights
   * at every kernel tap (a dense consumer: at every flattened position) and its bias (exact for
   * 1x1 kernels and dense layers; for larger kernels except at padding). Depthwise Convs on the way
   * just lose their channels; the Conv after them is the one repaired.
   *
   * `sequential` (needs `calibration`, not `statistics`): the sets are cut one after another in
   * graph order, and every consumer's weights become `W M` (each tap), its bias `b + W offset`, with
   * `a ~ offset + M a'_S` the least-squares fit of the ORIGINAL model's activations `a` (all
   * channels) from the kept channels of the ALREADY CUT model's `a'` (upstream sets cut and
   * repaired) on the calibration examples: each consumer is pulled back toward what it computed in
   * the original model, so errors do not add up over many cut sets. Where the calibration has
   * fewer than 2 x (kept + 1) rows (examples x positions: a set read through a global pool) the fit
   * is ridged by the kept channels' mean variance (else it interpolates those rows). The ranking
   * (`activation`, `contribution`, `reconstruction`) then uses the partly cut model's statistics
   * (`stage` allocation: the original's, from `statistics`). Cost: one onnxruntime pass of the
   * original and the partly cut model over `calibration` per cut set (about 0.5 s per set on the
   * RetinaMNIST ResNet50, 100 examples), where the other repairs cost none.
   */
  readonly repair?: ChannelRepair;
  /** From {@link channelStatistics} on the same model. */
  readonly statistics?: ReadonlyMap<string, ChannelStats>;
  /** Calibration examples of the `sequential` repair (the same as `statistics` were measured on). */
  readonly calibration?: ModelInputs;
  /** onnxruntime intra-op threads of the `sequential` repair's calibration passes. Default 1. */
  readonly threads?: number;
  /** Kept channel counts are rounded up to a multiple of this (SIMD-friendly widths). Default 1. */
  readonly multiple?: number;
  /**
   * How a stage's fraction is spread over its channel sets. `uniform` (default): every set loses
   * that fraction. `stage`: the stage as a whole loses that fraction of its channels, the channels
   * of lowest importance relative to their own set's mean importance first (so sets with many
   * unimportant channels lose more, sensitive ones less); each set keeps at least `multiple`.
   */
  readonly allocation?: 'uniform' | 'stage';
  /** A precomputed {@link findChannelSets} of the same model. */
  readonly analysis?: ChannelAnalysis;
}

/** The channels of one Conv before and after the cut. */
export interface ChannelCut {
  readonly producer: string;
  readonly stage: number;
  readonly before: number;
  readonly after: number;
  /** Indices (ascending) of the channels kept. */
  readonly kept: readonly number[];
}

/** What {@link pruneChannels} returns. */
export interface PruneChannelsResult {
  /** A new model (the input is not modified). */
  readonly model: OnnxModel;
  /** One entry per channel set, cut or not. */
  readonly cuts: readonly ChannelCut[];
  /** One line per Conv whose channels could not be cut for a reason other than a residual join. */
  readonly warnings: readonly string[];
}

function checkOptions(analysis: ChannelAnalysis, options: PruneChannelsOptions): number[] {
  const { fractions } = options;
  const list =
    typeof fractions === 'number' ? new Array<number>(analysis.stages).fill(fractions) : [...fractions];
  if (!Array.isArray(list) || list.length !== analysis.stages || list.some((f) => !(f >= 0 && f < 1))) {
    throw new InvalidArgumentError({
      argument: 'pruneChannels: fractions',
      expected: `a number in [0, 1) or ${analysis.stages} of them (one per stage)`,
      actual: fractions,
    });
  }
  const criterion = options.criterion ?? 'l1';
  if (!['l1', 'l2', 'activation', 'contribution', 'reconstruction'].includes(criterion)) {
    throw new InvalidArgumentError({
      argument: 'pruneChannels: criterion',
      expected: '"l1", "l2", "activation", "contribution" or "reconstruction"',
      actual: criterion,
    });
  }
  const repair = options.repair ?? 'none';
  if (!CHANNEL_REPAIRS.includes(repair)) {
    throw new InvalidArgumentError({
      argument: 'pruneChannels: repair',
      expected: CHANNEL_REPAIRS.map((r) => `"${r}"`).join(', '),
      actual: options.repair,
    });
  }
  const sequential = repair === 'sequential';
  const rankedByData = !['l1', 'l2'].includes(criterion) && !(sequential && options.allocation !== 'stage');
  if ((rankedByData || repair === 'mean' || repair === 'least-squares') && options.statistics === undefined) {
    throw new InvalidArgumentError({
      argument: 'pruneChannels: statistics',
      expected: 'channelStatistics(...) of the model for the activation criterion or repair',
      actual: undefined,
    });
  }
  if (sequential && options.calibration === undefined) {
    throw new InvalidArgumentError({
      argument: 'pruneChannels: calibration',
      expected: 'calibration inputs (prepareInputs(...)) for the sequential repair',
      actual: undefined,
    });
  }
  const multiple = options.multiple ?? 1;
  if (!Number.isSafeInteger(multiple) || multiple < 1) {
    throw new InvalidArgumentError({
      argument: 'pruneChannels: multiple',
      expected: 'an integer >= 1',
      actual: multiple,
    });
  }
  return list;
}

/** The `count` highest-scoring indices, ascending (ties: lower index first). */
function topIndices(score: Float64Array, count: number): Int32Array {
  const order = Array.from(score.keys()).sort((a, b) => score[b]! - score[a]! || a - b);
  return Int32Array.from(order.slice(0, count)).sort();
}

/** Keeps the `keep` slices of axis 0 of a weight and of its 1-D parameters (bias, BatchNorm's four). */
function cutOutputs(
  inits: InitializerTable,
  weight: string,
  params: readonly (string | undefined)[],
  keep: Int32Array,
) {
  const w = inits.read(weight);
  inits.set(weight, sliceAxis(w.values, w.dims, 0, keep), [keep.length, ...w.dims.slice(1)]);
  for (const param of params) {
    if (param !== undefined) {
      const p = inits.read(param);
      inits.set(param, sliceAxis(p.values, p.dims, 0, keep), [keep.length]);
    }
  }
}

/**
 * Cuts one set down to the `keep` channels: producer, BatchNorms, depthwise Convs on the way (their
 * group becomes the kept count), flattening Reshapes' target widths, and the consumers (repaired,
 * or sliced: a dense consumer loses every feature of a cut channel).
 */
async function cutSet(
  graph: GraphProto,
  inits: InitializerTable,
  set: ChannelSet,
  keep: Int32Array,
  rewrite: ConsumerRewrite,
): Promise<void> {
  const norms = set.batchNorms.flatMap((i) => graph.node![i]!.input!.slice(1, 5));
  // A producer without a bias may have been given one by the repair of an earlier set it consumes.
  const bias = set.bias ?? (graph.node![set.producerIndex]!.input?.[2] || undefined);
  cutOutputs(inits, set.weight, [bias, ...norms], keep);
  for (const conv of set.channelwise) {
    cutOutputs(inits, conv.weight, [conv.bias], keep);
    const node = graph.node![conv.nodeIndex]!;
    const attribute = (node.attribute ?? []).map((a) =>
      a.name === 'group' ? intAttr('group', keep.length) : a,
    );
    graph.node![conv.nodeIndex] = { ...node, attribute };
  }
  for (const reshape of set.reshapes) {
    const node = graph.node![reshape.nodeIndex]!;
    const name = `${node.name || `reshape${reshape.nodeIndex}`}__channels_shape`;
    const shape = BigInt64Array.from([BigInt(reshape.shape[0]!), BigInt(keep.length * reshape.positions)]);
    graph.initializer!.push(makeTensor(name, DataType.INT64, [2], shape));
    graph.node![reshape.nodeIndex] = { ...node, input: [node.input![0]!, name] };
  }
  for (const consumer of set.consumers) await rewrite(consumer);
}

/** What happens to one consumer of a cut set (see {@link consumerRewrite}). */
type ConsumerRewrite = (consumer: ChannelConsumer) => Promise<void>;

/**
 * How the consumers of `set` lose the channels not in `keep`: sliced (`none`), repaired from the
 * statistics (`mean`, `least-squares`), or refitted toward the original model (`sequential`, from
 * `joint`: see {@link jointStatistics}; `least-squares` from the original's block of it when the
 * cut model's kept covariance is singular).
 */
function consumerRewrite(
  graph: GraphProto,
  inits: InitializerTable,
  set: ChannelSet,
  keep: Int32Array,
  repair: ChannelRepair,
  stats: ChannelStats | undefined,
): ConsumerRewrite {
  const channels = set.channels;
  if (repair === 'none') {
    return async (consumer) => {
      const w = readConsumerWeight(inits, consumer, channels);
      const values = sliceAxis(w.values, [w.outs, w.ins, w.per], 1, keep);
      writeConsumerWeight(inits, consumer, { ...w, values, ins: keep.length });
    };
  }
  if (repair !== 'sequential')
    return (consumer) => repairConsumer(graph, inits, consumer, channels, keep, stats!, repair);
  const map = sequentialMap(stats!, channels, keep);
  if (map === undefined) {
    const original = channelBlock(stats!, 0, channels);
    return (consumer) => repairConsumer(graph, inits, consumer, channels, keep, original, 'least-squares');
  }
  return (consumer) => applyChannelMap(graph, inits, consumer, channels, keep, map);
}

/**
 * Kept channels per set when each stage loses `fractions[stage]` of all its channels, removed in
 * order of importance relative to the mean importance of their own set; every set keeps at least
 * `multiple` (or all when smaller) and a multiple of it. O(C log C) per stage.
 */
function stageCounts(
  analysis: ChannelAnalysis,
  scores: readonly Float64Array[],
  fractions: readonly number[],
  multiple: number,
): number[] {
  const counts = analysis.sets.map((set) => set.channels);
  for (let stage = 0; stage < analysis.stages; stage++) {
    const members = analysis.sets.flatMap((set, i) => (set.stage === stage ? [i] : []));
    const total = members.reduce((sum, i) => sum + analysis.sets[i]!.channels, 0);
    let toRemove = total - Math.ceil((1 - fractions[stage]!) * total - 1e-9);
    const pool = members.flatMap((i) => {
      const mean = scores[i]!.reduce((a, b) => a + b, 0) / scores[i]!.length || 1;
      return Array.from(scores[i]!, (v) => ({ i, relative: v / mean }));
    });
    pool.sort((a, b) => a.relative - b.relative || a.i - b.i);
    for (const { i } of pool) {
      if (toRemove <= 0) break;
      if (counts[i]! <= Math.min(multiple, analysis.sets[i]!.channels)) continue;
      counts[i]!--;
      toRemove--;
    }
  }
  return counts.map((c, i) => Math.min(analysis.sets[i]!.channels, Math.ceil(c / multiple) * multiple));
}

/**
 * Channels kept when `fraction` of `channels` are cut: ceil((1 - fraction) x channels), rounded up
 * to a multiple of `multiple`, at least 1 and at most `channels`. O(1).
 *
 * @example
 * [keptChannels(64, 0.5, 1), keptChannels(64, 0.2, 1), keptChannels(64, 0.2, 8), keptChannels(4, 0.99, 8)] // => [32, 52, 56, 4]
 */
export function keptChannels(channels: number, fraction: number, multiple = 1): number {
  const target = Math.ceil((1 - fraction) * channels - 1e-9);
  return Math.min(channels, Math.max(1, Math.ceil(target / multiple) * multiple));
}

/**
 * Structured channel pruning as a graph rewrite: for every channel set of {@link findChannelSets}
 * (a Conv whose output channels only ungrouped Convs, or a Gemm / MatMul behind a flatten, read,
 * through channel-wise ops), removes the least important `fraction` of its output channels from the
 * producer's weight and bias, the BatchNormalizations and depthwise Convs on the way (their `group`
 * becomes the kept count), the width a flattening Reshape names, and the input channels of every
 * consumer (a dense layer loses every feature of a cut channel), so the file and the work really
 * shrink. Residual-join channels and anything unsafe stay as they are (see
 * {@link findChannelSets}; `warnings` names each unsafe node). Input and output signature are
 * unchanged; shape annotations of the cut values are dropped. O(weights + C log C per set).
 *
 * With `sequential` repair, add one onnxruntime pass over the calibration examples per cut set.
 *
 * @throws InvalidArgumentError for fractions outside [0, 1), a wrong count, an unknown criterion or
 * repair, or missing statistics or calibration.
 * @example
 * const model = tinyCnn({ hidden: 8 });
 * const r = await pruneChannels(model, { fractions: 0.5 });
 * r.cuts.map((c) => [c.producer, c.before, c.after]) // => [['conv', 4, 2], ['hidden', 8, 4], ['back', 4, 2]]
 * // Sequential repair: each consumer refitted toward the original model on calibration examples.
 * const calibration = prepareInputs(await loadMedMNIST(tinyNpz()), 'train', tinySidecar);
 * const s = await pruneChannels(tinyCnn({ size: 2, hidden: 8 }), { fractions: 0.5, repair: 'sequential', calibration });
 * s.cuts.map((c) => c.after) // => [2, 4, 2]
 */
export async function pruneChannels(
  model: OnnxModel,
  options: PruneChannelsOptions,
): Promise<PruneChannelsResult> {
  const analysis = options.analysis ?? findChannelSets(model);
  const fractions = checkOptions(analysis, options);
  const criterion = options.criterion ?? 'l1';
  const multiple = options.multiple ?? 1;
  const repair = options.repair ?? 'none';
  const proto = cloneModelShallow(model.proto);
  const graph = proto.graph!;
  const inits = new InitializerTable(graph);
  const dropped = new Set<string>();
  const cuts: ChannelCut[] = [];
  const allocation = options.allocation ?? 'uniform';
  // Scores of the input model (only `stage` allocation needs them all before the first cut).
  const scores =
    allocation === 'stage'
      ? await channelImportance(model, analysis, criterion, options.statistics)
      : undefined;
  const counts =
    scores === undefined
      ? analysis.sets.map((set) => keptChannels(set.channels, fractions[set.stage]!, multiple))
      : stageCounts(analysis, scores, fractions, multiple);
  for (const [i, set] of analysis.sets.entries()) {
    const count = counts[i]!;
    const joint =
      count < set.channels && repair === 'sequential'
        ? await jointStatistics(model, { proto }, set, options.calibration!, {
            threads: options.threads ?? 1,
          })
        : undefined;
    // The set's statistics: the partly cut model's with `sequential` repair, else the input model's.
    const stats =
      joint === undefined
        ? options.statistics?.get(set.consumed)
        : channelBlock(joint, set.channels, set.channels);
    const keep =
      count === set.channels
        ? Int32Array.from(Array(count).keys())
        : topIndices(scores?.[i] ?? (await importance(set, inits, criterion, stats)), count);
    cuts.push({
      producer: set.producer,
      stage: set.stage,
      before: set.channels,
      after: count,
      kept: [...keep],
    });
    if (count === set.channels) continue;
    await cutSet(graph, inits, set, keep, consumerRewrite(graph, inits, set, keep, repair, joint ?? stats));
    for (const v of set.values) dropped.add(v);
  }
  if (graph.value_info !== undefined)
    graph.value_info = graph.value_info.filter((v) => !dropped.has(v.name ?? ''));
  const warnings = analysis.skipped.filter((s) => s.reason !== 'residual').map((s) => s.message);
  return { model: { proto }, cuts, warnings };
}
