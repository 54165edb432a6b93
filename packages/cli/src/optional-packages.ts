import { MissingPackageError } from './missing-package-error.js';
import { importIfInstalled, importOptional } from './optional-import.js';

/** `@paretokit/compression`'s main entry (onnxruntime-node, sharp, the ONNX reader). */
export type CompressionModule = typeof import('@paretokit/compression');
/** `@paretokit/compression/presets`: its presets, MedMNIST files and sidecar paths, nothing heavy. */
export type CompressionPresetsModule = typeof import('@paretokit/compression/presets');
/** `@paretokit/workers` (BullMQ and ioredis for the Redis queue). */
export type WorkersModule = typeof import('@paretokit/workers');
/** `@paretokit/report` (vega and vega-lite for the plots). */
export type ReportModule = typeof import('@paretokit/report');

// Loaded once, at start: the light entry says which presets exist (for --help) and checks study
// files; it is undefined when @paretokit/compression is not installed.
const presets = await importIfInstalled<CompressionPresetsModule>('@paretokit/compression/presets');

/**
 * `@paretokit/compression/presets` (loaded at start, without onnxruntime-node), for `needs`.
 *
 * @throws MissingPackageError when @paretokit/compression is not installed.
 * @example
 * compressionPresets('paretokit inspect').sidecarPathOf('m.onnx') // => 'm.json'
 */
export function compressionPresets(needs: string): CompressionPresetsModule {
  if (presets === undefined) throw new MissingPackageError({ package: '@paretokit/compression', needs });
  return presets;
}

/**
 * `@paretokit/compression/presets` when @paretokit/compression is installed, else `undefined`
 * (for help texts and defaults that list what compression offers).
 *
 * @example
 * Object.keys(compressionPresetsIfInstalled()?.PREPROCESS_PRESETS ?? {}) // => ['imagenet', 'minus-one-to-one', 'zero-to-one', 'raw']
 */
export function compressionPresetsIfInstalled(): CompressionPresetsModule | undefined {
  return presets;
}

/**
 * Loads `@paretokit/compression` (and with it onnxruntime-node) for `needs`.
 *
 * @throws MissingPackageError when it is not installed.
 * @example
 * typeof (await loadCompression('paretokit compress')).compressionProblem // => 'function'
 */
export function loadCompression(needs: string): Promise<CompressionModule> {
  return importOptional<CompressionModule>('@paretokit/compression', needs);
}

/**
 * Loads `@paretokit/workers` (and with it BullMQ and ioredis) for `needs`.
 *
 * @throws MissingPackageError when it is not installed.
 * @example
 * typeof (await loadWorkers('paretokit worker')).runQueueWorker // => 'function'
 */
export function loadWorkers(needs: string): Promise<WorkersModule> {
  return importOptional<WorkersModule>('@paretokit/workers', needs);
}

/**
 * Loads `@paretokit/report` (and with it vega and vega-lite) for `needs`.
 *
 * @throws MissingPackageError when it is not installed.
 * @example
 * typeof (await loadReport('paretokit report')).renderStudyReport // => 'function'
 */
export function loadReport(needs: string): Promise<ReportModule> {
  return importOptional<ReportModule>('@paretokit/report', needs);
}
