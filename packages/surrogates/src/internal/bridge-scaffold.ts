import { InvalidArgumentError, type Matrix } from '@paretokit/problem';
import type { BridgeOptions, BridgeRegressor } from '../bridge-regressor.js';
import { NotFittedError } from '../errors/not-fitted-error.js';
import type { BridgeLibrary } from '../surrogate-bridge.js';
import { checkNumber, checkPredictX, checkTrainingData, checkX } from './check-data.js';
import { sharedBridge } from './shared-bridge.js';

/** What one library contributes to a {@link bridgeScaffold}. */
export interface BridgeParts<Model> {
  /** Factory name, for messages. */
  readonly name: string;
  readonly library: BridgeLibrary;
  readonly rounds: number;
  /** The library's training parameters. */
  readonly params: Readonly<Record<string, string | number | boolean>>;
  /** Reads the model text for in-process prediction. */
  parse(text: string): Model;
  /** In-process prediction. */
  predict(model: Model, X: Matrix): Float64Array;
}

/**
 * The part every bridge regressor shares: checks, training and native prediction through the
 * bridge, fitted-state handling, in-process predict.
 */
export function bridgeScaffold<Model>(parts: BridgeParts<Model>, options: BridgeOptions): BridgeRegressor {
  const { library, rounds, params } = parts;
  const bridge = options.bridge ?? sharedBridge(options.python ?? 'python3');
  const limits = {
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
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
      const text = await bridge.train({ library, X, y, rounds, params, ...limits });
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
      return bridge.predict({ library, model: text, X, ...limits });
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
