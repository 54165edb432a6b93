import type { NodeProto, TensorProto } from '../onnx-types.js';

/** uint8 quantization parameters of one activation tensor. */
export interface QParams {
  readonly scale: number;
  readonly zeroPoint: number;
}

/** Nodes and initializers the QDQ rewrite emits, in the order it emits them. */
export interface QdqSink {
  readonly nodes: NodeProto[];
  readonly initializers: TensorProto[];
}
