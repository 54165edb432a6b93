import type { AttributeProto, Int64, NodeProto, TensorProto } from '../onnx-types.js';
import { DataType } from '../onnx-types.js';

// Tensor bytes are little-endian in ONNX; typed-array views below assume a little-endian host
// (x64, arm64), which is every platform onnxruntime-node ships binaries for.

/** An int64 field as a JavaScript number (exact up to 2^53). */
export function int64(value: Int64 | undefined): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return value;
  return value.high * 4294967296 + (value.unsigned ? value.low >>> 0 : value.low >>> 0);
}

/** The dims of a tensor as numbers. */
export function tensorDims(tensor: TensorProto): number[] {
  return (tensor.dims ?? []).map(int64);
}

/** Number of elements of a shape. */
export function shapeSize(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/** A float tensor's values, copied into a fresh Float32Array (raw_data may sit at any byte offset). */
export function readFloat32(tensor: TensorProto): Float32Array {
  const raw = tensor.raw_data;
  if (raw !== undefined && raw !== null && raw.length > 0) {
    const out = new Float32Array(raw.length >>> 2);
    new Uint8Array(out.buffer).set(raw.subarray(0, out.length * 4));
    return out;
  }
  if (tensor.data_type === DataType.DOUBLE) return Float32Array.from(tensor.double_data ?? []);
  return Float32Array.from(tensor.float_data ?? []);
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** A tensor with the given name, type, dims and raw bytes. */
export function makeTensor(
  name: string,
  dataType: number,
  dims: readonly number[],
  data: ArrayBufferView,
): TensorProto {
  return { name, data_type: dataType, dims: [...dims], raw_data: bytesOf(data) };
}

/** The same tensor with new float values (other fields kept; typed fields cleared in favour of raw_data). */
export function withFloat32(tensor: TensorProto, values: Float32Array): TensorProto {
  const { float_data: _f, double_data: _d, ...rest } = tensor;
  return { ...rest, data_type: DataType.FLOAT, raw_data: bytesOf(values) };
}

/** An attribute of a node by name. */
export function attribute(node: NodeProto, name: string): AttributeProto | undefined {
  return (node.attribute ?? []).find((a) => a.name === name);
}

/** An integer attribute, or `fallback` when absent. */
export function attrInt(node: NodeProto, name: string, fallback: number): number {
  const a = attribute(node, name);
  return a === undefined || a.i === undefined ? fallback : int64(a.i);
}

/** An integer-list attribute, or `fallback` when absent. */
export function attrInts(node: NodeProto, name: string, fallback: readonly number[]): number[] {
  const a = attribute(node, name);
  return a?.ints === undefined || a.ints.length === 0 ? [...fallback] : a.ints.map(int64);
}

/** An INT attribute. */
export function intAttr(name: string, value: number): AttributeProto {
  return { name, type: 2, i: value };
}

/** An INTS attribute. */
export function intsAttr(name: string, values: readonly number[]): AttributeProto {
  return { name, type: 7, ints: [...values] };
}

/** A FLOAT attribute. */
export function floatAttr(name: string, value: number): AttributeProto {
  return { name, type: 1, f: value };
}
