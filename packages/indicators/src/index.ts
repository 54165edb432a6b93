export type { DimensionMismatchDetails } from './errors/dimension-mismatch-error.js';
export { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
export { IndicatorError } from './errors/indicator-error.js';
export type { InvalidArgumentDetails } from './errors/invalid-argument-error.js';
export { InvalidArgumentError } from './errors/invalid-argument-error.js';
export type { HypervolumeOptions } from './hypervolume.js';
export { hypervolume } from './hypervolume.js';
export { hypervolumeContributions } from './hypervolume-contributions.js';
export type { MatrixLike, PointSet } from './point-set.js';
