import { InvalidArgumentError, type Matrix, ParetokitError, Random, selectRows } from '@paretokit/problem';
import { type FitJob, fitThen, runFits } from '../internal/run-fits.js';
import type { TargetData, TrainingData } from './fit-surrogates.js';
import type { CandidateScores, IterationContext, TargetDiagnostics } from './types.js';

/** The chosen candidate of every target, with every candidate's scores and the time it all took. */
export interface Selection {
  /** Per target, the name of the chosen candidate of its pool. */
  readonly chosen: string[];
  readonly diagnostics: TargetDiagnostics[];
  /** Wall-clock ms of the cross-validation fits. */
  readonly selectionMs: number;
}

/** The held-out rows of each fold, and the training rows of each. */
interface Folds {
  readonly test: Int32Array[];
  readonly train: Int32Array[];
  readonly trainX: Matrix[];
  readonly testX: Matrix[];
}

/** Out-of-fold predictions per target and candidate, and the candidates that failed. */
interface OutOfFold {
  readonly predictions: Map<string, Float64Array>[];
  readonly errors: Map<string, unknown>[];
}

function isUnavailable(error: unknown): boolean {
  return ParetokitError.isInstance(error) && error.name === 'BridgeUnavailableError';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The rows not in `test`, ascending. */
function complement(n: number, test: Int32Array): Int32Array {
  const out = new Int32Array(n - test.length);
  const mark = new Uint8Array(n);
  for (const i of test) mark[i] = 1;
  for (let i = 0, j = 0; i < n; i++) if (mark[i] === 0) out[j++] = i;
  return out;
}

/** A seeded shuffle cut into k folds, the first n % k one row larger (as KFold). */
function makeFolds(X: Matrix, k: number, seed: number): Folds {
  const n = X.rows;
  const order = Random.fromSeed(seed).permutation(n);
  const test: Int32Array[] = [];
  for (let f = 0, start = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    test.push(order.slice(start, start + size));
    start += size;
  }
  return {
    test,
    train: test.map((rows) => complement(n, rows)),
    trainX: test.map((rows) => selectRows(X, complement(n, rows))),
    testX: test.map((rows) => selectRows(X, rows)),
  };
}

/** Records a candidate's error, or rethrows what must stop the run. */
function recordFailure(
  context: IterationContext,
  errors: Map<string, unknown>,
  name: string,
  error: unknown,
) {
  const { signal, unavailable, settings, onWarning } = context;
  if (signal?.aborted) throw error;
  if (isUnavailable(error)) {
    if (settings.missingSurrogates === 'error') throw error;
    if (!unavailable.has(name)) {
      unavailable.set(name, describe(error));
      onWarning(`samo: surrogate candidate "${name}" is unavailable and leaves the pool: ${describe(error)}`);
    }
  } else if (ParetokitError.isInstance(error) && error.name === 'InvalidArgumentError') {
    throw error;
  }
  errors.set(name, error);
}

/** One fit job of candidate `name` of target `ti` on fold `f`, storing its held-out predictions. */
function foldJob(
  context: IterationContext,
  data: TrainingData,
  folds: Folds,
  out: OutOfFold,
  at: { readonly f: number; readonly ti: number; readonly name: string },
): FitJob {
  const { f, ti, name } = at;
  const t = data.targets[ti]!;
  const errors = out.errors[ti]!;
  return {
    candidate: name,
    start: () => {
      if (errors.has(name) || context.unavailable.has(name)) return undefined;
      context.signal?.throwIfAborted();
      try {
        const model = data.fresh(t, name);
        const idx = folds.train[f]!;
        const y = new Float64Array(idx.length);
        for (let i = 0; i < idx.length; i++) y[i] = t.y[idx[i]!]!;
        const store = () => {
          const yhat = model.predict(folds.testX[f]!);
          const target = out.predictions[ti]!.get(name)!;
          const test = folds.test[f]!;
          for (let i = 0; i < test.length; i++) target[test[i]!] = yhat[i]!;
        };
        return fitThen(model, folds.trainX[f]!, y, store)?.catch((error: unknown) =>
          recordFailure(context, errors, name, error),
        );
      } catch (error) {
        recordFailure(context, errors, name, error);
        return undefined;
      }
    },
  };
}

/** The scores of every candidate of target `t` and the best (first in pool order on ties). */
function scoreTarget(
  context: IterationContext,
  t: TargetData,
  folds: Folds,
  predictions: Map<string, Float64Array>,
  errors: Map<string, unknown>,
): TargetDiagnostics {
  const { metric } = context.settings;
  const candidates: Record<string, CandidateScores> = {};
  let chosen: string | undefined;
  let best = Number.NaN;
  for (const name of Object.keys(t.pool)) {
    const error =
      errors.get(name) ?? (context.unavailable.has(name) ? context.unavailable.get(name) : undefined);
    if (error !== undefined) {
      candidates[name] = { error: typeof error === 'string' ? error : describe(error) };
      continue;
    }
    const yhat = predictions.get(name)!;
    const scores = folds.test.map((test) => {
      const yt = new Float64Array(test.length);
      const yp = new Float64Array(test.length);
      for (let i = 0; i < test.length; i++) {
        yt[i] = t.y[test[i]!]!;
        yp[i] = yhat[test[i]!]!;
      }
      return metric.score(yt, yp);
    });
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    candidates[name] = { scores, mean };
    const better = metric.greaterIsBetter ? mean > best : mean < best;
    if (chosen === undefined || better || (Number.isNaN(best) && !Number.isNaN(mean))) {
      chosen = name;
      best = mean;
    }
  }
  if (chosen === undefined) {
    throw new InvalidArgumentError({
      argument: `samo: surrogate pool of ${t.target.kind} ${t.target.name}`,
      expected: 'at least one candidate that cross-validates',
      actual: candidates,
      hint: Object.entries(candidates)
        .map(([n, c]) => `${n}: ${'error' in c ? c.error : 'ok'}`)
        .join('; '),
    });
  }
  return { target: t.target, chosen, score: best, candidates };
}

/**
 * The study's step 2 for every target at once: k-fold cross-validation of every candidate of
 * every target (each fold a fresh regressor), the best mean score chosen per target (first in pool
 * order on ties). Fits run as separate jobs, `fitConcurrency` at a time, so the process-based
 * bridges overlap with in-process fits. A candidate that fails is recorded in the diagnostics; one
 * whose library is missing stops the run or leaves the pool (`missingSurrogates`).
 * O(targets · candidates · folds) fits.
 */
export async function selectSurrogates(context: IterationContext, data: TrainingData): Promise<Selection> {
  const { settings, unavailable, asynchronous } = context;
  const folds = makeFolds(data.X, settings.folds, data.seed);
  const out: OutOfFold = {
    errors: data.targets.map(() => new Map<string, unknown>()),
    predictions: data.targets.map(
      (t) => new Map(Object.keys(t.pool).map((n) => [n, new Float64Array(data.X.rows)])),
    ),
  };
  const jobs: FitJob[] = [];
  // Fold-major order spreads each candidate's fits over time, so bridges and in-process fits mix.
  for (let f = 0; f < settings.folds; f++) {
    for (const [ti, t] of data.targets.entries()) {
      for (const name of Object.keys(t.pool)) {
        if (!unavailable.has(name)) jobs.push(foldJob(context, data, folds, out, { f, ti, name }));
      }
    }
  }
  const started = performance.now();
  await runFits(jobs, settings.fitConcurrency, asynchronous);
  const selectionMs = performance.now() - started;
  const diagnostics = data.targets.map((t, ti) =>
    scoreTarget(context, t, folds, out.predictions[ti]!, out.errors[ti]!),
  );
  return { chosen: diagnostics.map((d) => d.chosen), diagnostics, selectionMs };
}
