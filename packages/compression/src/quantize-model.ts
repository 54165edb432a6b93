import type { ActivationRanges, CalibrationOptions } from './calibrate-activations.js';
import {
  foldQuantizedActivations,
  paddableInputs,
  QDQ_OPS,
  requireLayers,
  selectActivations,
} from './internal/activation-candidates.js';
import {
  adoptRewrites,
  calibrateActivations,
  candidateRanges,
  producerMap,
} from './internal/activation-ranges.js';
import { floatNodeWarnings } from './internal/float-node-warnings.js';
import { fuseMatMulAdd } from './internal/fuse-matmul-add.js';
import { lowerUnitSpatialConvs } from './internal/lower-unit-spatial.js';
import { padInputChannels } from './internal/pad-input-channels.js';
import { emitQdq } from './internal/qdq-emission.js';
import { quantizableGraph } from './internal/quantizable-graph.js';
import { quantizedModel } from './internal/quantized-graph.js';
import type { OnnxModel } from './onnx-types.js';
import type { ModelInputs } from './prepare-inputs.js';

/** Options of {@link quantizeModel}. */
export interface QuantizeModelOptions extends CalibrationOptions {
  /** Examples whose activations set the uint8 ranges (a slice of the training split). */
  readonly calibration: ModelInputs;
  /** Weight scales per output channel (default true) or one per tensor. */
  readonly perChannel?: boolean;
  /**
   * Run convolutions whose output is 1x1 spatially as Gemm over the kernel taps that meet data
   * (a Slice first when they see part of the input), default true: the same function, but
   * onnxruntime's QLinearConv computes them one example at a time (and every tap of a 3x3 kernel
   * although only one meets data), QGemm for the whole batch; and a GlobalAveragePool
   * over a 1x1 input as a Reshape (onnxruntime's QLinearGlobalAveragePool is slow for what is a
   * copy). Needs a fixed input shape.
   */
  readonly lowerUnitSpatial?: boolean;
  /**
   * Run float a first convolution whose input channels are not a multiple of 4 (an RGB or
   * grayscale image; default true) when int8 Conv or Add read it (through its Relu or Clip), its
   * weights rounded to int8 per channel like every other layer's: onnxruntime runs such a layer in
   * int8 through im2col, up to twice the time of its fp32 Conv. The first QuantizeLinear then
   * follows it.
   */
  readonly floatStem?: boolean;
  /**
   * Where such a first convolution stays int8 (the float stem does not apply, e.g. a MaxPool reads
   * it), give it zero input channels up to a multiple of 4 (default true), through onnxruntime's
   * direct int8 convolution kernel, 1.7x faster than its im2col path there on x86 without VNNI
   * (about equal with VNNI); its input gets 7 bits (calibrated values 0..127) and its weights the
   * usual 8, which keeps onnxruntime's int16 sums of u8 x s8 pairs (x86 without VNNI) from
   * overflowing on image values.
   */
  readonly padInputChannels?: boolean;
}

/** A quantized model and what was done. */
export interface QuantizeResult {
  readonly model: OnnxModel;
  /** Activation tensors given a QuantizeLinear / DequantizeLinear pair. */
  readonly quantizedActivations: number;
  /** Layers whose weight became int8 per channel. */
  readonly quantizedLayers: number;
  /** Relu nodes folded into the uint8 range (zero point 0) of their producer's output. */
  readonly foldedRelus: number;
  /** Clip nodes whose bounds contain 0 (ReLU6) folded the same way. */
  readonly foldedClips: number;
  /** Dense layers written as MatMul + Add of a constant bias, run as one Gemm (2-D inputs). */
  readonly fusedMatMuls: number;
  /** Convolutions with 1x1 input and output run as Gemm (see `lowerUnitSpatial`). */
  readonly loweredConvs: number;
  /** GlobalAveragePools over a 1x1 input run as Reshape (see `lowerUnitSpatial`). */
  readonly loweredPools: number;
  /** First convolutions kept float on purpose (see `floatStem`): not in `warnings`. */
  readonly floatStemConvs: number;
  /** First convolutions given zero input channels up to a multiple of 4 (see `padInputChannels`). */
  readonly paddedConvs: number;
  /** The calibrated ranges (after Relu folding), by tensor. */
  readonly ranges: ActivationRanges;
  /**
   * One line per node on the data path left float, naming it: an op the rewrite has no rule for
   * (e.g. Softmax, Sigmoid, Concat), or a layer whose input stays float.
   */
  readonly warnings: readonly string[];
}

/**
 * Static int8 QDQ quantization of the whole graph, the layout onnxruntime fuses into integer
 * kernels: weights of Conv, Gemm and MatMul int8 per output channel, symmetric (zero point 0, so
 * pruned zeros stay zero); biases int32 with scale = input scale x weight scale; every activation
 * edge between supported ops uint8 per tensor, from a calibration pass over `calibration`. A Relu
 * (or a Clip whose constant bounds contain 0, as ReLU6) right after a Conv, Add, Gemm or MatMul is
 * folded into its producer's output range (zero point 0 clamps like it), so each Conv output goes
 * straight into a QuantizeLinear; MaxPool, Flatten, Reshape and Transpose outputs reuse their
 * input's scale and zero point. A dense layer written as MatMul + Add of a constant bias on a 2-D
 * input runs as one Gemm; a Conv with a 1x1 output that sees all of its input as Flatten -> Gemm
 * -> Reshape (`lowerUnitSpatial`). A first Conv over an RGB or grayscale input runs float with
 * int8-rounded weights where int8 Conv / Add read it (`floatStem`), else gets zero input channels
 * up to 4 (`padInputChannels`): onnxruntime's direct int8 convolution needs a multiple of 4. Any
 * other op (Softmax, Sigmoid, Concat, grouped MatMul, ...) stays float, its inputs dequantized, and
 * `warnings` names it; graph outputs stay float. Needs opset >= 13 (per-axis DequantizeLinear).
 * O(parameters + one calibration run).
 *
 * @throws UnsupportedModelError for opset < 13 or a model without a quantizable layer.
 * @example
 * const sidecar = { classes: 3, input: { name: 'input', layout: 'NCHW', shape: [3, 2, 2], dtype: 'float32', preprocess: 'x/255' }, output: { name: 'logits' } };
 * const calibration = prepareInputs(await loadMedMNIST(tinyNpz()), 'train', sidecar);
 * const q = await quantizeModel(tinyCnn({ size: 2 }), { calibration });
 * [q.quantizedLayers, q.foldedRelus] // => [2, 1]
 */
export async function quantizeModel(
  model: OnnxModel,
  options: QuantizeModelOptions,
): Promise<QuantizeResult> {
  const where = model.sourcePath ?? 'model';
  const g = quantizableGraph(model.proto, where);
  const useStem = options.floatStem !== false;

  // 1. Fold Relu and ReLU6-style Clip into their producers; put back those whose output is not
  //    quantized after all (nothing would clamp there).
  const kept = foldQuantizedActivations(g, useStem);

  // 2. Activation tensors to quantize: float data inputs and outputs of supported producers whose
  //    every consumer is supported (Reshape: data input only), and that are not graph outputs;
  //    not those of the float stem.
  const { stem, candidates: selected } = selectActivations(kept.nodes, g, useStem);
  requireLayers(where, kept.nodes, g.initializers);

  // 3. Calibrate on the float model (tensor names survive the folding: folded producers now write
  //    the activation's output); the same pass traces the shapes around convolutions for 3b and
  //    the data inputs of MatMul + Add dense layers for 3a.
  const { measured, shapes, params, dense } = await calibrateActivations(model, options, g, kept, selected);

  // 3a. Dense layers written as MatMul + Add of a constant bias run as one Gemm where the data input
  //     is 2-D (the MatMul's output tensor disappears).
  const fusion = fuseMatMulAdd(kept.nodes, dense, shapes);
  const fused = selected.filter((c) => !fusion.removed.has(c));
  // 3b. Convolutions with a 1x1 output that sees all of its input become Flatten -> Gemm -> Reshape;
  //     the new tensors hold the same values as the Conv's input (Flatten) and output (Gemm).
  const lowering = lowerUnitSpatialConvs(fusion.nodes, g.initializers, shapes);
  // 3c. Shallow convolutions on a quantized graph input get zero channels up to a multiple of 4.
  const padding = padInputChannels(lowering.nodes, g.initializers, paddableInputs(g, fused, options));
  const { nodes, widening } = padding;
  const { candidates, sameValues, added } = adoptRewrites(g, fused, { params, measured }, lowering, padding);
  const layerNodes = requireLayers(where, nodes, g.initializers, widening);

  // 4. Rewrite: Q/DQ after each quantized tensor, int8 weights and int32 biases behind DQ nodes.
  const producerOf = producerMap(kept.nodes, nodes);
  const perChannel = options.perChannel !== false;
  const plan = { nodes, candidates, params, producerOf, layerNodes, stem, perChannel };
  const qdq = emitQdq({ ...plan, initializers: g.initializers });

  // 5. The graph without what only the folded Clips read, and what was done.
  return {
    model: quantizedModel(model, g, qdq, added),
    quantizedActivations: candidates.length,
    quantizedLayers: qdq.layers,
    foldedRelus: kept.foldedRelus,
    foldedClips: kept.foldedClips,
    fusedMatMuls: fusion.fused,
    loweredConvs: lowering.lowered,
    loweredPools: lowering.pools,
    floatStemConvs: qdq.stemConvs,
    paddedConvs: widening.length,
    ranges: candidateRanges(candidates, sameValues, measured),
    warnings: floatNodeWarnings(
      nodes,
      g.dataInputs,
      QDQ_OPS,
      qdq.floatLayers,
      new Set([...widening, ...lowering.windows]),
    ),
  };
}
