import {
  type ChannelGraph,
  type ChannelSkipReason,
  convWeights,
  indexChannelGraph,
  isJoin,
  nameOf,
} from './internal/channel-graph.js';
import { followChannels } from './internal/follow-channels.js';
import { attrInt, attrInts, tensorDims } from './internal/tensors.js';
import type { NodeProto, OnnxModel } from './onnx-types.js';

export type { ChannelSkipReason } from './internal/channel-graph.js';

/** How a dense layer behind a flatten holds the channels in its weight's K (input feature) axis. */
export interface DenseLayout {
  /** The weight is [K, O] (MatMul, Gemm with transB 0) rather than [O, K] (Gemm with transB 1). */
  readonly transposed: boolean;
  /** Features per channel: H x W of the flattened map (1 after a global pool). */
  readonly positions: number;
  /** Features ordered p x C + c (NHWC flatten after a Transpose) rather than c x P + p (NCHW). */
  readonly channelsLast: boolean;
}

/** A layer whose input channels follow a cut: a Conv (weight axis 1), or a Gemm / MatMul behind a flatten. */
export interface ChannelConsumer {
  readonly node: string;
  readonly nodeIndex: number;
  /** Weight initializer (a Conv's axis 1 = input channels; see `dense` otherwise). */
  readonly weight: string;
  /** Bias initializer, if the layer has a constant one (for a MatMul: the constant of the Add after it). */
  readonly bias?: string;
  /** Set for a Gemm / MatMul reading the flattened channels: where they sit in its weight. */
  readonly dense?: DenseLayout;
}

/** A depthwise Conv (group = C_in = C_out, weight [C, 1, ...]) on the way: cut like the producer. */
export interface ChannelwiseConv {
  readonly node: string;
  readonly nodeIndex: number;
  readonly weight: string;
  readonly bias?: string;
}

/** A Reshape flattening to [N, K] whose target shape names K: rewritten for the kept width. */
export interface FlattenReshape {
  readonly nodeIndex: number;
  /** Its target shape today ([N | 0 | -1, K]). */
  readonly shape: readonly number[];
  /** Features per channel. */
  readonly positions: number;
}

/** Options of {@link findChannelSets}. */
export interface FindChannelSetsOptions {
  /**
   * Also follow a Flatten (or Reshape to [N, K]) of a map with several positions per channel (a
   * VGG's or a Keras model's flatten of H x W x C) into the dense layer after it. Default true;
   * false follows only a flatten after a global pool (one position per channel).
   */
  readonly spatialFlatten?: boolean;
}

/** Output channels of one Conv that can be removed, with everything that must change with them. */
export interface ChannelSet {
  /** The producing Conv's name (or `Conv#index`). */
  readonly producer: string;
  readonly producerIndex: number;
  /** Weight initializer of the producer (axis 0 = output channels) and its bias, if any. */
  readonly weight: string;
  readonly bias?: string;
  /** Output channels today. */
  readonly channels: number;
  /** Rank of the activations (the producer weight's rank: 4 for 2-D convolutions). */
  readonly rank: number;
  /** BatchNormalization nodes between producer and consumers whose parameters are sliced. */
  readonly batchNorms: readonly number[];
  /** Depthwise Convs between producer and consumers, cut channel for channel. */
  readonly channelwise: readonly ChannelwiseConv[];
  /** Flattening Reshapes whose target shape is rewritten. */
  readonly reshapes: readonly FlattenReshape[];
  /** Values from the producer's output to the consumers' input (their shape info is dropped). */
  readonly values: readonly string[];
  /**
   * The value the consumers read (after the pass-through ops and depthwise Convs), channels on axis
   * 1: what activation statistics measure. Behind a Transpose to NHWC and a flatten, the last value
   * before the Transpose (the same numbers in another order).
   */
  readonly consumed: string;
  readonly consumers: readonly ChannelConsumer[];
  /** Stage index (see {@link findChannelSets}). */
  readonly stage: number;
}

/** A Conv whose channels are not cut, with the node that stops it. */
export interface SkippedChannels {
  readonly producer: string;
  readonly reason: ChannelSkipReason;
  /** The node (or value) in the way, named. */
  readonly at: string;
  /** One line for a warning. */
  readonly message: string;
}

/** What {@link findChannelSets} found. */
export interface ChannelAnalysis {
  readonly sets: readonly ChannelSet[];
  readonly skipped: readonly SkippedChannels[];
  /** Number of stages (distinct `stage` values, 0..stages-1); 0 when nothing can be cut. */
  readonly stages: number;
}

const REASON_TEXT: Record<ChannelSkipReason, string> = {
  residual: 'a residual join (its channels change only with every member of the join)',
  'grouped-conv': 'a grouped Conv other than a depthwise one, which the channel rewrite does not follow',
  'unsupported-op': 'an op or value the channel rewrite does not follow',
  'graph-output': 'a graph output, whose shape must stay',
  'shared-weight': 'a Conv whose weight is shared with another node',
};

/**
 * Width of a residual join: the output channels of the Conv reached backwards from its first input
 * through pass-through ops and other joins (NaN when none is found).
 */
function joinWidth(g: ChannelGraph, join: NodeProto): number {
  let value = join.input?.[0] ?? '';
  for (let guard = 0; guard < g.nodes.length; guard++) {
    const node = g.producers.get(value);
    if (node === undefined) return Number.NaN;
    if (node.op_type === 'Conv') {
      const w = g.constants(node.input?.[1]);
      return w === undefined ? Number.NaN : tensorDims(g.initializers.get(w)!)[0]!;
    }
    value = node.input?.[0] ?? '';
  }
  return Number.NaN;
}

/** A depthwise Conv: group > 1 equal to its constant weight's output channels, one input channel each. */
function isDepthwise(g: ChannelGraph, node: NodeProto): boolean {
  const group = attrInt(node, 'group', 1);
  const weight = g.initializers.get(g.constants(node.input?.[1]) ?? '');
  const dims = weight === undefined ? [] : tensorDims(weight);
  return group > 1 && dims[0] === group && dims[1] === 1;
}

const downsamples = (node: NodeProto) =>
  (node.op_type === 'Conv' || node.op_type === 'MaxPool' || node.op_type === 'AveragePool') &&
  attrInts(node, 'strides', [1]).some((s) => s > 1);

/**
 * The stage of every node index. With residual joins: a stage is a run of consecutive joins of one
 * width (ResNet: its 4 stages), and a node belongs to the stage of the first join after it (nodes
 * after the last join: the last stage). Without joins (plain chains such as VGG): a stage per
 * spatial resolution, i.e. the number of strided Convs and pools before the node.
 */
function stagesOf(g: ChannelGraph): number[] {
  const joins = g.nodes.map((n, i) => [n, i] as const).filter(([n]) => isJoin(g, n));
  const stage = new Array<number>(g.nodes.length).fill(0);
  if (joins.length === 0) {
    let level = 0;
    g.nodes.forEach((n, i) => {
      stage[i] = level;
      if (downsamples(n)) level++;
    });
    return stage;
  }
  const joinStage: number[] = [];
  let previous = Number.NaN;
  for (const [join] of joins) {
    const width = joinWidth(g, join);
    const last = joinStage.length === 0 ? -1 : joinStage[joinStage.length - 1]!;
    joinStage.push(width === previous ? last : last + 1);
    previous = width;
  }
  let j = 0;
  for (let i = 0; i < g.nodes.length; i++) {
    while (j < joins.length - 1 && joins[j]![1] < i) j++;
    stage[i] = joinStage[j]!;
  }
  return stage;
}

/**
 * The Convs whose output channels can be removed by a graph rewrite: every `Conv` (ungrouped,
 * constant unshared weight) whose output reaches only layers that can drop input channels (ungrouped
 * Convs on their data input; a Gemm or MatMul behind a Flatten or a Reshape to [N, K]), through ops
 * that keep channels apart: activations, pools (global ones too), BatchNormalization with constant
 * parameters, depthwise Convs (group = C_in = C_out: cut channel for channel, in MobileNet's
 * expand -> depthwise -> project blocks) and Transposes (the channel axis moves with the perm, as in
 * Keras-converted NHWC graphs). A flatten is followed after a global pool (one feature per
 * channel), or of an H x W map unless `options.spatialFlatten` is false (channel c owns H x W features: c x HW
 * + p for NCHW, p x C + c after a Transpose to NHWC). A depthwise Conv is not a producer of its own
 * (its channels are its input's). Channels that feed a residual join (an Add of two computed
 * tensors) are **left alone**: cutting them would have to change every member of the join at once,
 * which this rewrite does not do; in a ResNet that leaves the trunk and cuts the inner channels of
 * each block. Everything else in the way (an unknown op, a grouped Conv with a channel multiplier
 * or groups of several channels, a graph output, a shared weight) leaves that Conv's channels alone
 * too, with a message naming the node. Each set gets a stage: runs of residual joins of one width
 * (ResNet: 4 stages), or for graphs without joins the spatial resolution level. O(nodes + edges).
 *
 * @example
 * const found = findChannelSets(tinyCnn());
 * [found.sets.length, findChannelSets(tinyCnn(), { spatialFlatten: false }).skipped[0].reason] // => [1, 'unsupported-op']
 */
export function findChannelSets(model: OnnxModel, options: FindChannelSetsOptions = {}): ChannelAnalysis {
  const g = indexChannelGraph(model);
  const stage = stagesOf(g);
  const sets: ChannelSet[] = [];
  const skipped: SkippedChannels[] = [];
  g.nodes.forEach((node, index) => {
    if (node.op_type !== 'Conv' || (node.domain ?? '') !== '' || isDepthwise(g, node)) return;
    const producer = nameOf(node, index);
    const skip = (reason: ChannelSkipReason, at: string) =>
      skipped.push({
        producer,
        reason,
        at,
        message: `Conv "${producer}": channels left uncut at "${at}", ${REASON_TEXT[reason]}`,
      });
    const w = convWeights(g, node);
    if (typeof w === 'string') {
      skip(w, producer);
      return;
    }
    const dims = tensorDims(g.initializers.get(w.weight)!);
    const channels = dims[0]!;
    const rank = dims.length;
    const path = followChannels(g, node.output?.[0] ?? '', channels, rank, options);
    if ('reason' in path) {
      skip(path.reason, path.at);
      return;
    }
    sets.push({ producer, producerIndex: index, ...w, channels, rank, ...path, stage: stage[index]! });
  });
  const used = [...new Set(sets.map((s) => s.stage))].sort((a, b) => a - b);
  const renumber = new Map(used.map((s, i) => [s, i]));
  return {
    sets: sets.map((s) => ({ ...s, stage: renumber.get(s.stage)! })),
    skipped,
    stages: used.length,
  };
}
