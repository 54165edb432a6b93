import { InvalidArgumentError, type Matrix, Random, selectRows } from '@paretokit/problem';
import type { CrossValidation } from '../cross-validate.js';
import type { Regressor, RegressorFactory } from '../regressor.js';
import type { resolveMetric } from '../resolve-metric.js';
import { checkInteger, checkTrainingData } from './check-data.js';

/** Rows of each fold: a seeded shuffle cut into `k` folds, the first `n % k` one row larger (as scikit-learn's KFold). */
export function foldsOf(n: number, k: number, seed: number): Int32Array[] {
  const order = Random.fromSeed(seed).permutation(n);
  const out: Int32Array[] = [];
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    out.push(order.slice(start, start + size));
    start += size;
  }
  return out;
}

/** Checks arguments shared by crossValidate and selectBest before any work; returns the fold count. */
export function checkCrossValidation(X: Matrix, y: Float64Array, folds: number, what: string): number {
  checkTrainingData(X, y, what);
  const k = checkInteger(folds, `${what}: folds`, 2);
  if (X.rows < k) {
    throw new InvalidArgumentError({
      argument: `${what}: X`,
      expected: `at least as many rows as folds (${k})`,
      actual: X.rows,
      hint: 'Use fewer folds or more data.',
    });
  }
  return k;
}

/** Calls `factory`, checking it made a new regressor (never one already used). */
export function freshRegressor(factory: RegressorFactory, seen: WeakSet<object>, what: string): Regressor {
  if (typeof factory !== 'function') {
    throw new InvalidArgumentError({
      argument: what,
      expected: 'a factory () => Regressor',
      actual: factory,
    });
  }
  const regressor = factory();
  if (typeof regressor?.fit !== 'function' || typeof regressor?.predict !== 'function') {
    throw new InvalidArgumentError({
      argument: `${what}()`,
      expected: 'a Regressor (fit and predict)',
      actual: regressor,
    });
  }
  if (seen.has(regressor)) {
    throw new InvalidArgumentError({
      argument: `${what}()`,
      expected: 'a new regressor on every call',
      actual: regressor,
      hint: 'Write () => knnRegressor(...), not () => model: a fitted model must never be shared between folds.',
    });
  }
  seen.add(regressor);
  return regressor;
}

/** Fits and scores one fresh regressor per fold. */
export async function runFolds(
  factory: RegressorFactory,
  X: Matrix,
  y: Float64Array,
  folds: readonly Int32Array[],
  metric: ReturnType<typeof resolveMetric>,
  what: string,
): Promise<CrossValidation> {
  const seen = new WeakSet<object>();
  const predictions = new Float64Array(X.rows);
  const scores: number[] = [];
  const inFold = new Uint8Array(X.rows);
  for (const test of folds) {
    inFold.fill(0);
    for (const i of test) inFold[i] = 1;
    const train = new Int32Array(X.rows - test.length);
    for (let i = 0, t = 0; i < X.rows; i++) if (!inFold[i]) train[t++] = i;
    const model = freshRegressor(factory, seen, what);
    await model.fit(
      selectRows(X, train),
      Float64Array.from(train, (i) => y[i]!),
    );
    const predicted = model.predict(selectRows(X, test));
    const truth = Float64Array.from(test, (i) => y[i]!);
    test.forEach((i, p) => {
      predictions[i] = predicted[p]!;
    });
    scores.push(metric.score(truth, predicted));
  }
  const mean = scores.reduce((s, v) => s + v, 0) / scores.length;
  return { metric: metric.name, greaterIsBetter: metric.greaterIsBetter, scores, mean, predictions };
}
