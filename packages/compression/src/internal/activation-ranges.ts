import {
  type ActivationRanges,
  type CalibrationOptions,
  calibrateWithShapes,
} from '../calibrate-activations.js';
import type { NodeProto, OnnxModel, TensorProto } from '../onnx-types.js';
import type { ModelInputs } from '../prepare-inputs.js';
import type { FoldedActivation } from './fold-activations.js';
import { matmulAddPairs } from './fuse-matmul-add.js';
import { hasFixedImageInput, type UnitSpatialLowering, unitSpatialTraced } from './lower-unit-spatial.js';
import type { MatMulBias } from './matmul-bias.js';
import type { InputChannelPadding } from './pad-input-channels.js';
import type { QParams } from './qdq-types.js';
import type { QuantizableGraph } from './quantizable-graph.js';

/** Ops whose output reuses their input's scale and zero point (onnxruntime then drops the DQ / Q pair). */
const SAME_SCALE = new Set(['MaxPool', 'Flatten', 'Reshape', 'Transpose']);

/**
 * Asymmetric uint8 parameters covering [min, max] and 0 with `top` + 1 levels: the calibrated
 * values map to 0..top (255, or 127 for 7-bit). O(1).
 */
function uint8Params(min: number, max: number, top = 255): QParams {
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  const scale = hi > lo ? (hi - lo) / top : 1;
  const zeroPoint = Math.min(top, Math.max(0, Math.round(-lo / scale)));
  return { scale, zeroPoint };
}

/** The node writing each tensor; a later list's producer replaces an earlier one's. O(nodes). */
export function producerMap(...lists: readonly (readonly NodeProto[])[]): Map<string, NodeProto> {
  const producerOf = new Map<string, NodeProto>();
  for (const nodes of lists) for (const n of nodes) for (const o of n.output ?? []) producerOf.set(o, n);
  return producerOf;
}

/** MatMul + Add dense layers, without the MatMuls that took a Relu in step 1 (no Add follows them now). */
function denseLayers(
  nodes: readonly NodeProto[],
  g: QuantizableGraph,
  folded: readonly FoldedActivation[],
): Map<NodeProto, MatMulBias> {
  const dense = matmulAddPairs(nodes, g.initializers, g.outputs);
  for (const f of folded) dense.delete(f.producer);
  return dense;
}

/** Tensors whose shapes calibration traces: around 1x1 Convs (if `lower`) and into dense layers. */
function tracedTensors(
  nodes: readonly NodeProto[],
  initializers: ReadonlyMap<string, TensorProto>,
  dense: ReadonlyMap<NodeProto, MatMulBias>,
  lower: boolean,
): string[] {
  const traced = [
    ...(lower ? unitSpatialTraced(nodes, initializers) : []),
    ...[...dense.keys()].map((n) => n.input![0]!),
  ];
  return [...new Set(traced)];
}

/** Parameters of each candidate: its input's after MaxPool, Flatten, Reshape, Transpose, else its range's. */
function activationParams(
  candidates: readonly string[],
  measured: ActivationRanges,
  producerOf: ReadonlyMap<string, NodeProto>,
): Map<string, QParams> {
  const params = new Map<string, QParams>();
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
  return params;
}

/** What {@link calibrateActivations} found, and the MatMul + Add dense layers whose inputs it traced. */
export interface Calibration {
  /** Range of each candidate. */
  readonly measured: ActivationRanges;
  /** Per-example shapes of the traced tensors. */
  readonly shapes: Map<string, readonly number[]>;
  readonly params: Map<string, QParams>;
  readonly dense: Map<NodeProto, MatMulBias>;
}

/** Runs the folded float model on the calibration set: candidates' ranges and parameters, traced shapes. */
export async function calibrateActivations(
  model: OnnxModel,
  options: CalibrationOptions & { readonly calibration: ModelInputs; readonly lowerUnitSpatial?: boolean },
  g: QuantizableGraph,
  kept: { readonly nodes: readonly NodeProto[]; readonly folded: readonly FoldedActivation[] },
  candidates: readonly string[],
): Promise<Calibration> {
  const lower = options.lowerUnitSpatial !== false && hasFixedImageInput(model);
  const dense = denseLayers(kept.nodes, g, kept.folded);
  const traced = tracedTensors(kept.nodes, g.initializers, dense, lower);
  const { ranges: measured, shapes } = await calibrateWithShapes(
    model,
    options.calibration,
    candidates,
    traced,
    options,
  );
  return { measured, shapes, params: activationParams(candidates, measured, producerMap(kept.nodes)), dense };
}

/** What the rewrites of steps 3b and 3c add to the graph's activations. */
export interface AdoptedRewrites {
  /** The activations to quantize. */
  readonly candidates: string[];
  /** Each new tensor and the tensor of the float graph with the same values. */
  readonly sameValues: (readonly [string, string])[];
  /** The new float initializers (also in `g.initializers` now). */
  readonly added: TensorProto[];
}

/**
 * Adds the lowering's and padding's new tensors: initializers, candidates (not widened inputs),
 * params. A widened input (the image, extended by zero channels for a first Conv) gets 7-bit
 * parameters: its calibrated values map to 0..127 (128 where both ends of the range round up),
 * so that with the Conv's 8-bit weights (-127..127) two u8 x s8 products sum to at most
 * 2 x 128 x 127 = 32,512 and never overflow the int16 pair sums of onnxruntime's x86 kernels
 * without VNNI (vpmaddubsw; with 255 x 127 errors of up to 120 steps were seen there). On the RetinaMNIST ResNet50 this keeps more of the model than
 * 7-bit weights on 8-bit inputs did: mean KL divergence from the fp32 outputs over the 1,080
 * training images 10.8e-3 against 15.3e-3 (10.3e-3 with both 8-bit, which can overflow).
 */
export function adoptRewrites(
  g: QuantizableGraph,
  candidates: readonly string[],
  { params, measured }: { readonly params: Map<string, QParams>; readonly measured: ActivationRanges },
  lowering: UnitSpatialLowering,
  padding: InputChannelPadding,
): AdoptedRewrites {
  const padded = [...padding.sameValues.values()];
  const adopted = candidates.filter((c) => !padded.includes(c));
  const added = [...lowering.initializers, ...padding.initializers];
  for (const t of added) g.initializers.set(t.name ?? '', t);
  const sameValues = [...lowering.sameValues, ...padding.sameValues];
  for (const [t, same] of sameValues) {
    const q = params.get(same);
    if (q === undefined) continue;
    const range = measured.get(same);
    params.set(
      t,
      padding.sameValues.has(t) && range !== undefined ? uint8Params(range[0], range[1], 127) : q,
    );
    adopted.push(t);
  }
  return { candidates: adopted, sameValues, added };
}

/** The calibrated range of each candidate; a new tensor has that of the tensor with its values. */
export function candidateRanges(
  candidates: readonly string[],
  sameValues: readonly (readonly [string, string])[],
  measured: ActivationRanges,
): ActivationRanges {
  const ranges: ActivationRanges = new Map();
  for (const [t, same] of [...candidates.map((c) => [c, c] as const), ...sameValues]) {
    if (measured.has(same)) ranges.set(t, measured.get(same)!);
  }
  return new Map(candidates.map((c) => [c, ranges.get(c)!]));
}
