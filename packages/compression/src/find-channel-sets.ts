import { consumerMap, identityAliases, initializerMap } from './internal/graph.js';
import { attrInt, attrInts, tensorDims } from './internal/tensors.js';
import type { GraphProto, NodeProto, OnnxModel, TensorProto } from './onnx-types.js';

/**
 * Ops a channel passes through unchanged and independently of the other channels (unary,
 * elementwise or per-channel pooling). BatchNormalization is one too when its four parameters are
 * constants: they are cut with the channels.
 */
const PASSTHROUGH = new Set([
  'Relu',
  'LeakyRelu',
  'PRelu',
  'Clip',
  'Sigmoid',
  'Tanh',
  'HardSigmoid',
  'HardSwish',
  'Elu',
  'Selu',
  'Softplus',
  'Identity',
  'Dropout',
  'MaxPool',
  'AveragePool',
  'BatchNormalization',
]);

/** A Conv whose input channels follow a cut: its weight's axis 1 is sliced. */
export interface ChannelConsumer {
  readonly node: string;
  readonly nodeIndex: number;
  /** Weight initializer (axis 1 = input channels). */
  readonly weight: string;
  /** Bias initializer, if the Conv has a constant one. */
  readonly bias?: string;
}

/** Output channels of one Conv that can be removed, with everything that must change with them. */
export interface ChannelSet {
  /** The producing Conv's name (or `Conv#index`). */
  readonly producer: string;
  readonly producerIndex: number;
  /** Weight initializer of the producer (axis 0 = output channels) and its bias, if any. */
  readonly weight: string;
  readonly bias?: string;
  /** Output channels today. */
  readonly channels: number;
  /** Rank of the activations (the producer weight's rank: 4 for 2-D convolutions). */
  readonly rank: number;
  /** BatchNormalization nodes between producer and consumers whose parameters are sliced. */
  readonly batchNorms: readonly number[];
  /** Values from the producer's output to the consumers' input (their shape info is dropped). */
  readonly values: readonly string[];
  /** The value the consumers read (after the pass-through ops): what activation statistics measure. */
  readonly consumed: string;
  readonly consumers: readonly ChannelConsumer[];
  /** Stage index (see {@link findChannelSets}). */
  readonly stage: number;
}

/** Why a Conv's output channels are left as they are. */
export type ChannelSkipReason =
  | 'residual'
  | 'grouped-conv'
  | 'unsupported-op'
  | 'graph-output'
  | 'shared-weight';

/** A Conv whose channels are not cut, with the node that stops it. */
export interface SkippedChannels {
  readonly producer: string;
  readonly reason: ChannelSkipReason;
  /** The node (or value) in the way, named. */
  readonly at: string;
  /** One line for a warning. */
  readonly message: string;
}

/** What {@link findChannelSets} found. */
export interface ChannelAnalysis {
  readonly sets: readonly ChannelSet[];
  readonly skipped: readonly SkippedChannels[];
  /** Number of stages (distinct `stage` values, 0..stages-1); 0 when nothing can be cut. */
  readonly stages: number;
}

interface Graph {
  readonly graph: GraphProto;
  readonly nodes: readonly NodeProto[];
  readonly consumers: Map<string, NodeProto[]>;
  readonly indexOf: Map<NodeProto, number>;
  readonly constants: (name: string | undefined) => string | undefined;
  readonly uses: Map<string, number>;
  readonly outputs: Set<string>;
  readonly initializers: Map<string, TensorProto>;
}

const nameOf = (node: NodeProto, index: number) => node.name || `${node.op_type}#${index}`;

function indexGraph(model: OnnxModel): Graph {
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
  for (const node of nodes) {
    if (node.op_type === 'Identity') continue;
    for (const input of node.input ?? []) {
      const c = constants(input);
      if (c !== undefined) uses.set(c, (uses.get(c) ?? 0) + 1);
    }
  }
  const indexOf = new Map<NodeProto, number>();
  nodes.forEach((n, i) => {
    indexOf.set(n, i);
  });
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ''));
  return { graph, nodes, consumers: consumerMap(nodes), indexOf, constants, uses, outputs, initializers };
}

/** A Conv with a constant, unshared rank >= 3 weight: its weight and bias initializers, else a reason. */
function convWeights(g: Graph, node: NodeProto): { weight: string; bias?: string } | ChannelSkipReason {
  if (attrInt(node, 'group', 1) !== 1) return 'grouped-conv';
  const weight = g.constants(node.input?.[1]);
  const biasInput = node.input?.[2];
  const bias = g.constants(biasInput);
  if (weight === undefined || (biasInput !== undefined && biasInput !== '' && bias === undefined)) {
    return 'unsupported-op';
  }
  if ((g.uses.get(weight) ?? 0) > 1 || (bias !== undefined && (g.uses.get(bias) ?? 0) > 1)) {
    return 'shared-weight';
  }
  if (tensorDims(g.initializers.get(weight)!).length < 3) return 'unsupported-op';
  return bias === undefined ? { weight } : { weight, bias };
}

/** True when a BatchNormalization's scale, bias, mean and variance are unshared constants. */
function constantBatchNorm(g: Graph, node: NodeProto): boolean {
  const params = (node.input ?? []).slice(1, 5).map((name) => g.constants(name));
  return params.length === 4 && params.every((p) => p !== undefined && (g.uses.get(p) ?? 0) === 1);
}

const isJoin = (g: Graph, node: NodeProto) =>
  (node.op_type === 'Add' || node.op_type === 'Sum') &&
  (node.input ?? []).filter((i) => i !== '' && g.constants(i) === undefined).length >= 2;

type Follow = {
  values: string[];
  batchNorms: number[];
  consumed: string;
  consumers: ChannelConsumer[];
};

/** Follows a Conv's output through pass-through ops to the Convs that read it, or the reason it cannot. */
function follow(g: Graph, start: string): Follow | { reason: ChannelSkipReason; at: string } {
  const values = [start];
  const batchNorms: number[] = [];
  let value = start;
  for (;;) {
    if (g.outputs.has(value)) return { reason: 'graph-output', at: value };
    const readers = g.consumers.get(value) ?? [];
    const through =
      readers.length === 1 && PASSTHROUGH.has(readers[0]!.op_type ?? '') ? readers[0]! : undefined;
    if (through === undefined) break;
    const index = g.indexOf.get(through)!;
    const extraOutput = (through.output ?? []).slice(1).some((o) => o !== '' && g.consumers.has(o));
    const ok =
      (through.domain ?? '') === '' &&
      through.input?.[0] === value &&
      !extraOutput &&
      (through.op_type !== 'BatchNormalization' || constantBatchNorm(g, through)) &&
      (through.op_type !== 'PRelu' ||
        tensorDims(g.initializers.get(g.constants(through.input?.[1]) ?? '') ?? {}).length <= 1);
    if (!ok || through.op_type === 'PRelu') return { reason: 'unsupported-op', at: nameOf(through, index) };
    if (through.op_type === 'BatchNormalization') batchNorms.push(index);
    value = through.output![0]!;
    values.push(value);
  }
  const consumers: ChannelConsumer[] = [];
  for (const reader of g.consumers.get(value) ?? []) {
    const index = g.indexOf.get(reader)!;
    if (isJoin(g, reader)) return { reason: 'residual', at: nameOf(reader, index) };
    if (reader.op_type !== 'Conv' || (reader.domain ?? '') !== '' || reader.input?.[0] !== value) {
      return { reason: 'unsupported-op', at: nameOf(reader, index) };
    }
    const w = convWeights(g, reader);
    if (typeof w === 'string') return { reason: w, at: nameOf(reader, index) };
    consumers.push({ node: nameOf(reader, index), nodeIndex: index, ...w });
  }
  if (consumers.length === 0) return { reason: 'unsupported-op', at: value };
  return { values, batchNorms, consumed: value, consumers };
}

const REASON_TEXT: Record<ChannelSkipReason, string> = {
  residual: 'a residual join (its channels change only with every member of the join)',
  'grouped-conv': 'a grouped (depthwise) Conv, which the channel rewrite does not follow',
  'unsupported-op': 'an op or value the channel rewrite does not follow',
  'graph-output': 'a graph output, whose shape must stay',
  'shared-weight': 'a Conv whose weight is shared with another node',
};

/**
 * Width of a residual join: the output channels of the Conv reached backwards from its first input
 * through pass-through ops and other joins (NaN when none is found).
 */
function joinWidth(g: Graph, join: NodeProto, producers: Map<string, NodeProto>): number {
  let value = join.input?.[0] ?? '';
  for (let guard = 0; guard < g.nodes.length; guard++) {
    const node = producers.get(value);
    if (node === undefined) return Number.NaN;
    if (node.op_type === 'Conv') {
      const w = g.constants(node.input?.[1]);
      return w === undefined ? Number.NaN : tensorDims(g.initializers.get(w)!)[0]!;
    }
    value = node.input?.[0] ?? '';
  }
  return Number.NaN;
}

const downsamples = (node: NodeProto) =>
  (node.op_type === 'Conv' || node.op_type === 'MaxPool' || node.op_type === 'AveragePool') &&
  attrInts(node, 'strides', [1]).some((s) => s > 1);

/**
 * The stage of every node index. With residual joins: a stage is a run of consecutive joins of one
 * width (ResNet: its 4 stages), and a node belongs to the stage of the first join after it (nodes
 * after the last join: the last stage). Without joins (plain chains such as VGG): a stage per
 * spatial resolution, i.e. the number of strided Convs and pools before the node.
 */
function stagesOf(g: Graph): number[] {
  const producers = new Map<string, NodeProto>();
  for (const n of g.nodes) for (const o of n.output ?? []) producers.set(o, n);
  const joins = g.nodes.map((n, i) => [n, i] as const).filter(([n]) => isJoin(g, n));
  const stage = new Array<number>(g.nodes.length).fill(0);
  if (joins.length === 0) {
    let level = 0;
    g.nodes.forEach((n, i) => {
      stage[i] = level;
      if (downsamples(n)) level++;
    });
    return stage;
  }
  const joinStage: number[] = [];
  let previous = Number.NaN;
  for (const [join] of joins) {
    const width = joinWidth(g, join, producers);
    const last = joinStage.length === 0 ? -1 : joinStage[joinStage.length - 1]!;
    joinStage.push(width === previous ? last : last + 1);
    previous = width;
  }
  let j = 0;
  for (let i = 0; i < g.nodes.length; i++) {
    while (j < joins.length - 1 && joins[j]![1] < i) j++;
    stage[i] = joinStage[j]!;
  }
  return stage;
}

/**
 * The Convs whose output channels can be removed by a graph rewrite: every `Conv` (ungrouped,
 * constant unshared weight) whose output reaches, through channel-wise pass-through ops (ReLU and
 * other activations, pools, BatchNormalization with constant parameters), only ungrouped Convs on
 * their data input. Those consumers lose the matching input channels. Channels that feed a residual
 * join (an Add of two computed tensors) are **left alone**: cutting them would have to change every
 * member of the join at once, which this rewrite does not do; in a ResNet that leaves the trunk and
 * cuts the inner channels of each block. Everything else in the way (an unknown op, a grouped or
 * depthwise Conv, a graph output, a shared weight) leaves that Conv's channels alone too, with a
 * message naming the node. Each set gets a stage: runs of residual joins of one width (ResNet: 4
 * stages), or for graphs without joins the spatial resolution level. O(nodes + edges).
 *
 * @example
 * const found = findChannelSets(tinyCnn());
 * [found.sets.length, found.skipped[0].reason] // => [0, 'unsupported-op']
 */
export function findChannelSets(model: OnnxModel): ChannelAnalysis {
  const g = indexGraph(model);
  const stage = stagesOf(g);
  const sets: ChannelSet[] = [];
  const skipped: SkippedChannels[] = [];
  g.nodes.forEach((node, index) => {
    if (node.op_type !== 'Conv' || (node.domain ?? '') !== '') return;
    const producer = nameOf(node, index);
    const skip = (reason: ChannelSkipReason, at: string) =>
      skipped.push({
        producer,
        reason,
        at,
        message: `Conv "${producer}": channels left uncut at "${at}", ${REASON_TEXT[reason]}`,
      });
    const w = convWeights(g, node);
    if (typeof w === 'string') {
      skip(w, producer);
      return;
    }
    const path = follow(g, node.output?.[0] ?? '');
    if ('reason' in path) {
      skip(path.reason, path.at);
      return;
    }
    const dims = tensorDims(g.initializers.get(w.weight)!);
    const channels = dims[0]!;
    const rank = dims.length;
    sets.push({ producer, producerIndex: index, ...w, channels, rank, ...path, stage: stage[index]! });
  });
  const used = [...new Set(sets.map((s) => s.stage))].sort((a, b) => a - b);
  const renumber = new Map(used.map((s, i) => [s, i]));
  return {
    sets: sets.map((s) => ({ ...s, stage: renumber.get(s.stage)! })),
    skipped,
    stages: used.length,
  };
}
