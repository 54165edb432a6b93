import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { createMatrix, getRow, isMatrix, selectRows, toArrays, toMatrix, vstack } from './matrix.js';

describe('Matrix helpers', () => {
  it('round-trips rows of numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((cols) =>
          fc.array(fc.array(fc.double({ noNaN: true }), { minLength: cols, maxLength: cols }), {
            maxLength: 20,
          }),
        ),
        (rows) => {
          const m = toMatrix(rows);
          expect(m.rows).toBe(rows.length);
          expect(toArrays(m)).toEqual(rows);
        },
      ),
    );
  });

  it('is row-major', () => {
    const m = toMatrix([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(getRow(m, 1))).toEqual([4, 5, 6]);
    expect(toArrays(selectRows(m, [1, 0, 1]))).toEqual([
      [4, 5, 6],
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(toArrays(vstack([m, toMatrix([[7, 8, 9]])]))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(toMatrix(m)).toBe(m);
    expect(isMatrix(m)).toBe(true);
    expect(isMatrix({ rows: 1, cols: 2, data: new Float64Array(3) })).toBe(false);
  });

  it('rejects ragged rows, non-numbers and bad sizes with typed errors', () => {
    expect(() => toMatrix([[1, 2], [3]], 'F')).toThrow(
      new DimensionMismatchError({ what: 'F, row 1', expected: 2, actual: 1, unit: 'values' }),
    );
    expect(() => toMatrix([[1, '2' as unknown as number]])).toThrow(InvalidArgumentError);
    expect(() => toMatrix('x' as unknown as number[][])).toThrow(InvalidArgumentError);
    expect(() => createMatrix(2, 2, new Float64Array(3))).toThrow('expected 4 values, got 3');
    expect(() => createMatrix(-1, 2)).toThrow(InvalidArgumentError);
    expect(() => getRow(createMatrix(2, 2), 2)).toThrow(InvalidArgumentError);
    expect(() => vstack([createMatrix(1, 2), createMatrix(1, 3)])).toThrow(DimensionMismatchError);
  });
});
