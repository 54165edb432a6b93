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
  /** The Slices that read the part of an input a lowered Conv sees (they run on uint8). */
  readonly windows: NodeProto[];
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

/** A GlobalAveragePool of the default domain: a Reshape when its input is 1x1. */
const isGlobalAveragePool = (n: NodeProto): boolean =>
  n.op_type === 'GlobalAveragePool' && (n.domain ?? '') === '';

/** Tensors whose traced shapes decide the lowering: around each candidate Conv and into each GlobalAveragePool. */
export function unitSpatialTraced(
  nodes: readonly NodeProto[],
  initializers: ReadonlyMap<string, TensorProto>,
): string[] {
  return nodes.flatMap((n) =>
    isUnitSpatialCandidate(n, initializers)
      ? [n.input![0]!, n.output![0]!]
      : isGlobalAveragePool(n)
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
 * The kernel rows (or columns) that meet data for the one output position of a Conv with a 1x1
 * output, with the input rows they meet: kernel index k reads input k * dilation - pad. The input
 * indices ascend by `dilation`. O(kernel).
 */
function reachableTaps(
  kernel: number,
  dilation: number,
  pad: number,
  size: number,
): { k: number[]; at: number[] } {
  const k: number[] = [];
  const at: number[] = [];
  for (let t = 0; t < kernel; t++) {
    const i = t * dilation - pad;
    if (i >= 0 && i < size) {
      k.push(t);
      at.push(i);
    }
  }
  return { k, at };
}

/** The taps of `w` [co, ci, kh, kw] at kernel rows `rows` and columns `cols`, as a [co, ci * rows * cols] Gemm weight. */
function tapWeight(w: TensorProto, rows: readonly number[], cols: readonly number[]): Float32Array {
  const [co, ci, kh, kw] = tensorDims(w) as [number, number, number, number];
  const values = readFloat32(w);
  const area = rows.length * cols.length;
  const tap = new Float32Array(co * ci * area);
  for (let o = 0; o < co; o++)
    for (let i = 0; i < ci; i++)
      for (let a = 0; a < rows.length; a++)
        for (let b = 0; b < cols.length; b++)
          tap[(o * ci + i) * area + a * cols.length + b] =
            values[((o * ci + i) * kh + rows[a]!) * kw + cols[b]!]!;
  return tap;
}

/**
 * A Slice of `x` to the input rows and columns `rows` and `cols` (ascending by a constant step,
 * the dilation) on axes 2 and 3, writing `window`; its constants go to `initializers`. O(1).
 */
function windowSlice(
  key: string,
  x: string,
  window: string,
  rows: readonly number[],
  cols: readonly number[],
  initializers: TensorProto[],
): NodeProto {
  const step = (at: readonly number[]) => (at.length > 1 ? at[1]! - at[0]! : 1);
  const constant = (name: string, v: readonly number[]) => {
    initializers.push(
      makeTensor(`${key}.window_${name}`, DataType.INT64, [2], BigInt64Array.from(v, BigInt)),
    );
    return `${key}.window_${name}`;
  };
  const inputs = [
    constant('starts', [rows[0]!, cols[0]!]),
    constant('ends', [rows.at(-1)! + 1, cols.at(-1)! + 1]),
    constant('axes', [2, 3]),
    constant('steps', [step(rows), step(cols)]),
  ];
  return { input: [x, ...inputs], output: [window], name: `${key}_window`, op_type: 'Slice' };
}

/**
 * Rewrites every Conv with a 1x1 output (per the real shapes of one traced example, from the
 * calibration pass) as Flatten -> Gemm (transB, the kernel taps that meet data, in Flatten's
 * order) -> Reshape to [N, C, 1, 1], with a Slice first when the one output position reads only
 * part of the input (a strided 1x1 Conv over 2x2: its top-left pixel). The result is the same
 * function (the other taps only ever see zero padding), but onnxruntime's QLinearConv runs such a
 * layer as one matrix-vector product per example (and a 3x3 kernel as 9x the work), while QGemm
 * multiplies the whole batch at once: on the RetinaMNIST ResNet50 the 7 such layers of the last
 * stage took about a third of the int8 inference time, and its strided 1x1 downsample Conv over
 * 2x2 another 13 % (7.3 of 56 ms per 100 images). A GlobalAveragePool over a 1x1 input (the
 * average of one value: the value) becomes a Reshape to the same shape, which onnxruntime runs on
 * the uint8 tensor, where its QLinearGlobalAveragePool took 3.5 % of that model's int8 time. Only
 * for models whose input shape is fixed apart from the batch axis (else the shapes traced here may
 * not hold). O(nodes + weights of the lowered Convs).
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
  const windows: NodeProto[] = [];
  for (const n of nodes) {
    const x = n.input?.[0] ?? '';
    const y = n.output?.[0] ?? '';
    if (isGlobalAveragePool(n) && unit(x)) {
      result.push({ input: [x, RESHAPE_4D], output: [y], name: n.name ?? '', op_type: 'Reshape' });
      pools++;
      continue;
    }
    const w = isUnitSpatialCandidate(n, initializers) ? initializers.get(n.input![1]!) : undefined;
    const [, h, wd] = dims.get(x) ?? [];
    if (w === undefined || !unit(y) || h === undefined || wd === undefined) {
      result.push(n);
      continue;
    }
    const [co, ci, kh, kw] = tensorDims(w) as [number, number, number, number];
    const [pt, pl] = attrInts(n, 'pads', [0, 0, 0, 0]);
    const [dh, dw] = attrInts(n, 'dilations', [1, 1]);
    const rows = reachableTaps(kh, dh!, pt!, h);
    const cols = reachableTaps(kw, dw!, pl!, wd);
    if (rows.k.length === 0 || cols.k.length === 0) {
      result.push(n); // the output sees only padding: leave it to the Conv
      continue;
    }
    const key = n.name || `conv_${lowered}`;
    const weight = `${key}.gemm_weight`;
    const area = rows.k.length * cols.k.length;
    newInit.push(makeTensor(weight, DataType.FLOAT, [co, ci * area], tapWeight(w, rows.k, cols.k)));
    // The input positions read: all of them, or a strided window of them (Slice).
    const whole = rows.at.length === h && cols.at.length === wd;
    const window = whole ? x : `${y}_unit_window`;
    if (!whole) {
      const slice = windowSlice(key, x, window, rows.at, cols.at, newInit);
      result.push(slice);
      windows.push(slice);
      sameValues.set(window, x);
    }
    const flat = `${y}_unit_flat`;
    const gemm = `${y}_unit_gemm`;
    sameValues.set(flat, x);
    sameValues.set(gemm, y);
    result.push(
      {
        input: [window],
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
  return { nodes: result, initializers: newInit, sameValues, lowered, pools, windows };
}
