import type { OnnxModel } from '../onnx-types.js';
import { DataType, type NodeProto, type TensorProto } from '../onnx-types.js';
import { modelInput } from './model-input.js';
import { attrInt, attrInts, attribute, intAttr, makeTensor, readFloat32, tensorDims } from './tensors.js';

/** Convolutions rewritten as Gemm, and the new tensors' calibration stand-ins. */
export interface UnitSpatialLowering {
  readonly nodes: NodeProto[];
  readonly initializers: TensorProto[];
  /** New tensor -> the tensor of the float graph with the same values (for calibration). */
  readonly sameValues: Map<string, string>;
  readonly lowered: number;
  /** GlobalAveragePools over a 1x1 input, now Reshapes (the same values). */
  readonly pools: number;
}

const RESHAPE_4D = 'unit_spatial_shape_4d';

/** A Conv the lowering may rewrite, shapes permitting: group 1, constant 4-D weight, explicit pads. */
export function isUnitSpatialCandidate(
  n: NodeProto,
  initializers: ReadonlyMap<string, TensorProto>,
): boolean {
  if (n.op_type !== 'Conv' || (n.domain ?? '') !== '' || attrInt(n, 'group', 1) !== 1) return false;
  const w = initializers.get(n.input?.[1] ?? '');
  const autoPad = attribute(n, 'auto_pad')?.s;
  const pad = autoPad === undefined ? '' : new TextDecoder().decode(autoPad);
  return w !== undefined && tensorDims(w).length === 4 && (pad === '' || pad === 'NOTSET');
}

/** Tensors whose traced shapes decide the lowering: around each candidate Conv and into each GlobalAveragePool. */
export function unitSpatialTraced(
  nodes: readonly NodeProto[],
  initializers: ReadonlyMap<string, TensorProto>,
): string[] {
  return nodes.flatMap((n) =>
    isUnitSpatialCandidate(n, initializers)
      ? [n.input![0]!, n.output![0]!]
      : n.op_type === 'GlobalAveragePool' && (n.domain ?? '') === ''
        ? [n.input![0]!]
        : [],
  );
}

/** Whether the model's data input has a fixed shape apart from the batch axis (3-D per example). */
export function hasFixedImageInput(model: OnnxModel): boolean {
  const shape = modelInput(model).exampleShape;
  return shape.length === 3 && shape.every((d) => d > 0);
}

/**
 * Rewrites every Conv with a 1x1 output whose one output position sees every input position through
 * a kernel tap (a 1x1 input, or e.g. a 3x3 pad-1 kernel over 2x2; per the real shapes of one traced
 * example, from the calibration pass) as Flatten -> Gemm (transB, the reachable taps in Flatten's order) -> Reshape to
 * [N, C, 1, 1]. The result is the same function (the other taps only ever see zero padding), but onnxruntime's
 * QLinearConv runs such a layer as one matrix-vector product per example (and a 3x3 kernel as 9x the
 * work), while QGemm multiplies the whole batch at once: on the RetinaMNIST ResNet50 the 7 such
 * layers of the last stage took about a third of the int8 inference time. A GlobalAveragePool
 * over a 1x1 input (the average of one value: the value) becomes a Reshape to the same shape, which
 * onnxruntime runs on the uint8 tensor, where its QLinearGlobalAveragePool took 3.5 % of that
 * model's int8 time. Only for models whose input shape is fixed apart from the batch axis (else the
 * shapes traced here may not hold).
 */
export function lowerUnitSpatialConvs(
  nodes: readonly NodeProto[],
  initializers: ReadonlyMap<string, TensorProto>,
  dims: ReadonlyMap<string, readonly number[]>,
): UnitSpatialLowering {
  const unit = (t: string) => {
    const d = dims.get(t);
    return d !== undefined && d.length === 3 && d[1] === 1 && d[2] === 1;
  };
  const result: NodeProto[] = [];
  const newInit: TensorProto[] = [];
  const sameValues = new Map<string, string>();
  let lowered = 0;
  let pools = 0;
  for (const n of nodes) {
    const x = n.input?.[0] ?? '';
    const y = n.output?.[0] ?? '';
    if (n.op_type === 'GlobalAveragePool' && (n.domain ?? '') === '' && unit(x)) {
      result.push({ input: [x, RESHAPE_4D], output: [y], name: n.name ?? '', op_type: 'Reshape' });
      pools++;
      continue;
    }
    const w = isUnitSpatialCandidate(n, initializers) ? initializers.get(n.input![1]!) : undefined;
    const [co, ci, kh, kw] = w === undefined ? [] : tensorDims(w);
    const [pt, pl] = attrInts(n, 'pads', [0, 0, 0, 0]);
    const [, h, wd] = dims.get(x) ?? [];
    // The single output position must see every input position through a kernel tap.
    const dense =
      h !== undefined &&
      wd !== undefined &&
      (unit(x) || attrInts(n, 'dilations', [1, 1]).every((d) => d === 1)) &&
      h + pt! <= kh! &&
      wd + pl! <= kw!;
    if (w === undefined || !unit(y) || !dense) {
      result.push(n);
      continue;
    }
    const values = readFloat32(w);
    const area = h * wd;
    const tap = new Float32Array(co! * ci! * area);
    for (let o = 0; o < co!; o++)
      for (let i = 0; i < ci!; i++)
        for (let r = 0; r < h; r++)
          for (let c = 0; c < wd; c++)
            tap[(o * ci! + i) * area + r * wd + c] = values[((o * ci! + i) * kh! + r + pt!) * kw! + c + pl!]!;
    const key = n.name || `conv_${lowered}`;
    const weight = `${key}.gemm_weight`;
    newInit.push(makeTensor(weight, DataType.FLOAT, [co!, ci! * area], tap));
    const flat = `${y}_unit_flat`;
    const gemm = `${y}_unit_gemm`;
    sameValues.set(flat, x);
    sameValues.set(gemm, y);
    result.push(
      {
        input: [x],
        output: [flat],
        name: `${key}_flatten`,
        op_type: 'Flatten',
        attribute: [intAttr('axis', 1)],
      },
      {
        input: [flat, weight, ...(n.input ?? []).slice(2)],
        output: [gemm],
        name: key,
        op_type: 'Gemm',
        attribute: [intAttr('transB', 1)],
      },
      { input: [gemm, RESHAPE_4D], output: [y], name: `${key}_reshape`, op_type: 'Reshape' },
    );
    lowered++;
  }
  if (lowered + pools > 0)
    newInit.push(makeTensor(RESHAPE_4D, DataType.INT64, [4], BigInt64Array.of(0n, -1n, 1n, 1n)));
  return { nodes: result, initializers: newInit, sameValues, lowered, pools };
}
