import type { GraphProto, OnnxModel, TensorProto } from '../onnx-types.js';
import type { QdqSink } from './qdq-types.js';
import type { QuantizableGraph } from './quantizable-graph.js';

/** The emitted graph without the Constants only folded Clips read (their bounds) and unread initializers. */
function quantizedGraph(g: QuantizableGraph, emitted: QdqSink, added: readonly TensorProto[]): GraphProto {
  const used = new Set(emitted.nodes.flatMap((n) => n.input ?? []));
  for (const o of g.outputs) used.add(o);
  const node = emitted.nodes.filter(
    (n) => n.op_type !== 'Constant' || (n.output ?? []).some((o) => used.has(o)),
  );
  const initializer = [
    ...(g.graph.initializer ?? []).filter((t) => used.has(t.name ?? '')),
    ...added.filter((t) => used.has(t.name ?? '')),
    ...emitted.initializers,
  ];
  return { ...g.graph, node, initializer };
}

/** `model` with the rewritten graph (see {@link quantizedGraph}), from the same source path. */
export function quantizedModel(
  model: OnnxModel,
  g: QuantizableGraph,
  emitted: QdqSink,
  added: readonly TensorProto[],
): OnnxModel {
  return {
    proto: { ...model.proto, graph: quantizedGraph(g, emitted, added) },
    ...(model.sourcePath === undefined ? {} : { sourcePath: model.sourcePath }),
  };
}
