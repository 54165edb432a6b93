import { DimensionMismatchError, InvalidArgumentError } from '@paretokit/problem';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kendallTau, MAPE_EPSILON, mae, mape, r2, rmse } from './index.js';

/** Kendall's tau-b by the O(n²) definition, as the oracle of the O(n log n) version. */
function tauBrute(x: number[], y: number[]): number {
  let concordant = 0;
  let discordant = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const s = Math.sign(x[i]! - x[j]!) * Math.sign(y[i]! - y[j]!);
      if (s > 0) concordant++;
      else if (s < 0) discordant++;
      else if (x[i] !== x[j] && y[i] === y[j]) ty++;
      else if (x[i] === x[j] && y[i] !== y[j]) tx++;
    }
  }
  return (
    (concordant - discordant) / Math.sqrt((concordant + discordant + tx) * (concordant + discordant + ty))
  );
}

describe('metrics', () => {
  it('mape follows METHOD.md with the scikit-learn epsilon', () => {
    expect(MAPE_EPSILON).toBe(2.220446049250313e-16);
    expect(mape([2, -4], [1, -2])).toBe(0.5);
    // |y| below eps is replaced by eps (scikit-learn's mean_absolute_percentage_error).
    expect(mape([0], [1e-16])).toBeCloseTo(1e-16 / MAPE_EPSILON, 12);
    expect(mape(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3))).toBe(0);
  });

  it('rmse, mae and r2 match hand-computed values', () => {
    expect(rmse([1, 2, 3, 4], [1, 2, 3, 8])).toBe(2);
    expect(mae([1, 2, 3, 4], [2, 2, 3, 1])).toBe(1);
    expect(r2([1, 2, 3], [2, 2, 2])).toBe(0);
    expect(r2([5, 5], [5, 5])).toBe(1);
    expect(r2([5, 5], [4, 5])).toBe(0);
    expect(r2([1, 2, 3], [3, 2, 1])).toBe(-3);
  });

  it('kendallTau equals the O(n²) tau-b definition, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), {
          minLength: 2,
          maxLength: 60,
        }),
        (pairs) => {
          const x = pairs.map((p) => p[0]);
          const y = pairs.map((p) => p[1]);
          const expected = tauBrute(x, y);
          const actual = kendallTau(x, y);
          if (Number.isNaN(expected)) expect(actual).toBeNaN();
          else expect(actual).toBeCloseTo(expected, 12);
        },
      ),
    );
    expect(kendallTau([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 15);
    expect(kendallTau([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('rejects mismatched, empty and non-finite input with typed errors', () => {
    for (const metric of [mape, rmse, mae, r2, kendallTau]) {
      expect(() => metric([1, 2], [1])).toThrow(DimensionMismatchError);
      expect(() => metric([], [])).toThrow(InvalidArgumentError);
      expect(() => metric([1, Number.NaN], [1, 2])).toThrow(/yTrue\[1\]: expected a finite number/);
      expect(() => metric([1, 2], [1, Number.POSITIVE_INFINITY])).toThrow(/yPred\[1\]/);
    }
  });
});
