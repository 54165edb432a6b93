import type { NodeProto } from '../onnx-types.js';
import { shapeSize } from './tensors.js';

/** A constant float tensor as the graph reads it: initializer name (aliases resolved) and dims. */
export type ConstantLookup = (name: string | undefined) => { name: string; dims: number[] } | undefined;

/** The Add that applies a MatMul's bias, and the bias initializer. */
export interface MatMulBias {
  readonly add: NodeProto;
  /** The other input of the Add as the node names it. */
  readonly input: string;
  /** The initializer it resolves to. */
  readonly bias: string;
  readonly dims: readonly number[];
}

/**
 * The bias of a dense layer written as `MatMul(x, W) -> Add(., b)` (Keras converters and `x @ W + b`
 * in PyTorch export this instead of a Gemm): the MatMul's output is not a graph output and feeds
 * only one Add, whose other input is a float constant of N values (shape [N] or [1, N]) for a
 * constant weight [K, N]. Undefined otherwise. O(1).
 */
export function matmulBias(
  matmul: NodeProto,
  consumers: ReadonlyMap<string, readonly NodeProto[]>,
  outputs: ReadonlySet<string>,
  constant: ConstantLookup,
): MatMulBias | undefined {
  const y = matmul.output?.[0] ?? '';
  const weight = constant(matmul.input?.[1]);
  const readers = consumers.get(y) ?? [];
  const add = readers[0];
  if (weight === undefined || weight.dims.length !== 2 || outputs.has(y) || readers.length !== 1)
    return undefined;
  if (add?.op_type !== 'Add' || (add.domain ?? '') !== '' || add.input?.length !== 2) return undefined;
  const other = add.input[0] === y ? add.input[1]! : add.input[0]!;
  if (other === y) return undefined;
  const bias = constant(other);
  const n = weight.dims[1]!;
  if (bias === undefined || shapeSize(bias.dims) !== n || bias.dims.at(-1) !== n || bias.dims.length > 2) {
    return undefined;
  }
  return { add, input: other, bias: bias.name, dims: bias.dims };
}
