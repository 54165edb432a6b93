import * as ort from 'onnxruntime-node';

/** How onnxruntime runs a model here. */
export interface SessionSettings {
  /** Intra-op threads. Default 1: stable timings on a shared machine. */
  readonly threads?: number;
  /** Write the graph onnxruntime actually runs (after fusions) to this path. */
  readonly optimizedModelFilePath?: string;
  /** onnxruntime graph optimisation level. Default `all` (includes NCHWc layouts and QDQ fusions). */
  readonly optimizationLevel?: 'basic' | 'extended' | 'all';
}

/**
 * An onnxruntime CPU session from in-memory bytes. Spinning worker threads are switched off: under
 * contention they were 2-3x slower (the measurement), and with 1 thread they never spin.
 */
export function createSession(
  bytes: Uint8Array,
  settings: SessionSettings = {},
): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(bytes, {
    intraOpNumThreads: settings.threads ?? 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: settings.optimizationLevel ?? 'all',
    logSeverityLevel: 3,
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
    ...(settings.optimizedModelFilePath === undefined
      ? {}
      : { optimizedModelFilePath: settings.optimizedModelFilePath }),
  });
}

export { ort };
