import { UnsupportedModelError } from '../errors/unsupported-model-error.js';
import type { NodeProto, TensorProto } from '../onnx-types.js';
import { floatStem } from './float-stem.js';
import { type FoldedActivation, foldActivations, unfoldActivations } from './fold-activations.js';
import { consumerMap } from './graph.js';
import type { QuantizableGraph } from './quantizable-graph.js';

/**
 * Ops whose float output may be quantized and that read quantized (DequantizeLinear) inputs well:
 * onnxruntime's QDQ transformer fuses them into integer kernels (QLinearConv, QGemm, QLinearMatMul,
 * QLinearAdd, QLinearGlobalAveragePool, QLinearAveragePool) or runs them on uint8 directly (MaxPool,
 * Flatten, Reshape, Transpose drop their DQ/Q pair when both share scale and zero point).
 */
export const QDQ_OPS: ReadonlySet<string> = new Set([
  'Conv',
  'Gemm',
  'MatMul',
  'Add',
  'Relu',
  'MaxPool',
  'AveragePool',
  'GlobalAveragePool',
  'Flatten',
  'Reshape',
  'Transpose',
]);

/** A Conv, Gemm or MatMul with a constant weight: a layer whose weight may become int8. */
const isLayer = (n: NodeProto, initializers: ReadonlyMap<string, TensorProto>): boolean =>
  (n.op_type === 'Conv' || n.op_type === 'Gemm' || n.op_type === 'MatMul') &&
  initializers.has(n.input?.[1] ?? '');

/** The layers among `nodes` but those in `except`; throws UnsupportedModelError for model `where` if none. */
export function requireLayers(
  where: string,
  nodes: readonly NodeProto[],
  initializers: ReadonlyMap<string, TensorProto>,
  except: readonly NodeProto[] = [],
): NodeProto[] {
  const skip = new Set(except);
  const layers = nodes.filter((n) => isLayer(n, initializers) && !skip.has(n));
  if (layers.length === 0) {
    throw new UnsupportedModelError({
      model: where,
      expected: 'at least one Conv, Gemm or MatMul with a constant weight to quantize',
      actual: 'none',
    });
  }
  return layers;
}

/**
 * Activation tensors to quantize: float data inputs and outputs of supported producers whose every
 * consumer is a supported op (Reshape: on its data input), and that are not graph outputs. Graph
 * order. O(nodes + edges).
 */
function activationCandidates(
  nodes: readonly NodeProto[],
  dataInputs: readonly string[],
  outputs: ReadonlySet<string>,
): string[] {
  const consumers = consumerMap(nodes);
  const readsWell = (name: string) => {
    const list = consumers.get(name) ?? [];
    return (
      list.length > 0 &&
      !outputs.has(name) &&
      list.every(
        (c) =>
          QDQ_OPS.has(c.op_type ?? '') &&
          (c.domain ?? '') === '' &&
          (c.op_type !== 'Reshape' || c.input![0] === name),
      )
    );
  };
  const candidates = dataInputs.filter(readsWell);
  for (const n of nodes) {
    if (!QDQ_OPS.has(n.op_type ?? '') || (n.domain ?? '') !== '') continue;
    const name = n.output![0]!;
    if (readsWell(name)) candidates.push(name);
  }
  return candidates;
}

/** The tensors the float stem keeps float (none if `useStem` is false) and the other candidates. */
export function selectActivations(
  nodes: readonly NodeProto[],
  g: QuantizableGraph,
  useStem: boolean,
): { stem: Set<string>; candidates: string[] } {
  const stem = useStem ? floatStem(nodes, g.initializers, g.dataInputs, g.outputs) : new Set<string>();
  const candidates = activationCandidates(nodes, g.dataInputs, g.outputs).filter((t) => !stem.has(t));
  return { stem, candidates };
}

/** Relu and ReLU6-style Clip folded into their producers, but only where the output is quantized. */
export function foldQuantizedActivations(
  g: QuantizableGraph,
  useStem: boolean,
): { nodes: NodeProto[]; folded: FoldedActivation[]; foldedRelus: number; foldedClips: number } {
  const fold = foldActivations(g.nodes, g.initializers, g.outputs);
  const firstPass = new Set(selectActivations(fold.nodes, g, useStem).candidates);
  const kept = unfoldActivations(fold.nodes, fold.folded, (t) => firstPass.has(t));
  const foldedRelus = kept.folded.filter((f) => f.activation.op_type === 'Relu').length;
  return { ...kept, foldedRelus, foldedClips: kept.folded.length - foldedRelus };
}

/** Quantized graph inputs and their rank, where 3c may pad channels (none if `padInputChannels` is false). */
export function paddableInputs(
  g: QuantizableGraph,
  candidates: readonly string[],
  options: { readonly padInputChannels?: boolean },
): Map<string, number> {
  return new Map(
    (g.graph.input ?? [])
      .filter((v) => options.padInputChannels !== false && candidates.includes(v.name ?? ''))
      .map((v) => [v.name ?? '', v.type?.tensor_type?.shape?.dim?.length ?? 0] as const),
  );
}
