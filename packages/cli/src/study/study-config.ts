import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { type CompressionPresetsModule, compressionPresets } from '../optional-packages.js';
import { problemRegistry } from '../problem-registry.js';
import { ConfigError } from './config-error.js';

/**
 * The methods a study can compare: the study's protocol (METHOD.md, "The experiment": SAMO-C-TAEA
 * and plain C-TAEA; NSGA-II is ParetoKit's addition) and two baselines, `random` (a Latin
 * hypercube of the budget) and `optuna-tpe` (Optuna's multi-objective TPE, in Python).
 *
 * @example
 * STUDY_METHODS.length // => 7
 */
export const STUDY_METHODS = [
  'samo',
  'samo-ctaea',
  'ctaea-20x5',
  'ctaea-10x10',
  'nsga2-20x5',
  'random',
  'optuna-tpe',
] as const;
/** One of {@link STUDY_METHODS}. */
export type StudyMethod = (typeof STUDY_METHODS)[number];

/**
 * The methods of a study that names none: the protocol's four (the baselines are asked for by
 * name; `optuna-tpe` needs Optuna in Python).
 *
 * @example
 * DEFAULT_STUDY_METHODS // => ['samo-ctaea', 'ctaea-20x5', 'ctaea-10x10', 'nsga2-20x5']
 */
export const DEFAULT_STUDY_METHODS: readonly StudyMethod[] = [
  'samo-ctaea',
  'ctaea-20x5',
  'ctaea-10x10',
  'nsga2-20x5',
];

/** A method that spends its budget in whole generations of a fixed population. */
export type GenerationalMethod = 'ctaea-20x5' | 'ctaea-10x10' | 'nsga2-20x5';

/**
 * Population of each generational method; it runs budget / population generations, so the budget
 * must be a multiple of it (the other methods take any budget).
 *
 * @example
 * PLAIN_POPULATION['ctaea-10x10'] // => 10
 */
export const PLAIN_POPULATION: Readonly<Record<GenerationalMethod, number>> = {
  'ctaea-20x5': 20,
  'ctaea-10x10': 10,
  'nsga2-20x5': 20,
};

/** Candidates of the surrogate pools, by the names `defaultSurrogatePool` gives them. */
export const SURROGATES = ['knn', 'randomForest', 'xgboost', 'lightgbm'] as const;

const positiveInt = z.int().min(1);

const benchmarkProblem = z.strictObject({
  type: z.literal('benchmark'),
  /** Benchmark problem by name, e.g. `c2dtlz2`. */
  problem: z.enum(Object.keys(problemRegistry) as [string, ...string[]]),
  /** Label in the report (default: the problem's name and objective count). */
  name: z.string().min(1).optional(),
  nObj: z.int().min(2).optional(),
  nVar: positiveInt.optional(),
  /** DAS-CMOP's difficulty, 1-16 (pymoo's table). */
  difficulty: z.int().min(1).max(16).optional(),
  /**
   * The hypervolume normalisation: ideal and nadir point of the front (natural sense). Default the
   * problem's true front's; required for a problem whose front is not known.
   */
  normalization: z
    .strictObject({ ideal: z.array(z.number()).min(2), nadir: z.array(z.number()).min(2) })
    .optional(),
});

const compressionProblem = z.strictObject({
  type: z.literal('compression'),
  /** Label in the report, e.g. `retinamnist`. */
  name: z.string().min(1),
  /** The trained ONNX model (relative paths: from the configuration file's folder). */
  model: z.string().min(1),
  /** Its JSON sidecar (default: the model's path with `.json` in place of `.onnx`, when that file exists). */
  sidecar: z.string().min(1).optional(),
  /**
   * How pixels 0..255 become model input (text such as `"x/255, then (x-0.5)/0.5"` or a preset:
   * `imagenet`, `minus-one-to-one`, `zero-to-one`, `raw`). Required when the model has no sidecar
   * (everything else is read from the graph); replaces the sidecar's text when both are given.
   */
  preprocess: z.string().min(1).optional(),
  /** The MedMNIST `.npz` file. */
  data: z.string().min(1),
  /** Expected MD5 of the `.npz` file, checked before the study reads it. */
  dataMd5: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, 'expected 32 hex digits')
    .optional(),
  selectOn: z.enum(['validation', 'test']).default('validation'),
  /** Relative accuracy loss the constraint allows (tau = (1 - tolerance) x base accuracy). */
  tolerance: z.number().min(0).lt(1).default(0.04),
  /** onnxruntime intra-op threads per evaluation. */
  threads: positiveInt.default(1),
  /** Seed of the random layer subsets; the same for every run so all methods face one problem. */
  problemSeed: z.int().min(0).default(0),
  /** Published reference accuracy to mark in the report (e.g. MedMNIST's ResNet-50 (28) test accuracy). */
  referenceAccuracy: z.number().min(0).max(1).optional(),
  /**
   * `study`: the study's 7 variables (unstructured pruning, f1 = relative FLOPs); `structured`:
   * the fraction of channels cut per stage and int8 (see `compressionProblem` in @paretokit/compression).
   */
  pruning: z.enum(['study', 'structured']).default('study'),
  /** Structured only: the first objective, measured latency (default) or FLOPs, relative to the base model. */
  objective: z.enum(['latency', 'flops']).optional(),
  /** Structured only: channel ranking (default `reconstruction`). */
  criterion: z.enum(['l1', 'l2', 'activation', 'contribution', 'reconstruction']).optional(),
  /** Structured only: how the layers after a cut make up for it (default `least-squares`; `sequential` refits each to the original model's output, slower). */
  repair: z.enum(['none', 'mean', 'least-squares', 'sequential']).optional(),
});

const samoSettings = z.strictObject({
  initialSamples: positiveInt.default(50),
  infillsPerIteration: positiveInt.default(2),
  surrogates: z
    .array(z.enum(SURROGATES))
    .min(1)
    .default([...SURROGATES]),
  folds: z.int().min(2).default(5),
  /** Population of C-TAEA on the surrogate problem. */
  populationSize: z.int().min(2).default(50),
  /** Generations of C-TAEA on the surrogate problem. */
  generations: positiveInt.default(1000),
});

const optunaSettings = z.strictObject({
  /** The Python 3 interpreter with `optuna` from PyPI. */
  python: z.string().min(1).default('python3'),
  /** Limit of each wait for Optuna's next trial (interpreter start included). */
  timeoutSeconds: z.number().positive().default(600),
});

const studySchema = z.strictObject({
  /** Title of the report. */
  name: z.string().min(1),
  problems: z.array(z.discriminatedUnion('type', [benchmarkProblem, compressionProblem])).min(1),
  methods: z
    .array(z.enum(STUDY_METHODS))
    .min(1)
    .default([...DEFAULT_STUDY_METHODS]),
  /** Seeds 1..n when a number, else the list. */
  seeds: z.union([positiveInt, z.array(z.int().min(0)).min(1)]).default(5),
  /** Real evaluations per run. */
  budget: positiveInt.default(100),
  samo: samoSettings.default(samoSettings.parse({})),
  /** Settings of the `optuna-tpe` method. */
  optuna: optunaSettings.default(optunaSettings.parse({})),
  /** Output folder (default: `runs/<name>` beside the configuration file). */
  out: z.string().min(1).optional(),
  /** Significance level of the tests. */
  alpha: z.number().gt(0).lt(1).default(0.05),
});

/** A benchmark problem of a study, as written in the configuration. */
export type BenchmarkProblemConfig = z.infer<typeof benchmarkProblem>;
/** A compression problem of a study, paths resolved. */
export type CompressionProblemConfig = z.infer<typeof compressionProblem>;
/** SAMO's settings in a study. */
export type SamoSettings = z.infer<typeof samoSettings>;
/** The `optuna-tpe` method's settings in a study. */
export type OptunaSettings = z.infer<typeof optunaSettings>;

/** A validated study: defaults filled in, paths absolute, seeds listed, problem labels unique. */
export interface StudyConfig {
  readonly name: string;
  readonly problems: readonly (BenchmarkProblemConfig | CompressionProblemConfig)[];
  readonly methods: readonly StudyMethod[];
  readonly seeds: readonly number[];
  readonly budget: number;
  readonly samo: SamoSettings;
  readonly optuna: OptunaSettings;
  readonly out: string;
  readonly alpha: number;
}

/** Why a benchmark problem cannot be scored (no front and no normalization, or a bad one), or undefined. */
function normalizationIssue(p: BenchmarkProblemConfig): string | undefined {
  let problem: {
    objectives: readonly unknown[];
    idealPoint?: readonly number[];
    nadirPoint?: readonly number[];
  };
  try {
    problem = problemRegistry[p.problem]!({
      ...(p.nObj === undefined ? {} : { nObj: p.nObj }),
      ...(p.nVar === undefined ? {} : { nVar: p.nVar }),
      ...(p.difficulty === undefined ? {} : { difficulty: p.difficulty }),
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const m = problem.objectives.length;
  const n = p.normalization;
  if (n === undefined) {
    return problem.idealPoint === undefined || problem.nadirPoint === undefined
      ? `expected { "ideal": [...], "nadir": [...] }: ${p.problem} has no known Pareto front to normalise its hypervolume by`
      : undefined;
  }
  if (n.ideal.length !== m || n.nadir.length !== m || n.ideal.some((v, j) => !(n.nadir[j]! > v))) {
    return `expected ${m} ideal and ${m} nadir values (one per objective) with nadir > ideal, got ideal ${JSON.stringify(n.ideal)} and nadir ${JSON.stringify(n.nadir)}`;
  }
  return undefined;
}

function dottedPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/**
 * The label a problem has in the study's folders and report: its `name`, else the benchmark's
 * name with the objective count when one is given.
 *
 * @example
 * problemLabel({ type: 'benchmark', problem: 'c2dtlz2', nObj: 2 }) // => 'c2dtlz2-2'
 */
export function problemLabel(p: BenchmarkProblemConfig | CompressionProblemConfig): string {
  if (p.name !== undefined) return p.name;
  const b = p as BenchmarkProblemConfig;
  return b.nObj === undefined ? b.problem : `${b.problem}-${b.nObj}`;
}

/** The sidecar of a compression entry: the one named, else the model's `.json` when it exists, else none (read from the graph). */
function sidecarOf(
  p: { model: string; sidecar?: string | undefined },
  baseDir: string,
  presets: CompressionPresetsModule,
): { sidecar?: string } {
  if (p.sidecar !== undefined) return { sidecar: resolve(baseDir, p.sidecar) };
  const beside = resolve(baseDir, presets.sidecarPathOf(p.model));
  return existsSync(beside) ? { sidecar: beside } : {};
}

/**
 * Validates a parsed study configuration (schema with zod): fills in the study's defaults,
 * resolves paths against `baseDir`, and lists the seeds.
 *
 * @throws ConfigError naming `source` and each field at fault.
 * @throws MissingPackageError for a compression problem when @paretokit/compression is not installed.
 * @example
 * parseStudyConfig({ name: 's', problems: [{ type: 'benchmark', problem: 'c2dtlz2' }] }, 'study.json', '/tmp').seeds // => [1, 2, 3, 4, 5]
 */
export function parseStudyConfig(value: unknown, source: string, baseDir: string): StudyConfig {
  const parsed = studySchema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(
      source,
      parsed.error.issues.map((issue) => ({ path: dottedPath(issue.path), message: issue.message })),
    );
  }
  const c = parsed.data;
  const compression = c.problems.find((p) => p.type === 'compression');
  // Only a compression problem needs @paretokit/compression (its light entry, here).
  const presets =
    compression === undefined
      ? undefined
      : compressionPresets(`the compression problem "${compression.name}" of ${source}`);
  const problems = c.problems.map((p) =>
    p.type === 'benchmark'
      ? p
      : {
          ...p,
          model: resolve(baseDir, p.model),
          data: resolve(baseDir, p.data),
          ...sidecarOf(p, baseDir, presets!),
        },
  );
  const labels = problems.map(problemLabel);
  const issues = labels.flatMap((label, i) =>
    labels.indexOf(label) === i
      ? []
      : [
          {
            path: `problems[${i}].name`,
            message: `the label "${label}" is used twice; give each problem a name`,
          },
        ],
  );
  if (new Set(c.methods).size !== c.methods.length) {
    issues.push({ path: 'methods', message: 'a method is listed twice' });
  }
  const seeds = typeof c.seeds === 'number' ? Array.from({ length: c.seeds }, (_, i) => i + 1) : c.seeds;
  if (new Set(seeds).size !== seeds.length) issues.push({ path: 'seeds', message: 'a seed is listed twice' });
  for (const [i, p] of problems.entries()) {
    if (p.type === 'compression' && p.sidecar === undefined && p.preprocess === undefined) {
      issues.push({
        path: `problems[${i}].preprocess`,
        message: `the model has no sidecar (no ${presets!.sidecarPathOf(basename(p.model))} beside it): give the preprocessing it was trained with (CLI: --preprocess), e.g. "x/255, then (x-0.5)/0.5" or a preset (${Object.keys(presets!.PREPROCESS_PRESETS).join(', ')}); the rest is read from the graph (see paretokit inspect)`,
      });
    }
    if (p.type !== 'benchmark') continue;
    const issue = normalizationIssue(p);
    if (issue !== undefined) issues.push({ path: `problems[${i}].normalization`, message: issue });
  }
  if (c.methods.includes('samo') && c.budget <= 20) {
    issues.push({ path: 'budget', message: `expected more than samo's 20 initial samples, got ${c.budget}` });
  }
  if (c.methods.includes('samo-ctaea') && c.samo.initialSamples >= c.budget) {
    issues.push({
      path: 'samo.initialSamples',
      message: `expected fewer than the budget (${c.budget}), got ${c.samo.initialSamples}`,
    });
  }
  for (const method of c.methods) {
    if (!(method in PLAIN_POPULATION)) continue;
    const population = PLAIN_POPULATION[method as GenerationalMethod];
    if (c.budget % population !== 0) {
      issues.push({
        path: 'budget',
        message: `expected a multiple of ${population} (the population of ${method}, which spends whole generations), got ${c.budget}`,
      });
    }
  }
  if (issues.length > 0) throw new ConfigError(source, issues);
  return {
    name: c.name,
    problems,
    methods: c.methods,
    seeds,
    budget: c.budget,
    samo: c.samo,
    optuna: c.optuna,
    out: resolve(baseDir, c.out ?? `runs/${c.name}`),
    alpha: c.alpha,
  };
}

/**
 * Reads and validates a study configuration file (JSON); relative paths in it are taken from
 * the file's folder.
 *
 * @throws ConfigError when the file is missing, is not JSON, or does not match the schema.
 *
 * @example
 * const file = join(mkdtempSync(join(tmpdir(), 'study-')), 'study.json');
 * writeFileSync(file, JSON.stringify({ name: 'doc', problems: [{ type: 'benchmark', problem: 'c2dtlz2' }] }));
 * (await loadStudyConfig(file)).budget // => 100
 */
export async function loadStudyConfig(path: string): Promise<StudyConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, [
      { path: '', message: `cannot read the file (${(error as Error).message})` },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, [{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
  }
  return parseStudyConfig(value, path, dirname(resolve(path)));
}
