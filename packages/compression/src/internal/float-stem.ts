import { DataType, type NodeProto, type TensorProto } from '../onnx-types.js';
import { quantizePerChannel } from '../quantize-per-channel.js';
import { consumerMap } from './graph.js';
import { attrInt, makeTensor, readFloat32, tensorDims } from './tensors.js';

/** Ops that only move the image's values between the graph input and the stem convolution. */
const LAYOUT_OPS = new Set(['Transpose', 'Reshape', 'Flatten']);
/** Activations after the stem Conv: onnxruntime fuses them into its fp32 Conv. */
const STEM_TAIL_OPS = new Set(['Relu', 'Clip']);
/**
 * What may read the stem's last tensor. onnxruntime runs int8 Conv and Add in NHWC right after a
 * Transpose of the uint8 tensor; a uint8 MaxPool there would stay NCHW (its slow path, 15x the NHWC
 * one), and hoisting the QuantizeLinear over a float MaxPool is undone by onnxruntime.
 */
const STEM_READERS = new Set(['Conv', 'Add']);
/**
 * Input channels per group must be a multiple of this for onnxruntime's int8 convolution kernel
 * with symmetric weights (MlasConvSym on x86 and ARM); other counts go through im2col + QGEMM.
 */
const INT8_CONV_CHANNEL_ALIGNMENT = 4;

/** Whether `node` is an ungrouped Conv with a constant weight whose input channels are not a multiple of 4. */
export function isShallowConv(node: NodeProto, initializers: ReadonlyMap<string, TensorProto>): boolean {
  if (node.op_type !== 'Conv' || (node.domain ?? '') !== '' || attrInt(node, 'group', 1) !== 1) return false;
  const w = initializers.get(node.input?.[1] ?? '');
  const dims = w === undefined ? [] : tensorDims(w);
  return dims.length >= 3 && dims[1]! % INT8_CONV_CHANNEL_ALIGNMENT !== 0;
}

/**
 * Activation tensors to leave float around the stem: each ungrouped Conv that reads a float graph
 * input (directly or through Transpose / Reshape / Flatten) with a number of input channels that is
 * not a multiple of 4 (RGB, grayscale). onnxruntime's int8 convolution cannot take such a layer in
 * its direct kernel and runs it as im2col + QGEMM, about twice the time of its fp32 NCHWc Conv on
 * the same layer (AVX2: 12 vs 6 ms per 100 RGB 28x28 images, 3x3 to 16 channels), and the first
 * layer is also the one most sensitive to int8. Returned: the tensors on the path from the graph
 * input to such a Conv whose every reader is on that path (the Conv then gets a float input and
 * runs float, see {@link int8RoundedWeight}), and its output through a chain of single readers Relu
 * or Clip (fused with the fp32 Conv): the first QuantizeLinear comes after them. The Conv stays int8 when another
 * node reads its input, or when an op other than Conv or Add reads that last tensor (see
 * STEM_READERS). O(nodes + edges).
 *
 * @example
 * // input -> Conv (3 input channels) -> Relu -> Conv ...: input and conv_out stay float
 * floatStem(nodes, initializers, ['input'], new Set(['logits']))
 */
export function floatStem(
  nodes: readonly NodeProto[],
  initializers: ReadonlyMap<string, TensorProto>,
  dataInputs: readonly string[],
  outputs: ReadonlySet<string>,
): Set<string> {
  const consumers = consumerMap(nodes);
  const producer = new Map<string, NodeProto>();
  for (const n of nodes) for (const o of n.output ?? []) producer.set(o, n);
  const inputs = new Set(dataInputs);
  const float = new Set<string>();
  for (const conv of nodes) {
    if (!isShallowConv(conv, initializers)) continue;
    const path = inputPath(conv, producer, consumers, inputs, LAYOUT_OPS);
    const tail = path === undefined ? undefined : stemTail(conv, consumers, outputs);
    if (path === undefined || tail === undefined) continue;
    for (const x of [...path.tensors, ...tail]) float.add(x);
  }
  return float;
}

/** The way from a graph input to a Conv: tensors (the Conv's input first) and the nodes between. */
export interface InputPath {
  readonly tensors: readonly string[];
  readonly nodes: readonly NodeProto[];
}

/**
 * The path back from `conv`'s data input to a graph input through `layoutOps` nodes, or undefined
 * when it leads elsewhere or a node off the path reads one of its tensors. O(path + readers).
 */
export function inputPath(
  conv: NodeProto,
  producer: ReadonlyMap<string, NodeProto>,
  consumers: ReadonlyMap<string, readonly NodeProto[]>,
  inputs: ReadonlySet<string>,
  layoutOps: ReadonlySet<string>,
): InputPath | undefined {
  const tensors: string[] = [];
  const nodes: NodeProto[] = [];
  let t = conv.input![0]!;
  for (let p = producer.get(t); p !== undefined && layoutOps.has(p.op_type ?? ''); p = producer.get(t)) {
    tensors.push(t);
    nodes.push(p);
    t = p.input![0]!;
  }
  if (!inputs.has(t)) return undefined;
  tensors.push(t);
  const onPath = new Set([conv, ...nodes]);
  const alone = tensors.every((x) => (consumers.get(x) ?? []).every((c) => onPath.has(c)));
  return alone ? { tensors, nodes } : undefined;
}

/**
 * The Conv's output and those of the Relu / Clip chain after it, less the last (what gets
 * quantized), or undefined when the last one is a graph output or an op other than Conv and Add
 * reads it. O(chain).
 */
function stemTail(
  conv: NodeProto,
  consumers: ReadonlyMap<string, readonly NodeProto[]>,
  outputs: ReadonlySet<string>,
): string[] | undefined {
  const tail: string[] = [];
  let out = conv.output![0]!;
  for (let next = consumers.get(out) ?? []; ; next = consumers.get(out) ?? []) {
    const op = next.length === 1 && (next[0]!.domain ?? '') === '' ? next[0]!.op_type : undefined;
    if (outputs.has(out) || !STEM_TAIL_OPS.has(op ?? '')) break;
    tail.push(out);
    out = next[0]!.output![0]!;
  }
  const readers = consumers.get(out) ?? [];
  const fine =
    readers.length > 0 && readers.every((c) => STEM_READERS.has(c.op_type ?? '') && (c.domain ?? '') === '');
  return fine && !outputs.has(out) ? tail : undefined;
}

/**
 * The stem Conv's weight rounded to int8 per output channel, as every other layer's, but stored
 * as those dequantized float values: a constant float weight is what onnxruntime prepacks for its
 * NCHWc Conv (behind a DequantizeLinear it would run the plain Conv, twice the time). O(weights).
 *
 * @example
 * int8RoundedWeight(weight, 'conv1.weight_int8', true) // float tensor, values q * scale
 */
export function int8RoundedWeight(weight: TensorProto, name: string, perChannel: boolean): TensorProto {
  const dims = tensorDims(weight);
  const values = readFloat32(weight);
  const channels = perChannel ? dims[0]! : 1;
  const { q, scales } = quantizePerChannel(values, [channels, values.length / channels], 0);
  const count = values.length / channels;
  const rounded = Float32Array.from(q, (v, i) => v * scales[Math.floor(i / count)]!);
  return makeTensor(name, DataType.FLOAT, dims, rounded);
}
