import type { ChannelConsumer, FindChannelSetsOptions } from '../find-channel-sets.js';
import type { NodeProto } from '../onnx-types.js';
import {
  attrFloat,
  type ChannelGraph,
  type ChannelSkipReason,
  constantInts,
  constantWeights,
  nameOf,
  unshared,
} from './channel-graph.js';
import type { ChannelStop, ChannelWalk } from './follow-channels.js';
import { matmulBias } from './matmul-bias.js';
import { attrInt, shapeSize, tensorDims } from './tensors.js';

const stop = (reason: ChannelSkipReason, g: ChannelGraph, node: NodeProto): ChannelStop => ({
  reason,
  at: nameOf(node, g.indexOf.get(node)!),
});

/**
 * A Gemm (transA 0, alpha = beta = 1) or MatMul reading the flattened value `flat` with a constant
 * 2-D weight whose K rows are `channels` x positions, and its bias (Gemm's third input, or the
 * constant of the one Add after a MatMul); else a reason.
 */
function denseConsumer(
  g: ChannelGraph,
  node: NodeProto,
  flat: string,
  walk: ChannelWalk,
): ChannelConsumer | ChannelStop {
  const gemm = node.op_type === 'Gemm';
  const plain =
    (node.domain ?? '') === '' &&
    node.input?.[0] === flat &&
    (node.op_type === 'MatMul' ||
      (gemm &&
        attrInt(node, 'transA', 0) === 0 &&
        attrFloat(node, 'alpha', 1) === 1 &&
        attrFloat(node, 'beta', 1) === 1));
  if (!plain) return stop('unsupported-op', g, node);
  const w = constantWeights(g, node, gemm ? 2 : 99);
  if (typeof w === 'string') return stop(w, g, node);
  const dims = tensorDims(g.initializers.get(w.weight)!);
  const transposed = !gemm || attrInt(node, 'transB', 0) === 0;
  const [k, outs] = transposed ? [dims[0]!, dims[1]!] : [dims[1]!, dims[0]!];
  let bias = w.bias;
  if (!gemm) {
    const lookup = (name: string | undefined) => {
      const c = g.constants(name);
      return c === undefined ? undefined : { name: c, dims: tensorDims(g.initializers.get(c)!) };
    };
    const found = matmulBias(node, g.consumers, g.outputs, lookup);
    if (found !== undefined && unshared(g, found.bias)) bias = found.bias;
  }
  const biasSize = bias === undefined ? outs : shapeSize(tensorDims(g.initializers.get(bias)!));
  if (dims.length !== 2 || k % walk.channels !== 0 || biasSize !== outs) {
    return stop('unsupported-op', g, node);
  }
  const index = g.indexOf.get(node)!;
  return {
    node: nameOf(node, index),
    nodeIndex: index,
    weight: w.weight,
    ...(bias === undefined ? {} : { bias }),
    dense: { transposed, positions: k / walk.channels, channelsLast: walk.axis !== 1 },
  };
}

/** The target shape of a Reshape that flattens to [N, K] (`[0 | N | -1, -1 | K]`), else undefined. */
function flatShape(g: ChannelGraph, node: NodeProto): number[] | undefined {
  const shape = constantInts(g, node.input?.[1]);
  if (shape === undefined || shape.length !== 2) return undefined;
  return shape[0] === -1 && shape[1] === -1 ? undefined : shape;
}

/**
 * Adds the dense layers behind a Flatten (axis 1) or a Reshape to [N, K] of the walk's value to
 * its consumers. The channel axis must be 1 (NCHW: channel c owns features c x P .. c x P + P - 1)
 * or the last axis (NHWC after a Transpose: features p x C + c). A map of several positions per
 * channel (no global pool before) is followed unless `options.spatialFlatten` is false. Returns the
 * reason it stops, if any. O(readers).
 */
export function flattenConsumers(
  g: ChannelGraph,
  node: NodeProto,
  walk: ChannelWalk,
  options: FindChannelSetsOptions,
): ChannelStop | undefined {
  const shape = node.op_type === 'Reshape' ? flatShape(g, node) : undefined;
  const layoutOk = walk.axis === 1 || walk.axis === walk.rank - 1;
  const flattenOk =
    node.op_type === 'Flatten' ? [1, 1 - walk.rank].includes(attrInt(node, 'axis', 1)) : shape !== undefined;
  if (!layoutOk || !flattenOk || !(walk.pooled || options.spatialFlatten !== false)) {
    return stop('unsupported-op', g, node);
  }
  const flat = node.output?.[0] ?? '';
  if (g.outputs.has(flat)) return { reason: 'graph-output', at: flat };
  const readers = g.consumers.get(flat) ?? [];
  if (readers.length === 0) return stop('unsupported-op', g, node);
  const found: ChannelConsumer[] = [];
  for (const reader of readers) {
    const consumer = denseConsumer(g, reader, flat, walk);
    if ('reason' in consumer) return consumer;
    found.push(consumer);
  }
  const positions = found[0]!.dense!.positions;
  const agree = found.every((c) => c.dense!.positions === positions);
  const k = walk.channels * positions;
  if (!agree || (walk.pooled && positions !== 1) || (shape !== undefined && ![-1, k].includes(shape[1]!))) {
    return stop('unsupported-op', g, node);
  }
  if (shape !== undefined && shape[1] !== -1) {
    walk.reshapes.push({ nodeIndex: g.indexOf.get(node)!, shape, positions });
  }
  walk.values.push(flat);
  walk.consumers.push(...found);
  return undefined;
}
