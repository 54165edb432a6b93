// The RetinaMNIST ResNet50 from ../shared (next to the repository) under ParetoKit's compression
// pipeline: load, save, prune, quantize, fp32 and int8 inference on the 400-image test split with
// 1 onnxruntime thread, full evaluations of the compression problem, and the same inference in
// PyTorch eager mode. The measurements behind compress-resnet50.ts and the compression lines of
// `pnpm bench:peers`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compressionProblem,
  evaluateModel,
  loadMedMNIST,
  loadOnnx,
  type MedMNISTDataset,
  type ModelInputs,
  type ModelSidecar,
  prepareInputs,
  pruneModel,
  quantizeModel,
  readSidecar,
  saveOnnxSync,
} from '../src/index.js';

const shared = (p: string) => fileURLToPath(new URL(`../../../../shared/${p}`, import.meta.url));
export const RESNET50_MODEL = shared('models/resnet50_retinamnist.onnx');
export const RESNET50_SIDECAR = shared('models/resnet50_retinamnist.json');
export const RETINAMNIST_DATA = shared('data/medmnist/retinamnist.npz');

/** Wall and CPU seconds of every timed repeat of one step. */
export interface StepTimes {
  readonly wall: number[];
  readonly cpu: number[];
}

export interface Resnet50Setup {
  readonly bytes: Uint8Array;
  readonly sidecar: ModelSidecar;
  readonly dataset: MedMNISTDataset;
  /** The 400 test images, preprocessed as the model expects. */
  readonly test: ModelInputs;
  /** 100 training images for int8 calibration. */
  readonly calibration: ModelInputs;
}

/** Reads the model, its sidecar and the data set, and prepares the test and calibration inputs. */
export async function loadResnet50(): Promise<Resnet50Setup> {
  const bytes = readFileSync(RESNET50_MODEL);
  const sidecar = await readSidecar(RESNET50_SIDECAR);
  const dataset = await loadMedMNIST(RETINAMNIST_DATA);
  return {
    bytes,
    sidecar,
    dataset,
    test: prepareInputs(dataset, 'test', sidecar),
    calibration: prepareInputs(dataset, 'train', sidecar, { limit: 100 }),
  };
}

async function time<T>(f: () => T | Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await f();
  const d = process.cpuUsage(c);
  return { value, wall: (performance.now() - t) / 1000, cpu: (d.user + d.system) / 1e6 };
}

export const PRUNE_ALL_HALF = {
  linearLayers: 'all',
  convLayers: 'all',
  linearIntensity: 0.5,
  convIntensity: 0.5,
  linearTarget: 'weights',
  convTarget: 'weights',
} as const;

export interface StepMeasurements {
  /** Step name -> times of the timed rounds, in order of first appearance. */
  readonly steps: Record<string, StepTimes>;
  readonly fp32Accuracy: number;
  readonly int8Accuracy: number;
  readonly int8Bytes: Uint8Array;
}

/**
 * `repeats` timed rounds after one warm-up round (V8 and onnxruntime), each: load, save, prune,
 * quantize (with calibration), then fp32 and int8 inference on the test split alternating (so
 * both see the same load), and with `plain` fp32 inference at optimization level `extended`.
 * Inference wall time is evaluateModel's own clock around the batches; CPU time includes session
 * creation.
 */
export async function measureSteps(
  setup: Resnet50Setup,
  options: { readonly repeats: number; readonly plain?: boolean },
): Promise<StepMeasurements> {
  const { bytes, test, calibration } = setup;
  const steps: Record<string, StepTimes> = {};
  const record = (name: string, t: { wall: number; cpu: number }) => {
    steps[name] ??= { wall: [], cpu: [] };
    steps[name].wall.push(t.wall);
    steps[name].cpu.push(t.cpu);
  };
  let fp32Accuracy = 0;
  let int8Accuracy = 0;
  let int8Bytes: Uint8Array = new Uint8Array();
  for (let r = 0; r < options.repeats + 1; r++) {
    const warm = r === 0;
    const loaded = await time(() => loadOnnx(bytes));
    const saved = await time(() => saveOnnxSync(loaded.value));
    const pruned = await time(() => pruneModel(loaded.value, PRUNE_ALL_HALF));
    const quantized = await time(() => quantizeModel(loaded.value, { calibration }));
    const fp32Bytes = saved.value;
    int8Bytes = saveOnnxSync(quantized.value.model);
    const fp32 = await time(() => evaluateModel(fp32Bytes, test, { threads: 1 }));
    const int8 = await time(() => evaluateModel(int8Bytes, test, { threads: 1 }));
    const plain = options.plain
      ? await time(() => evaluateModel(fp32Bytes, test, { threads: 1, optimizationLevel: 'extended' }))
      : undefined;
    fp32Accuracy = fp32.value.accuracy;
    int8Accuracy = int8.value.accuracy;
    if (warm) continue;
    record('load (decode 94 MB)', loaded);
    record('save (encode)', saved);
    record('prune all 54 layers (50 %)', pruned);
    record('quantize int8 (with calibration on 100 train images)', quantized);
    record('fp32 inference, 400 test images', { wall: fp32.value.seconds, cpu: fp32.cpu });
    record('int8 inference, 400 test images', { wall: int8.value.seconds, cpu: int8.cpu });
    if (plain !== undefined) {
      record('fp32 inference without NCHWc layouts (level extended), 400 images', {
        wall: plain.value.seconds,
        cpu: plain.cpu,
      });
    }
    record('fp32 session creation', { wall: fp32.value.sessionSeconds, cpu: Number.NaN });
    record('int8 session creation', { wall: int8.value.sessionSeconds, cpu: Number.NaN });
  }
  return { steps, fp32Accuracy, int8Accuracy, int8Bytes };
}

export interface FullEvaluations {
  /** Prune 30-34 % + quantize + session + inference on the test split. */
  readonly int8: StepTimes;
  /** Prune 30-34 % + session + inference on the test split. */
  readonly fp32: StepTimes;
  readonly problem: Awaited<ReturnType<typeof compressionProblem>>;
}

/**
 * `repeats` full evaluations of the compression problem, int8 and fp32 alternating, each with
 * another intensity so that none is a cache hit.
 */
export async function measureFullEvaluations(
  setup: Resnet50Setup,
  options: { readonly repeats: number },
): Promise<FullEvaluations> {
  const problem = await compressionProblem({
    model: RESNET50_MODEL,
    sidecar: RESNET50_SIDECAR,
    dataset: setup.dataset,
    selectOn: 'test',
  });
  const int8: StepTimes = { wall: [], cpu: [] };
  const fp32: StepTimes = { wall: [], cpu: [] };
  for (let r = 0; r < options.repeats; r++) {
    const config = {
      ...PRUNE_ALL_HALF,
      linearIntensity: 0.3 + 0.01 * r,
      convIntensity: 0.3 + 0.01 * r,
      quantize: true,
    };
    const a = await time(() => problem.measure(config));
    const b = await time(() => problem.measure({ ...config, quantize: false }));
    int8.wall.push(a.value.evaluationSeconds);
    int8.cpu.push(a.cpu);
    fp32.wall.push(b.value.evaluationSeconds);
    fp32.cpu.push(b.cpu);
  }
  return { int8, fp32, problem };
}

export interface TorchEager {
  readonly torch: string;
  readonly torchvision: string;
  readonly python: string;
  readonly threads: number;
  /** Wall seconds of every timed pass over the inputs. */
  readonly seconds: number[];
}

/**
 * The same inference in PyTorch eager mode (torch_resnet50.py: torchvision resnet50 with the
 * model's class count and random weights, 1 thread, eval, no_grad, batches of 100), in a child
 * process of `python` (default /usr/bin/python3, Debian's python3-torch). One untimed pass, then
 * `repeats` timed passes.
 */
export function timeTorchEager(
  setup: Resnet50Setup,
  options: { readonly repeats: number; readonly python?: string },
): TorchEager {
  const { test, sidecar } = setup;
  const [channels, height, width] = sidecar.input.shape as [number, number, number];
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-torch-'));
  try {
    const file = join(dir, 'inputs.f32');
    writeFileSync(file, new Uint8Array(test.data.buffer, test.data.byteOffset, test.data.byteLength));
    const script = fileURLToPath(new URL('torch_resnet50.py', import.meta.url));
    return JSON.parse(
      execFileSync(
        options.python ?? '/usr/bin/python3',
        [
          script,
          file,
          String(test.count),
          String(channels),
          String(height),
          String(width),
          String(sidecar.classes),
          String(options.repeats),
        ],
        { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } },
      ),
    ) as TorchEager;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
