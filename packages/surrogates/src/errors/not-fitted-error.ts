import { ParetokitError } from '@paretokit/problem';

/**
 * `predict` was called on a regressor that has not been fitted (or whose fit failed).
 *
 * @example
 * new NotFittedError('knnRegressor').message // => 'knnRegressor: predict() called before fit(). Call fit(X, y) first.'
 */
export class NotFittedError extends ParetokitError {
  constructor(regressor: string) {
    super('NotFittedError', `${regressor}: predict() called before fit(). Call fit(X, y) first.`);
  }
}
