export type { CrossValidateOptions, CrossValidation, Metric } from './cross-validate.js';
export { crossValidate } from './cross-validate.js';
export { encodedRegressor } from './encoded-regressor.js';
export { BridgeAbortedError } from './errors/bridge-aborted-error.js';
export type { BridgeLibraryDetails } from './errors/bridge-library-error.js';
export { BridgeLibraryError } from './errors/bridge-library-error.js';
export type { BridgeProcessDetails } from './errors/bridge-process-error.js';
export { BridgeProcessError } from './errors/bridge-process-error.js';
export { BridgeTimeoutError } from './errors/bridge-timeout-error.js';
export type { BridgeUnavailableDetails } from './errors/bridge-unavailable-error.js';
export { BridgeUnavailableError } from './errors/bridge-unavailable-error.js';
export { NotFittedError } from './errors/not-fitted-error.js';
export type {
  GaussianProcessHyperparameters,
  GaussianProcessRegressor,
  GaussianProcessRegressorOptions,
} from './gaussian-process-regressor.js';
export { gaussianProcessRegressor } from './gaussian-process-regressor.js';
export { kendallTau } from './kendall-tau.js';
export type { KnnRegressorOptions } from './knn-regressor.js';
export { knnRegressor } from './knn-regressor.js';
export { mae } from './mae.js';
export { MAPE_EPSILON, mape } from './mape.js';
export type { MixedEncoder, MixedEncoderOptions } from './mixed-encoder.js';
export { mixedEncoder } from './mixed-encoder.js';
export { r2 } from './r2.js';
export type { RandomForestRegressorOptions } from './random-forest-regressor.js';
export { randomForestRegressor } from './random-forest-regressor.js';
export type { Regressor, RegressorFactory } from './regressor.js';
export type { ResolvedMetric } from './resolve-metric.js';
export { resolveMetric } from './resolve-metric.js';
export { rmse } from './rmse.js';
export type { CandidateResult, SelectBestOptions, Selection } from './select-best.js';
export { selectBest } from './select-best.js';
