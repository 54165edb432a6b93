import type {
  ChannelConsumer,
  ChannelwiseConv,
  FindChannelSetsOptions,
  FlattenReshape,
} from '../find-channel-sets.js';
import type { NodeProto } from '../onnx-types.js';
import {
  type ChannelGraph,
  type ChannelSkipReason,
  constantBatchNorm,
  constantWeights,
  convWeights,
  isJoin,
  nameOf,
} from './channel-graph.js';
import { flattenConsumers } from './follow-flatten.js';
import { attrInt, attrInts, tensorDims } from './tensors.js';

/**
 * Ops a channel passes through unchanged and independently of the other channels (unary,
 * elementwise or per-channel pooling). BatchNormalization is one too when its four parameters are
 * constants: they are cut with the channels. The global pools leave one position per channel.
 */
const PASSTHROUGH = new Set([
  'Relu',
  'LeakyRelu',
  'PRelu',
  'Clip',
  'Sigmoid',
  'Tanh',
  'HardSigmoid',
  'HardSwish',
  'Elu',
  'Selu',
  'Softplus',
  'Identity',
  'Dropout',
  'MaxPool',
  'AveragePool',
  'BatchNormalization',
  'GlobalAveragePool',
  'GlobalMaxPool',
]);

/** Where the walk stopped, and why. */
export interface ChannelStop {
  readonly reason: ChannelSkipReason;
  readonly at: string;
}

/** Everything a cut of one Conv's channels changes, from its output to the consumers' weights. */
export interface ChannelPath {
  readonly values: string[];
  readonly batchNorms: number[];
  readonly channelwise: ChannelwiseConv[];
  readonly reshapes: FlattenReshape[];
  readonly consumed: string;
  readonly consumers: ChannelConsumer[];
}

/** The state of a walk: the current value, where its channel axis is, and what it passed. */
export interface ChannelWalk extends ChannelPath {
  value: string;
  /** Axis of the channels in `value` (1 until a Transpose moves it). */
  axis: number;
  /** Rank of every value on the way (Transposes keep it). */
  readonly rank: number;
  readonly channels: number;
  /** A global pool was passed: one position per channel is left. */
  pooled: boolean;
  consumed: string;
}

const stop = (reason: ChannelSkipReason, g: ChannelGraph, node: NodeProto): ChannelStop => ({
  reason,
  at: nameOf(node, g.indexOf.get(node)!),
});

/** A depthwise Conv of `channels` channels (group = C_in = C_out, weight [C, 1, ...]), else a reason. */
function depthwise(g: ChannelGraph, node: NodeProto, channels: number): ChannelwiseConv | ChannelStop {
  const w = constantWeights(g, node);
  if (typeof w === 'string') return stop(w, g, node);
  const dims = tensorDims(g.initializers.get(w.weight)!);
  if (attrInt(node, 'group', 1) !== channels || dims[0] !== channels || dims[1] !== 1 || dims.length < 3) {
    return stop('grouped-conv', g, node);
  }
  return { node: nameOf(node, g.indexOf.get(node)!), nodeIndex: g.indexOf.get(node)!, ...w };
}

/** A pass-through op the walk may cross (checked further by the caller), or a reason. */
function passable(g: ChannelGraph, node: NodeProto, walk: ChannelWalk): ChannelStop | undefined {
  const extraOutput = (node.output ?? []).slice(1).some((o) => o !== '' && g.consumers.has(o));
  const prelu =
    node.op_type === 'PRelu' &&
    tensorDims(g.initializers.get(g.constants(node.input?.[1]) ?? '') ?? {}).length <= 1;
  const ok =
    walk.axis === 1 &&
    !extraOutput &&
    (node.op_type !== 'BatchNormalization' || constantBatchNorm(g, node)) &&
    (node.op_type !== 'PRelu' || prelu);
  return ok && node.op_type !== 'PRelu' ? undefined : stop('unsupported-op', g, node);
}

/**
 * Moves the walk across its value's one reader when that reader keeps channels apart: a pass-through
 * op, a depthwise Conv, a Transpose (the channel axis moves with it). Returns `end` when the reader
 * is not such an op (the caller looks at it as a consumer), or why the walk must stop there.
 */
function step(g: ChannelGraph, node: NodeProto, walk: ChannelWalk): ChannelStop | 'end' | undefined {
  if ((node.domain ?? '') !== '' || node.input?.[0] !== walk.value) return 'end';
  const op = node.op_type ?? '';
  if (PASSTHROUGH.has(op)) {
    const blocked = passable(g, node, walk);
    if (blocked !== undefined) return blocked;
    if (op === 'BatchNormalization') walk.batchNorms.push(g.indexOf.get(node)!);
    if (op === 'GlobalAveragePool' || op === 'GlobalMaxPool') walk.pooled = true;
  } else if (op === 'Conv' && attrInt(node, 'group', 1) !== 1) {
    if (walk.axis !== 1) return stop('unsupported-op', g, node);
    const conv = depthwise(g, node, walk.channels);
    if ('reason' in conv) return conv;
    walk.channelwise.push(conv);
  } else if (op === 'Transpose') {
    const perm = attrInts(node, 'perm', [...Array(walk.rank).keys()].reverse());
    walk.axis = perm.indexOf(walk.axis);
  } else {
    return 'end';
  }
  walk.value = node.output![0]!;
  walk.values.push(walk.value);
  if (walk.axis === 1) walk.consumed = walk.value;
  return undefined;
}

/** The consumers of the walk's value: ungrouped Convs, or dense layers through a flatten. */
function consumersOf(
  g: ChannelGraph,
  walk: ChannelWalk,
  options: FindChannelSetsOptions,
): ChannelStop | undefined {
  for (const reader of g.consumers.get(walk.value) ?? []) {
    const index = g.indexOf.get(reader)!;
    if (isJoin(g, reader)) return stop('residual', g, reader);
    const plain = (reader.domain ?? '') === '' && reader.input?.[0] === walk.value;
    if (plain && (reader.op_type === 'Flatten' || reader.op_type === 'Reshape')) {
      const blocked = flattenConsumers(g, reader, walk, options);
      if (blocked !== undefined) return blocked;
      continue;
    }
    if (reader.op_type !== 'Conv' || !plain || walk.axis !== 1) return stop('unsupported-op', g, reader);
    const w = convWeights(g, reader);
    if (typeof w === 'string') return stop(w, g, reader);
    walk.consumers.push({ node: nameOf(reader, index), nodeIndex: index, ...w });
  }
  return walk.consumers.length === 0 ? { reason: 'unsupported-op', at: walk.value } : undefined;
}

/**
 * Follows a Conv's output (`channels` channels, activations of rank `rank`) through pass-through
 * ops, depthwise Convs and Transposes to the layers that read it (ungrouped Convs; Gemm / MatMul
 * behind a Flatten or a Reshape to [N, K]), or the reason it cannot. O(nodes on the way).
 */
export function followChannels(
  g: ChannelGraph,
  start: string,
  channels: number,
  rank: number,
  options: FindChannelSetsOptions,
): ChannelPath | ChannelStop {
  const walk: ChannelWalk = {
    values: [start],
    batchNorms: [],
    channelwise: [],
    reshapes: [],
    consumers: [],
    value: start,
    consumed: start,
    axis: 1,
    rank,
    channels,
    pooled: false,
  };
  for (;;) {
    if (g.outputs.has(walk.value)) return { reason: 'graph-output', at: walk.value };
    const readers = g.consumers.get(walk.value) ?? [];
    if (readers.length !== 1) break;
    const result = step(g, readers[0]!, walk);
    if (result === 'end') break;
    if (result !== undefined) return result;
  }
  const blocked = consumersOf(g, walk, options);
  if (blocked !== undefined) return blocked;
  const { values, batchNorms, channelwise, reshapes, consumed, consumers } = walk;
  return { values, batchNorms, channelwise, reshapes, consumed, consumers };
}
