import type { GraphProto, ModelProto, NodeProto, TensorProto } from '../onnx-types.js';

/** Initializers by name. O(initializers). */
export function initializerMap(graph: GraphProto): Map<string, TensorProto> {
  const map = new Map<string, TensorProto>();
  for (const t of graph.initializer ?? []) map.set(t.name ?? '', t);
  return map;
}

/**
 * Maps each value produced by an `Identity` node over an initializer (directly or through a chain
 * of Identities) to that initializer's name. PyTorch exports shared weights this way. O(nodes).
 */
export function identityAliases(
  graph: GraphProto,
  initializers: Map<string, TensorProto>,
): Map<string, string> {
  const alias = new Map<string, string>();
  for (const node of graph.node ?? []) {
    if (node.op_type !== 'Identity' || (node.domain ?? '') !== '') continue;
    const input = node.input?.[0] ?? '';
    const target = alias.get(input) ?? (initializers.has(input) ? input : undefined);
    const output = node.output?.[0];
    if (target !== undefined && output !== undefined) alias.set(output, target);
  }
  return alias;
}

/** The default-domain opset version the model imports (0 when none). */
export function opsetVersion(model: ModelProto): number {
  const entry = (model.opset_import ?? []).find((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx');
  const v = entry?.version;
  if (v === undefined) return 0;
  return typeof v === 'number' ? v : v.low;
}

/** Consumers of each value: value name -> nodes reading it. O(edges). */
export function consumerMap(nodes: readonly NodeProto[]): Map<string, NodeProto[]> {
  const map = new Map<string, NodeProto[]>();
  for (const node of nodes) {
    for (const input of node.input ?? []) {
      if (input === '') continue;
      const list = map.get(input);
      if (list === undefined) map.set(input, [node]);
      else list.push(node);
    }
  }
  return map;
}

/** A shallow copy of a model whose graph copy can take new initializers / nodes without touching the original. */
export function cloneModelShallow(model: ModelProto): ModelProto {
  const graph = model.graph ?? {};
  return {
    ...model,
    graph: { ...graph, node: [...(graph.node ?? [])], initializer: [...(graph.initializer ?? [])] },
  };
}
