import type { NodeProto, OnnxModel, TensorProto, ValueInfoProto } from '../onnx-types.js';
import type { ModelInputs } from '../prepare-inputs.js';
import { saveOnnxSync } from '../save-onnx.js';
import { createSession, ort } from './session.js';

/** What a probe adds to a model: nodes, their constants, and the values to return. */
export interface Probe {
  readonly nodes: readonly NodeProto[];
  readonly initializers?: readonly TensorProto[];
  /** New graph outputs (values that are graph outputs already need not be listed). */
  readonly outputs: readonly ValueInfoProto[];
  /** The values each batch returns. */
  readonly fetch: readonly string[];
}

/**
 * Runs a model with a probe's extra nodes and outputs over `inputs` in batches (one onnxruntime
 * session, `threads` intra-op threads), handing each batch's fetched tensors to `onBatch`; the
 * tensors are disposed after it returns. O(one inference per example).
 */
export async function runProbe(
  model: OnnxModel,
  probe: Probe,
  inputs: ModelInputs,
  options: { readonly threads?: number; readonly batchSize?: number },
  onBatch: (out: Record<string, ort.Tensor>) => void,
): Promise<void> {
  const graph = model.proto.graph ?? {};
  const probed: OnnxModel = {
    proto: {
      ...model.proto,
      graph: {
        ...graph,
        initializer: [...(graph.initializer ?? []), ...(probe.initializers ?? [])],
        node: [...(graph.node ?? []), ...probe.nodes],
        output: [...(graph.output ?? []), ...probe.outputs],
      },
    },
  };
  const session = await createSession(saveOnnxSync(probed), { threads: options.threads ?? 1 });
  try {
    const batch = options.batchSize ?? 50;
    const per = inputs.exampleShape.reduce((a, b) => a * b, 1);
    const inputName = session.inputNames[0]!;
    for (let start = 0; start < inputs.count; start += batch) {
      const n = Math.min(batch, inputs.count - start);
      const feed = new ort.Tensor('float32', inputs.data.subarray(start * per, (start + n) * per), [
        n,
        ...inputs.exampleShape,
      ]);
      const out = await session.run({ [inputName]: feed }, [...probe.fetch]);
      onBatch(out);
      for (const t of Object.values(out)) t.dispose();
    }
  } finally {
    await session.release();
  }
}
