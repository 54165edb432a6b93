import { UnsupportedModelError } from '../errors/unsupported-model-error.js';
import type { OnnxModel, ValueInfoProto } from '../onnx-types.js';
import { int64 } from './tensors.js';

/** The model's data input: name and per-example shape (batch axis dropped; unknown dims as -1). */
export interface ModelInput {
  readonly name: string;
  readonly exampleShape: readonly number[];
}

/** The first graph input that is not an initializer, with its shape. */
export function modelInput(model: OnnxModel, name?: string): ModelInput {
  const graph = model.proto.graph ?? {};
  const constants = new Set((graph.initializer ?? []).map((t) => t.name));
  const inputs = (graph.input ?? []).filter((v) => !constants.has(v.name));
  const input: ValueInfoProto | undefined =
    name === undefined ? inputs[0] : inputs.find((v) => v.name === name);
  if (input === undefined) {
    throw new UnsupportedModelError({
      model: model.sourcePath ?? 'model',
      expected: name === undefined ? 'a data input' : `an input named "${name}"`,
      actual: `inputs [${inputs.map((v) => v.name).join(', ')}]`,
    });
  }
  const dims = input.type?.tensor_type?.shape?.dim ?? [];
  const shape = dims.slice(1).map((d) => (d.dim_value === undefined ? -1 : int64(d.dim_value) || -1));
  return { name: input.name ?? '', exampleShape: shape };
}
