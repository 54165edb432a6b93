import { InvalidArgumentError } from '@paretokit/problem';
import { type ClassificationMetrics, classificationMetrics } from './classification-metrics.js';
import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import { createSession, ort } from './internal/session.js';
import type { OnnxModel } from './onnx-types.js';
import type { ModelInputs } from './prepare-inputs.js';
import { saveOnnxSync } from './save-onnx.js';

/** Options of {@link evaluateModel}. */
export interface EvaluateModelOptions {
  /** Examples per inference call. Default 100. */
  readonly batchSize?: number;
  /** onnxruntime intra-op threads. Default 1 (stable timings on a shared machine). */
  readonly threads?: number;
  /** Input name; default: the model's first data input. */
  readonly inputName?: string;
  /** Output holding the class scores; default: the model's first output. */
  readonly outputName?: string;
  /** Write the graph onnxruntime runs (after its fusions) here, to check which kernels it chose. */
  readonly optimizedModelFilePath?: string;
  /** onnxruntime graph optimisation level. Default `all`; `extended` skips the NCHWc float layouts. */
  readonly optimizationLevel?: 'basic' | 'extended' | 'all';
}

/** What {@link evaluateModel} measures: quality and wall time. */
export interface ModelEvaluation extends ClassificationMetrics {
  /** Wall time of inference over the whole split (all batches), seconds. */
  readonly seconds: number;
  /** Wall time of each batch, seconds. */
  readonly batchSeconds: readonly number[];
  /** Wall time to create the onnxruntime session (parse and optimise the graph), seconds. */
  readonly sessionSeconds: number;
}

/**
 * Runs a model over a prepared split with onnxruntime-node (CPU, session from in-memory bytes) and
 * returns accuracy, macro F1, balanced accuracy, one-vs-rest AUC, the confusion matrix, and the
 * measured wall time of the whole split and of each batch. O(one inference per example).
 *
 * @throws UnsupportedModelError if the model's input shape does not match the data.
 * @example
 * const sidecar = { classes: 3, input: { name: 'input', layout: 'NCHW', shape: [3, 2, 2], dtype: 'float32', preprocess: 'x/255' }, output: { name: 'logits' } };
 * const inputs = prepareInputs(await loadMedMNIST(tinyNpz()), 'train', sidecar);
 * const result = await evaluateModel(tinyCnn({ size: 2 }), inputs, { batchSize: 3 });
 * [result.predictions.length, result.batchSeconds.length] // => [4, 2]
 */
export async function evaluateModel(
  model: OnnxModel | Uint8Array,
  inputs: ModelInputs,
  options: EvaluateModelOptions = {},
): Promise<ModelEvaluation> {
  const batchSize = options.batchSize ?? 100;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new InvalidArgumentError({
      argument: 'evaluateModel: batchSize',
      expected: 'a positive integer',
      actual: batchSize,
    });
  }
  const bytes = model instanceof Uint8Array ? model : saveOnnxSync(model);
  const started = performance.now();
  const session = await createSession(bytes, {
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.optimizedModelFilePath === undefined
      ? {}
      : { optimizedModelFilePath: options.optimizedModelFilePath }),
    ...(options.optimizationLevel === undefined ? {} : { optimizationLevel: options.optimizationLevel }),
  });
  const sessionSeconds = (performance.now() - started) / 1000;
  try {
    const inputName = options.inputName ?? session.inputNames[0]!;
    const outputName = options.outputName ?? session.outputNames[0]!;
    const per = inputs.exampleShape.reduce((a, b) => a * b, 1);
    const scores = new Float32Array(inputs.count * inputs.classes);
    const batchSeconds: number[] = [];
    for (let start = 0; start < inputs.count; start += batchSize) {
      const n = Math.min(batchSize, inputs.count - start);
      const feed = new ort.Tensor('float32', inputs.data.subarray(start * per, (start + n) * per), [
        n,
        ...inputs.exampleShape,
      ]);
      const t0 = performance.now();
      let out: ort.InferenceSession.OnnxValueMapType;
      try {
        out = await session.run({ [inputName]: feed }, [outputName]);
      } catch (error) {
        throw new UnsupportedModelError({
          model: 'model',
          expected: `input "${inputName}" to accept examples of shape [${inputs.exampleShape.join(', ')}]`,
          actual: `onnxruntime: ${(error as Error).message.split('\n')[0]}`,
          cause: error,
        });
      }
      batchSeconds.push((performance.now() - t0) / 1000);
      const logits = out[outputName]!;
      if (logits.size !== n * inputs.classes) {
        throw new UnsupportedModelError({
          model: 'model',
          expected: `output "${outputName}" of ${inputs.classes} scores per example`,
          actual: `${logits.size / n} per example (dims [${logits.dims.join(', ')}])`,
        });
      }
      scores.set(logits.data as Float32Array, start * inputs.classes);
      logits.dispose();
    }
    const metrics = classificationMetrics(inputs.labels, scores, inputs.classes);
    return {
      ...metrics,
      seconds: batchSeconds.reduce((a, b) => a + b, 0),
      batchSeconds,
      sessionSeconds,
    };
  } finally {
    await session.release();
  }
}
