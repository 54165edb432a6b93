// ParetoKit's int8 quantizer (`quantizeModel`, QDQ) against ONNX Runtime's own static quantizer
// (`onnxruntime.quantization.quantize_static` after `quant_pre_process`, run by
// ort_quantize_static.py) on the RetinaMNIST ResNet50 from ../shared, both calibrated on the same
// 100 preprocessed training images that the compression problem uses. The fp32 base model and the
// two int8 models are then timed side by side in this process (onnxruntime-node, 1 intra-op
// thread, batches of 100, rounds alternating between the models) and scored on the 400-image test
// split. The measurements behind the `ort-quantizer` section of `pnpm bench:peers`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateModel, type ModelInputs, quantizeModel, saveOnnxSync } from '../src/index.js';
import { type CompressionSetup, compressionSetup } from '../src/internal/compression-setup.js';
import { encodeNpy } from '../src/internal/npy.js';
import { ort } from '../src/internal/session.js';
import { RESNET50_MODEL, RESNET50_SIDECAR, RETINAMNIST_DATA } from './resnet50.js';

/** One of the three compared models. */
export interface ComparedModel {
  /** Test-split inference wall seconds of every timed round (evaluateModel's clock around the batches). */
  readonly seconds: number[];
  /** Test accuracy (400 images). */
  readonly accuracy: number;
  /** Fraction of test images whose top-1 class equals the fp32 base model's. */
  readonly agreement: number;
  /** Bytes of the encoded `.onnx` file. */
  readonly bytes: number;
}

/** What {@link compareOrtQuantizer} returns. */
export interface OrtQuantizerComparison {
  readonly fp32: ComparedModel;
  /** ParetoKit's `quantizeModel` (defaults: per channel, MinMax, `lowerUnitSpatial`). */
  readonly ours: ComparedModel;
  /** onnxruntime's `quantize_static` (QDQ, per channel, u8s8). */
  readonly theirs: ComparedModel;
  /** Wall seconds of `quantizeModel` (calibration included) plus encoding the model. */
  readonly ourQuantizeSeconds: number;
  /** Wall seconds of `quant_pre_process` and `quantize_static` inside Python (no start-up, no imports). */
  readonly theirQuantizeSeconds: { readonly preProcess: number; readonly quantize: number };
  /** The calibration images both quantizers saw: count and SHA-256 of their float32 bytes. */
  readonly calibration: { readonly count: number; readonly sha256: string };
  readonly calibrateMethod: string;
  /** onnxruntime (Python, the quantizer), onnx, numpy, python, onnxruntime-node (the timing). */
  readonly versions: Record<string, string>;
}

/** Options of {@link compareOrtQuantizer}. */
export interface OrtQuantizerOptions {
  /** Timed rounds over the test split (after one untimed round that also scores the models). */
  readonly repeats: number;
  /** Interpreter with onnx and onnxruntime. Default `python3`. */
  readonly python?: string;
  /** quantize_static's calibrate_method: MinMax (default), Entropy, Percentile or Distribution. */
  readonly calibrateMethod?: string;
  /** The fp32 model (default: the RetinaMNIST ResNet50 of ../shared). */
  readonly model?: string;
  /** Its sidecar (default: the ResNet50's when `model` is not given, else read from the graph). */
  readonly sidecar?: string;
  /** The preprocessing, for a model without a sidecar. */
  readonly preprocess?: string;
  /** The data (default: RetinaMNIST from ../shared). */
  readonly dataset?: string;
}

interface PythonReport {
  readonly onnxruntime: string;
  readonly onnx: string;
  readonly numpy: string;
  readonly python: string;
  readonly shape: number[];
  readonly sha256: string;
  readonly preProcessSeconds: number;
  readonly quantizeSeconds: number;
}

/** SHA-256 of the float32 values of prepared inputs, in memory order (little-endian, as on x86/ARM). */
function inputsSha256(inputs: ModelInputs): string {
  const d = inputs.data;
  return createHash('sha256')
    .update(new Uint8Array(d.buffer, d.byteOffset, d.byteLength))
    .digest('hex');
}

/**
 * Runs ort_quantize_static.py on the base model with `calibration` written to a temporary .npy by
 * our npy encoder; checks that Python read exactly these tensors (SHA-256) and returns the int8
 * model's bytes with the script's report.
 */
function quantizeTheirs(
  model: string,
  calibration: ModelInputs,
  python: string,
  calibrateMethod: string,
): { bytes: Uint8Array; report: PythonReport } {
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-ort-quantize-'));
  try {
    const npy = join(dir, 'calibration.npy');
    const output = join(dir, 'int8.onnx');
    writeFileSync(npy, encodeNpy('<f4', [calibration.count, ...calibration.exampleShape], calibration.data));
    const script = fileURLToPath(new URL('ort_quantize_static.py', import.meta.url));
    const stdout = execFileSync(python, [script, model, npy, output, '--calibrate-method', calibrateMethod], {
      encoding: 'utf8',
      timeout: 15 * 60_000,
      maxBuffer: 64 * 2 ** 20,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as PythonReport;
    const expected = inputsSha256(calibration);
    if (report.sha256 !== expected) {
      throw new Error(
        `calibration mismatch: Python read ${report.shape.join('x')} with SHA-256 ${report.sha256}, Node wrote ${expected}`,
      );
    }
    return { bytes: readFileSync(output), report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Accuracy and top-1 predictions of each model on the test split (also the warm-up round). */
async function scoreModels(
  setup: CompressionSetup,
  models: readonly Uint8Array[],
): Promise<{ accuracy: number; agreement: number }[]> {
  const results = [];
  for (const bytes of models)
    results.push(await evaluateModel(bytes, setup.inputsFor('test'), setup.evalOptions));
  const reference = results[0]!.predictions;
  return results.map((r) => ({
    accuracy: r.accuracy,
    agreement: r.predictions.reduce((n, p, i) => n + (p === reference[i] ? 1 : 0), 0) / reference.length,
  }));
}

/**
 * `repeats` rounds over the test split with the compression problem's own timer
 * (`CompressionSetup.alternate`: one evaluateModel per model, fresh session, the inference clock
 * around the batches). Model 0 runs first in every round; the others swap order from round to
 * round so that neither always follows the other. Returns the seconds per model.
 */
async function timeAlternating(
  setup: CompressionSetup,
  models: readonly Uint8Array[],
  repeats: number,
): Promise<number[][]> {
  const seconds = models.map(() => [] as number[]);
  const rest = models.map((_, i) => i).slice(1);
  for (let r = 0; r < repeats; r++) {
    const order = [0, ...(r % 2 === 0 ? rest : [...rest].reverse())];
    const round = await setup.alternate(
      order.map((i) => models[i]!),
      'test',
      1,
    );
    for (const [k, i] of order.entries()) seconds[i]!.push(round[k]![0]!);
  }
  return seconds;
}

/**
 * Quantizes a model (default: the RetinaMNIST ResNet50) with `quantizeModel` and with
 * onnxruntime's `quantize_static` on the same 100 calibration images (the compression problem's:
 * the first 100 training images, preprocessed per the sidecar), then scores the fp32 base and
 * both int8 models on the test split and times them in `repeats` alternating rounds.
 */
export async function compareOrtQuantizer(options: OrtQuantizerOptions): Promise<OrtQuantizerComparison> {
  const calibrateMethod = options.calibrateMethod ?? 'MinMax';
  const modelPath = options.model ?? RESNET50_MODEL;
  const sidecar = options.sidecar ?? (options.model === undefined ? RESNET50_SIDECAR : undefined);
  const setup = await compressionSetup({
    model: modelPath,
    ...(sidecar === undefined ? {} : { sidecar }),
    ...(options.preprocess === undefined ? {} : { preprocess: options.preprocess }),
    dataset: options.dataset ?? RETINAMNIST_DATA,
    selectOn: 'test',
  });
  const started = performance.now();
  const ours = await quantizeModel(setup.model, {
    calibration: setup.calibration,
    threads: setup.evalOptions.threads,
  });
  const oursBytes = saveOnnxSync(ours.model);
  const ourQuantizeSeconds = (performance.now() - started) / 1000;
  const theirs = quantizeTheirs(modelPath, setup.calibration, options.python ?? 'python3', calibrateMethod);
  const models = [readFileSync(modelPath), oursBytes, theirs.bytes];
  const scores = await scoreModels(setup, models);
  const seconds = await timeAlternating(setup, models, options.repeats);
  const [fp32, our, their] = models.map((bytes, i) => ({
    ...scores[i]!,
    seconds: seconds[i]!,
    bytes: bytes.length,
  })) as [ComparedModel, ComparedModel, ComparedModel];
  const r = theirs.report;
  return {
    fp32,
    ours: our,
    theirs: their,
    ourQuantizeSeconds,
    theirQuantizeSeconds: { preProcess: r.preProcessSeconds, quantize: r.quantizeSeconds },
    calibration: { count: setup.calibration.count, sha256: inputsSha256(setup.calibration) },
    calibrateMethod,
    versions: {
      'onnxruntime (Python, quantize_static)': r.onnxruntime,
      onnx: r.onnx,
      numpy: r.numpy,
      python: r.python,
      'onnxruntime-node (inference)': ort.env.versions.node ?? 'unknown',
    },
  };
}
