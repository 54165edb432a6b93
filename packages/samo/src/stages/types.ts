import type { Algorithm, Termination } from '@paretokit/algorithms';
import type { Matrix, Problem, Random } from '@paretokit/problem';
import type { Regressor, ResolvedMetric } from '@paretokit/surrogates';
import type { SurrogateBridge } from '@paretokit/surrogates/node';

/** Which value a surrogate models: objective `index` or constraint `index` of the problem. */
export interface SurrogateTarget {
  readonly kind: 'objective' | 'constraint';
  /** Position among the problem's objectives (or constraints). */
  readonly index: number;
  /** The objective's or constraint's name. */
  readonly name: string;
}

/**
 * What a surrogate factory is given: a seed for its randomness, its target, the run's signal, and
 * the run's bridge for regressors trained by Python libraries (XGBoost, LightGBM): its processes
 * start on the first such fit and end with the run.
 */
export interface SurrogateContext {
  readonly seed: number;
  readonly target: SurrogateTarget;
  readonly signal?: AbortSignal;
  readonly bridge: SurrogateBridge;
}

/** Makes a new, unfitted regressor on every call (never a shared instance). */
export type SurrogateFactory = (context: SurrogateContext) => Regressor;

/** Named candidate regressors of one target, e.g. `{ knn, randomForest, xgboost, lightgbm }`. */
export type SurrogatePool = Readonly<Record<string, SurrogateFactory>>;

/**
 * How infill points are chosen from the surrogate run: `"random-feasible-nondominated"` (the
 * study: k drawn at random from its predicted-feasible non-dominated set) or `"max-min-distance"`
 * (greedily the candidate farthest, in bound-normalized decision space, from every evaluated point).
 */
export type InfillStrategy = 'random-feasible-nondominated' | 'max-min-distance';

/** One candidate's cross-validation on one target, or why it could not run. */
export type CandidateScores =
  | { readonly scores: readonly number[]; readonly mean: number }
  | { readonly error: string };

/** Selection on one target: the chosen candidate and every candidate's scores. */
export interface TargetDiagnostics {
  readonly target: SurrogateTarget;
  readonly chosen: string;
  /** The chosen candidate's mean cross-validated score. */
  readonly score: number;
  readonly candidates: Readonly<Record<string, CandidateScores>>;
}

/** One infill point: where it came from and why. */
export interface InfillChoice {
  readonly x: readonly number[];
  /**
   * The study's rule: `feasible-nondominated` (the rule) or `least-violating` (fill-up);
   * {@link hypervolumeIteration}'s: `hypervolume-improvement` or `domination-gap` (nothing adds
   * hypervolume), or `feasibility` while no evaluated row is feasible; `random` (last resort, both).
   */
  readonly source:
    | 'feasible-nondominated'
    | 'least-violating'
    | 'hypervolume-improvement'
    | 'domination-gap'
    | 'feasibility'
    | 'random';
  readonly reason: string;
  /** The surrogates' objectives (natural sense) and constraints at x; empty for `random`. */
  readonly predictedF: readonly number[];
  readonly predictedG: readonly number[];
}

/** The run's settings as an iteration sees them: the options checked and with their defaults. */
export interface SamoSettings {
  /** Real evaluations in total, initial design included. */
  readonly budget: number;
  /** Size of the initial design (at most the budget). */
  readonly initialSamples: number;
  /** Rows an iteration proposes when the budget allows. */
  readonly infillsPerIteration: number;
  /** Cross-validation folds of the selection. */
  readonly folds: number;
  /** Score of each held-out fold. */
  readonly metric: ResolvedMetric;
  /** Fits running at once. */
  readonly fitConcurrency: number;
  /** What an unavailable candidate (no library) does: stop the run or leave the pool. */
  readonly missingSurrogates: 'error' | 'skip';
  /** Solver of the surrogate problem, and when it stops. */
  readonly optimizer: Algorithm;
  readonly optimizerTermination: Termination;
  /** Infill rule of the study's composition. */
  readonly infill: InfillStrategy;
  /** Largest bound-normalized difference per variable at which two rows count as one. */
  readonly duplicateTolerance: number;
  /** Encoded `[lower, upper]` of every variable (duplicates are judged in these units). */
  readonly bounds: readonly (readonly [number, number])[];
}

/**
 * What an iteration after the initial design gets: the archive so far, the surrogate pools, its
 * own random stream and how many rows to propose. Compositions must draw all randomness from
 * `random`, so that a resumed run proposes what the uninterrupted one would have.
 */
export interface IterationContext {
  readonly problem: Problem;
  /** The iteration being proposed (1 and up; 0 is the initial design). */
  readonly iteration: number;
  /** The usable archive (rows with finite objectives and constraints): decision rows, objectives in their natural sense, constraints (undefined without constraints). */
  readonly X: Matrix;
  readonly F: Matrix;
  readonly G: Matrix | undefined;
  /** Every evaluated row, failed ones included: a proposal must not repeat any of them. */
  readonly evaluated: Matrix;
  /** The run's hypervolume reference point, natural sense. */
  readonly referencePoint: readonly number[];
  /** Every objective, then every constraint, with the pool of candidates of each. */
  readonly targets: readonly SurrogateTarget[];
  readonly pools: readonly SurrogatePool[];
  /** Decision rows to regressor input (one-hot choice variables; identity without them). */
  readonly encode: (X: Matrix) => Matrix;
  /** This iteration's random stream of the run's seed. */
  readonly random: Random;
  /** Rows to propose (fewer than `infillsPerIteration` when the budget is nearly spent). */
  readonly count: number;
  readonly settings: SamoSettings;
  readonly signal: AbortSignal | undefined;
  /** The run's bridge for XGBoost and LightGBM candidates. */
  readonly bridge: SurrogateBridge;
  /** Candidates found unavailable earlier in the run (bridges without their library); updated by selection. */
  readonly unavailable: Map<string, string>;
  /** Candidates whose fits were seen to be asynchronous (bridges) earlier in the run; updated by fitting. */
  readonly asynchronous: Set<string>;
  readonly onWarning: (message: string) => void;
}

/** What an iteration proposes: rows to evaluate for real, why, and the time each step took. */
export interface IterationProposal {
  /** Between 1 and `count` new rows. */
  readonly X: readonly (readonly number[])[];
  /** Per objective and constraint: the surrogate chosen and every candidate's scores (empty when none were selected). */
  readonly targets: readonly TargetDiagnostics[];
  /** One choice per row of `X`. */
  readonly infill: readonly InfillChoice[];
  /** Wall-clock ms of selection (cross-validation), fitting, and search plus infill choice. */
  readonly selectionMs: number;
  readonly fitMs: number;
  readonly optimizeMs: number;
}

/**
 * One SAMO method's iteration: stages composed from the archive to the next rows, e.g. the study's
 * {@link studyIteration} (selection, fitting, search on the surrogates, infill choice).
 */
export type SamoIteration = (context: IterationContext) => Promise<IterationProposal>;
