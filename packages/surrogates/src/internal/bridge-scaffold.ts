import { InvalidArgumentError, type Matrix } from '@paretokit/problem';
import type { BridgeRegressor } from '../bridge-regressor.js';
import { NotFittedError } from '../errors/not-fitted-error.js';
import { checkNumber, checkPredictX, checkTrainingData, checkX } from './check-data.js';
import { withTempDir } from './run-program.js';

/** What one library contributes to a {@link bridgeScaffold}. */
export interface BridgeParts<Model> {
  /** Factory name, for messages and temp folder names. */
  readonly name: string;
  readonly tempPrefix: string;
  /** Trains in `dir` and returns the saved model text. */
  train(dir: string, X: Matrix, y: Float64Array): Promise<string>;
  /** Reads the model text for in-process prediction. */
  parse(text: string): Model;
  /** In-process prediction. */
  predict(model: Model, X: Matrix): Float64Array;
  /** The library's own prediction, run in `dir` on the saved model text. */
  native(dir: string, text: string, X: Matrix): Promise<Float64Array>;
}

/**
 * The part every bridge regressor shares: checks, private temp folders, fitted-state handling,
 * in-process predict and native predict.
 */
export function bridgeScaffold<Model>(parts: BridgeParts<Model>): BridgeRegressor {
  let fitted: { model: Model; text: string; cols: number } | undefined;
  const need = () => {
    if (fitted === undefined) throw new NotFittedError(parts.name);
    return fitted;
  };
  return {
    get model() {
      return fitted?.text;
    },
    async fit(X: Matrix, y: Float64Array): Promise<void> {
      checkTrainingData(X, y, `${parts.name}.fit`);
      fitted = undefined;
      const text = await withTempDir(parts.tempPrefix, (dir) => parts.train(dir, X, y));
      fitted = { model: parts.parse(text), text, cols: X.cols };
    },
    predict(X: Matrix): Float64Array {
      const { model, cols } = need();
      checkPredictX(X, cols, `${parts.name}.predict`);
      return parts.predict(model, X);
    },
    async predictNative(X: Matrix): Promise<Float64Array> {
      const { text, cols } = need();
      checkX(X, `${parts.name}.predictNative`);
      checkPredictX(X, cols, `${parts.name}.predictNative`);
      return withTempDir(parts.tempPrefix, (dir) => parts.native(dir, text, X));
    },
  };
}

/** Checks a string option is one of `allowed`; returns it. */
export function checkOneOf<T extends string>(value: T, allowed: readonly T[], argument: string): T {
  if (!allowed.includes(value)) {
    throw new InvalidArgumentError({
      argument,
      expected: `one of ${allowed.map((a) => `"${a}"`).join(', ')}`,
      actual: value,
    });
  }
  return value;
}

/** Checks that the given options, when set, are fractions in (0, 1]. */
export function checkFractions<K extends string>(
  options: Partial<Record<K, number>>,
  keys: readonly K[],
  factory: string,
): void {
  for (const key of keys) {
    const v = options[key];
    if (v !== undefined) checkNumber(v, `${factory}: ${key}`, 0, 1, true);
  }
}
