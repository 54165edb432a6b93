import { DataType, type NodeProto, type TensorProto } from '../onnx-types.js';
import { inputPath, isShallowConv } from './float-stem.js';
import { consumerMap } from './graph.js';
import { attrInts, makeTensor, readFloat32, tensorDims } from './tensors.js';

/** What {@link padInputChannels} did. */
export interface InputChannelPadding {
  readonly nodes: NodeProto[];
  /** New float initializers: the widened weights and the MatMul / Pad constants. */
  readonly initializers: TensorProto[];
  /** Each widened input -> the graph input it extends (same values, zeros added). */
  readonly sameValues: Map<string, string>;
  /** The MatMul / Pad nodes that widen the inputs, one per Conv widened (first in `nodes`). */
  readonly widening: NodeProto[];
  /** The Convs widened. */
  readonly convs: Set<NodeProto>;
}

/** Multiple of input channels that onnxruntime's int8 direct convolution kernel takes. */
const ALIGNMENT = 4;

/** Where the Conv's channel axis comes from in the graph input: axis 1 traced back through Transposes. */
function inputChannelAxis(path: readonly NodeProto[]): number {
  let axis = 1;
  for (const t of path) axis = attrInts(t, 'perm', [])[axis] ?? -1;
  return axis;
}

/** Zero input channels appended to a [M, C, ...] weight up to `channels`. O(weights). */
function widenWeight(weight: TensorProto, name: string, channels: number): TensorProto {
  const dims = tensorDims(weight);
  const values = readFloat32(weight);
  const [m, c] = [dims[0]!, dims[1]!];
  const inner = values.length / (m * c);
  const out = new Float32Array(m * channels * inner);
  for (let o = 0; o < m; o++)
    out.set(values.subarray(o * c * inner, (o + 1) * c * inner), o * channels * inner);
  return makeTensor(name, DataType.FLOAT, [m, channels, ...dims.slice(2)], out);
}

/**
 * Widens each ungrouped Conv that reads a float graph input (directly or through Transposes) with
 * input channels not a multiple of 4 (RGB) to the next multiple: zero weights for the new channels
 * and the input extended by channels of zeros, so the output is the same while onnxruntime runs its
 * int8 direct convolution kernel (MlasConvSym) instead of im2col + QGEMM, 1.7x faster on a 3x3 RGB
 * layer. The input is extended by a Pad, or by a MatMul with an identity matrix widened by zero
 * columns when the channels are the input's last axis (NHWC: Pad on the innermost axis is slow in
 * onnxruntime). `ranks`: each graph input's rank. Mutates the Convs' and Transposes' inputs.
 * O(nodes + widened weights).
 *
 * @example
 * // input [N, 28, 28, 3] -> Transpose -> Conv [16, 3, 3, 3]: input @ [3 x 4] -> Transpose -> Conv [16, 4, 3, 3]
 * padInputChannels(nodes, initializers, new Map([['input', 4]]))
 */
export function padInputChannels(
  nodes: readonly NodeProto[],
  initializers: ReadonlyMap<string, TensorProto>,
  ranks: ReadonlyMap<string, number>,
): InputChannelPadding {
  const consumers = consumerMap(nodes);
  const producer = new Map<string, NodeProto>();
  for (const n of nodes) for (const o of n.output ?? []) producer.set(o, n);
  const inputs = new Set(ranks.keys());
  const added: NodeProto[] = [];
  const newInit: TensorProto[] = [];
  const sameValues = new Map<string, string>();
  const convs = new Set<NodeProto>();
  for (const conv of nodes) {
    if (!isShallowConv(conv, initializers)) continue;
    const path = inputPath(conv, producer, consumers, inputs, new Set(['Transpose']));
    if (path === undefined) continue;
    const input = path.tensors.at(-1)!;
    const rank = ranks.get(input)!;
    const axis = inputChannelAxis(path.nodes);
    const weight = initializers.get(conv.input![1]!)!;
    const c = tensorDims(weight)[1]!;
    const wide = Math.ceil(c / ALIGNMENT) * ALIGNMENT;
    if (axis < 0 || axis >= rank || sameValues.has(`${input}_channels_padded`)) continue;
    const x = `${input}_channels_padded`;
    const constant = `${x}_${axis === rank - 1 ? 'identity' : 'pads'}`;
    if (axis === rank - 1) {
      const eye = new Float32Array(c * wide);
      for (let i = 0; i < c; i++) eye[i * wide + i] = 1;
      newInit.push(makeTensor(constant, DataType.FLOAT, [c, wide], eye));
      added.push({ input: [input, constant], output: [x], name: `${x}_MatMul`, op_type: 'MatMul' });
    } else {
      const pads = new BigInt64Array(2 * rank);
      pads[rank + axis] = BigInt(wide - c);
      newInit.push(makeTensor(constant, DataType.INT64, [2 * rank], pads));
      added.push({ input: [input, constant], output: [x], name: `${x}_Pad`, op_type: 'Pad' });
    }
    const reader = path.nodes.at(-1) ?? conv;
    reader.input![0] = x;
    const w = `${conv.input![1]}_channels_padded`;
    newInit.push(widenWeight(weight, w, wide));
    conv.input![1] = w;
    sameValues.set(x, input);
    convs.add(conv);
  }
  return { nodes: [...added, ...nodes], initializers: newInit, sameValues, widening: added, convs };
}
