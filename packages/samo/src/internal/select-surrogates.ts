import { InvalidArgumentError, type Matrix, ParetokitError, Random, selectRows } from '@paretokit/problem';
import {
  type Regressor,
  type ResolvedMetric,
  resolveMetric,
  type SurrogateBridge,
} from '@paretokit/surrogates';
import type {
  CandidateScores,
  SelectionOptions,
  SurrogatePool,
  SurrogateTarget,
  TargetDiagnostics,
} from '../samo-options.js';
import { type FitJob, fitThen, runFits } from './run-fits.js';

/** The metric of the selection options (default MAPE); throws on an unknown name. */
export function resolveSelectionMetric(selection: SelectionOptions): ResolvedMetric {
  return resolveMetric(selection.metric ?? 'mape', selection.greaterIsBetter, 'samo: selection.metric');
}

/** One target to model: its pool and its values on the archive rows. */
export interface TargetData {
  readonly target: SurrogateTarget;
  readonly pool: SurrogatePool;
  readonly y: Float64Array;
}

/** What {@link selectSurrogates} needs besides the data. */
export interface SelectSettings {
  readonly folds: number;
  readonly metric: ResolvedMetric;
  readonly seed: number;
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  /** The run's bridge, handed to every factory. */
  readonly bridge: SurrogateBridge;
  /** Candidates found unavailable earlier in the run (bridges without their library); updated here. */
  readonly unavailable: Map<string, string>;
  /** `"error"`: an unavailable candidate stops the run; `"skip"`: it leaves the pool with a warning. */
  readonly missing: 'error' | 'skip';
  /** Candidates whose fits were seen to be asynchronous (bridges) earlier in the run; updated here. */
  readonly asynchronous: Set<string>;
  readonly onWarning: (message: string) => void;
}

/** The fitted winner of every target, with the diagnostics and the time of both phases. */
export interface SelectedSurrogates {
  readonly models: Regressor[];
  readonly diagnostics: TargetDiagnostics[];
  readonly selectionMs: number;
  readonly fitMs: number;
}

function isUnavailable(error: unknown): boolean {
  return ParetokitError.isInstance(error) && error.name === 'BridgeUnavailableError';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Rows of each fold: a seeded shuffle cut into k folds, the first n % k one row larger (as KFold). */
function foldRows(n: number, k: number, seed: number): Int32Array[] {
  const order = Random.fromSeed(seed).permutation(n);
  const out: Int32Array[] = [];
  for (let f = 0, start = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    out.push(order.slice(start, start + size));
    start += size;
  }
  return out;
}

/** The rows not in `test`, ascending. */
function complement(n: number, test: Int32Array): Int32Array {
  const out = new Int32Array(n - test.length);
  const mark = new Uint8Array(n);
  for (const i of test) mark[i] = 1;
  for (let i = 0, j = 0; i < n; i++) if (mark[i] === 0) out[j++] = i;
  return out;
}

/**
 * The study's steps 2-3 for every target at once: k-fold cross-validation of every candidate of
 * every target (each fold a fresh regressor), the best mean score chosen per target (first in pool
 * order on ties), then a fresh instance of each winner fitted on all rows. Fits run as separate
 * jobs, `concurrency` at a time, so the process-based bridges overlap with in-process fits.
 * O(targets · candidates · (folds + 1) fits).
 */
export async function selectSurrogates(
  X: Matrix,
  targets: readonly TargetData[],
  settings: SelectSettings,
): Promise<SelectedSurrogates> {
  const { folds, metric, seed, concurrency, signal, unavailable, onWarning, bridge, asynchronous } = settings;
  const testRows = foldRows(X.rows, folds, seed);
  const trainX = testRows.map((test) => selectRows(X, complement(X.rows, test)));
  const testX = testRows.map((test) => selectRows(X, test));
  const trainIndex = testRows.map((test) => complement(X.rows, test));
  const context = (t: TargetData) =>
    signal === undefined ? { seed, target: t.target, bridge } : { seed, target: t.target, signal, bridge };
  const fresh = (t: TargetData, name: string, seen: WeakSet<object>): Regressor => {
    const regressor = t.pool[name]!(context(t));
    if (typeof regressor?.fit !== 'function' || typeof regressor.predict !== 'function') {
      throw new InvalidArgumentError({
        argument: `samo: surrogate ${name} of ${t.target.name}`,
        expected: 'a factory returning a Regressor (fit and predict)',
        actual: regressor,
      });
    }
    if (seen.has(regressor)) {
      throw new InvalidArgumentError({
        argument: `samo: surrogate ${name} of ${t.target.name}`,
        expected: 'a new regressor on every call',
        actual: regressor,
        hint: 'Write (ctx) => knnRegressor(...), not () => model: fitted models must never be shared.',
      });
    }
    seen.add(regressor);
    return regressor;
  };

  // Out-of-fold predictions, per target and candidate; undefined entries after an error.
  const errors = targets.map(() => new Map<string, unknown>());
  const predictions = targets.map(
    (t) => new Map(Object.keys(t.pool).map((n) => [n, new Float64Array(X.rows)])),
  );
  const seen = new WeakSet<object>();
  const jobs: FitJob[] = [];
  /** Records a candidate's error, or rethrows what must stop the run. */
  const failed = (ti: number, name: string, error: unknown) => {
    if (signal?.aborted) throw error;
    if (isUnavailable(error)) {
      if (settings.missing === 'error') throw error;
      if (!unavailable.has(name)) {
        unavailable.set(name, describe(error));
        onWarning(
          `samo: surrogate candidate "${name}" is unavailable and leaves the pool: ${describe(error)}`,
        );
      }
    } else if (ParetokitError.isInstance(error) && error.name === 'InvalidArgumentError') {
      throw error;
    }
    errors[ti]!.set(name, error);
  };
  // Fold-major order spreads each candidate's fits over time, so bridges and in-process fits mix.
  for (let f = 0; f < folds; f++) {
    for (const [ti, t] of targets.entries()) {
      for (const name of Object.keys(t.pool)) {
        if (unavailable.has(name)) continue;
        jobs.push({
          candidate: name,
          start: () => {
            if (errors[ti]!.has(name) || unavailable.has(name)) return undefined;
            signal?.throwIfAborted();
            try {
              const model = fresh(t, name, seen);
              const idx = trainIndex[f]!;
              const y = new Float64Array(idx.length);
              for (let i = 0; i < idx.length; i++) y[i] = t.y[idx[i]!]!;
              const store = () => {
                const yhat = model.predict(testX[f]!);
                const out = predictions[ti]!.get(name)!;
                const test = testRows[f]!;
                for (let i = 0; i < test.length; i++) out[test[i]!] = yhat[i]!;
              };
              return fitThen(model, trainX[f]!, y, store)?.catch((error: unknown) => failed(ti, name, error));
            } catch (error) {
              failed(ti, name, error);
              return undefined;
            }
          },
        });
      }
    }
  }
  const started = performance.now();
  await runFits(jobs, concurrency, asynchronous);
  const selectionMs = performance.now() - started;

  const diagnostics: TargetDiagnostics[] = [];
  const winners: string[] = [];
  for (const [ti, t] of targets.entries()) {
    const candidates: Record<string, CandidateScores> = {};
    let chosen: string | undefined;
    let best = Number.NaN;
    for (const name of Object.keys(t.pool)) {
      const error = errors[ti]!.get(name) ?? (unavailable.has(name) ? unavailable.get(name) : undefined);
      if (error !== undefined) {
        candidates[name] = { error: typeof error === 'string' ? error : describe(error) };
        continue;
      }
      const yhat = predictions[ti]!.get(name)!;
      const scores = testRows.map((test) => {
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
    winners.push(chosen);
    diagnostics.push({ target: t.target, chosen, score: best, candidates });
  }

  const fitStarted = performance.now();
  const models: Regressor[] = targets.map((t, ti) => fresh(t, winners[ti]!, seen));
  await runFits(
    models.map((model, ti) => ({
      candidate: winners[ti]!,
      start: () => {
        signal?.throwIfAborted();
        return fitThen(model, X, targets[ti]!.y, () => {});
      },
    })),
    concurrency,
    asynchronous,
  );
  return { models, diagnostics, selectionMs, fitMs: performance.now() - fitStarted };
}
