// The parts of the ONNX protobuf messages (schema/onnx.proto) this package reads and writes. Field
// names are ONNX's own (snake_case). Messages decoded by protobufjs carry every field of the schema;
// the ones not named here are kept untouched through a load/save round trip. int64 fields decode as
// `Long` objects (from the `long` package) or plain numbers when written by this package.

/** An int64 as protobufjs gives it: a `Long` (`{ low, high, unsigned }`) or a number. */
export type Int64 = number | { readonly low: number; readonly high: number; readonly unsigned: boolean };

/** `onnx.TensorProto.DataType` values used here. */
export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  INT32: 6,
  INT64: 7,
  DOUBLE: 11,
} as const;

/** `onnx.TensorProto`: a constant tensor (initializer or attribute value). */
export interface TensorProto {
  dims?: Int64[];
  data_type?: number;
  name?: string;
  raw_data?: Uint8Array;
  float_data?: number[];
  int32_data?: number[];
  int64_data?: Int64[];
  double_data?: number[];
  data_location?: number;
  external_data?: { key?: string; value?: string }[];
  [field: string]: unknown;
}

/** `onnx.AttributeProto`: one attribute of a node. */
export interface AttributeProto {
  name?: string;
  type?: number;
  f?: number;
  i?: Int64;
  s?: Uint8Array;
  t?: TensorProto;
  floats?: number[];
  ints?: Int64[];
  [field: string]: unknown;
}

/** `onnx.NodeProto`: one operator call. */
export interface NodeProto {
  input?: string[];
  output?: string[];
  name?: string;
  op_type?: string;
  domain?: string;
  attribute?: AttributeProto[];
  [field: string]: unknown;
}

/** `onnx.TypeProto` (tensor case only). */
export interface TypeProto {
  tensor_type?: {
    elem_type?: number;
    shape?: { dim?: { dim_value?: Int64; dim_param?: string }[] };
  };
  [field: string]: unknown;
}

/** `onnx.ValueInfoProto`: a named, typed value (graph input, output). */
export interface ValueInfoProto {
  name?: string;
  type?: TypeProto;
  [field: string]: unknown;
}

/** `onnx.GraphProto`: nodes in topological order, initializers, inputs and outputs. */
export interface GraphProto {
  node?: NodeProto[];
  name?: string;
  initializer?: TensorProto[];
  input?: ValueInfoProto[];
  output?: ValueInfoProto[];
  value_info?: ValueInfoProto[];
  [field: string]: unknown;
}

/** `onnx.OperatorSetIdProto`: one opset the model imports (`domain` "" is the default ONNX domain). */
export interface OperatorSetIdProto {
  domain?: string;
  version?: Int64;
}

/** `onnx.ModelProto`: the top-level message of an `.onnx` file. */
export interface ModelProto {
  ir_version?: Int64;
  opset_import?: OperatorSetIdProto[];
  producer_name?: string;
  producer_version?: string;
  graph?: GraphProto;
  [field: string]: unknown;
}

/** A loaded ONNX model: the decoded protobuf message, and the file it came from, if any. */
export interface OnnxModel {
  readonly proto: ModelProto;
  /** Absolute path of the file it was loaded from; {@link saveOnnx} refuses to write over it. */
  readonly sourcePath?: string;
}
