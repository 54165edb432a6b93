import { DimensionMismatchError, InvalidArgumentError } from '@paretokit/problem';

/** Throws unless `yTrue` and `yPred` are equally long, non-empty and finite. O(n). */
export function checkPair(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, metric: string): void {
  if (yPred.length !== yTrue.length) {
    throw new DimensionMismatchError({
      what: `${metric}(yTrue, yPred): yPred`,
      expected: yTrue.length,
      actual: yPred.length,
      unit: 'values (one per entry of yTrue)',
    });
  }
  if (yTrue.length === 0) {
    throw new InvalidArgumentError({
      argument: `${metric}(yTrue, yPred)`,
      expected: 'at least one value',
      actual: 0,
    });
  }
  for (let i = 0; i < yTrue.length; i++) {
    if (!Number.isFinite(yTrue[i]!) || !Number.isFinite(yPred[i]!)) {
      const which = Number.isFinite(yTrue[i]!) ? 'yPred' : 'yTrue';
      throw new InvalidArgumentError({
        argument: `${metric}(yTrue, yPred): ${which}[${i}]`,
        expected: 'a finite number',
        actual: which === 'yTrue' ? yTrue[i] : yPred[i],
      });
    }
  }
}
