import type { CompressionMeasurementCore, CompressionSearch, StructuredConfig } from '@paretokit/compression';
import { hypervolume } from '@paretokit/indicators';
import { InvalidArgumentError, type Problem, variableSpace } from '@paretokit/problem';
import { loadCompression } from '../optional-packages.js';
import { problemRegistry } from '../problem-registry.js';
import { type BenchmarkProblemConfig, type CompressionProblemConfig, problemLabel } from './study-config.js';

/** A problem of a study with the fixed hypervolume normalisation every run of it is scored by. */
export interface StudyProblem {
  readonly label: string;
  readonly problem: Problem;
  /** Hypervolume of objective rows (natural sense) after normalisation; 0 for no rows. */
  hypervolume(rows: readonly (readonly number[])[]): number;
  /** The normalisation and reference point in words (shown in the report). */
  readonly hypervolumeReference: string;
  /** Decoded settings of a row, for tables. */
  settings(x: readonly number[]): Record<string, string | number | boolean>;
  /** Present for compression problems. */
  readonly compression?: CompressionSearch;
}

/** What a report needs from one measurement (the confusion matrix is kept). */
export function measurementSummary(m: CompressionMeasurementCore) {
  return {
    split: m.split,
    f1: m.f1,
    accuracy: m.accuracy,
    macroF1: m.macroF1,
    balancedAccuracy: m.balancedAccuracy,
    auc: m.auc,
    inferenceSeconds: m.inferenceSeconds,
    nonZeroRate: m.nonZeroRate,
    sizeBytes: m.sizeBytes,
    confusion: m.confusion,
    ...(m.warnings.length === 0 ? {} : { warnings: [...m.warnings] }),
  };
}
/** A measurement as stored in run results. */
export type MeasurementSummary = ReturnType<typeof measurementSummary>;

function hypervolumeOf(points: number[][], reference: number[]): number {
  return points.length === 0 ? 0 : hypervolume(points, { reference });
}

function benchmarkStudyProblem(config: BenchmarkProblemConfig): StudyProblem {
  const problem = problemRegistry[config.problem]!({
    ...(config.nObj === undefined ? {} : { nObj: config.nObj }),
    ...(config.nVar === undefined ? {} : { nVar: config.nVar }),
    ...(config.difficulty === undefined ? {} : { difficulty: config.difficulty }),
  }) as Problem & { idealPoint?: readonly number[]; nadirPoint?: readonly number[] };
  const given = config.normalization;
  const ideal = given?.ideal ?? problem.idealPoint;
  const nadir = given?.nadir ?? problem.nadirPoint;
  if (ideal === undefined || nadir === undefined) {
    throw new InvalidArgumentError({
      argument: `${config.problem}: normalization`,
      expected:
        'ideal and nadir points in the study file: the problem has no known Pareto front to normalise by',
      actual: undefined,
    });
  }
  const m = problem.objectives.length;
  if (ideal.length !== m || nadir.length !== m || ideal.some((v, j) => !(nadir[j]! > v))) {
    throw new InvalidArgumentError({
      argument: `${config.problem}: normalization`,
      expected: `${m} ideal and ${m} nadir values with nadir > ideal`,
      actual: { ideal, nadir },
    });
  }
  const reference = new Array<number>(m).fill(1.1);
  const space = variableSpace(problem.variables);
  return {
    label: problemLabel(config),
    problem,
    hypervolume: (rows) =>
      hypervolumeOf(
        rows.map((f) => f.map((v, j) => (v - ideal[j]!) / (nadir[j]! - ideal[j]!))),
        reference,
      ),
    hypervolumeReference:
      `${problem.name}: each objective normalised by ${given === undefined ? "the true Pareto front's" : 'the given'} ideal and nadir points, ` +
      `(f - ideal) / (nadir - ideal); reference point (${reference.join(', ')}).`,
    settings: (x) => space.decode(x) as Record<string, string | number | boolean>,
  };
}

/** Fewest images a study measures accuracy on: with fewer, one image is more than 5 % of it. */
const MIN_SELECTION_IMAGES = 20;

/** The problem of a compression entry: the study's 7 variables or the structured one. */
async function searchOf(config: CompressionProblemConfig): Promise<CompressionSearch> {
  const { compressionProblem } = await loadCompression(`the compression problem "${config.name}"`);
  const common = {
    model: config.model,
    ...(config.sidecar === undefined ? {} : { sidecar: config.sidecar }),
    ...(config.preprocess === undefined ? {} : { preprocess: config.preprocess }),
    minSelectionImages: MIN_SELECTION_IMAGES,
    dataset: config.data,
    ...(config.dataMd5 === undefined ? {} : { datasetMd5: config.dataMd5 }),
    selectOn: config.selectOn,
    tolerance: config.tolerance,
    threads: config.threads,
    seed: config.problemSeed,
  };
  if (config.pruning === 'study')
    return compressionProblem({ ...common, name: `compression:${config.name}` });
  return compressionProblem({
    ...common,
    pruning: 'structured',
    name: `compression-structured:${config.name}`,
    ...(config.objective === undefined ? {} : { objective: config.objective }),
    ...(config.criterion === undefined ? {} : { criterion: config.criterion }),
    ...(config.repair === undefined ? {} : { repair: config.repair }),
  });
}

/** A configuration as flat settings: a structured one's fractions become `stage1`..`stageK`. */
function flatSettings(config: object): Record<string, string | number | boolean> {
  if (!('fractions' in config)) return { ...(config as Record<string, string | number | boolean>) };
  const c = config as StructuredConfig;
  return { ...Object.fromEntries(c.fractions.map((f, i) => [`stage${i + 1}`, f])), quantize: c.quantize };
}

async function compressionStudyProblem(config: CompressionProblemConfig): Promise<StudyProblem> {
  const problem = await searchOf(config);
  const base = problem.base.accuracy;
  const bound = 1 - config.tolerance;
  const first =
    config.pruning === 'study'
      ? 'f1 (relative FLOPs x density x bits/32; the base model has 1)'
      : config.objective === 'flops'
        ? 'relative FLOPs x bits/32 (the base model has 1)'
        : 'latency relative to the base model (median of timed runs on a fixed batch; the base model has 1)';
  return {
    label: config.name,
    problem,
    compression: problem,
    // Minimisation space: the first objective as it is (the base model has 1), accuracy relative to the base model's, negated.
    hypervolume: (rows) =>
      hypervolumeOf(
        rows.map((f) => [f[0]!, -f[1]! / base]),
        [1, -bound],
      ),
    hypervolumeReference:
      `${config.name}: ${first} and accuracy ` +
      `divided by the base model's accuracy on the selection split (${config.selectOn}); ` +
      `reference point first objective = 1, relative accuracy = ${bound} (the constraint's threshold tau). ` +
      'A front that only matches the base model scores 0.',
    settings: (x) => flatSettings(problem.decodeConfig(x)),
  };
}

/**
 * Builds a study's problem from its configuration (a compression problem loads its model and
 * data and measures the base model). O(cost of that first measurement).
 *
 * @throws MissingPackageError for a compression problem when @paretokit/compression is not installed.
 * @example
 * const study = await buildStudyProblem({ type: 'benchmark', problem: 'c2dtlz2', nObj: 2 });
 * study.hypervolume([[0, 0]]) // => 1.2100000000000002
 */
export async function buildStudyProblem(
  config: BenchmarkProblemConfig | CompressionProblemConfig,
): Promise<StudyProblem> {
  return config.type === 'benchmark' ? benchmarkStudyProblem(config) : compressionStudyProblem(config);
}
