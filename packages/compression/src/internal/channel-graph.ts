import type { GraphProto, NodeProto, OnnxModel, TensorProto } from '../onnx-types.js';
import { consumerMap, identityAliases, initializerMap } from './graph.js';
import { attrInt, int64, tensorDims } from './tensors.js';

/** Why a Conv's output channels are left as they are. */
export type ChannelSkipReason =
  | 'residual'
  | 'grouped-conv'
  | 'unsupported-op'
  | 'graph-output'
  | 'shared-weight';

/** A graph indexed for the channel walk of `findChannelSets`. */
export interface ChannelGraph {
  readonly graph: GraphProto;
  readonly nodes: readonly NodeProto[];
  readonly consumers: Map<string, NodeProto[]>;
  readonly indexOf: Map<NodeProto, number>;
  /** The initializer a value resolves to (through Identity aliases), if it is a constant. */
  readonly constants: (name: string | undefined) => string | undefined;
  /** How many non-Identity node inputs read each initializer. */
  readonly uses: Map<string, number>;
  readonly outputs: Set<string>;
  readonly initializers: Map<string, TensorProto>;
  /** The node producing each value. */
  readonly producers: Map<string, NodeProto>;
}

/** A node's name, or `op_type#index` when it has none. O(1). */
export const nameOf = (node: NodeProto, index: number): string => node.name || `${node.op_type}#${index}`;

/** Indexes a model's graph for the channel walk. O(nodes + edges). */
export function indexChannelGraph(model: OnnxModel): ChannelGraph {
  const graph = model.proto.graph ?? {};
  const nodes = graph.node ?? [];
  const initializers = initializerMap(graph);
  const alias = identityAliases(graph, initializers);
  const constants = (name: string | undefined) => {
    if (name === undefined || name === '') return undefined;
    const target = alias.get(name) ?? name;
    return initializers.has(target) ? target : undefined;
  };
  const uses = new Map<string, number>();
  const producers = new Map<string, NodeProto>();
  const indexOf = new Map<NodeProto, number>();
  nodes.forEach((node, i) => {
    indexOf.set(node, i);
    for (const o of node.output ?? []) producers.set(o, node);
    if (node.op_type === 'Identity') return;
    for (const input of node.input ?? []) {
      const c = constants(input);
      if (c !== undefined) uses.set(c, (uses.get(c) ?? 0) + 1);
    }
  });
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ''));
  return {
    graph,
    nodes,
    consumers: consumerMap(nodes),
    indexOf,
    constants,
    uses,
    outputs,
    initializers,
    producers,
  };
}

/** True when the initializer is read by exactly one node. */
export const unshared = (g: ChannelGraph, name: string | undefined): boolean =>
  name === undefined || (g.uses.get(name) ?? 0) <= 1;

/**
 * The weight and bias initializers of a Conv or dense node (weight at input 1, bias at input
 * `biasAt`), else the reason it cannot be rewritten: a computed weight or bias (`unsupported-op`)
 * or one shared with another node (`shared-weight`). O(1).
 */
export function constantWeights(
  g: ChannelGraph,
  node: NodeProto,
  biasAt = 2,
): { weight: string; bias?: string } | ChannelSkipReason {
  const weight = g.constants(node.input?.[1]);
  const biasInput = node.input?.[biasAt];
  const bias = g.constants(biasInput);
  if (weight === undefined || (biasInput !== undefined && biasInput !== '' && bias === undefined)) {
    return 'unsupported-op';
  }
  if (!unshared(g, weight) || !unshared(g, bias)) return 'shared-weight';
  return bias === undefined ? { weight } : { weight, bias };
}

/** A Conv with a constant, unshared rank >= 3 weight and group 1: its weight and bias, else a reason. */
export function convWeights(
  g: ChannelGraph,
  node: NodeProto,
): { weight: string; bias?: string } | ChannelSkipReason {
  if (attrInt(node, 'group', 1) !== 1) return 'grouped-conv';
  const w = constantWeights(g, node);
  if (typeof w === 'string') return w;
  return tensorDims(g.initializers.get(w.weight)!).length < 3 ? 'unsupported-op' : w;
}

/** True when a BatchNormalization's scale, bias, mean and variance are unshared constants. */
export function constantBatchNorm(g: ChannelGraph, node: NodeProto): boolean {
  const params = (node.input ?? []).slice(1, 5).map((name) => g.constants(name));
  return params.length === 4 && params.every((p) => p !== undefined && (g.uses.get(p) ?? 0) === 1);
}

/** An Add or Sum of two or more computed tensors (a residual join). */
export const isJoin = (g: ChannelGraph, node: NodeProto): boolean =>
  (node.op_type === 'Add' || node.op_type === 'Sum') &&
  (node.input ?? []).filter((i) => i !== '' && g.constants(i) === undefined).length >= 2;

/** A float attribute, or `fallback` when absent. */
export function attrFloat(node: NodeProto, name: string, fallback: number): number {
  const a = (node.attribute ?? []).find((x) => x.name === name);
  return a?.f === undefined ? fallback : a.f;
}

/**
 * The values of a constant integer tensor a node input names: an initializer (through Identity
 * aliases) or the `value` of a `Constant` node. Undefined when it is computed. O(values).
 */
export function constantInts(g: ChannelGraph, name: string | undefined): number[] | undefined {
  const init = g.constants(name);
  const tensor =
    init !== undefined
      ? g.initializers.get(init)
      : (() => {
          const node = g.producers.get(name ?? '');
          return node?.op_type === 'Constant' && (node.domain ?? '') === ''
            ? node.attribute?.find((a) => a.name === 'value')?.t
            : undefined;
        })();
  if (tensor === undefined) return undefined;
  if ((tensor.int64_data?.length ?? 0) > 0) return tensor.int64_data!.map(int64);
  const raw = tensor.raw_data;
  if (tensor.data_type === 7 && raw !== undefined && raw.length > 0) {
    const copy = new Uint8Array(raw);
    return Array.from(new BigInt64Array(copy.buffer, 0, copy.length >>> 3), Number);
  }
  return undefined;
}
