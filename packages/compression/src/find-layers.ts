import { consumerMap, identityAliases, initializerMap } from './internal/graph.js';
import { matmulBias } from './internal/matmul-bias.js';
import { shapeSize, tensorDims } from './internal/tensors.js';
import type { OnnxModel } from './onnx-types.js';

/** A layer pruning can act on: a Conv, or a Gemm / MatMul whose weight is a constant. */
export interface PrunableLayer {
  /** The node's name (or `op_type#index` when unnamed). */
  readonly name: string;
  /** `conv` for Conv, `linear` for Gemm and MatMul. */
  readonly kind: 'conv' | 'linear';
  readonly opType: 'Conv' | 'Gemm' | 'MatMul';
  /** Index of the node in `graph.node`. */
  readonly nodeIndex: number;
  /** Initializer holding the weight (after resolving `Identity` aliases). */
  readonly weight: string;
  readonly weightShape: readonly number[];
  /**
   * Initializer holding the bias, if the layer has a constant one (for a MatMul: the constant of
   * the one Add that reads its output, as `x @ W + b` exports).
   */
  readonly bias?: string;
  readonly biasShape?: readonly number[];
}

/**
 * The prunable layers of a model, in graph order: every `Conv` (weight and optional bias), every
 * `Gemm` whose B is a float initializer (C as bias when it is one), and every `MatMul` whose second
 * input is one (bias: the constant [N] of an `Add` that alone reads its output, the dense layer of
 * Keras converters). Weights reached through `Identity` nodes resolve to the shared initializer.
 * O(nodes + initializers).
 *
 * @example
 * findLayers(tinyCnn()).map((l) => [l.name, l.kind, l.weightShape]) // => [['conv', 'conv', [4, 3, 3, 3]], ['fc', 'linear', [3, 64]]]
 * findLayers(tinyCnn({ identityWeight: true }))[1].weight // => 'fc.weight'
 */
export function findLayers(model: OnnxModel): PrunableLayer[] {
  const graph = model.proto.graph ?? {};
  const initializers = initializerMap(graph);
  const alias = identityAliases(graph, initializers);
  const resolveConst = (name: string | undefined) => {
    if (name === undefined || name === '') return undefined;
    const target = alias.get(name) ?? name;
    const tensor = initializers.get(target);
    return tensor !== undefined && (tensor.data_type === 1 || tensor.data_type === 11)
      ? { name: target, dims: tensorDims(tensor) }
      : undefined;
  };
  const consumers = consumerMap(graph.node ?? []);
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ''));
  const layers: PrunableLayer[] = [];
  (graph.node ?? []).forEach((node, nodeIndex) => {
    const op = node.op_type;
    if ((node.domain ?? '') !== '' || (op !== 'Conv' && op !== 'Gemm' && op !== 'MatMul')) return;
    const weight = resolveConst(node.input?.[1]);
    if (weight === undefined || shapeSize(weight.dims) === 0) return;
    const bias = resolveConst(
      op === 'MatMul' ? matmulBias(node, consumers, outputs, resolveConst)?.input : node.input?.[2],
    );
    layers.push({
      name: node.name || `${op}#${nodeIndex}`,
      kind: op === 'Conv' ? 'conv' : 'linear',
      opType: op,
      nodeIndex,
      weight: weight.name,
      weightShape: weight.dims,
      ...(bias === undefined ? {} : { bias: bias.name, biasShape: bias.dims }),
    });
  });
  return layers;
}
