import {
  type EvalResult,
  InvalidArgumentError,
  type Matrix,
  type Problem,
  Random,
  toMatrix,
} from '@paretokit/problem';
import type { LogProposal } from './evaluation-log.js';
import { checkTold, PendingIteration, pendingIndices } from './internal/pending-iteration.js';
import { openLog } from './internal/replay-log.js';
import { type ResolvedSamoOptions, resolveSamoOptions } from './internal/resolve-samo-options.js';
import { evaluationRecord, iterationDiagnostics, SamoArchive } from './internal/samo-archive.js';
import type { IterationDiagnostics, SamoOptions, SamoResult } from './samo-options.js';
import { initialDesign } from './stages/initial-design.js';
import type { IterationContext, IterationProposal } from './stages/types.js';

/**
 * A SAMO run driven by its caller: ask for rows, evaluate them anywhere, tell the results.
 *
 * @example
 * const run: SamoAskTell = samoAskTell(c2dtlz2({ nObj: 2, nVar: 4 }), { initialSamples: 6, budget: 6 });
 * (await run.ask()).rows // => 6
 */
export interface SamoAskTell {
  /** Seed of the run (the log's when resumed). */
  readonly seed: number;
  /** True once the budget is spent and nothing is pending. */
  readonly done: boolean;
  /** Real evaluations in the archive. */
  readonly evaluations: number;
  /**
   * The rows to evaluate next: those of the current iteration still without a result, else a new
   * iteration's (the initial design, or infill points from fitting, selecting and optimizing).
   */
  ask(): Promise<Matrix>;
  /**
   * Records results of asked rows (any subset, any order); each is in the log, on disk, before
   * this returns. Returns the iteration's diagnostics when these results complete it.
   */
  tell(X: Matrix, result: EvalResult): IterationDiagnostics | undefined;
  /** The archive's feasible non-dominated set, the archive and the iterations so far. */
  result(): SamoResult;
  /** Closes the log file and ends the run's bridge processes (unless the bridge was given). */
  close(): Promise<void>;
}

/** Iteration i's own random stream of the seed: the (i + 1)-th split of its root. */
function iterationRandom(seed: number, iteration: number): Random {
  const root = Random.fromSeed(seed);
  let stream = root.split();
  for (let i = 0; i < iteration; i++) stream = root.split();
  return stream;
}

/** What an iteration draws on besides its own stream: the options, the archive, what selection remembers. */
interface Run extends ResolvedSamoOptions, Pick<IterationContext, 'unavailable' | 'asynchronous'> {
  readonly archive: SamoArchive;
}

/** What an iteration after the initial design is given. */
function iterationContext(problem: Problem, run: Run, iteration: number, random: Random): IterationContext {
  const { archive, settings } = run;
  const { X, F, G } = archive.usable();
  return {
    problem,
    iteration,
    X,
    F,
    G,
    evaluated: archive.matrices().X,
    referencePoint: archive.reference!,
    targets: run.targets,
    pools: run.pools,
    encode: run.encode,
    random,
    count: Math.min(settings.infillsPerIteration, settings.budget - archive.size),
    settings,
    signal: run.signal,
    bridge: run.bridge,
    unavailable: run.unavailable,
    asynchronous: run.asynchronous,
    onWarning: run.onWarning,
  };
}

/**
 * The log record of a proposal: its fields in the log's order, nothing else. Throws unless it
 * holds 1 to `count` rows of d values.
 */
function proposalRecord(iteration: number, p: IterationProposal, count: number, d: number): LogProposal {
  const X = p?.X;
  if (
    !Array.isArray(X) ||
    X.length < 1 ||
    X.length > count ||
    X.some((x) => !Array.isArray(x) || x.length !== d)
  ) {
    throw new InvalidArgumentError({
      argument: `samo: iteration ${iteration}`,
      expected: `a proposal of 1 to ${count} rows of ${d} values each`,
      actual: Array.isArray(X) ? `${X.length} rows` : X,
    });
  }
  return {
    type: 'proposal',
    iteration,
    X,
    targets: p.targets,
    infill: p.infill,
    selectionMs: p.selectionMs,
    fitMs: p.fitMs,
    optimizeMs: p.optimizeMs,
  };
}

/**
 * SAMO as ask/tell: the surrogate-assisted loop of the study with the caller evaluating. Steps:
 * a Latin-hypercube initial design; then per iteration the method's composition of stages
 * (`options.iteration`, default {@link studyIteration}): for every objective and constraint, each
 * candidate of its pool cross-validated (default 5-fold MAPE) and a fresh instance of the best
 * fitted on all evaluations; the surrogate problem solved by the optimizer (default C-TAEA, 50 ×
 * 1000 generations); `infillsPerIteration` rows chosen from its feasible non-dominated set
 * (duplicates skipped, least-violating rows filling up). With `log`, every proposal and result is
 * appended to a JSON-lines file and fsynced before the run goes on; `resume` continues such a file
 * without re-evaluating anything. Iteration i draws its randomness from its own stream of the seed,
 * so a resumed run proposes what the uninterrupted one would have. Per iteration:
 * O(targets · candidates · (folds + 1)) fits, the optimizer's cost with one predict per target per
 * generation, and O(n log n) hypervolume for up to 3 objectives.
 *
 * @example
 * const run = samoAskTell(c2dtlz2({ nObj: 2, nVar: 4 }), { initialSamples: 10, budget: 12, surrogates: { knn: () => knnRegressor({ k: 3 }) }, optimizerTermination: maxGenerations(20), seed: 1 });
 * const problem = c2dtlz2({ nObj: 2, nVar: 4 });
 * while (!run.done) { const X = await run.ask(); run.tell(X, problem.evaluate(X, { seed: 1 })); }
 * run.result().archive.X.rows // => 12
 * run.result().iterations.map((d) => d.evaluations) // => [10, 12]
 */
export function samoAskTell(problem: Problem, options: SamoOptions = {}): SamoAskTell {
  const resolved = resolveSamoOptions(problem, options);
  const { settings, signal } = resolved;
  const d = problem.variables.length;
  const m = problem.objectives.length;
  const k = problem.constraints.length;
  const archive = new SamoArchive(problem, resolved.referencePoint);
  const run: Run = { ...resolved, archive, unavailable: new Map(), asynchronous: new Set() };
  const opened = openLog(problem, options, resolved, archive);
  const seed = opened.seed;
  let current = opened.current;
  let writer = opened.writer;

  /** Ends the current iteration: its diagnostics, logged. */
  const complete = (evaluateMs: number): IterationDiagnostics => {
    const proposal = current!.proposal;
    const end = archive.iterationEnd(proposal.iteration, evaluateMs);
    const diagnostics = iterationDiagnostics(proposal, end);
    writer?.write(end);
    archive.iterations.push(diagnostics);
    current = undefined;
    return diagnostics;
  };
  // Killed after the last result of an iteration but before its end line: end it now.
  if (current !== undefined && current.pending.size === 0) complete(Number.NaN);

  const propose = async (iteration: number): Promise<LogProposal> => {
    const random = iterationRandom(seed, iteration);
    if (iteration === 0) {
      const design = initialDesign(problem, settings.initialSamples, random);
      return proposalRecord(iteration, design, settings.initialSamples, d);
    }
    const context = iterationContext(problem, run, iteration, random);
    return proposalRecord(iteration, await resolved.iteration(context), context.count, d);
  };

  return {
    get seed() {
      return seed;
    },
    get done() {
      return archive.size >= settings.budget && current === undefined;
    },
    get evaluations() {
      return archive.size;
    },
    async ask() {
      signal?.throwIfAborted();
      if (current === undefined) {
        if (archive.size >= settings.budget) return toMatrix([], 'rows', d);
        const last = archive.iterations.at(-1);
        const proposal = await propose(last === undefined ? 0 : last.iteration + 1);
        writer?.write(proposal);
        current = new PendingIteration(proposal);
      }
      if (Number.isNaN(current.askedAt)) current.askedAt = performance.now();
      return current.rows(d);
    },
    tell(X: Matrix, result: EvalResult) {
      checkTold(problem, X, result);
      const indices = pendingIndices(current, X);
      for (const [r, i] of indices.entries()) {
        const row = evaluationRecord(
          current!.proposal.iteration,
          X.data.subarray(r * d, (r + 1) * d),
          result.F.data.subarray(r * m, (r + 1) * m),
          k === 0 ? [] : result.G!.data.subarray(r * k, (r + 1) * k),
        );
        writer?.write(row);
        archive.add(row);
        current!.pending.delete(i);
      }
      if (current!.pending.size > 0) return undefined;
      return complete(performance.now() - current!.askedAt);
    },
    result(): SamoResult {
      return archive.result();
    },
    async close() {
      writer?.close();
      writer = undefined;
      if (options.bridge === undefined) await resolved.bridge.close();
    },
  };
}
