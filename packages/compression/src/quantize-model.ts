import {
  type ActivationRanges,
  type CalibrationOptions,
  calibrateWithShapes,
} from './calibrate-activations.js';
import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import { floatNodeWarnings } from './internal/float-node-warnings.js';
import { floatStem, int8RoundedWeight } from './internal/float-stem.js';
import { foldActivations, unfoldActivations } from './internal/fold-activations.js';
import { fuseMatMulAdd, matmulAddPairs } from './internal/fuse-matmul-add.js';
import { consumerMap, identityAliases, initializerMap, opsetVersion } from './internal/graph.js';
import {
  hasFixedImageInput,
  isUnitSpatialCandidate,
  lowerUnitSpatialConvs,
} from './internal/lower-unit-spatial.js';
import { padInputChannels } from './internal/pad-input-channels.js';
import { attrInt, intAttr, makeTensor, readFloat32, shapeSize, tensorDims } from './internal/tensors.js';
import { DataType, type NodeProto, type OnnxModel, type TensorProto } from './onnx-types.js';
import type { ModelInputs } from './prepare-inputs.js';
import { quantizePerChannel, roundEven } from './quantize-per-channel.js';

/** Options of {@link quantizeModel}. */
export interface QuantizeModelOptions extends CalibrationOptions {
  /** Examples whose activations set the uint8 ranges (a slice of the training split). */
  readonly calibration: ModelInputs;
  /** Weight scales per output channel (default true) or one per tensor. */
  readonly perChannel?: boolean;
  /**
   * Run convolutions whose input and output are 1x1 spatially as Gemm (default true): the same
   * function, but onnxruntime's QLinearConv computes them one example at a time (and every tap of a
   * 3x3 kernel although only one meets data), QGemm for the whole batch. Needs a fixed input shape.
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
   * direct int8 convolution kernel, 1.7x faster than its im2col path there; its weights get 7 bits
   * (63 levels), which keeps onnxruntime's int16 sums of u8 x s8 pairs (x86 without VNNI) from
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

// Ops whose float output may be quantized and that read quantized (DequantizeLinear) inputs well:
// onnxruntime's QDQ transformer fuses them into integer kernels (QLinearConv, QGemm, QLinearMatMul,
// QLinearAdd, QLinearGlobalAveragePool, QLinearAveragePool) or runs them on uint8 directly (MaxPool,
// Flatten, Reshape, Transpose drop their DQ/Q pair when both share scale and zero point).
const QDQ_OPS = new Set([
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
const SAME_SCALE = new Set(['MaxPool', 'Flatten', 'Reshape', 'Transpose']);

const isLayer = (n: NodeProto, initializers: ReadonlyMap<string, TensorProto>) =>
  (n.op_type === 'Conv' || n.op_type === 'Gemm' || n.op_type === 'MatMul') &&
  initializers.has(n.input?.[1] ?? '');

interface QParams {
  readonly scale: number;
  readonly zeroPoint: number;
}

/** Asymmetric uint8 parameters covering [min, max] and 0. */
function uint8Params(min: number, max: number): QParams {
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  const scale = hi > lo ? (hi - lo) / 255 : 1;
  const zeroPoint = Math.min(255, Math.max(0, Math.round(-lo / scale)));
  return { scale, zeroPoint };
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
  const opset = opsetVersion(model.proto);
  if (opset < 13) {
    throw new UnsupportedModelError({
      model: where,
      expected: 'opset 13 or newer (per-axis DequantizeLinear)',
      actual: `opset ${opset}`,
      hint: 'Convert it first, e.g. onnx.version_converter.convert_version(model, 13).',
    });
  }
  const graph = model.proto.graph ?? {};
  const initializers = initializerMap(graph);
  const alias = identityAliases(graph, initializers);
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ''));
  // Work on copies of the nodes, with Identity aliases of initializers replaced by the initializer.
  let nodes: NodeProto[] = (graph.node ?? [])
    .filter((n) => !(n.op_type === 'Identity' && alias.has(n.output?.[0] ?? '')))
    .map((n) => ({
      ...n,
      input: (n.input ?? []).map((i) => alias.get(i) ?? i),
      output: [...(n.output ?? [])],
    }));
  const isConst = (name: string) => initializers.has(name);
  const dataInputs = (graph.input ?? [])
    .filter((v) => !isConst(v.name ?? '') && v.type?.tensor_type?.elem_type === DataType.FLOAT)
    .map((v) => v.name ?? '');
  // Tensors the float stem keeps float (see `floatStem`).
  const stemOf = (list: readonly NodeProto[]) =>
    options.floatStem === false ? new Set<string>() : floatStem(list, initializers, dataInputs, outputs);

  // 1. Fold Relu and ReLU6-style Clip into their producers; put back those whose output is not
  //    quantized after all (nothing would clamp there).
  const fold = foldActivations(nodes, initializers, outputs);
  const firstStem = stemOf(fold.nodes);
  const firstPass = new Set(
    activationCandidates(fold.nodes, dataInputs, outputs).filter((t) => !firstStem.has(t)),
  );
  const kept = unfoldActivations(fold.nodes, fold.folded, (t) => firstPass.has(t));
  nodes = kept.nodes;
  const foldedRelus = kept.folded.filter((f) => f.activation.op_type === 'Relu').length;
  const foldedClips = kept.folded.length - foldedRelus;

  // 2. Activation tensors to quantize: float data inputs and outputs of supported producers whose
  //    every consumer is supported (Reshape: data input only), and that are not graph outputs;
  //    not those of the float stem.
  const stem = stemOf(nodes);
  let candidates = activationCandidates(nodes, dataInputs, outputs).filter((t) => !stem.has(t));
  if (!nodes.some((n) => isLayer(n, initializers))) {
    throw new UnsupportedModelError({
      model: where,
      expected: 'at least one Conv, Gemm or MatMul with a constant weight to quantize',
      actual: 'none',
    });
  }

  // 3. Calibrate on the float model (tensor names survive the folding: folded producers now write
  //    the activation's output); the same pass traces the shapes around convolutions for 3b and
  //    the data inputs of MatMul + Add dense layers for 3a.
  const lower = options.lowerUnitSpatial !== false && hasFixedImageInput(model);
  // A MatMul that took a Relu in step 1 is not followed by its Add any more.
  const dense = matmulAddPairs(nodes, initializers, outputs);
  for (const f of kept.folded) dense.delete(f.producer);
  const traced = [
    ...(lower
      ? nodes
          .filter((n) => isUnitSpatialCandidate(n, initializers))
          .flatMap((n) => [n.input![0]!, n.output![0]!])
      : []),
    ...[...dense.keys()].map((n) => n.input![0]!),
  ];
  const { ranges: measured, shapes } = await calibrateWithShapes(
    model,
    options.calibration,
    candidates,
    [...new Set(traced)],
    options,
  );
  const params = new Map<string, QParams>();
  const producerOf = new Map<string, NodeProto>();
  for (const n of nodes) for (const o of n.output ?? []) producerOf.set(o, n);
  for (const name of candidates) {
    const p = producerOf.get(name);
    const input = p?.input?.[0];
    if (p !== undefined && SAME_SCALE.has(p.op_type ?? '') && input !== undefined && params.has(input)) {
      params.set(name, params.get(input)!);
    } else {
      const [lo, hi] = measured.get(name)!;
      params.set(name, uint8Params(lo, hi));
    }
  }

  // 3a. Dense layers written as MatMul + Add of a constant bias run as one Gemm where the data input
  //     is 2-D (the MatMul's output tensor disappears).
  const fusion = fuseMatMulAdd(nodes, dense, shapes);
  nodes = fusion.nodes;
  candidates = candidates.filter((c) => !fusion.removed.has(c));

  // 3b. Convolutions with a 1x1 output that sees all of its input become Flatten -> Gemm -> Reshape;
  //     the new tensors hold the same values as the Conv's input (Flatten) and output (Gemm).
  const lowering = lowerUnitSpatialConvs(nodes, initializers, shapes);
  nodes = lowering.nodes;
  // 3c. Shallow convolutions on a quantized graph input get zero channels up to a multiple of 4.
  const quantizedInputs = new Map(
    (graph.input ?? [])
      .filter((v) => options.padInputChannels !== false && candidates.includes(v.name ?? ''))
      .map((v) => [v.name ?? '', v.type?.tensor_type?.shape?.dim?.length ?? 0] as const),
  );
  const padding = padInputChannels(nodes, initializers, quantizedInputs);
  nodes = padding.nodes;
  candidates = candidates.filter((c) => ![...padding.sameValues.values()].includes(c));
  const added = [...lowering.initializers, ...padding.initializers];
  for (const t of added) initializers.set(t.name ?? '', t);
  const sameValues = [...lowering.sameValues, ...padding.sameValues];
  for (const [t, same] of sameValues) {
    const q = params.get(same);
    if (q === undefined) continue;
    params.set(t, q);
    candidates.push(t);
  }
  const ranges: ActivationRanges = new Map();
  for (const [t, same] of [...candidates.map((c) => [c, c] as const), ...sameValues]) {
    if (measured.has(same)) ranges.set(t, measured.get(same)!);
  }
  for (const n of nodes) for (const o of n.output ?? []) producerOf.set(o, n);
  const widening = new Set(padding.widening);
  const layerNodes = nodes.filter((n) => isLayer(n, initializers) && !widening.has(n));
  if (layerNodes.length === 0) {
    throw new UnsupportedModelError({
      model: where,
      expected: 'at least one Conv, Gemm or MatMul with a constant weight to quantize',
      actual: 'none',
    });
  }

  // 4. Rewrite: Q/DQ after each quantized tensor, int8 weights and int32 biases behind DQ nodes.
  const newInit: TensorProto[] = [];
  const scalar = (name: string, type: number, value: number) =>
    makeTensor(name, type, [], type === DataType.FLOAT ? Float32Array.of(value) : Uint8Array.of(value));
  const dqName = (t: string) => `${t}_DequantizeLinear_Output`;
  const qdq = (t: string): NodeProto[] => {
    const { scale, zeroPoint } = params.get(t)!;
    newInit.push(
      scalar(`${t}_scale`, DataType.FLOAT, scale),
      scalar(`${t}_zero_point`, DataType.UINT8, zeroPoint),
    );
    return [
      {
        input: [t, `${t}_scale`, `${t}_zero_point`],
        output: [`${t}_QuantizeLinear_Output`],
        name: `${t}_QuantizeLinear`,
        op_type: 'QuantizeLinear',
      },
      {
        input: [`${t}_QuantizeLinear_Output`, `${t}_scale`, `${t}_zero_point`],
        output: [dqName(t)],
        name: `${t}_DequantizeLinear`,
        op_type: 'DequantizeLinear',
      },
    ];
  };
  const quantized = new Set(candidates);
  const rewired = (n: NodeProto): NodeProto => ({
    ...n,
    input: n.input!.map((i) => (quantized.has(i) ? dqName(i) : i)),
  });
  const out: NodeProto[] = [];
  for (const name of candidates) if (!producerOf.has(name)) out.push(...qdq(name));
  let layers = 0;
  let stemConvs = 0;
  const floatLayers = new Map<NodeProto, string>();
  for (const original of nodes) {
    const n = rewired(original);
    const x = original.input?.[0] ?? '';
    if (layerNodes.includes(original) && stem.has(x)) {
      const rounded = `${n.name || `${n.op_type}_${out.length}`}.weight_int8_rounded`;
      newInit.push(
        int8RoundedWeight(initializers.get(original.input![1]!)!, rounded, options.perChannel !== false),
      );
      n.input![1] = rounded;
      stemConvs++;
    } else if (layerNodes.includes(original) && !quantized.has(x)) {
      floatLayers.set(original, `its input "${x}" stays float`);
    } else if (layerNodes.includes(original)) {
      const key = n.name || `${n.op_type}_${out.length}`;
      const w = initializers.get(original.input![1]!)!;
      const dims = tensorDims(w);
      const axis: 0 | 1 =
        n.op_type === 'Conv' ? 0 : n.op_type === 'Gemm' ? (attrInt(n, 'transB', 0) === 1 ? 0 : 1) : 1;
      if (dims.length >= 2 && (n.op_type === 'Conv' || dims.length === 2)) {
        const perChannel = options.perChannel !== false;
        // A widened first Conv reads the image, whose uint8 values fill the range: on x86 without
        // VNNI onnxruntime adds pairs of u8 x s8 products in int16 (vpmaddubsw), which 127-level
        // weights overflow there (errors up to 120 steps seen); 63 levels cannot (2 x 255 x 63).
        const levels = padding.convs.has(original) ? 63 : 127;
        const { q, scales } = perChannel
          ? quantizePerChannel(readFloat32(w), dims, axis, levels)
          : quantizePerChannel(readFloat32(w), [1, shapeSize(dims)], 0, levels);
        const wq = `${key}.weight_quantized`;
        newInit.push(
          makeTensor(wq, DataType.INT8, dims, q),
          makeTensor(`${wq}_scale`, DataType.FLOAT, perChannel ? [scales.length] : [], scales),
          makeTensor(
            `${wq}_zero_point`,
            DataType.INT8,
            perChannel ? [scales.length] : [],
            new Int8Array(scales.length),
          ),
        );
        out.push({
          input: [wq, `${wq}_scale`, `${wq}_zero_point`],
          output: [`${wq}_dq`],
          name: `${wq}_DequantizeLinear`,
          op_type: 'DequantizeLinear',
          attribute: perChannel ? [intAttr('axis', axis)] : [],
        });
        n.input![1] = `${wq}_dq`;
        const b = n.op_type === 'MatMul' ? undefined : initializers.get(original.input?.[2] ?? '');
        const outChannels = axis === 0 ? dims[0]! : dims[1]!;
        if (b !== undefined && shapeSize(tensorDims(b)) === outChannels) {
          const sx = params.get(x)!.scale;
          const bias = readFloat32(b);
          const bScale = Float32Array.from(
            { length: outChannels },
            (_, c) => sx * scales[perChannel ? c : 0]!,
          );
          const bq = Int32Array.from(bias, (v, c) => roundEven(v / bScale[c]!));
          const bn = `${key}.bias_quantized`;
          newInit.push(
            makeTensor(bn, DataType.INT32, [bq.length], bq),
            makeTensor(`${bn}_scale`, DataType.FLOAT, [bq.length], bScale),
            makeTensor(`${bn}_zero_point`, DataType.INT32, [bq.length], new Int32Array(bq.length)),
          );
          out.push({
            input: [bn, `${bn}_scale`, `${bn}_zero_point`],
            output: [`${bn}_dq`],
            name: `${bn}_DequantizeLinear`,
            op_type: 'DequantizeLinear',
            attribute: [intAttr('axis', 0)],
          });
          n.input![2] = `${bn}_dq`;
        }
        layers++;
      } else {
        floatLayers.set(original, `a ${dims.length}-D weight has no per-channel rule`);
      }
    }
    out.push(n);
    for (const o of n.output ?? []) if (quantized.has(o)) out.push(...qdq(o));
  }
  // Constants only the folded Clips read (their bounds) go with them.
  const used = new Set(out.flatMap((n) => n.input ?? []));
  for (const o of outputs) used.add(o);
  const node = out.filter((n) => n.op_type !== 'Constant' || (n.output ?? []).some((o) => used.has(o)));
  const initializer = [
    ...(graph.initializer ?? []).filter((t) => used.has(t.name ?? '')),
    ...added.filter((t) => used.has(t.name ?? '')),
    ...newInit,
  ];
  return {
    model: {
      proto: { ...model.proto, graph: { ...graph, node, initializer } },
      ...(model.sourcePath === undefined ? {} : { sourcePath: model.sourcePath }),
    },
    quantizedActivations: candidates.length,
    quantizedLayers: layers,
    foldedRelus,
    foldedClips,
    fusedMatMuls: fusion.fused,
    loweredConvs: lowering.lowered,
    floatStemConvs: stemConvs,
    paddedConvs: padding.widening.length,
    ranges: new Map(candidates.map((c) => [c, ranges.get(c)!])),
    warnings: floatNodeWarnings(nodes, dataInputs, QDQ_OPS, floatLayers, widening),
  };
}
