import { InvalidArgumentError } from '@paretokit/problem';
import { kendallTau } from './kendall-tau.js';
import { mae } from './mae.js';
import { mape } from './mape.js';
import { r2 } from './r2.js';
import { rmse } from './rmse.js';

/** A metric by name, or a function of (yTrue, yPred). */
export type Metric =
  | 'mape'
  | 'rmse'
  | 'mae'
  | 'r2'
  | 'kendallTau'
  | ((yTrue: Float64Array, yPred: Float64Array) => number);

const BUILT_IN = { mape, rmse, mae, r2, kendallTau } as const;

/** A metric resolved to its function, name and direction. */
export interface ResolvedMetric {
  readonly name: string;
  readonly score: (yTrue: Float64Array, yPred: Float64Array) => number;
  readonly greaterIsBetter: boolean;
}

/**
 * The metric function of a name (mape, rmse, mae, r2, kendallTau) or a custom function, its name and
 * whether higher values are better (`greaterIsBetter` applies to custom functions; default false).
 * Throws an InvalidArgumentError naming `argument` for an unknown name.
 *
 * @example
 * resolveMetric('r2', undefined, 'metric').greaterIsBetter // => true
 */
export function resolveMetric(
  metric: Metric,
  greaterIsBetter: boolean | undefined,
  argument: string,
): ResolvedMetric {
  if (typeof metric === 'function') {
    return { name: metric.name || 'custom', score: metric, greaterIsBetter: greaterIsBetter ?? false };
  }
  if (!Object.hasOwn(BUILT_IN, metric)) {
    throw new InvalidArgumentError({
      argument,
      expected: `one of ${Object.keys(BUILT_IN).join(', ')} or a function (yTrue, yPred) => number`,
      actual: metric,
    });
  }
  return {
    name: metric,
    score: BUILT_IN[metric],
    greaterIsBetter: metric === 'r2' || metric === 'kendallTau',
  };
}
