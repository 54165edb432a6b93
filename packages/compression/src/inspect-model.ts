import { stat } from 'node:fs/promises';
import { countFlops } from './count-flops.js';
import { type ChannelSkipReason, findChannelSets } from './find-channel-sets.js';
import { findLayers } from './find-layers.js';
import { type GraphSidecar, graphSidecar } from './graph-sidecar.js';
import { int64 } from './internal/tensors.js';
import { loadOnnx } from './load-onnx.js';
import type { OnnxModel } from './onnx-types.js';
import { saveOnnxSync } from './save-onnx.js';

/** What {@link inspectModel} reads from a model: everything a compression problem needs but the preprocessing. */
export interface ModelInspection {
  /** The sidecar the graph implies (input, layout, shape, output, classes) and how each part was read. */
  readonly sidecar: GraphSidecar;
  /** Version of the default ONNX domain's opset. */
  readonly opset: number;
  /** `producer_name producer_version` as the file states them ('' when absent). */
  readonly producer: string;
  /** Nodes per op type, most frequent first. */
  readonly opCounts: Readonly<Record<string, number>>;
  /** Layers the unstructured pruning and the int8 rewrite act on (constant-weight Conv, Gemm, MatMul). */
  readonly layers: { readonly conv: number; readonly linear: number };
  /** Weights of those layers. */
  readonly parameters: number;
  /** Structured pruning: channel sets that can be cut, their stages, and the sets left alone by reason. */
  readonly channels: {
    readonly sets: number;
    readonly stages: number;
    readonly skipped: Readonly<Partial<Record<ChannelSkipReason, number>>>;
  };
  /** FLOPs of one example through those layers (2 per multiply-add, plus biases). */
  readonly flops: number;
  /** Size of the serialized model. */
  readonly bytes: number;
}

function counts<T extends string>(items: readonly T[]): Record<T, number> {
  const out = {} as Record<T, number>;
  for (const item of items) out[item] = (out[item] ?? 0) + 1;
  return out;
}

async function sizeOf(source: string | Uint8Array | OnnxModel, model: OnnxModel): Promise<number> {
  if (typeof source === 'string') return (await stat(source)).size;
  return source instanceof Uint8Array ? source.length : saveOnnxSync(model).length;
}

/**
 * Reads an ONNX image classifier and reports what compressing it involves: its graph sidecar
 * (input name, layout, shape, output, classes), opset, op counts, prunable and quantizable
 * layers, channel sets for structured pruning, FLOPs and size. O(nodes + initializers) plus one
 * inference on a zero example (for the FLOPs).
 *
 * @throws UnsupportedModelError when the graph is not an image classifier this package can feed.
 * @example
 * const report = await inspectModel(tinyCnn({ hidden: 4 }));
 * [report.sidecar.classes, report.layers, report.opCounts.Conv] // => [3, { conv: 3, linear: 1 }, 3]
 * report.channels // => { sets: 3, stages: 1, skipped: {} }
 */
export async function inspectModel(source: string | Uint8Array | OnnxModel): Promise<ModelInspection> {
  const model = typeof source === 'object' && 'proto' in source ? source : await loadOnnx(source);
  const sidecar = await graphSidecar(model);
  const proto = model.proto;
  const ops = (proto.graph?.node ?? []).map((n) =>
    n.domain ? `${n.domain}.${n.op_type}` : (n.op_type ?? '?'),
  );
  const opCounts = Object.fromEntries(
    Object.entries(counts(ops)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  );
  const layers = findLayers(model);
  const analysis = findChannelSets(model);
  const flops = await countFlops(model, { exampleShape: sidecar.input.shape });
  const opset = (proto.opset_import ?? []).find((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx');
  return {
    sidecar,
    opset: int64(opset?.version),
    producer: [proto.producer_name, proto.producer_version].filter(Boolean).join(' '),
    opCounts,
    layers: {
      conv: layers.filter((l) => l.kind === 'conv').length,
      linear: layers.filter((l) => l.kind === 'linear').length,
    },
    parameters: layers.reduce((s, l) => s + l.weightShape.reduce((p, d) => p * d, 1), 0),
    channels: {
      sets: analysis.sets.length,
      stages: analysis.stages,
      skipped: counts(analysis.skipped.map((s) => s.reason)),
    },
    flops: flops.total,
    bytes: await sizeOf(source, model),
  };
}
