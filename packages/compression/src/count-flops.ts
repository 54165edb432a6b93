import { InvalidArgumentError } from '@paretokit/problem';
import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import { findLayers } from './find-layers.js';
import { modelInput } from './internal/model-input.js';
import { createSession, ort } from './internal/session.js';
import { shapeSize } from './internal/tensors.js';
import type { OnnxModel } from './onnx-types.js';
import { saveOnnxSync } from './save-onnx.js';

/** FLOPs of one prunable layer, per example, from its real output shape. */
export interface LayerFlops {
  readonly name: string;
  readonly kind: 'conv' | 'linear';
  /** Output shape of one example (batch axis dropped), as traced. */
  readonly outputShape: readonly number[];
  /** 2 x multiply-accumulates with the weight (one multiply and one add per weight use). */
  readonly weightFlops: number;
  /** One add per output element when the layer has a bias, else 0. */
  readonly biasFlops: number;
}

/** What {@link countFlops} measures. */
export interface FlopsReport {
  /** Sum over prunable layers of weight and bias FLOPs, per example. */
  readonly total: number;
  readonly layers: readonly LayerFlops[];
}

/** Options of {@link countFlops}. */
export interface CountFlopsOptions {
  /** Shape of one example (no batch axis) when the graph input leaves some dims unknown. */
  readonly exampleShape?: readonly number[];
}

/**
 * FLOPs of every prunable layer (Conv, Gemm, MatMul) from real tensor shapes: the model runs once
 * on one zero example with every layer output exposed, and each layer's FLOPs follow from its
 * traced output shape and its weight shape (Conv: 2 x outputs x weights per output channel;
 * Gemm / MatMul: 2 x outputs x K). O(one inference).
 *
 * @throws UnsupportedModelError if the input shape is unknown and not given, or the model has no prunable layer.
 * @example
 * const report = await countFlops(tinyCnn());
 * report.layers.map((l) => [l.name, l.outputShape, l.weightFlops, l.biasFlops]) // => [['conv', [4, 8, 8], 2 * 256 * 27, 256], ['fc', [3], 2 * 3 * 64, 3]]
 */
export async function countFlops(model: OnnxModel, options: CountFlopsOptions = {}): Promise<FlopsReport> {
  const layers = findLayers(model);
  if (layers.length === 0) {
    throw new UnsupportedModelError({
      model: model.sourcePath ?? 'model',
      expected: 'at least one prunable layer (Conv, Gemm, MatMul)',
      actual: 'none',
    });
  }
  const input = modelInput(model);
  const shape = options.exampleShape ?? input.exampleShape;
  if (shape.some((d) => !(Number.isSafeInteger(d) && d > 0))) {
    throw new InvalidArgumentError({
      argument: 'countFlops(model, options).exampleShape',
      expected: 'the per-example input shape (the graph leaves dims unknown)',
      actual: [...shape],
    });
  }
  const graph = model.proto.graph ?? {};
  const nodes = graph.node ?? [];
  const traced = layers.map((l) => nodes[l.nodeIndex]!.output![0]!);
  const present = new Set((graph.output ?? []).map((o) => o.name));
  const extra = traced.filter((name) => !present.has(name)).map((name) => ({ name }));
  const probe: OnnxModel = {
    proto: { ...model.proto, graph: { ...graph, output: [...(graph.output ?? []), ...extra] } },
  };
  const session = await createSession(saveOnnxSync(probe));
  try {
    const feed = new ort.Tensor('float32', new Float32Array(shapeSize(shape)), [1, ...shape]);
    const out = await session.run({ [input.name]: feed }, traced);
    const result = layers.map((layer, i): LayerFlops => {
      const dims = out[traced[i]!]!.dims.slice(1) as number[];
      const outputs = shapeSize(dims);
      const channels = layer.kind === 'conv' ? dims[0]! : dims[dims.length - 1]!;
      const perOutput = shapeSize(layer.weightShape) / channels;
      return {
        name: layer.name,
        kind: layer.kind,
        outputShape: dims,
        weightFlops: 2 * outputs * perOutput,
        biasFlops: layer.bias === undefined ? 0 : outputs,
      };
    });
    return { total: result.reduce((s, l) => s + l.weightFlops + l.biasFlops, 0), layers: result };
  } finally {
    await session.release();
  }
}
