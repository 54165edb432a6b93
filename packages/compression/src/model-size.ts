import { shapeSize, tensorDims } from './internal/tensors.js';
import { DataType, type OnnxModel, type TensorProto } from './onnx-types.js';
import { saveOnnxSync } from './save-onnx.js';

/** Sizes and sparsity of a model's constant tensors. */
export interface ModelSize {
  /** Bytes of the encoded `.onnx` model. */
  readonly bytes: number;
  /** Entries of all initializers. */
  readonly parameters: number;
  /** Non-zero entries of all initializers. */
  readonly nonZero: number;
  /** nonZero / parameters. */
  readonly nonZeroRate: number;
  /** Bytes of the initializers stored densely. */
  readonly denseBytes: number;
  /** Estimate with a sparse encoding: per tensor, min(dense, a 1-bit mask per entry + the non-zero values). */
  readonly sparseBytes: number;
}

const ELEMENT_BYTES: Record<number, number> = {
  [DataType.FLOAT]: 4,
  [DataType.UINT8]: 1,
  [DataType.INT8]: 1,
  [DataType.INT32]: 4,
  [DataType.INT64]: 8,
  [DataType.DOUBLE]: 8,
};

function countNonZero(tensor: TensorProto, n: number, width: number): number {
  const raw = tensor.raw_data;
  if (raw === undefined || raw.length === 0) {
    const typed = (tensor.float_data ?? tensor.int32_data ?? tensor.double_data ?? []) as number[];
    return typed.length === 0 ? n : typed.reduce((c, v) => c + (v !== 0 ? 1 : 0), 0);
  }
  // An entry is zero when all its bytes are (true for +0.0 in IEEE floats; -0.0 counts as non-zero).
  let nz = 0;
  for (let i = 0; i < n; i++) {
    const o = i * width;
    for (let b = 0; b < width; b++) {
      if (raw[o + b] !== 0) {
        nz++;
        break;
      }
    }
  }
  return nz;
}

/**
 * Encoded size, parameter count, non-zero rate and a sparse-encoding size estimate of a model's
 * initializers. Pass the model's `encoded` bytes when at hand to skip encoding it again. O(model size).
 *
 * @example
 * const size = modelSize(tinyCnn());
 * [size.parameters, size.nonZero, size.denseBytes] // => [307, 307, 1228]
 */
export function modelSize(model: OnnxModel, encoded?: Uint8Array): ModelSize {
  let parameters = 0;
  let nonZero = 0;
  let denseBytes = 0;
  let sparseBytes = 0;
  for (const t of model.proto.graph?.initializer ?? []) {
    const n = shapeSize(tensorDims(t));
    const width = ELEMENT_BYTES[t.data_type ?? 0] ?? 4;
    const nz = countNonZero(t, n, width);
    parameters += n;
    nonZero += nz;
    denseBytes += n * width;
    sparseBytes += Math.min(n * width, Math.ceil(n / 8) + nz * width);
  }
  return {
    bytes: (encoded ?? saveOnnxSync(model)).length,
    parameters,
    nonZero,
    nonZeroRate: parameters === 0 ? 1 : nonZero / parameters,
    denseBytes,
    sparseBytes,
  };
}
