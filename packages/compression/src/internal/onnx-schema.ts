import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';

let cached: protobuf.Type | undefined;

/**
 * The `onnx.ModelProto` message type, parsed once from the vendored official schema
 * (`schema/onnx.proto`, two folders up from both `src/internal` and `dist/internal`).
 * `keepCase` keeps ONNX's own field names (`raw_data`, `op_type`, `opset_import`).
 */
export function modelProtoType(): protobuf.Type {
  if (cached === undefined) {
    const text = readFileSync(new URL('../../schema/onnx.proto', import.meta.url), 'utf8');
    const root = protobuf.parse(text, { keepCase: true }).root;
    cached = root.lookupType('onnx.ModelProto');
  }
  return cached;
}
