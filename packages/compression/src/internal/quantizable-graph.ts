import { UnsupportedModelError } from '../errors/unsupported-model-error.js';
import {
  DataType,
  type GraphProto,
  type ModelProto,
  type NodeProto,
  type TensorProto,
} from '../onnx-types.js';
import { identityAliases, initializerMap, opsetVersion } from './graph.js';

/** The float graph the int8 rewrite starts from: node copies without Identity aliases of initializers. */
export interface QuantizableGraph {
  readonly graph: GraphProto;
  /** Initializers by name; the rewrite adds the new float ones (lowered, padded weights). */
  readonly initializers: Map<string, TensorProto>;
  readonly outputs: ReadonlySet<string>;
  /** Copies of the nodes, each reading an initializer where it read an Identity alias of one. */
  readonly nodes: NodeProto[];
  /** Float graph inputs that are not initializers. */
  readonly dataInputs: readonly string[];
}

/** Throws UnsupportedModelError below opset 13 (no per-axis DequantizeLinear). */
function requireOpset13(model: ModelProto, where: string): void {
  const opset = opsetVersion(model);
  if (opset < 13) {
    throw new UnsupportedModelError({
      model: where,
      expected: 'opset 13 or newer (per-axis DequantizeLinear)',
      actual: `opset ${opset}`,
      hint: 'Convert it first, e.g. onnx.version_converter.convert_version(model, 13).',
    });
  }
}

/** The graph of `model` (`where` in errors, which opset < 13 throws) with Identity aliases resolved. */
export function quantizableGraph(model: ModelProto, where: string): QuantizableGraph {
  requireOpset13(model, where);
  const graph = model.graph ?? {};
  const initializers = initializerMap(graph);
  const alias = identityAliases(graph, initializers);
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ''));
  const nodes: NodeProto[] = (graph.node ?? [])
    .filter((n) => !(n.op_type === 'Identity' && alias.has(n.output?.[0] ?? '')))
    .map((n) => ({
      ...n,
      input: (n.input ?? []).map((i) => alias.get(i) ?? i),
      output: [...(n.output ?? [])],
    }));
  const dataInputs = (graph.input ?? [])
    .filter((v) => !initializers.has(v.name ?? '') && v.type?.tensor_type?.elem_type === DataType.FLOAT)
    .map((v) => v.name ?? '');
  return { graph, initializers, outputs, nodes, dataInputs };
}
