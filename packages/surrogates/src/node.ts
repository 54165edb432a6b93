/**
 * The Node-only part of `@paretokit/surrogates` (`@paretokit/surrogates/node`): the Python bridge
 * (`surrogateBridge`, a child process) and the XGBoost and LightGBM regressors that train through
 * it. The main entry imports nothing from `node:` so that the in-process predictors (KNN, random
 * forest, Gaussian process), cross-validation and selection bundle for a browser; the bridge errors
 * stay there, so code that only catches them needs no Node.
 */
export type { BridgeOptions, BridgeRegressor } from './bridge-regressor.js';
export type { LightgbmRegressorOptions } from './lightgbm-regressor.js';
export { lightgbmRegressor } from './lightgbm-regressor.js';
export type {
  BridgeCallOptions,
  BridgeLibrary,
  BridgeTrainJob,
  SurrogateBridge,
  SurrogateBridgeOptions,
} from './surrogate-bridge.js';
export { surrogateBridge } from './surrogate-bridge.js';
export type { XgboostRegressorOptions } from './xgboost-regressor.js';
export { xgboostRegressor } from './xgboost-regressor.js';
