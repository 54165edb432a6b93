import { InvalidArgumentError, toMatrix } from '@paretokit/problem';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eliminateDuplicates } from './eliminate-duplicates.js';

describe('eliminateDuplicates', () => {
  it('drops rows equal to an earlier candidate or an existing row', () => {
    const candidates = toMatrix([
      [0, 1],
      [0, 1],
      [2, 2],
      [3, 3],
      [3, 3 + 1e-9],
    ]);
    expect(Array.from(eliminateDuplicates(candidates, [toMatrix([[2, 2]])]))).toEqual([0, 3, 4]);
    expect(Array.from(eliminateDuplicates(candidates, [], 1e-6))).toEqual([0, 2, 3]);
    expect(Array.from(eliminateDuplicates(candidates))).toEqual([0, 2, 3, 4]);
  });

  it('agrees with the pairwise definition (fast-check)', () => {
    const value = fc.constantFrom(0, 1, 2, 1e-17, -0, 0.5);
    const rows = (k: number) => fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { maxLength: k });
    fc.assert(
      fc.property(rows(12), rows(6), fc.constantFrom(0, 1e-16, 0.6), (c, e, tolerance) => {
        const same = (a: number[], b: number[]) => a.every((v, j) => Math.abs(v - b[j]!) <= tolerance);
        const expected = c.flatMap((row, i) =>
          e.some((x) => same(row, x)) || c.slice(0, i).some((x) => same(row, x)) ? [] : [i],
        );
        const got = eliminateDuplicates(toMatrix(c, 'c', 3), [toMatrix(e, 'e', 3)], tolerance);
        expect(Array.from(got)).toEqual(expected);
      }),
    );
  });

  it('checks its inputs', () => {
    expect(() => eliminateDuplicates(toMatrix([[1]]), [], -1)).toThrow(InvalidArgumentError);
    expect(() => eliminateDuplicates(toMatrix([[1]]), [toMatrix([[1, 2]])])).toThrow(/columns/);
  });
});
