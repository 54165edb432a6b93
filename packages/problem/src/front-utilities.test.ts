import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constraintViolation } from './constraint-violation.js';
import { crowdingDistance } from './crowding-distance.js';
import { compareDominance, constrainedDominates, dominates } from './dominance.js';
import { feasibleNonDominated } from './feasible-non-dominated.js';
import { toMatrix } from './matrix.js';
import { negateMaximized } from './negate-maximized.js';

describe('dominance', () => {
  it('follows the definitions', () => {
    const f = Float64Array.of(1, 2, 2, 2, 1, 2);
    expect(dominates(f, 0, 1, 2)).toBe(true);
    expect(dominates(f, 1, 0, 2)).toBe(false);
    expect(dominates(f, 0, 2, 2)).toBe(false); // equal rows
    expect(compareDominance([1, 2], [2, 1])).toBe(0);
    expect(compareDominance([1, 1], [2, 1])).toBe(1);
    expect(compareDominance([3, 1], [2, 1])).toBe(-1);
    const cv = Float64Array.of(0, 0.5, 1);
    expect(constrainedDominates(Float64Array.of(9, 9, 0, 0, 0, 0), cv, 0, 1, 2)).toBe(true);
    expect(constrainedDominates(Float64Array.of(9, 9, 0, 0, 0, 0), cv, 1, 2, 2)).toBe(true);
    expect(constrainedDominates(Float64Array.of(9, 9, 0, 0, 0, 0), cv, 2, 0, 2)).toBe(false);
  });

  it('is irreflexive and antisymmetric', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }), (v) => {
        const f = Float64Array.from(v);
        expect(dominates(f, 0, 0, 3)).toBe(false);
        expect(dominates(f, 0, 1, 3) && dominates(f, 1, 0, 3)).toBe(false);
        const c = compareDominance(v.slice(0, 3), v.slice(3));
        expect(c === 1).toBe(dominates(f, 0, 1, 3));
        expect(c === -1).toBe(dominates(f, 1, 0, 3));
      }),
    );
  });
});

describe('crowdingDistance', () => {
  it('gives infinite distance to extremes and normalized gaps inside', () => {
    expect(
      Array.from(
        crowdingDistance(
          toMatrix([
            [0, 3],
            [1, 1],
            [3, 0],
          ]),
        ),
      ),
    ).toEqual([Number.POSITIVE_INFINITY, 2, Number.POSITIVE_INFINITY]);
    const F = toMatrix([
      [5, 5],
      [0, 4],
      [1, 2],
      [2, 1],
      [4, 0],
    ]);
    const d = crowdingDistance(F, [1, 2, 3, 4]);
    expect(d[0]).toBe(Number.POSITIVE_INFINITY);
    expect(d[1]).toBeCloseTo(2 / 4 + 3 / 4, 12);
    expect(d[2]).toBeCloseTo(3 / 4 + 2 / 4, 12);
    expect(Array.from(crowdingDistance(F, [0, 1]))).toEqual([
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]);
    expect(() => crowdingDistance(F, [9])).toThrow('expected row indices in [0, 4], got 9');
  });
});

describe('constraint violation and feasible non-dominated set', () => {
  it('sums positive constraint values', () => {
    expect(
      Array.from(
        constraintViolation(
          toMatrix([
            [-1, 0.5],
            [0, 0],
            [2, 3],
          ]),
        ),
      ),
    ).toEqual([0.5, 0, 5]);
    expect(Array.from(constraintViolation(undefined, 3))).toEqual([0, 0, 0]);
  });

  it('keeps the feasible rows that no feasible row dominates', () => {
    expect(
      feasibleNonDominated(
        [
          [1, 1],
          [0, 2],
          [0, 0],
        ],
        [[0], [-1], [3]],
      ),
    ).toEqual([0, 1]);
    expect(
      feasibleNonDominated([
        [1, 1],
        [1, 1],
        [2, 2],
      ]),
    ).toEqual([0, 1]);
    expect(feasibleNonDominated([[1, 1]], [[1]])).toEqual([]);
  });

  it('negates maximized objectives, and back', () => {
    const objectives = [
      { name: 'ops', sense: 'min' as const },
      { name: 'acc', sense: 'max' as const },
    ];
    const F = toMatrix([
      [0.3, 0.9],
      [1, 0.5],
    ]);
    const min = negateMaximized(F, objectives);
    expect(Array.from(min.data)).toEqual([0.3, -0.9, 1, -0.5]);
    expect(Array.from(negateMaximized(min, objectives).data)).toEqual(Array.from(F.data));
    expect(() => negateMaximized(F, objectives.slice(0, 1))).toThrow(
      'expected 1 columns (one per objective), got 2',
    );
  });
});
