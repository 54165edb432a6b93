import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPoints } from './read-points.js';

/** The packed result, or the error message. */
function outcome(run: () => { n: number; d: number; data: Float64Array }): unknown {
  try {
    const { n, d, data } = run();
    return { n, d, data: Array.from(data) };
  } catch (e) {
    return (e as Error).message;
  }
}

describe('readPoints', () => {
  it('reads a Float64Array matrix (fast path) exactly as the same matrix of plain numbers', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(value, { maxLength: 24 }),
        fc.boolean(),
        (cols, values, allowPositiveInfinity) => {
          const rows = Math.floor(values.length / cols);
          const plain = values.slice(0, rows * cols);
          const options = { what: 'points', cols, allowPositiveInfinity };
          const fast = Float64Array.from(plain);
          const read = outcome(() => readPoints({ rows, cols, data: fast }, options));
          expect(read).toEqual(outcome(() => readPoints({ rows, cols, data: plain }, options)));
          // A copy: the caller's array is left alone.
          if (typeof read !== 'string' && rows > 0)
            expect(readPoints({ rows, cols, data: fast }, options).data).not.toBe(fast);
        },
      ),
    );
  });
});
