import {
  binary,
  defineProblem,
  type EvalContext,
  InvalidArgumentError,
  type Matrix,
  real,
} from '@paretokit/problem';
import { channelImportance } from './channel-importance.js';
import { channelStatistics } from './channel-statistics.js';
import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import { evaluateModel } from './evaluate-model.js';
import { type ChannelAnalysis, findChannelSets } from './find-channel-sets.js';
import { channelCutFlops } from './internal/channel-cut-flops.js';
import { CHANNEL_REPAIRS } from './internal/channel-repair.js';
import { type CompressionSetup, compressionSetup, type Split } from './internal/compression-setup.js';
import { createSession, ort } from './internal/session.js';
import { measureLatency } from './measure-latency.js';
import type { OnnxModel } from './onnx-types.js';
import { type ChannelCut, type ChannelRepair, keptChannels, pruneChannels } from './prune-channels.js';
import { quantizeModel } from './quantize-model.js';
import { saveOnnxSync } from './save-onnx.js';
import type {
  StageChannels,
  StructuredCompressionProblem,
  StructuredConfig,
  StructuredMeasurement,
  StructuredProblemOptions,
} from './structured-compression-types.js';

interface Settings {
  readonly objective: 'latency' | 'flops';
  readonly criterion: NonNullable<StructuredProblemOptions['criterion']>;
  readonly repair: ChannelRepair;
  readonly maxFraction: number;
  readonly multiple: number;
}

function checkSettings(options: StructuredProblemOptions): Settings {
  const objective = options.objective ?? 'latency';
  const criterion = options.criterion ?? 'reconstruction';
  const maxFraction = options.maxFraction ?? 0.75;
  const multiple = options.multiple ?? 8;
  const fail = (argument: string, expected: string, actual: unknown) => {
    throw new InvalidArgumentError({ argument: `compressionProblem: ${argument}`, expected, actual });
  };
  if (objective !== 'latency' && objective !== 'flops') fail('objective', '"latency" or "flops"', objective);
  if (!['l1', 'l2', 'activation', 'contribution', 'reconstruction'].includes(criterion)) {
    fail('criterion', '"l1", "l2", "activation", "contribution" or "reconstruction"', criterion);
  }
  const repair = options.repair ?? 'least-squares';
  if (!CHANNEL_REPAIRS.includes(repair))
    fail('repair', CHANNEL_REPAIRS.map((r) => `"${r}"`).join(', '), repair);
  if (!(maxFraction > 0 && maxFraction < 1)) fail('maxFraction', 'a number in (0, 1)', maxFraction);
  if (!Number.isSafeInteger(multiple) || multiple < 1) fail('multiple', 'an integer >= 1', multiple);
  return { objective, criterion, repair, maxFraction, multiple };
}

/** Runs a rewritten model once on one example: it must load, run and give one score per class. */
async function checkRuns(
  model: OnnxModel,
  setup: CompressionSetup,
  warnings: readonly string[],
): Promise<void> {
  const inputs = setup.calibration;
  const per = inputs.exampleShape.reduce((a, b) => a * b, 1);
  let scores = -1;
  let cause: unknown;
  try {
    const session = await createSession(saveOnnxSync(model));
    const feed = new ort.Tensor('float32', inputs.data.subarray(0, per), [1, ...inputs.exampleShape]);
    const out = await session.run({ [setup.evalOptions.inputName]: feed });
    scores = out[setup.evalOptions.outputName]?.data.length ?? -1;
    await session.release();
  } catch (error) {
    cause = error;
  }
  if (scores !== setup.sidecar.classes) {
    throw new UnsupportedModelError({
      model: setup.model.sourcePath ?? 'model',
      expected: `the channel-pruned model to run and give ${setup.sidecar.classes} scores`,
      actual: cause === undefined ? `${scores} scores` : String(cause),
      hint: `A bug of the channel rewrite: please report it with the model. ${warnings.length} Conv(s) were already left alone.`,
      cause,
    });
  }
}

const stageTotals = (cuts: readonly ChannelCut[], stages: number): StageChannels[] =>
  Array.from({ length: stages }, (_, stage) => {
    const mine = cuts.filter((c) => c.stage === stage);
    return {
      stage,
      before: mine.reduce((s, c) => s + c.before, 0),
      after: mine.reduce((s, c) => s + c.after, 0),
    };
  });

/**
 * The structured compression problem (`compressionProblem({ pruning: 'structured', ... })`): one
 * variable per stage (`stage1`..`stageK`, the fraction of channels cut, in [0, maxFraction]; stages
 * from {@link findChannelSets}: ResNet's 4) and `quantize` (int8). Objectives: the first is measured
 * latency relative to the base model (median of timed runs on the first `batchSize` images of the
 * selection split, 1 thread, warm-up, noise guard in `latency`) or relative FLOPs; the second is
 * accuracy on the selection split (max; the validation error is 1 - accuracy). Constraint:
 * accuracy >= tau = (1 - tolerance) x base accuracy. Every cut model is run once on one example
 * before it is scored. Evaluations are cached by the channel counts they produce.
 * O(one cut + quantization + inference + latency runs per new configuration).
 *
 * @throws UnsupportedModelError when no Conv's channels can be cut.
 * @example
 * const p = await structuredCompressionProblem({ pruning: 'structured', model: tinyCnn({ size: 2, hidden: 8 }), sidecar: tinySidecar, dataset: await loadMedMNIST(tinyNpz()), multiple: 1, latency: { runs: 3 } });
 * p.variables.map((v) => v.name) // => ['stage1', 'quantize']
 * (await p.measure({ fractions: [0.5], quantize: false })).channels // => [{ stage: 0, before: 16, after: 8 }]
 */
export async function structuredCompressionProblem(
  options: StructuredProblemOptions,
): Promise<StructuredCompressionProblem> {
  const setup = await compressionSetup(options);
  const settings = checkSettings(options);
  const analysis = findChannelSets(setup.model);
  const warnings = analysis.skipped.filter((s) => s.reason !== 'residual').map((s) => s.message);
  if (analysis.stages === 0) {
    throw new UnsupportedModelError({
      model: setup.model.sourcePath ?? 'model',
      expected: 'a Conv whose output channels only other Convs read (channels that can be cut)',
      actual: `none: ${
        analysis.skipped
          .map((s) => s.message)
          .slice(0, 3)
          .join('; ') || 'no Conv'
      }`,
    });
  }
  // Sequential repair measures each set on the partly cut model instead (pruneChannels' `calibration`).
  const sequential = settings.repair === 'sequential';
  const statistics =
    !sequential && (settings.repair !== 'none' || !['l1', 'l2'].includes(settings.criterion))
      ? await channelStatistics(setup.model, setup.calibration, analysis.sets, {
          threads: setup.evalOptions.threads,
        })
      : undefined;
  // The reconstruction ranking is cached per statistics object: computed here, not in the first evaluation.
  if (settings.criterion === 'reconstruction' && !sequential)
    await channelImportance(setup.model, analysis, settings.criterion, statistics);
  const build = async (config: StructuredConfig) => {
    const t0 = performance.now();
    const pruned = await pruneChannels(setup.model, {
      fractions: config.fractions,
      criterion: settings.criterion,
      repair: settings.repair,
      multiple: settings.multiple,
      analysis,
      ...(statistics === undefined ? {} : { statistics }),
      ...(sequential ? { calibration: setup.calibration, threads: setup.evalOptions.threads } : {}),
    });
    const changed = pruned.cuts.some((c) => c.after < c.before);
    if (changed) await checkRuns(pruned.model, setup, warnings);
    const pruneSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const quantized = config.quantize
      ? await quantizeModel(pruned.model, {
          calibration: setup.calibration,
          threads: setup.evalOptions.threads,
        })
      : undefined;
    return {
      cuts: pruned.cuts,
      bytes: saveOnnxSync(quantized?.model ?? pruned.model),
      pruneSeconds,
      quantizeSeconds: (performance.now() - t1) / 1000,
      warnings: quantized?.warnings ?? [],
    };
  };
  return assembleProblem(options, setup, settings, analysis, warnings, build);
}

type Build = (config: StructuredConfig) => Promise<{
  cuts: readonly ChannelCut[];
  bytes: Uint8Array;
  pruneSeconds: number;
  quantizeSeconds: number;
  /** Nodes the int8 rewrite left float (none without quantization). */
  warnings: readonly string[];
}>;

/** The measuring, caching and problem wiring of {@link structuredCompressionProblem}. */
async function assembleProblem(
  options: StructuredProblemOptions,
  setup: CompressionSetup,
  settings: Settings,
  analysis: ChannelAnalysis,
  warnings: readonly string[],
  build: Build,
): Promise<StructuredCompressionProblem> {
  const stages = analysis.stages;
  let baseLatency = 0;
  let evaluations = 0;
  const run = async (config: StructuredConfig, s: Split): Promise<StructuredMeasurement> => {
    evaluations++;
    const started = performance.now();
    const built = await build(config);
    const result = await evaluateModel(built.bytes, setup.inputsFor(s), setup.evalOptions);
    // Latency is a property of the model (always timed on the selection split's batch): a
    // measurement on another split reuses the selection measurement's instead of timing again.
    const latency =
      s === setup.split
        ? await measureLatency(built.bytes, setup.inputsFor(setup.split), {
            ...options.latency,
            batchSize: options.latency?.batchSize ?? setup.evalOptions.batchSize,
            threads: setup.evalOptions.threads,
            inputName: setup.evalOptions.inputName,
          })
        : (await measure(config)).latency;
    if (baseLatency === 0) baseLatency = latency.seconds;
    // FLOPs after the cut relative to the base model's (depthwise Convs on a set's way scale with
    // it), int8 counted as 8/32.
    const relativeFlops = (config.quantize ? 0.25 : 1) * channelCutFlops(setup.flops, analysis, built.cuts);
    return {
      config,
      split: s,
      f1: settings.objective === 'latency' ? latency.seconds / baseLatency : relativeFlops,
      accuracy: result.accuracy,
      macroF1: result.macroF1,
      balancedAccuracy: result.balancedAccuracy,
      auc: result.auc,
      confusion: result.confusion,
      inferenceSeconds: result.seconds,
      latency,
      relativeFlops,
      evaluationSeconds: (performance.now() - started) / 1000,
      pruneSeconds: built.pruneSeconds,
      quantizeSeconds: built.quantizeSeconds,
      sizeBytes: built.bytes.length,
      sparseBytes: built.bytes.length,
      nonZeroRate: 1,
      channels: stageTotals(built.cuts, stages),
      warnings: [...warnings, ...built.warnings],
    };
  };
  const checkConfig = (config: StructuredConfig): StructuredConfig => {
    const f = config?.fractions;
    if (!Array.isArray(f) || f.length !== stages || f.some((v) => !(v >= 0 && v < 1))) {
      throw new InvalidArgumentError({
        argument: 'structured configuration: fractions',
        expected: `${stages} fractions in [0, 1) (one per stage)`,
        actual: f,
      });
    }
    return { fractions: [...f], quantize: config.quantize === true };
  };
  const cache = new Map<string, Promise<StructuredMeasurement>>();
  const measure = async (given: StructuredConfig, s: Split = setup.split) => {
    const config = checkConfig(given);
    const counts = analysis.sets.map((set) =>
      keptChannels(set.channels, config.fractions[set.stage]!, settings.multiple),
    );
    const key = `${s}|${config.quantize}|${counts.join(',')}`;
    let m = cache.get(key);
    if (m === undefined) {
      m = run(config, s);
      cache.set(key, m);
      m.catch(() => cache.delete(key));
    }
    return { ...(await m), config };
  };
  const uncompressed: StructuredConfig = { fractions: new Array<number>(stages).fill(0), quantize: false };
  const base = await measure(uncompressed);
  const tau = (1 - setup.tolerance) * base.accuracy;
  const variables = Object.fromEntries([
    ...Array.from({ length: stages }, (_, i) => [`stage${i + 1}`, real(0, settings.maxFraction)] as const),
    ['quantize', binary()] as const,
  ]);
  const toConfig = (v: Record<string, unknown>): StructuredConfig => ({
    fractions: Array.from({ length: stages }, (_, i) => v[`stage${i + 1}`] as number),
    quantize: v.quantize === true,
  });
  const inner = defineProblem({
    name: options.name ?? `compression-structured:${setup.dataset.name}`,
    variables,
    objectives: [
      { name: settings.objective, sense: 'min' },
      { name: 'accuracy', sense: 'max' },
    ],
    constraints: ['accuracy >= tau'],
    evaluateOne: async (values) => {
      const m = await measure(toConfig(values as Record<string, unknown>));
      return { F: [m.f1, m.accuracy], G: [tau - m.accuracy] };
    },
  });
  const decodeConfig = (x: ArrayLike<number>) =>
    toConfig(inner.space.decode(Float64Array.from(x)) as Record<string, unknown>);
  const problem: StructuredCompressionProblem = {
    name: inner.name,
    variables: inner.variables,
    objectives: inner.objectives,
    constraints: inner.constraints,
    base,
    tau,
    uncompressed,
    stages,
    data: setup.data,
    decodeConfig,
    measure,
    compressedModel: async (config) => (await build(checkConfig(config))).bytes,
    timeInference: async (configs, timing = {}) => {
      const models = [];
      for (const c of configs) models.push((await build(checkConfig(c))).bytes);
      return setup.alternate(models, timing.split ?? 'test', timing.repeats ?? 5);
    },
    get realEvaluations() {
      return evaluations;
    },
    async evaluate(X: Matrix, ctx: EvalContext) {
      const result = await inner.evaluate(X, ctx);
      const measurements: StructuredMeasurement[] = [];
      for (let i = 0; i < X.rows; i++) {
        measurements.push(await measure(decodeConfig(X.data.subarray(i * X.cols, (i + 1) * X.cols))));
      }
      return { F: result.F, G: result.G!, measurements };
    },
  };
  return Object.freeze(problem);
}
