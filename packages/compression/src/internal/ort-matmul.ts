import { DataType, type OnnxModel, type ValueInfoProto } from '../onnx-types.js';
import { saveOnnxSync } from '../save-onnx.js';
import { createSession, ort } from './session.js';

function matrix(name: string, rows: string, cols: string): ValueInfoProto {
  return {
    name,
    type: {
      tensor_type: {
        elem_type: DataType.FLOAT,
        shape: { dim: [{ dim_param: rows }, { dim_param: cols }] },
      },
    },
  };
}

/** A one-node ONNX model, C = A B with every dimension free. */
function matmulModel(): OnnxModel {
  return {
    proto: {
      ir_version: 7,
      opset_import: [{ domain: '', version: 13 }],
      graph: {
        name: 'matmul',
        node: [{ op_type: 'MatMul', input: ['A', 'B'], output: ['C'], name: 'matmul' }],
        input: [matrix('A', 'm', 'k'), matrix('B', 'k', 'n')],
        output: [matrix('C', 'm', 'n')],
      },
    },
  };
}

let session: Promise<ort.InferenceSession> | undefined;

/**
 * C = A B in float32 by onnxruntime's own GEMM (one intra-op thread; one session per process,
 * made on first use): A is `m x k`, B `k x n`, both row-major. Far faster than a JavaScript loop
 * for the large products of the least-squares channel repair. O(m k n).
 */
export async function ortMatmul(
  a: Float32Array,
  m: number,
  k: number,
  b: Float32Array,
  n: number,
): Promise<Float32Array> {
  if (m === 0 || n === 0) return new Float32Array(m * n);
  session ??= createSession(saveOnnxSync(matmulModel()));
  const s = await session;
  const out = await s.run({
    A: new ort.Tensor('float32', a, [m, k]),
    B: new ort.Tensor('float32', b, [k, n]),
  });
  return out.C!.data as Float32Array;
}
