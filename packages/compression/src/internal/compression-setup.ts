import { checkSeed, InvalidArgumentError } from '@paretokit/problem';
import type { CompressionData, CompressionProblemOptions } from '../compression-types.js';
import { countFlops, type FlopsReport } from '../count-flops.js';
import { UnsupportedModelError } from '../errors/unsupported-model-error.js';
import { evaluateModel } from '../evaluate-model.js';
import { graphSidecar, sidecarFromGraph } from '../graph-sidecar.js';
import { loadDataset } from '../load-dataset.js';
import type { MedMNISTDataset } from '../load-medmnist.js';
import { loadOnnx } from '../load-onnx.js';
import { type ModelSidecar, readSidecar } from '../model-sidecar.js';
import type { OnnxModel } from '../onnx-types.js';
import { type ModelInputs, prepareInputs } from '../prepare-inputs.js';
import { PREPROCESS_PRESETS } from '../preprocess-presets.js';
import { modelInput } from './model-input.js';
import { int64 } from './tensors.js';

/** Split names the problems measure on. */
export type Split = 'val' | 'test';

/** What both compression problems load and check before their first evaluation. */
export interface CompressionSetup {
  readonly seed: number;
  readonly tolerance: number;
  /** The selection split. */
  readonly split: Split;
  readonly model: OnnxModel;
  readonly sidecar: ModelSidecar;
  readonly dataset: MedMNISTDataset;
  /** What the problem tells about its data. */
  readonly data: CompressionData;
  /** The prepared images of a split (prepared once, on first use). */
  inputsFor(split: Split): ModelInputs;
  /** The first calibration images of the training split. */
  readonly calibration: ModelInputs;
  readonly flops: FlopsReport;
  readonly evalOptions: {
    readonly threads: number;
    readonly batchSize: number;
    readonly inputName: string;
    readonly outputName: string;
  };
  /** Runs the whole `split` through a model (bytes) for every configuration, alternating, `repeats` rounds. */
  alternate(models: readonly Uint8Array[], split: Split, repeats: number): Promise<number[][]>;
}

function checkOptions(options: CompressionProblemOptions): { seed: number; tolerance: number; split: Split } {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError({
      argument: 'compressionProblem(options)',
      expected: 'an options object',
      actual: options,
    });
  }
  const seed = checkSeed(options.seed ?? 0, 'compressionProblem: seed');
  const tolerance = options.tolerance ?? 0.04;
  if (!(tolerance >= 0 && tolerance < 1)) {
    throw new InvalidArgumentError({
      argument: 'compressionProblem: tolerance',
      expected: 'a number in [0, 1)',
      actual: tolerance,
    });
  }
  const selectOn = options.selectOn ?? 'validation';
  if (selectOn !== 'validation' && selectOn !== 'test') {
    throw new InvalidArgumentError({
      argument: 'compressionProblem: selectOn',
      expected: '"validation" or "test"',
      actual: selectOn,
    });
  }
  return { seed, tolerance, split: selectOn === 'validation' ? 'val' : 'test' };
}

/** The sidecar given, or the one the graph implies plus the preprocessing given; `preprocess` overrides the sidecar's text. */
async function resolveSidecar(model: OnnxModel, options: CompressionProblemOptions): Promise<ModelSidecar> {
  if (options.sidecar !== undefined) {
    const given = await readSidecar(options.sidecar);
    return options.preprocess === undefined
      ? given
      : { ...given, input: { ...given.input, preprocess: options.preprocess } };
  }
  const text =
    options.preprocess ?? (options.preprocessing === undefined ? undefined : 'explicit preprocessing');
  if (text === undefined) {
    throw new UnsupportedModelError({
      model: model.sourcePath ?? 'model',
      expected: 'a sidecar, or the preprocessing the model was trained with',
      actual: 'neither',
      hint: `Give \`preprocess\` (CLI: --preprocess; a study file: "preprocess"): steps such as "x/255, then (x-0.5)/0.5" or a preset (${Object.keys(PREPROCESS_PRESETS).join(', ')}). Everything else is read from the graph.`,
    });
  }
  return sidecarFromGraph(await graphSidecar(model), text);
}

/** The data of the options: a dataset given as it is, else a folder or `.npz` loaded to the model's input size. */
async function loadData(
  options: CompressionProblemOptions,
  sidecar: ModelSidecar,
  seed: number,
): Promise<MedMNISTDataset & { classNames?: readonly string[]; notes?: readonly string[] }> {
  if (typeof options.dataset !== 'string') return options.dataset;
  const [a, b, c] = sidecar.input.shape as [number, number, number];
  const [channels, height, width] = sidecar.input.layout === 'NCHW' ? [a, b, c] : [c, a, b];
  return loadDataset(options.dataset, {
    height,
    width,
    // A folder is decoded to what the model takes; grey repeated to 3 channels is prepareInputs' job.
    channels: channels === 1 ? 1 : 3,
    seed,
    ...(options.datasetMd5 === undefined ? {} : { md5: options.datasetMd5 }),
  });
}

/** What a problem tells about its data (class names only when there is one per model class). */
function dataOf(
  loaded: MedMNISTDataset & { classNames?: readonly string[]; notes?: readonly string[] },
  classes: number,
): CompressionData {
  const names = loaded.classNames;
  return {
    name: loaded.name,
    counts: { train: loaded.train.count, val: loaded.val.count, test: loaded.test.count },
    ...(names !== undefined && names.length === classes ? { classNames: [...names] } : {}),
    notes: [...(loaded.notes ?? [])],
  };
}

/** The dataset as the model sees it: as many classes as the model has scores (the data may use fewer). */
function withModelClasses(
  model: OnnxModel,
  sidecar: ModelSidecar,
  dataset: MedMNISTDataset,
): MedMNISTDataset {
  if (dataset.classes > sidecar.classes) {
    throw new UnsupportedModelError({
      model: model.sourcePath ?? 'model',
      expected: `at least ${dataset.classes} classes (${dataset.name} has labels up to ${dataset.classes - 1})`,
      actual: `${sidecar.classes} scores per example`,
      hint: 'The data and the model do not belong together.',
    });
  }
  return dataset.classes === sidecar.classes ? dataset : { ...dataset, classes: sidecar.classes };
}

/** Refuses a selection split too small to measure accuracy on, or no training image to calibrate with. */
function checkSplitSizes(dataset: MedMNISTDataset, split: Split, min: number): void {
  if (!(Number.isSafeInteger(min) && min >= 1)) {
    throw new InvalidArgumentError({
      argument: 'compressionProblem: minSelectionImages',
      expected: 'an integer >= 1',
      actual: min,
    });
  }
  const name = split === 'val' ? 'validation' : 'test';
  const sizes: [string, number, number, string][] = [
    [
      name,
      dataset[split].count,
      min,
      min > 1
        ? `with fewer, one image moves the accuracy by more than ${(100 / min).toFixed(1)} %`
        : 'the accuracy is measured on it',
    ],
    ['train', dataset.train.count, 1, 'the int8 calibration images come from it'],
  ];
  for (const [which, count, need, why] of sizes) {
    if (count >= need) continue;
    throw new UnsupportedModelError({
      model: dataset.name,
      expected: `at least ${need} image(s) in the ${which} split (${why})`,
      actual: String(count),
      hint:
        which === 'train'
          ? 'Give data with a training split.'
          : `Add images to the ${which} split${which === 'validation' ? ' (an image folder without val/ draws it from train/)' : ''}, or select on the other split.`,
    });
  }
}

/** Checks the sidecar's input against the graph's and its classes against the output's stated size; returns the input name. */
function checkModelFitsSidecar(model: OnnxModel, sidecar: ModelSidecar): string {
  const input = modelInput(model, sidecar.input.name);
  const expected = sidecar.input.shape;
  if (
    input.exampleShape.length !== expected.length ||
    input.exampleShape.some((d, i) => d !== -1 && d !== expected[i])
  ) {
    throw new UnsupportedModelError({
      model: model.sourcePath ?? 'model',
      expected: `input "${input.name}" of per-example shape [${expected.join(', ')}] (from the sidecar)`,
      actual: `[${input.exampleShape.map((d) => (d === -1 ? '?' : d)).join(', ')}]`,
    });
  }
  const output = (model.proto.graph?.output ?? []).find((o) => o.name === sidecar.output.name);
  const last = output?.type?.tensor_type?.shape?.dim?.at(-1)?.dim_value;
  const stated = last === undefined ? 0 : int64(last);
  if (stated > 0 && stated !== sidecar.classes) {
    throw new UnsupportedModelError({
      model: model.sourcePath ?? 'model',
      expected: `${stated} classes (the size of output "${sidecar.output.name}")`,
      actual: `${sidecar.classes} in the sidecar`,
    });
  }
  return input.name;
}

/**
 * Validates the options, loads the model, sidecar and data, checks that they fit together, and
 * prepares calibration images and FLOPs: everything both compression problems share.
 */
export async function compressionSetup(options: CompressionProblemOptions): Promise<CompressionSetup> {
  const { seed, tolerance, split } = checkOptions(options);
  const model = typeof options.model === 'string' ? await loadOnnx(options.model) : options.model;
  const sidecar = await resolveSidecar(model, options);
  const inputName = checkModelFitsSidecar(model, sidecar);
  const loaded = await loadData(options, sidecar, seed);
  const dataset = withModelClasses(model, sidecar, loaded);
  const data = dataOf(loaded, dataset.classes);
  checkSplitSizes(dataset, split, options.minSelectionImages ?? 1);
  const prep = options.preprocessing === undefined ? {} : { preprocessing: options.preprocessing };
  const inputsBySplit = new Map<Split, ModelInputs>();
  const inputsFor = (s: Split) => {
    let v = inputsBySplit.get(s);
    if (v === undefined) {
      v = prepareInputs(dataset, s, sidecar, prep);
      inputsBySplit.set(s, v);
    }
    return v;
  };
  const calibration = prepareInputs(dataset, 'train', sidecar, {
    ...prep,
    limit: options.calibration?.count ?? 100,
  });
  const flops = await countFlops(model, options.flops ?? { exampleShape: sidecar.input.shape });
  const evalOptions = {
    threads: options.threads ?? 1,
    batchSize: options.batchSize ?? 100,
    inputName,
    outputName: sidecar.output.name,
  };
  const alternate = async (models: readonly Uint8Array[], s: Split, repeats: number) => {
    if (!Number.isSafeInteger(repeats) || repeats < 1) {
      throw new InvalidArgumentError({
        argument: 'timeInference: repeats',
        expected: 'an integer >= 1',
        actual: repeats,
      });
    }
    const seconds = models.map(() => [] as number[]);
    for (let r = 0; r < repeats; r++) {
      for (let i = 0; i < models.length; i++) {
        seconds[i]!.push((await evaluateModel(models[i]!, inputsFor(s), evalOptions)).seconds);
      }
    }
    return seconds;
  };
  return {
    seed,
    tolerance,
    split,
    model,
    sidecar,
    dataset,
    data,
    inputsFor,
    calibration,
    flops,
    evalOptions,
    alternate,
  };
}
