import { defineProblem, type EvalContext, InvalidArgumentError, type Matrix } from '@paretokit/problem';
import {
  type CompressionConfig,
  type CompressionEvalResult,
  type CompressionMeasurement,
  type CompressionProblem,
  type CompressionProblemOptions,
  STUDY_VARIABLES,
} from './compression-types.js';
import { evaluateModel } from './evaluate-model.js';
import { compressionSetup } from './internal/compression-setup.js';
import { modelSize } from './model-size.js';
import { pruneModel } from './prune-model.js';
import { quantizeModel } from './quantize-model.js';
import { relativeFlops } from './relative-flops.js';
import { saveOnnxSync } from './save-onnx.js';
import { structuredCompressionProblem } from './structured-compression-problem.js';
import type {
  StructuredCompressionProblem,
  StructuredProblemOptions,
} from './structured-compression-types.js';

/**
 * The configuration that leaves the model as it is: nothing pruned, not quantized (the base model).
 *
 * @example
 * UNCOMPRESSED.quantize // => false
 */
export const UNCOMPRESSED: CompressionConfig = {
  linearLayers: 'none',
  convLayers: 'none',
  linearIntensity: 0,
  convIntensity: 0,
  linearTarget: 'weights',
  convTarget: 'weights',
  quantize: false,
};

/** 32-bit FNV-1a of a string. O(length). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A configuration with the settings that have no effect blanked, so equal models share a key. */
function canonical(c: CompressionConfig): CompressionConfig {
  const linear = c.linearLayers !== 'none';
  const conv = c.convLayers !== 'none';
  return {
    linearLayers: c.linearLayers,
    convLayers: c.convLayers,
    linearIntensity: linear ? c.linearIntensity : 0,
    convIntensity: conv ? c.convIntensity : 0,
    linearTarget: linear ? c.linearTarget : 'weights',
    convTarget: conv ? c.convTarget : 'weights',
    quantize: c.quantize,
  };
}

/**
 * The study's compression problem (METHOD.md): 7 variables (x1, x2 which linear / conv layers to
 * prune: none, all, a random subset; x3, x4 pruning intensities in [0.01, 0.99]; x5, x6 what to
 * prune: weights, biases, both; x7 int8 quantization), objectives f1 (min: FLOPs x density x bits
 * / 32 relative to the base model) and accuracy (max, a fraction), and one constraint
 * `tau - accuracy <= 0` with tau = 0.96 x the base model's accuracy on the same split. Loads the
 * model and data and measures the base model once. Every evaluation prunes (random subsets drawn
 * from a hash of the configuration and `seed`, so the same x gives the same model), quantizes
 * (calibrated on the first training images), runs the selection split with onnxruntime, and is
 * cached by its configuration. `evaluate` returns F, G and a measurement per row (latency, size,
 * non-zero rate, macro F1, AUC, confusion matrix). The evaluation context's seed is not used.
 *
 * @throws UnsupportedModelError if the model's input does not match the sidecar or the data.
 * @example
 * const p = await compressionProblem({ model: tinyCnn({ size: 2 }), sidecar: tinySidecar, dataset: await loadMedMNIST(tinyNpz()) });
 * p.variables.map((v) => v.name) // => ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']
 * const r = await p.evaluate(toMatrix([[0, 0, 0.5, 0.5, 0, 0, 0]]), { seed: 0 });
 * [r.F.data[0], r.F.data[1] === p.base.accuracy] // => [1, true]
 */
export async function compressionProblem(
  options: StructuredProblemOptions,
): Promise<StructuredCompressionProblem>;
export async function compressionProblem(options: CompressionProblemOptions): Promise<CompressionProblem>;
export async function compressionProblem(
  options: CompressionProblemOptions | StructuredProblemOptions,
): Promise<CompressionProblem | StructuredCompressionProblem> {
  if (options?.pruning === 'structured') {
    return structuredCompressionProblem(options as StructuredProblemOptions);
  }
  if (options?.pruning !== undefined && options.pruning !== 'study') {
    throw new InvalidArgumentError({
      argument: 'compressionProblem: pruning',
      expected: '"study" or "structured"',
      actual: options.pruning,
    });
  }
  const setup = await compressionSetup(options);
  const { seed, tolerance, split, model, dataset, inputsFor, calibration, flops, evalOptions } = setup;
  const baseLayers = pruneModel(model, UNCOMPRESSED).layers;

  const cache = new Map<string, Promise<CompressionMeasurement>>();
  let real = 0;
  /** Prunes and quantizes a (canonical) configuration: the model, its pruned layers and step times. */
  const build = async (config: CompressionConfig) => {
    const started = performance.now();
    const key = JSON.stringify(config);
    const pruned = pruneModel(model, config, { random: fnv1a(`${seed}|${key}`) });
    const pruneSeconds = (performance.now() - started) / 1000;
    let final = pruned.model;
    let quantizeSeconds = 0;
    let warnings: readonly string[] = [];
    if (config.quantize) {
      const t0 = performance.now();
      ({ model: final, warnings } = await quantizeModel(pruned.model, {
        calibration,
        threads: evalOptions.threads,
        ...(options.calibration?.method === undefined ? {} : { method: options.calibration.method }),
        ...(options.calibration?.percentile === undefined
          ? {}
          : { percentile: options.calibration.percentile }),
      }));
      quantizeSeconds = (performance.now() - t0) / 1000;
    }
    return {
      final,
      layers: pruned.layers,
      pruneSeconds,
      quantizeSeconds,
      warnings,
      bytes: saveOnnxSync(final),
    };
  };
  const run = async (config: CompressionConfig, s: 'val' | 'test'): Promise<CompressionMeasurement> => {
    real++;
    const started = performance.now();
    const { final, layers, pruneSeconds, quantizeSeconds, warnings, bytes } = await build(config);
    const result = await evaluateModel(bytes, inputsFor(s), evalOptions);
    const size = modelSize(final, bytes);
    return {
      config,
      split: s,
      f1: relativeFlops(flops, layers, baseLayers, config.quantize ? 8 : 32),
      accuracy: result.accuracy,
      macroF1: result.macroF1,
      balancedAccuracy: result.balancedAccuracy,
      auc: result.auc,
      confusion: result.confusion,
      inferenceSeconds: result.seconds,
      evaluationSeconds: (performance.now() - started) / 1000,
      pruneSeconds,
      quantizeSeconds,
      warnings,
      sizeBytes: size.bytes,
      sparseBytes: size.sparseBytes,
      nonZeroRate: size.nonZeroRate,
      layers,
    };
  };
  const compressedModel = async (config: CompressionConfig) => (await build(canonical(config))).bytes;
  const timeInference = async (
    configs: readonly CompressionConfig[],
    timing: { readonly repeats?: number; readonly split?: 'val' | 'test' } = {},
  ): Promise<number[][]> => {
    const models = [];
    for (const c of configs) models.push(await compressedModel(c));
    return setup.alternate(models, timing.split ?? 'test', timing.repeats ?? 5);
  };
  const measure = (config: CompressionConfig, s: 'val' | 'test' = split): Promise<CompressionMeasurement> => {
    const c = canonical(config);
    const key = `${s}|${JSON.stringify(c)}`;
    let m = cache.get(key);
    if (m === undefined) {
      m = run(c, s);
      cache.set(key, m);
      m.catch(() => cache.delete(key));
    }
    return m;
  };

  const base = await measure(UNCOMPRESSED);
  const tau = (1 - tolerance) * base.accuracy;
  const toConfig = (v: {
    x1: string;
    x2: string;
    x3: number;
    x4: number;
    x5: string;
    x6: string;
    x7: boolean;
  }): CompressionConfig => ({
    linearLayers: v.x1 as CompressionConfig['linearLayers'],
    convLayers: v.x2 as CompressionConfig['convLayers'],
    linearIntensity: v.x3,
    convIntensity: v.x4,
    linearTarget: v.x5 as CompressionConfig['linearTarget'],
    convTarget: v.x6 as CompressionConfig['convTarget'],
    quantize: v.x7,
  });
  const inner = defineProblem({
    name: options.name ?? `compression:${dataset.name}`,
    variables: STUDY_VARIABLES,
    objectives: [
      { name: 'f1', sense: 'min' },
      { name: 'accuracy', sense: 'max' },
    ],
    constraints: ['accuracy >= tau'],
    evaluateOne: async (values) => {
      const m = await measure(toConfig(values));
      return { F: [m.f1, m.accuracy], G: [tau - m.accuracy] };
    },
  });
  const decodeConfig = (x: ArrayLike<number>) => toConfig(inner.space.decode(Float64Array.from(x)));
  const problem: CompressionProblem = {
    name: inner.name,
    variables: inner.variables,
    objectives: inner.objectives,
    constraints: inner.constraints,
    space: inner.space,
    base,
    tau,
    uncompressed: UNCOMPRESSED,
    data: setup.data,
    decodeConfig,
    measure,
    compressedModel,
    timeInference,
    get realEvaluations() {
      return real;
    },
    async evaluate(X: Matrix, ctx: EvalContext): Promise<CompressionEvalResult> {
      const result = await inner.evaluate(X, ctx);
      const measurements: CompressionMeasurement[] = [];
      for (let i = 0; i < X.rows; i++) {
        measurements.push(await measure(decodeConfig(X.data.subarray(i * X.cols, (i + 1) * X.cols))));
      }
      return { F: result.F, G: result.G!, measurements };
    },
  };
  return Object.freeze(problem);
}
