import type { EvalContext, EvalResult, Matrix } from '@paretokit/problem';
import type { CompressionProblemOptions, CompressionSearch } from './compression-types.js';
import type { LatencyMeasurement, MeasureLatencyOptions } from './measure-latency.js';
import type { ChannelCriterion, ChannelRepair } from './prune-channels.js';

// The types of the structured compression problem (compressionProblem({ pruning: 'structured' })).

/** A structured configuration: the fraction of channels cut per stage, and int8 quantization. */
export interface StructuredConfig {
  /** One fraction in [0, 1) per stage (see `findChannelSets`). */
  readonly fractions: readonly number[];
  readonly quantize: boolean;
}

/** Channels of one stage before and after the cut (summed over its channel sets). */
export interface StageChannels {
  readonly stage: number;
  readonly before: number;
  readonly after: number;
}

/** Everything measured in one real evaluation of a structured configuration. */
export interface StructuredMeasurement {
  readonly config: StructuredConfig;
  readonly split: 'val' | 'test';
  /** The first objective: relative latency or relative FLOPs (the base model has 1). */
  readonly f1: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly balancedAccuracy: number;
  readonly auc: number;
  readonly confusion: number[][];
  /** Inference wall time over the whole split, seconds. */
  readonly inferenceSeconds: number;
  /** Latency on the fixed batch (median of timed runs, with its noise guard). */
  readonly latency: LatencyMeasurement;
  /** FLOPs relative to the base model, int8 counted as 8/32 (as the study's f1). */
  readonly relativeFlops: number;
  /** Wall time of the whole evaluation: cut, check, quantize, inference, latency. */
  readonly evaluationSeconds: number;
  readonly pruneSeconds: number;
  readonly quantizeSeconds: number;
  /** Bytes of the encoded model. */
  readonly sizeBytes: number;
  /** Same as `sizeBytes` (nothing is zeroed; kept for reports that show both). */
  readonly sparseBytes: number;
  /** 1: structured pruning leaves no zeroed weights. */
  readonly nonZeroRate: number;
  readonly channels: readonly StageChannels[];
  /**
   * Convs whose channels could not be cut (unknown op, grouped conv, ...), then, when quantized,
   * the nodes the int8 rewrite left float (see `QuantizeResult.warnings`): one line each.
   */
  readonly warnings: readonly string[];
}

/** Options of the structured problem: the study problem's, plus the structured settings. */
export interface StructuredProblemOptions extends CompressionProblemOptions {
  readonly pruning: 'structured';
  /** The first objective: `latency` (default; measured) or `flops`. */
  readonly objective?: 'latency' | 'flops';
  /** Channel ranking. Default `reconstruction`, with `least-squares` repair (measured; see docs/compression.md). */
  readonly criterion?: ChannelCriterion;
  /**
   * What the next Convs do about cut channels (see `pruneChannels`). Default `least-squares`
   * (measured). `sequential` fits each consumer back to the original model (better at large cuts;
   * one calibration pass per cut set in every evaluation: see docs/structured-pruning.md).
   */
  readonly repair?: ChannelRepair;
  /** Upper bound of each stage's fraction variable. Default 0.75. */
  readonly maxFraction?: number;
  /** Kept channel counts rounded up to a multiple of this. Default 8. */
  readonly multiple?: number;
  /** Latency measurement settings (batch: the first images of the selection split). */
  readonly latency?: Omit<MeasureLatencyOptions, 'threads' | 'inputName'>;
}

/** The structured compression problem: fraction per stage + quantize, latency or FLOPs vs accuracy. */
export interface StructuredCompressionProblem
  extends CompressionSearch<StructuredConfig, StructuredMeasurement> {
  evaluate(
    X: Matrix,
    ctx: EvalContext,
  ): Promise<EvalResult & { readonly G: Matrix; readonly measurements: readonly StructuredMeasurement[] }>;
  /** Number of stages (fraction variables). */
  readonly stages: number;
}
