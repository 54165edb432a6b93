import { InvalidArgumentError, type Matrix } from '@paretokit/problem';
import type { Regressor } from '@paretokit/surrogates';
import { fitThen, runFits } from '../internal/run-fits.js';
import type { IterationContext, SurrogatePool, SurrogateTarget } from './types.js';

/** One target to model: its pool and its values on the archive rows. */
export interface TargetData {
  readonly target: SurrogateTarget;
  readonly pool: SurrogatePool;
  readonly y: Float64Array;
}

/**
 * What selection and fitting work on: the usable archive rows encoded for the regressors, every
 * target's values and pool, and a maker of fresh regressors seeded for this iteration.
 */
export interface TrainingData {
  /** Encoded decision rows. */
  readonly X: Matrix;
  readonly targets: readonly TargetData[];
  /** Seed of the fold split and of every regressor made. */
  readonly seed: number;
  /**
   * A new instance of candidate `name` of a target's pool; refuses a factory that returns no
   * Regressor, or one it handed out before (fitted models must never be shared).
   */
  readonly fresh: (t: TargetData, name: string) => Regressor;
}

/** Every target's column of the usable archive: objectives from F, then constraints from G. O(n·targets). */
function targetData(context: IterationContext): TargetData[] {
  const { X, F, G, targets, pools } = context;
  const m = F.cols;
  return targets.map((target, t) => {
    const y = new Float64Array(X.rows);
    const source = t < m ? F : G!;
    const j = t < m ? t : t - m;
    const w = source.cols;
    for (let i = 0; i < X.rows; i++) y[i] = source.data[i * w + j]!;
    return { target, pool: pools[t]!, y };
  });
}

/** The context's archive and pools ready for selection and fitting, every regressor seeded with `seed`. O(n·(d + targets)). */
export function trainingData(context: IterationContext, seed: number): TrainingData {
  const { signal, bridge } = context;
  const seen = new WeakSet<object>();
  const fresh = (t: TargetData, name: string): Regressor => {
    const regressor = t.pool[name]!(
      signal === undefined ? { seed, target: t.target, bridge } : { seed, target: t.target, signal, bridge },
    );
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
  return { X: context.encode(context.X), targets: targetData(context), seed, fresh };
}

/** Fitted models, one per target, and the wall-clock ms their fits took. */
export interface FittedSurrogates {
  readonly models: Regressor[];
  readonly fitMs: number;
}

/**
 * The study's step 3: a fresh instance of each target's `chosen` candidate fitted on all rows,
 * `fitConcurrency` fits at a time (bridges in parallel with in-process fits). O(targets) fits.
 */
export async function fitSurrogates(
  context: IterationContext,
  data: TrainingData,
  chosen: readonly string[],
): Promise<FittedSurrogates> {
  const { signal, settings, asynchronous } = context;
  const started = performance.now();
  const models = data.targets.map((t, ti) => data.fresh(t, chosen[ti]!));
  await runFits(
    models.map((model, ti) => ({
      candidate: chosen[ti]!,
      start: () => {
        signal?.throwIfAborted();
        return fitThen(model, data.X, data.targets[ti]!.y, () => {});
      },
    })),
    settings.fitConcurrency,
    asynchronous,
  );
  return { models, fitMs: performance.now() - started };
}
