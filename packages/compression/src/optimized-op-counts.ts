import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from './internal/session.js';
import { loadOnnx } from './load-onnx.js';
import type { OnnxModel } from './onnx-types.js';
import { saveOnnxSync } from './save-onnx.js';

/**
 * The operators onnxruntime actually runs for a model, after its graph optimisations and fusions
 * (from the graph it writes with `optimizedModelFilePath`), as counts keyed `domain:op_type`
 * (`com.microsoft:QLinearConv`, `:Conv`). Use it to check that a QDQ model runs integer kernels.
 * O(one session creation).
 *
 * @example
 * const counts = await optimizedOpCounts(tinyCnn());
 * counts[':Gemm'] // => 1
 */
export async function optimizedOpCounts(model: OnnxModel | Uint8Array): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'paretokit-ort-'));
  try {
    const path = join(dir, 'optimized.onnx');
    const session = await createSession(model instanceof Uint8Array ? model : saveOnnxSync(model), {
      optimizedModelFilePath: path,
    });
    await session.release();
    const optimized = await loadOnnx(await readFile(path));
    const counts: Record<string, number> = {};
    for (const node of optimized.proto.graph?.node ?? []) {
      const key = `${node.domain ?? ''}:${node.op_type}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
