import { availableParallelism } from 'node:os';
import { type Algorithm, ctaea, maxGenerations, minimize, type Termination } from '@paretokit/algorithms';
import { hypervolume } from '@paretokit/indicators';
import {
  checkSeed,
  constraintViolation,
  DimensionMismatchError,
  type EvalResult,
  encodedBounds,
  feasibleNonDominated,
  InvalidArgumentError,
  latinHypercube,
  type Matrix,
  negateMaximized,
  type Problem,
  Random,
  selectRows,
  toMatrix,
} from '@paretokit/problem';
import type { ResolvedMetric } from '@paretokit/surrogates';
import { mixedEncoder, surrogateBridge } from '@paretokit/surrogates';
import { defaultSurrogatePool } from './default-surrogate-pool.js';
import { EvaluationLogError } from './errors/evaluation-log-error.js';
import { type LogHeader, type LogProposal, readEvaluationLog } from './evaluation-log.js';
import { chooseInfill, NormalizedRows } from './internal/choose-infill.js';
import { LogWriter } from './internal/log-writer.js';
import { resolveSelectionMetric, selectSurrogates } from './internal/select-surrogates.js';
import { surrogateProblem } from './internal/surrogate-problem.js';
import type {
  Archive,
  InfillStrategy,
  IterationDiagnostics,
  SamoOptions,
  SamoResult,
  SurrogatePool,
  SurrogateTarget,
} from './samo-options.js';

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

interface Current {
  readonly proposal: LogProposal;
  readonly pending: Set<number>;
  askedAt: number;
}

function positiveInteger(value: unknown, argument: string, min = 1): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new InvalidArgumentError({ argument, expected: `an integer >= ${min}`, actual: value });
  }
  return value;
}

function sameRow(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (!Object.is(a[j], b[j])) return false;
  return true;
}

const MS_NONE = Number.NaN;

/**
 * SAMO as ask/tell: the surrogate-assisted loop of the study with the caller evaluating. Steps:
 * a Latin-hypercube initial design; then per iteration, for every objective and constraint, each
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
  if (typeof problem?.evaluate !== 'function' || !Array.isArray(problem.objectives)) {
    throw new InvalidArgumentError({ argument: 'samo(problem)', expected: 'a Problem', actual: problem });
  }
  const d = problem.variables.length;
  const m = problem.objectives.length;
  const k = problem.constraints.length;
  const budget = positiveInteger(options.budget ?? 100, 'samo: budget');
  const initialSamples = Math.min(
    budget,
    positiveInteger(options.initialSamples ?? 50, 'samo: initialSamples'),
  );
  const perIteration = positiveInteger(options.infillsPerIteration ?? 2, 'samo: infillsPerIteration');
  const folds = positiveInteger(options.selection?.folds ?? 5, 'samo: selection.folds', 2);
  if (initialSamples < budget && initialSamples < folds) {
    throw new InvalidArgumentError({
      argument: 'samo: initialSamples',
      expected: `at least as many rows as cross-validation folds (${folds})`,
      actual: initialSamples,
    });
  }
  const metric: ResolvedMetric = resolveSelectionMetric(options.selection ?? {});
  const fitConcurrency = positiveInteger(
    options.fitConcurrency ?? availableParallelism(),
    'samo: fitConcurrency',
  );
  const infill: InfillStrategy = options.infill ?? 'random-feasible-nondominated';
  if (infill !== 'random-feasible-nondominated' && infill !== 'max-min-distance') {
    throw new InvalidArgumentError({
      argument: 'samo: infill',
      expected: '"random-feasible-nondominated" or "max-min-distance"',
      actual: infill,
    });
  }
  const tolerance = options.duplicateTolerance ?? 1e-9;
  if (typeof tolerance !== 'number' || !(tolerance >= 0)) {
    throw new InvalidArgumentError({
      argument: 'samo: duplicateTolerance',
      expected: 'a number >= 0',
      actual: tolerance,
    });
  }
  const optimizer: Algorithm = options.optimizer ?? ctaea({ populationSize: 50 });
  const termination: Termination = options.optimizerTermination ?? maxGenerations(1000);
  const onWarning =
    options.onWarning ?? ((message: string) => process.emitWarning(message, 'ParetokitWarning'));
  const signal = options.signal;
  let givenReference: number[] | undefined;
  if (options.referencePoint !== undefined) {
    givenReference = Array.from(options.referencePoint);
    if (givenReference.length !== m) {
      throw new DimensionMismatchError({
        what: 'samo: referencePoint',
        expected: m,
        actual: givenReference.length,
        unit: 'values (one per objective)',
      });
    }
  }
  const bounds = problem.variables.map((v) => encodedBounds(v));
  const encoder = problem.variables.some((v) => v.kind === 'choice')
    ? mixedEncoder(problem.variables)
    : undefined;
  const encode = (X: Matrix): Matrix => (encoder === undefined ? X : encoder.encode(X));
  const targets: SurrogateTarget[] = [
    ...problem.objectives.map((o, index) => ({ kind: 'objective' as const, index, name: o.name })),
    ...problem.constraints.map((c, index) => ({ kind: 'constraint' as const, index, name: c.name })),
  ];
  const pools: SurrogatePool[] = targets.map((t) => {
    const given = options.surrogates;
    const pool = typeof given === 'function' ? given(t) : (given ?? defaultSurrogatePool());
    const names = Object.keys(pool ?? {});
    if (names.length === 0 || names.some((n) => typeof pool[n] !== 'function')) {
      throw new InvalidArgumentError({
        argument: `samo: surrogates of ${t.kind} ${t.name}`,
        expected: 'a pool of named factories, e.g. { knn: () => knnRegressor() }',
        actual: pool,
      });
    }
    return pool;
  });
  const unavailable = new Map<string, string>();
  const asynchronous = new Set<string>();
  const missing = options.missingSurrogates ?? 'error';
  if (missing !== 'error' && missing !== 'skip') {
    throw new InvalidArgumentError({
      argument: 'samo: missingSurrogates',
      expected: '"error" or "skip"',
      actual: missing,
    });
  }
  // No process starts until a candidate trains through it; pools without XGBoost/LightGBM never do.
  const bridge = options.bridge ?? surrogateBridge({ processes: fitConcurrency });

  // The archive, in completion order.
  const xs: number[][] = [];
  const fs: number[][] = [];
  const gs: number[][] = [];
  const rowIteration: number[] = [];
  const iterations: IterationDiagnostics[] = [];
  let reference: number[] | undefined = givenReference;
  let current: Current | undefined;
  let writer: LogWriter | undefined;
  let seed = checkSeed(options.seed ?? 0, 'samo: seed');

  const header = (): LogHeader => ({
    type: 'header',
    format: 'paretokit-samo-log',
    version: 1,
    problem: problem.name,
    variables: problem.variables.map((v) => v.name),
    objectives: problem.objectives.map((o) => ({ name: o.name, sense: o.sense })),
    constraints: problem.constraints.map((c) => c.name),
    seed,
  });

  const archiveMatrices = () => {
    const n = xs.length;
    const X = toMatrix(xs, 'archive X', d);
    const F = toMatrix(fs, 'archive F', m);
    const G = k === 0 ? undefined : toMatrix(gs, 'archive G', k);
    return { n, X, F, G };
  };

  /**
   * The archive without rows whose objectives or constraints are not finite (rows an evaluator
   * marked failed): surrogates are fitted, and fronts taken, on these only. The archive keeps all.
   */
  const usableMatrices = () => {
    const all = archiveMatrices();
    const keep: number[] = [];
    for (let i = 0; i < all.n; i++) {
      if (fs[i]!.every(Number.isFinite) && (k === 0 || gs[i]!.every(Number.isFinite))) keep.push(i);
    }
    if (keep.length === all.n) return all;
    return {
      n: keep.length,
      X: selectRows(all.X, keep),
      F: selectRows(all.F, keep),
      G: all.G === undefined ? undefined : selectRows(all.G, keep),
    };
  };

  /** Reference point, natural sense: given, from the problem's known front, or from the initial design. */
  const deriveReference = (F: Matrix): number[] => {
    const known = problem as { idealPoint?: readonly number[]; nadirPoint?: readonly number[] };
    const sign = problem.objectives.map((o) => (o.sense === 'max' ? -1 : 1));
    const worst = new Array<number>(m);
    const best = new Array<number>(m);
    if (known.nadirPoint?.length === m && known.idealPoint?.length === m) {
      for (let j = 0; j < m; j++) {
        worst[j] = sign[j]! * known.nadirPoint[j]!;
        best[j] = sign[j]! * known.idealPoint[j]!;
      }
    } else {
      worst.fill(Number.NEGATIVE_INFINITY);
      best.fill(Number.POSITIVE_INFINITY);
      for (let i = 0; i < F.rows; i++) {
        for (let j = 0; j < m; j++) {
          const v = sign[j]! * F.data[i * m + j]!;
          if (Number.isFinite(v)) {
            worst[j] = Math.max(worst[j]!, v);
            best[j] = Math.min(best[j]!, v);
          }
        }
      }
    }
    return worst.map((w, j) => {
      if (!Number.isFinite(w)) return sign[j]! * 1;
      const range = w - best[j]!;
      return sign[j]! * (w + (range > 0 ? 0.1 * range : Math.max(1e-12, Math.abs(w) * 0.1)));
    });
  };

  const frontAndHypervolume = (): { hv: number; size: number } => {
    const { n, F, G } = usableMatrices();
    if (n === 0) return { hv: 0, size: 0 };
    const Fmin = negateMaximized(F, problem.objectives);
    const front = feasibleNonDominated(Fmin, G);
    if (front.length === 0) return { hv: 0, size: 0 };
    const ref = reference!.map((r, j) => (problem.objectives[j]!.sense === 'max' ? -r : r));
    return { hv: hypervolume(selectRows(Fmin, front), { reference: ref }), size: front.length };
  };

  const complete = (evaluateMs: number): IterationDiagnostics => {
    const proposal = current!.proposal;
    if (reference === undefined) reference = deriveReference(archiveMatrices().F);
    const { hv, size } = frontAndHypervolume();
    const diagnostics: IterationDiagnostics = {
      iteration: proposal.iteration,
      evaluations: xs.length,
      targets: proposal.targets,
      infill: proposal.infill,
      selectionMs: proposal.selectionMs,
      fitMs: proposal.fitMs,
      optimizeMs: proposal.optimizeMs,
      evaluateMs,
      hypervolume: hv,
      referencePoint: reference,
      frontSize: size,
    };
    writer?.write({
      type: 'iteration',
      iteration: diagnostics.iteration,
      evaluations: diagnostics.evaluations,
      evaluateMs,
      hypervolume: hv,
      referencePoint: reference,
      frontSize: size,
    });
    iterations.push(diagnostics);
    current = undefined;
    return diagnostics;
  };

  /** Adds one evaluated row to the archive (and the log). */
  const record = (
    iteration: number,
    x: ArrayLike<number>,
    f: ArrayLike<number>,
    g: ArrayLike<number>,
    log: boolean,
  ) => {
    const row = {
      type: 'evaluation' as const,
      iteration,
      x: Array.from(x),
      f: Array.from(f),
      g: Array.from(g),
    };
    if (log) writer?.write(row);
    xs.push(row.x);
    fs.push(row.f);
    gs.push(row.g);
    rowIteration.push(iteration);
  };

  /** Index in the current proposal of a pending row equal to x (not among `taken`), or -1. */
  const pendingIndexOf = (x: ArrayLike<number>, taken: readonly number[] = []): number => {
    if (current === undefined) return -1;
    for (const i of current.pending) if (!taken.includes(i) && sameRow(current.proposal.X[i]!, x)) return i;
    return -1;
  };

  // ---- resume: rebuild the archive and the iterations from the log, evaluating nothing --------
  const logPath = options.resume ?? options.log;
  if (options.resume !== undefined && options.log !== undefined && options.log !== options.resume) {
    throw new InvalidArgumentError({
      argument: 'samo: log',
      expected: `the resumed log itself (${options.resume}) or nothing`,
      actual: options.log,
      hint: 'A resumed run appends to the log it continues.',
    });
  }
  if (options.resume !== undefined) {
    const path = options.resume;
    const log = readEvaluationLog(path, onWarning);
    const h = log.header;
    const expected = header();
    const mismatch =
      h.problem !== expected.problem
        ? `problem ${JSON.stringify(h.problem)}`
        : JSON.stringify(h.variables) !== JSON.stringify(expected.variables)
          ? 'variables'
          : JSON.stringify(h.objectives) !== JSON.stringify(expected.objectives)
            ? 'objectives'
            : JSON.stringify(h.constraints) !== JSON.stringify(expected.constraints)
              ? 'constraints'
              : undefined;
    if (mismatch !== undefined) {
      throw new EvaluationLogError({
        path,
        reason: `the log belongs to another problem (its ${mismatch} differ from ${problem.name}'s)`,
      });
    }
    if (options.seed !== undefined && options.seed !== h.seed) {
      throw new InvalidArgumentError({
        argument: 'samo: seed',
        expected: `the resumed log's seed ${h.seed} (or none)`,
        actual: options.seed,
      });
    }
    seed = h.seed;
    for (const [n, r] of log.records.entries()) {
      const where = `record ${n + 1} after the header`;
      if (r.type === 'proposal') {
        if (current !== undefined && current.pending.size > 0) {
          throw new EvaluationLogError({
            path,
            reason: `${where}: a proposal while rows of iteration ${current.proposal.iteration} are pending`,
          });
        }
        if (r.X.some((x) => x.length !== d)) {
          throw new EvaluationLogError({ path, reason: `${where}: rows of ${d} variables expected` });
        }
        current = { proposal: r, pending: new Set(r.X.map((_, i) => i)), askedAt: MS_NONE };
      } else if (r.type === 'evaluation') {
        if (r.x.length !== d || r.f.length !== m || r.g.length !== k) {
          throw new EvaluationLogError({
            path,
            reason: `${where}: an evaluation of another shape (x ${r.x.length}, f ${r.f.length}, g ${r.g.length})`,
          });
        }
        const i = current?.proposal.iteration === r.iteration ? pendingIndexOf(r.x) : -1;
        if (i < 0) {
          onWarning(`${path}: ${where} repeats or was never proposed in iteration ${r.iteration}; skipped.`);
          continue;
        }
        current!.pending.delete(i);
        record(r.iteration, r.x, r.f, r.g, false);
      } else if (r.type === 'iteration') {
        if (current === undefined || current.pending.size > 0 || current.proposal.iteration !== r.iteration) {
          throw new EvaluationLogError({
            path,
            reason: `${where}: the end of iteration ${r.iteration} before its evaluations`,
          });
        }
        if (reference === undefined) reference = Array.from(r.referencePoint);
        const p = current.proposal;
        iterations.push({
          iteration: r.iteration,
          evaluations: r.evaluations,
          targets: p.targets,
          infill: p.infill,
          selectionMs: p.selectionMs,
          fitMs: p.fitMs,
          optimizeMs: p.optimizeMs,
          evaluateMs: r.evaluateMs,
          hypervolume: r.hypervolume,
          referencePoint: r.referencePoint,
          frontSize: r.frontSize,
        });
        current = undefined;
      }
    }
    writer = LogWriter.resume(path, log.validBytes, log.missingNewline);
    // Killed after the last result of an iteration but before its end line: end it now.
    if (current !== undefined && current.pending.size === 0) complete(MS_NONE);
  } else if (logPath !== undefined) {
    writer = LogWriter.create(logPath);
    writer.write(header());
  }

  const iterationRandom = (iteration: number): Random => {
    const root = Random.fromSeed(seed);
    let stream = root.split();
    for (let i = 0; i < iteration; i++) stream = root.split();
    return stream;
  };

  const propose = async (iteration: number): Promise<LogProposal> => {
    const random = iterationRandom(iteration);
    if (iteration === 0) {
      const X = latinHypercube(problem, initialSamples, { random });
      const rows = Array.from({ length: X.rows }, (_, i) => Array.from(X.data.subarray(i * d, (i + 1) * d)));
      return {
        type: 'proposal',
        iteration,
        X: rows,
        targets: [],
        infill: [],
        selectionMs: 0,
        fitMs: 0,
        optimizeMs: 0,
      };
    }
    const { X, F, G } = usableMatrices();
    const selected = await selectSurrogates(
      encode(X),
      targets.map((target, t) => {
        const y = new Float64Array(X.rows);
        const source = t < m ? F : G!;
        const j = t < m ? t : t - m;
        const w = t < m ? m : k;
        for (let i = 0; i < X.rows; i++) y[i] = source.data[i * w + j]!;
        return { target, pool: pools[t]!, y };
      }),
      {
        folds,
        metric,
        seed: random.nextUint32(),
        concurrency: fitConcurrency,
        ...(signal === undefined ? {} : { signal }),
        bridge,
        unavailable,
        missing,
        asynchronous,
        onWarning,
      },
    );
    signal?.throwIfAborted();
    const started = performance.now();
    const surrogate = surrogateProblem(
      problem,
      selected.models.slice(0, m),
      selected.models.slice(m),
      encode,
    );
    const solved = await minimize(surrogate, optimizer, {
      termination,
      seed: random.nextUint32(),
      ...(signal === undefined ? {} : { signal }),
    });
    // Failed rows count as evaluated too: they are not proposed again.
    const everything = archiveMatrices().X;
    const evaluated = new NormalizedRows(bounds, tolerance);
    for (let i = 0; i < everything.rows; i++) evaluated.add(everything, i);
    const count = Math.min(perIteration, budget - xs.length);
    const chosen = chooseInfill(solved, evaluated, count, infill, random, problem.variables);
    return {
      type: 'proposal',
      iteration,
      X: chosen.X,
      targets: selected.diagnostics,
      infill: chosen.choices,
      selectionMs: selected.selectionMs,
      fitMs: selected.fitMs,
      optimizeMs: performance.now() - started,
    };
  };

  const pendingMatrix = (): Matrix => {
    const rows = [...current!.pending].map((i) => current!.proposal.X[i]!);
    return toMatrix(rows, 'pending rows', d);
  };

  return {
    get seed() {
      return seed;
    },
    get done() {
      return xs.length >= budget && current === undefined;
    },
    get evaluations() {
      return xs.length;
    },
    async ask() {
      signal?.throwIfAborted();
      if (current === undefined) {
        if (xs.length >= budget) return toMatrix([], 'rows', d);
        const proposal = await propose(iterations.length === 0 ? 0 : iterations.at(-1)!.iteration + 1);
        writer?.write(proposal);
        current = { proposal, pending: new Set(proposal.X.map((_, i) => i)), askedAt: MS_NONE };
      }
      if (Number.isNaN(current.askedAt)) current.askedAt = performance.now();
      return pendingMatrix();
    },
    tell(X: Matrix, result: EvalResult) {
      if (X.cols !== d)
        throw new DimensionMismatchError({
          what: 'samo tell: X',
          expected: d,
          actual: X.cols,
          unit: 'columns',
        });
      if (result?.F?.rows !== X.rows || result.F.cols !== m) {
        throw new DimensionMismatchError({
          what: 'samo tell: result.F',
          expected: X.rows * m,
          actual: result?.F?.data?.length ?? 0,
          unit: 'values',
        });
      }
      if (k > 0 && (result.G?.rows !== X.rows || result.G.cols !== k)) {
        throw new DimensionMismatchError({
          what: 'samo tell: result.G',
          expected: X.rows * k,
          actual: result.G?.data.length ?? 0,
          unit: 'values',
        });
      }
      const indices: number[] = [];
      for (let r = 0; r < X.rows; r++) {
        const i = pendingIndexOf(X.data.subarray(r * d, (r + 1) * d), indices);
        if (i < 0) {
          throw new InvalidArgumentError({
            argument: `samo tell: row ${r} of X`,
            expected: 'a row of the last ask() that has no result yet',
            actual: Array.from(X.data.subarray(r * d, (r + 1) * d)),
          });
        }
        indices.push(i);
      }
      for (const [r, i] of indices.entries()) {
        record(
          current!.proposal.iteration,
          X.data.subarray(r * d, (r + 1) * d),
          result.F.data.subarray(r * m, (r + 1) * m),
          k === 0 ? [] : result.G!.data.subarray(r * k, (r + 1) * k),
          true,
        );
        current!.pending.delete(i);
      }
      if (current!.pending.size > 0) return undefined;
      return complete(performance.now() - current!.askedAt);
    },
    result(): SamoResult {
      const all = archiveMatrices();
      const { X, F, G } = usableMatrices();
      const front = feasibleNonDominated(negateMaximized(F, problem.objectives), G);
      const archive: Archive = {
        X: all.X,
        F: all.F,
        ...(all.G === undefined ? {} : { G: all.G }),
        CV: constraintViolation(all.G, xs.length),
        iteration: Int32Array.from(rowIteration),
      };
      return {
        X: selectRows(X, front),
        F: selectRows(F, front),
        ...(G === undefined ? {} : { G: selectRows(G, front) }),
        archive,
        iterations: iterations.slice(),
      };
    },
    async close() {
      writer?.close();
      writer = undefined;
      if (options.bridge === undefined) await bridge.close();
    },
  };
}
