import type { NodeProto, TensorProto } from '../onnx-types.js';
import { consumerMap } from './graph.js';
import { readFloat32, shapeSize, tensorDims } from './tensors.js';

/** An activation folded into its producer: the producer now writes the activation's output. */
export interface FoldedActivation {
  readonly activation: NodeProto;
  readonly producer: NodeProto;
  /** The producer's own output before the fold (what the activation read). */
  readonly input: string;
}

/** Ops whose output range can take a following Relu or Clip. */
const PRODUCERS = new Set(['Conv', 'Add', 'Gemm', 'MatMul']);

/** The value of a scalar float constant: an initializer or a `Constant` node's tensor. */
function scalarConstant(
  name: string | undefined,
  initializers: ReadonlyMap<string, TensorProto>,
  constants: ReadonlyMap<string, TensorProto>,
): number | undefined {
  if (name === undefined || name === '') return undefined;
  const t = initializers.get(name) ?? constants.get(name);
  if (t === undefined || (t.data_type !== 1 && t.data_type !== 11) || shapeSize(tensorDims(t)) !== 1) {
    return undefined;
  }
  return readFloat32(t)[0];
}

/**
 * Whether quantizing the activation's output with a uint8 range that contains 0 clamps exactly as
 * the activation does: always for Relu; for Clip when its bounds are constants with min <= 0 <= max
 * (ReLU6: [0, 6]), since the calibrated range [min(lo, 0), max(hi, 0)] then lies inside them.
 */
function clampsLikeRange(
  node: NodeProto,
  initializers: ReadonlyMap<string, TensorProto>,
  constants: ReadonlyMap<string, TensorProto>,
): boolean {
  if (node.op_type === 'Relu') return true;
  if (node.op_type !== 'Clip') return false;
  const [, lo, hi] = node.input ?? [];
  const min =
    lo === undefined || lo === '' ? Number.NEGATIVE_INFINITY : scalarConstant(lo, initializers, constants);
  const max =
    hi === undefined || hi === '' ? Number.POSITIVE_INFINITY : scalarConstant(hi, initializers, constants);
  return min !== undefined && max !== undefined && min <= 0 && max >= 0;
}

/**
 * Folds every Relu, and every Clip whose constant bounds contain 0 (ReLU6), into its producer (Conv,
 * Add, Gemm or MatMul) when the producer's output feeds only that activation and is not a graph
 * output: the producer writes the activation's output, whose uint8 range (zero point at 0, top at
 * the calibrated maximum) clamps the same way. The fold is only sound where that output really is
 * quantized: {@link unfoldActivations} undoes the others. Mutates the producers' output lists.
 * O(nodes).
 */
export function foldActivations(
  nodes: readonly NodeProto[],
  initializers: ReadonlyMap<string, TensorProto>,
  outputs: ReadonlySet<string>,
): { nodes: NodeProto[]; folded: FoldedActivation[] } {
  const constants = new Map<string, TensorProto>();
  for (const n of nodes) {
    const t = n.op_type === 'Constant' ? n.attribute?.find((a) => a.name === 'value')?.t : undefined;
    if (t !== undefined) constants.set(n.output?.[0] ?? '', t);
  }
  const consumers = consumerMap(nodes);
  const producer = new Map<string, NodeProto>();
  for (const n of nodes) for (const o of n.output ?? []) producer.set(o, n);
  const folded: FoldedActivation[] = [];
  for (const activation of nodes) {
    if ((activation.domain ?? '') !== '' || !clampsLikeRange(activation, initializers, constants)) continue;
    const x = activation.input![0]!;
    const p = producer.get(x);
    if (p === undefined || !PRODUCERS.has(p.op_type ?? '') || (p.domain ?? '') !== '') continue;
    if (outputs.has(x) || (consumers.get(x) ?? []).length !== 1) continue;
    p.output![0] = activation.output![0]!;
    folded.push({ activation, producer: p, input: x });
  }
  const drop = new Set(folded.map((f) => f.activation));
  return { nodes: nodes.filter((n) => !drop.has(n)), folded };
}

/**
 * Puts back the folded activations whose output is not quantized (`quantized` false): without a
 * QuantizeLinear nothing would clamp. Each returns right after its producer, which writes its own
 * output again. Returns the node list and the folds that stay. O(nodes).
 */
export function unfoldActivations(
  nodes: readonly NodeProto[],
  folded: readonly FoldedActivation[],
  quantized: (tensor: string) => boolean,
): { nodes: NodeProto[]; folded: FoldedActivation[] } {
  const undo = new Map<NodeProto, FoldedActivation>();
  for (const f of folded) if (!quantized(f.activation.output![0]!)) undo.set(f.producer, f);
  if (undo.size === 0) return { nodes: [...nodes], folded: [...folded] };
  const result: NodeProto[] = [];
  for (const n of nodes) {
    result.push(n);
    const f = undo.get(n);
    if (f === undefined) continue;
    n.output![0] = f.input;
    result.push(f.activation);
  }
  return { nodes: result, folded: folded.filter((f) => !undo.has(f.producer)) };
}
