import type { Algorithm, Termination } from '@paretokit/algorithms';
import type { Evaluator, Matrix } from '@paretokit/problem';
import type { Metric } from '@paretokit/surrogates';
import type { SurrogateBridge } from '@paretokit/surrogates/node';
import type {
  InfillChoice,
  InfillStrategy,
  SamoIteration,
  SurrogatePool,
  SurrogateTarget,
  TargetDiagnostics,
} from './stages/types.js';

/** Model selection by k-fold cross-validation. */
export interface SelectionOptions {
  /** Score of each held-out fold (default `"mape"`, the study's). */
  readonly metric?: Metric;
  /** For a metric function: true when higher is better. */
  readonly greaterIsBetter?: boolean;
  /** Number of folds (default 5). */
  readonly folds?: number;
}

/** Options of {@link samo} and {@link samoAskTell}; the defaults are the study's settings. */
export interface SamoOptions {
  /** Size of the Latin-hypercube initial design (default 50). */
  readonly initialSamples?: number;
  /** Real evaluations in total, initial design included (default 100). */
  readonly budget?: number;
  /** Real evaluations per iteration after the initial design (default 2). */
  readonly infillsPerIteration?: number;
  /** The candidates of every target, or a pool per target (default {@link defaultSurrogatePool}). */
  readonly surrogates?: SurrogatePool | ((target: SurrogateTarget) => SurrogatePool);
  /** Cross-validated selection (default `{ metric: "mape", folds: 5 }`). */
  readonly selection?: SelectionOptions;
  /**
   * Fits running at once during selection (default: available cores); also the number of Python
   * processes of the run's bridge.
   */
  readonly fitConcurrency?: number;
  /**
   * The bridge that trains XGBoost and LightGBM candidates (default: one made for the run, with
   * `fitConcurrency` processes, closed when the run ends). A bridge given here is left open.
   */
  readonly bridge?: SurrogateBridge;
  /**
   * A candidate whose library is not installed (a `BridgeUnavailableError`): `"error"` (default)
   * stops the run with that error, which names what to install; `"skip"` drops the candidate with
   * a warning and records why in every later iteration's diagnostics (`candidates[name].error`).
   */
  readonly missingSurrogates?: 'error' | 'skip';
  /** Solver of the surrogate problem (default `ctaea({ populationSize: 50 })`). */
  readonly optimizer?: Algorithm;
  /** When the solver stops (default `maxGenerations(1000)`). */
  readonly optimizerTermination?: Termination;
  /** Infill rule (default `"random-feasible-nondominated"`). */
  readonly infill?: InfillStrategy;
  /** Largest bound-normalized difference per variable at which two rows count as one (default 1e-9). */
  readonly duplicateTolerance?: number;
  /**
   * Who runs the real evaluations (default `serialEvaluator({ batchSize: 1 })`). It gets each
   * iteration's rows in one call and reports every row through `onRow` as it completes, e.g.
   * `workerPoolEvaluator` or `queueEvaluator` of `@paretokit/workers` to evaluate them in parallel.
   */
  readonly evaluator?: Evaluator;
  /**
   * Evaluator calls in flight at once (default 1: one call with all the rows). Above 1, each row is
   * its own call, for an evaluator that runs one call at a time but tolerates several at once.
   */
  readonly evaluationConcurrency?: number;
  /** Seed of the run (default 0; on resume, the log's). */
  readonly seed?: number;
  /** Stops the run between steps, and through the evaluator and bridges inside them. */
  readonly signal?: AbortSignal;
  /**
   * Called after every iteration (the initial design is iteration 0), in order; on resume first for
   * each iteration finished in the log. The loop waits for a promise.
   */
  readonly onIteration?: (diagnostics: IterationDiagnostics) => void | Promise<void>;
  /**
   * Hypervolume reference point, natural sense (default: the problem's nadir point plus 10 % of its
   * range when it has `idealPoint`/`nadirPoint`, else the initial design's worst values plus 10 %).
   */
  readonly referencePoint?: readonly number[];
  /** Path of the JSON-lines evaluation log to create (it must not hold evaluations yet). */
  readonly log?: string;
  /** Path of a log to continue from without re-evaluating anything (it is then appended to). */
  readonly resume?: string;
  /** Receives warnings (default `process.emitWarning`). */
  readonly onWarning?: (message: string) => void;
  /**
   * The method's iteration after the initial design (default {@link studyIteration}: selection,
   * fitting, search on the surrogates, infill choice). The hook for other methods: any composition
   * of stages from the archive to the next rows; the loop, budget, log and resume stay the same.
   */
  readonly iteration?: SamoIteration;
}

/** What one iteration did and what it cost. Iteration 0 is the initial design (no surrogates). */
export interface IterationDiagnostics {
  readonly iteration: number;
  /** Real evaluations in the archive after this iteration. */
  readonly evaluations: number;
  readonly targets: readonly TargetDiagnostics[];
  readonly infill: readonly InfillChoice[];
  /** Wall-clock ms of the cross-validation of every candidate. */
  readonly selectionMs: number;
  /** Wall-clock ms of fitting the chosen candidates on all data. */
  readonly fitMs: number;
  /** Wall-clock ms of solving the surrogate problem and choosing infill points. */
  readonly optimizeMs: number;
  /** Wall-clock ms from handing out the rows to the last result (NaN when resumed across a kill). */
  readonly evaluateMs: number;
  /** Hypervolume of the archive's feasible non-dominated set (0 when none is feasible). */
  readonly hypervolume: number;
  /** The reference point used, natural sense. */
  readonly referencePoint: readonly number[];
  /** Size of the archive's feasible non-dominated set. */
  readonly frontSize: number;
}

/** Every real evaluation, in the order they completed; objectives in their natural sense. */
export interface Archive {
  readonly X: Matrix;
  readonly F: Matrix;
  /** Absent when the problem has no constraints. */
  readonly G?: Matrix;
  /** Total constraint violation per row (0 = feasible). */
  readonly CV: Float64Array;
  /** The iteration of each row (0 = initial design). */
  readonly iteration: Int32Array;
}

/** What a SAMO run returns: the feasible non-dominated set of the archive (the study's D*), the archive, the iterations. */
export interface SamoResult {
  readonly X: Matrix;
  readonly F: Matrix;
  /** Absent when the problem has no constraints. */
  readonly G?: Matrix;
  readonly archive: Archive;
  readonly iterations: readonly IterationDiagnostics[];
}
