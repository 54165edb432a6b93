import { createHash } from 'node:crypto';

/** Float64 values as base64 of their bytes: exact, NaN, -0 and infinities included. O(n). */
export function encodeFloats(values: ArrayLike<number>): string {
  const data = Float64Array.from(values);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}

/** The inverse of {@link encodeFloats}. O(n). */
export function decodeFloats(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/**
 * A job id for one row of a run: the run id and a hash of the problem name, the seed and the row's
 * exact bytes. The same row of the same run always maps to the same job (re-enqueueing is a no-op,
 * a resumed run finds its finished jobs) whatever batch or position it comes in. O(row length).
 */
export function rowJobId(runId: string, problem: string, seed: number, row: Float64Array): string {
  const hash = createHash('sha256')
    .update(problem)
    .update('\0')
    .update(String(seed))
    .update('\0')
    .update(Buffer.from(row.buffer, row.byteOffset, row.byteLength))
    .digest('hex');
  return `${runId}-${hash.slice(0, 32)}`;
}
