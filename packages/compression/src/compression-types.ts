import {
  binary,
  choice,
  type DefinedProblem,
  type EvalContext,
  type EvalResult,
  type Matrix,
  type Problem,
  real,
} from '@paretokit/problem';
import type { CountFlopsOptions } from './count-flops.js';
import type { MedMNISTDataset } from './load-medmnist.js';
import type { Preprocessing } from './model-sidecar.js';
import type { OnnxModel } from './onnx-types.js';
import type { PrunedLayer, PruningConfig } from './prune-model.js';

// The types of the study's compression problem (compressionProblem), and its 7 variables.

const SELECTIONS = ['none', 'all', 'random'] as const;
const TARGETS = ['weights', 'biases', 'both'] as const;

/** The 7 variables of the study (METHOD.md), in order x1..x7. */
export const STUDY_VARIABLES = {
  x1: choice(SELECTIONS),
  x2: choice(SELECTIONS),
  // Intensities are fractions strictly inside (0, 1) in the study; [0.01, 0.99] keeps them there.
  x3: real(0.01, 0.99),
  x4: real(0.01, 0.99),
  x5: choice(TARGETS),
  x6: choice(TARGETS),
  x7: binary(),
};

/** A decoded configuration: pruning (x1..x6) and quantization (x7). */
export interface CompressionConfig extends PruningConfig {
  /** x7: int8 quantization. */
  readonly quantize: boolean;
}

/** Everything measured in one real evaluation, besides the objectives. */
export interface CompressionMeasurement {
  readonly config: CompressionConfig;
  /** Split the model was evaluated on. */
  readonly split: 'val' | 'test';
  /** f1: FLOPs x density x bits / 32, relative to the base model. */
  readonly f1: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly balancedAccuracy: number;
  readonly auc: number;
  readonly confusion: number[][];
  /** Inference wall time over the whole split, seconds (1 thread unless configured). */
  readonly inferenceSeconds: number;
  /** Wall time of the whole evaluation: prune, quantize (with calibration), session, inference. */
  readonly evaluationSeconds: number;
  readonly pruneSeconds: number;
  readonly quantizeSeconds: number;
  /** The nodes the int8 rewrite left float (see `QuantizeResult.warnings`): one line each. */
  readonly warnings: readonly string[];
  /** Bytes of the encoded model, and with a sparse encoding estimate. */
  readonly sizeBytes: number;
  readonly sparseBytes: number;
  /** Non-zero fraction of all constant tensors. */
  readonly nonZeroRate: number;
  readonly layers: readonly PrunedLayer[];
}

/** The evaluation result of a {@link CompressionProblem}: F, G and one measurement per row. */
export interface CompressionEvalResult extends EvalResult {
  readonly G: Matrix;
  readonly measurements: readonly CompressionMeasurement[];
}

/** The 7-variable compression problem, with its base model's measurement. */
export interface CompressionProblem
  extends DefinedProblem<typeof STUDY_VARIABLES>,
    CompressionSearch<CompressionConfig, CompressionMeasurement> {
  evaluate(X: Matrix, ctx: EvalContext): Promise<CompressionEvalResult>;
}

/** What every compression measurement reports, structured or not (what reports show). */
export interface CompressionMeasurementCore {
  readonly split: 'val' | 'test';
  /** What the rewrites left as it was (nodes kept float, channels not cut): one line each. */
  readonly warnings: readonly string[];
  /** The first objective's value. */
  readonly f1: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly balancedAccuracy: number;
  readonly auc: number;
  readonly confusion: number[][];
  readonly inferenceSeconds: number;
  readonly sizeBytes: number;
  readonly nonZeroRate: number;
}

/**
 * What both compression problems offer, whatever their configuration type `C` and measurement
 * type `M`: the study's 7-variable problem and the structured one. Tools that run either (the CLI)
 * use `CompressionSearch` with its defaults.
 */
export interface CompressionSearch<
  C extends object = object,
  M extends CompressionMeasurementCore = CompressionMeasurementCore,
> extends Problem {
  /** The uncompressed model on the selection split. */
  readonly base: M;
  /** Accuracy threshold of the constraint: (1 - tolerance) x base accuracy. */
  readonly tau: number;
  /** The configuration of the base model. */
  readonly uncompressed: C;
  /** Decodes an encoded row into a configuration. */
  decodeConfig(x: ArrayLike<number>): C;
  /** Measures a configuration on a split (e.g. the final front on `test`); cached like evaluations. */
  measure(config: C, split?: 'val' | 'test'): Promise<M>;
  /** The compressed model of a configuration, encoded as ONNX (write it to a `.onnx` file to deploy it). */
  compressedModel(config: C): Promise<Uint8Array>;
  /**
   * Times inference over a whole split (default `test`) for each configuration, `repeats` rounds
   * (default 5) that alternate between the models so that all see the same machine load; returns
   * the seconds of every round, one array per configuration. Never cached.
   */
  timeInference(
    configs: readonly C[],
    options?: { readonly repeats?: number; readonly split?: 'val' | 'test' },
  ): Promise<number[][]>;
  /** Number of real (not cached) evaluations so far. */
  readonly realEvaluations: number;
  /** The data as loaded: name, images per split, class names (when it has them), what the loader decided. */
  readonly data: CompressionData;
}

/** What a compression problem tells about its data. */
export interface CompressionData {
  readonly name: string;
  readonly counts: { readonly train: number; readonly val: number; readonly test: number };
  /** One name per class of the model's output, when the data names them (an image folder's class folders). */
  readonly classNames?: readonly string[];
  /** One line per thing the loader decided (e.g. a validation split drawn from train). */
  readonly notes: readonly string[];
}

/** Options of {@link compressionProblem}. */
export interface CompressionProblemOptions {
  /**
   * `study` (default): the study's 7-variable problem (unstructured pruning); `structured`: channel
   * pruning per stage (see `structuredCompressionProblem` and its options).
   */
  readonly pruning?: 'study' | 'structured';
  /** The trained ONNX model: a path or a loaded model. */
  readonly model: string | OnnxModel;
  /**
   * Its JSON sidecar: a path or the parsed object. Leave it out to read the input, layout, shape,
   * output and classes from the graph (see `graphSidecar`); `preprocess` then says the rest.
   */
  readonly sidecar?: string | object;
  /**
   * The preprocessing, as text (`"x/255, then (x-0.5)/0.5"`) or a preset name (see
   * `PREPROCESS_PRESETS`): replaces the sidecar's; required without a sidecar unless
   * `preprocessing` is given.
   */
  readonly preprocess?: string;
  /**
   * The data: a MedMNIST-layout `.npz` file, an image folder (`root/{train,val,test}/<class>/*.png`,
   * resized to the model's input; see `loadImageFolder`), or a loaded dataset.
   */
  readonly dataset: string | MedMNISTDataset;
  /** Expected MD5 of the `.npz` file given by path, checked before it is read (see `loadMedMNIST`). */
  readonly datasetMd5?: string;
  /** Split the objectives are measured on: `validation` (default) or `test` (the study's choice). */
  readonly selectOn?: 'validation' | 'test';
  /** Calibration for x7: the first `count` training images (default 100), min/max or percentile. */
  readonly calibration?: {
    readonly count?: number;
    readonly method?: 'minmax' | 'percentile';
    readonly percentile?: number;
  };
  /** Seed of the random layer subsets (x1 or x2 = random). Default 0. */
  readonly seed?: number;
  /** Relative accuracy loss allowed by the constraint. Default 0.04 (tau = 0.96 x base accuracy). */
  readonly tolerance?: number;
  /** onnxruntime intra-op threads. Default 1. */
  readonly threads?: number;
  /** Examples per inference call. Default 100. */
  readonly batchSize?: number;
  /** Overrides the preprocessing read from the sidecar. */
  readonly preprocessing?: Preprocessing;
  /** Per-example input shape for FLOPs, when the graph leaves it unknown (default: the sidecar's). */
  readonly flops?: CountFlopsOptions;
  /** Fewest images the selection split may have (default 1); the CLI asks for 20. */
  readonly minSelectionImages?: number;
  /** Problem name. Default `compression:<dataset name>`. */
  readonly name?: string;
}
