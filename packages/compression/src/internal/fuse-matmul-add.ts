import type { NodeProto, TensorProto } from '../onnx-types.js';
import { consumerMap } from './graph.js';
import { type MatMulBias, matmulBias } from './matmul-bias.js';
import { tensorDims } from './tensors.js';

/** Dense layers written as MatMul + Add, rewritten as Gemm. */
export interface MatMulAddFusion {
  readonly nodes: NodeProto[];
  readonly fused: number;
  /** MatMul outputs that no longer exist (the Gemm writes the Add's output). */
  readonly removed: ReadonlySet<string>;
}

/** Every MatMul with a constant [K, N] weight whose output only an Add of a constant [N] bias reads. O(nodes). */
export function matmulAddPairs(
  nodes: readonly NodeProto[],
  initializers: ReadonlyMap<string, TensorProto>,
  outputs: ReadonlySet<string>,
): Map<NodeProto, MatMulBias> {
  const consumers = consumerMap(nodes);
  const constant = (name: string | undefined) => {
    const t = name === undefined ? undefined : initializers.get(name);
    return t === undefined || (t.data_type !== 1 && t.data_type !== 11)
      ? undefined
      : { name: name!, dims: tensorDims(t) };
  };
  const pairs = new Map<NodeProto, MatMulBias>();
  for (const n of nodes) {
    if (n.op_type !== 'MatMul' || (n.domain ?? '') !== '') continue;
    const bias = matmulBias(n, consumers, outputs, constant);
    if (bias !== undefined) pairs.set(n, bias);
  }
  return pairs;
}

/**
 * Rewrites each pair of {@link matmulAddPairs} whose data input is 2-D (`shapes`: per-example shapes
 * traced in calibration, so 1-D there) as one `Gemm(x, W, b)` writing the Add's output: the same
 * function, but quantized it runs as one QGemm with an int32 bias, where MatMul + Add would be a
 * QLinearMatMul and an Add of a float constant. O(nodes).
 */
export function fuseMatMulAdd(
  nodes: readonly NodeProto[],
  pairs: ReadonlyMap<NodeProto, MatMulBias>,
  shapes: ReadonlyMap<string, readonly number[]>,
): MatMulAddFusion {
  const fusedAdds = new Map<NodeProto, NodeProto>();
  const removed = new Set<string>();
  for (const [matmul, { add, input }] of pairs) {
    if (shapes.get(matmul.input![0]!)?.length !== 1) continue;
    fusedAdds.set(add, {
      ...matmul,
      op_type: 'Gemm',
      input: [matmul.input![0]!, matmul.input![1]!, input],
      output: [add.output![0]!],
      attribute: [],
    });
    removed.add(matmul.output![0]!);
  }
  if (fusedAdds.size === 0) return { nodes: [...nodes], fused: 0, removed };
  const matmuls = new Set([...pairs.keys()].filter((m) => removed.has(m.output![0]!)));
  const result: NodeProto[] = [];
  for (const n of nodes) {
    if (matmuls.has(n)) continue;
    result.push(fusedAdds.get(n) ?? n);
  }
  return { nodes: result, fused: fusedAdds.size, removed };
}
