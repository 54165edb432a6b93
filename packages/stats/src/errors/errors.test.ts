import { describe, expect, it } from 'vitest';
import { friedman } from '../friedman.js';
import { DimensionMismatchError } from './dimension-mismatch-error.js';
import { InvalidArgumentError } from './invalid-argument-error.js';
import { StatsError } from './stats-error.js';

describe('errors', () => {
  it("carry the shared Symbol.for('paretokit.error') brand that ParetokitError.isInstance reads", () => {
    const error = (() => {
      try {
        friedman([[1, 2]]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DimensionMismatchError);
    expect(error).toBeInstanceOf(StatsError);
    expect((error as Record<symbol, unknown>)[Symbol.for('paretokit.error')]).toBe(true);
    expect(StatsError.isInstance(error)).toBe(true);
    expect(StatsError.isInstance({ [Symbol.for('paretokit.error')]: true })).toBe(true);
    expect(StatsError.isInstance(null)).toBe(false);
  });

  it('have stable names and fields', () => {
    const e = new InvalidArgumentError({
      argument: 'alpha',
      expected: 'a number in (0, 1)',
      actual: 2,
      hint: 'Try 0.05.',
    });
    expect([e.name, e.argument, e.expected, e.actual]).toEqual([
      'InvalidArgumentError',
      'alpha',
      'a number in (0, 1)',
      2,
    ]);
    expect(e.message).toBe('alpha: expected a number in (0, 1), got 2. Try 0.05.');
    const d = new DimensionMismatchError({ what: 'y', expected: 3, actual: 2 });
    expect([d.name, d.what, d.expected, d.actual, d.message]).toEqual([
      'DimensionMismatchError',
      'y',
      3,
      2,
      'y: expected 3 values, got 2.',
    ]);
  });
});
