import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { hypervolume } from './hypervolume.js';
import { hypervolumeContributions } from './hypervolume-contributions.js';
import { BUCKET_FROM } from './internal/sort.js';

/** Brute force: HV(all) - HV(all without i), with the (oracle-tested) exact hypervolume. */
function bruteForce(points: number[][], ref: number[]): number[] {
  const all = hypervolume(points, { reference: ref });
  return points.map(
    (_, i) =>
      all -
      hypervolume(
        points.filter((__, j) => j !== i),
        { reference: ref },
      ),
  );
}

const closeAll = (actual: Float64Array, expected: number[], scale: number, rel = 1e-10) =>
  expected.every((e, i) => Math.abs(actual[i]! - e) <= rel * Math.max(1, scale));

/** Grid coordinates in [0, 5] with reference 4: ties, duplicates and points beyond the reference. */
const gridSet = (d: number, maxRows: number) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: d, maxLength: d }), { maxLength: maxRows });

function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('hypervolumeContributions', () => {
  it('gives the documented example', () => {
    expect(
      Array.from(
        hypervolumeContributions(
          [
            [1, 2],
            [2, 1],
            [2, 2],
          ],
          { reference: [3, 3] },
        ),
      ),
    ).toEqual([1, 1, 0]);
  });

  it('gives 0 to duplicates, to dominated points and to points beyond the reference', () => {
    const c = hypervolumeContributions(
      [
        [1, 1, 1],
        [1, 1, 1],
        [0, 2, 2],
        [2, 2, 2],
        [5, 0, 0],
      ],
      { reference: [3, 3, 3] },
    );
    expect(Array.from(c)).toEqual([0, 0, 1, 0, 0]);
  });

  it('counts the boxes of the points only it dominates against a point', () => {
    // (0, 0) alone would contribute 1; (0.5, 0.5) remains when it is removed.
    expect(
      Array.from(
        hypervolumeContributions(
          [
            [0, 0],
            [0.5, 0.5],
          ],
          { reference: [1, 1] },
        ),
      ),
    ).toEqual([0.75, 0]);
  });

  it('returns an empty array for no points and zeros when nothing dominates the reference', () => {
    expect(hypervolumeContributions([], { reference: [1, 1] })).toEqual(new Float64Array(0));
    expect(
      Array.from(
        hypervolumeContributions(
          [
            [2, 0],
            [1, 1],
          ],
          { reference: [1, 1] },
        ),
      ),
    ).toEqual([0, 0]);
  });

  it('handles one objective', () => {
    expect(Array.from(hypervolumeContributions([[3], [1], [2], [7]], { reference: [4] }))).toEqual([
      0, 1, 0, 0,
    ]);
    expect(Array.from(hypervolumeContributions([[1], [1]], { reference: [4] }))).toEqual([0, 0]);
  });

  for (const d of [1, 2, 3, 4, 5, 6]) {
    it(`equals HV(all) - HV(all without i) on grid points (d = ${d})`, () => {
      const ref = new Array<number>(d).fill(4);
      fc.assert(
        fc.property(gridSet(d, d <= 3 ? 14 : 9), (points) => {
          const all = hypervolume(points, { reference: ref });
          expect(
            closeAll(hypervolumeContributions(points, { reference: ref }), bruteForce(points, ref), all),
          ).toBe(true);
        }),
        { numRuns: d <= 4 ? 150 : 60 },
      );
    });
  }

  it('equals the brute force on a few hundred continuous points near a front (d = 2, 3, 4)', () => {
    for (const [d, n] of [
      [2, 300],
      [3, 300],
      [4, 120],
    ] as const) {
      const u = lcg(d);
      const points = Array.from({ length: n }, () => {
        const v = Array.from({ length: d }, () => Math.abs(u() - 0.5) + 0.01);
        const norm = Math.hypot(...v);
        return v.map((x) => (x / norm) * (0.9 + 0.2 * u()));
      });
      const ref = new Array<number>(d).fill(1.2);
      const all = hypervolume(points, { reference: ref });
      expect(
        closeAll(hypervolumeContributions(points, { reference: ref }), bruteForce(points, ref), all),
      ).toBe(true);
    }
  });

  it("equals the brute force on both sides of the sort's bucket threshold, with ties (d = 2, 3)", () => {
    for (const d of [2, 3]) {
      for (const n of [BUCKET_FROM - 1, BUCKET_FROM + 1]) {
        const u = lcg(7 * n + d);
        // Coordinates on a 1/64 grid: many ties and some duplicates among the n points.
        const points = Array.from({ length: n }, () => {
          const v = Array.from({ length: d }, () => Math.abs(u() - 0.5) + 0.01);
          const norm = Math.hypot(...v);
          return v.map((x) => Math.round((x / norm) * (0.9 + 0.2 * u()) * 64) / 64);
        });
        const ref = new Array<number>(d).fill(1.2);
        const all = hypervolume(points, { reference: ref });
        expect(
          closeAll(hypervolumeContributions(points, { reference: ref }), bruteForce(points, ref), all),
        ).toBe(true);
      }
    }
  });

  it('accepts a matrix and keeps the order of the rows', () => {
    const rows = [
      [3, 1],
      [1, 3],
      [2, 2],
    ];
    const fromMatrix = hypervolumeContributions(
      { rows: 3, cols: 2, data: Float64Array.from(rows.flat()) },
      { reference: [4, 4] },
    );
    expect(Array.from(fromMatrix)).toEqual([1, 1, 1]);
    expect(
      Array.from(hypervolumeContributions([rows[2]!, rows[0]!, rows[1]!], { reference: [4, 4] })),
    ).toEqual([1, 1, 1]);
  });

  it('refuses a wrong reference point and NaN', () => {
    expect(() => hypervolumeContributions([[1, 2]], { reference: [3] })).toThrow(DimensionMismatchError);
    expect(() => hypervolumeContributions([[1, Number.NaN]], { reference: [3, 3] })).toThrow(
      InvalidArgumentError,
    );
  });
});
