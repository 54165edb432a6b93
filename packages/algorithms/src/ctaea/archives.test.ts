import { DimensionMismatchError, InvalidArgumentError, Random, toMatrix } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { dasDennis } from '../reference-directions/das-dennis.js';
import { associate } from './associate.js';
import { restrictedMating } from './internal/mating.js';
import { updateConvergenceArchive } from './update-convergence-archive.js';
import { updateDiversityArchive } from './update-diversity-archive.js';

const two = [
  [1, 0],
  [0.5, 0.5],
  [0, 1],
];

describe('associate', () => {
  it('finds the nearest reference line through the ideal point, with its distance and Tchebycheff fitness', () => {
    const { niche, distance, fitness } = associate({
      F: [
        [1.1, 2.9],
        [2, 2],
        [5, 1],
      ],
      directions: two,
      ideal: [1, 1],
    });
    expect(Array.from(niche)).toEqual([2, 1, 0]);
    expect(distance[0]).toBeCloseTo(0.1, 12);
    expect(distance[1]).toBeCloseTo(0, 12);
    expect(distance[2]).toBeCloseTo(0, 12);
    expect(fitness[1]).toBeCloseTo(2, 12); // max(1 / 0.5, 1 / 0.5)
    expect(fitness[0]).toBeCloseTo(0.1 / 1e-4, 6); // a zero weight counts as 1e-4
  });

  it('does not normalize: scaling one objective moves the association', () => {
    const F = [[1, 3]];
    expect(associate({ F, directions: two, ideal: [0, 0] }).niche[0]).toBe(2);
    expect(associate({ F: [[3, 3]], directions: two, ideal: [0, 0] }).niche[0]).toBe(1);
  });

  it('defaults the ideal point to the column minima and accepts matrices', () => {
    const F = toMatrix([
      [1, 2],
      [2, 1],
    ]);
    expect(Array.from(associate({ F, directions: two }).niche)).toEqual(
      Array.from(associate({ F, directions: two, ideal: [1, 1] }).niche),
    );
  });

  it('rejects directions or ideal points of the wrong dimension, negative or zero directions', () => {
    expect(() => associate({ F: [[1, 2]], directions: [[1, 0, 0]] })).toThrow(DimensionMismatchError);
    expect(() => associate({ F: [[1, 2]], directions: two, ideal: [0] })).toThrow(DimensionMismatchError);
    expect(() => associate({ F: [[1, 2]], directions: [[-1, 2]] })).toThrow(InvalidArgumentError);
    expect(() => associate({ F: [[1, 2]], directions: [[0, 0]] })).toThrow(InvalidArgumentError);
    expect(() => associate({ F: [[1, 2]], directions: [] })).toThrow(InvalidArgumentError);
    expect(() => associate({ F: [[Number.NaN, 2]], directions: two })).toThrow(InvalidArgumentError);
  });
});

describe('updateConvergenceArchive', () => {
  const directions = two;

  it('keeps exactly the feasible rows when there are exactly N', () => {
    const F = [
      [0, 1],
      [1, 0],
      [0, 0],
      [2, 2],
    ];
    const G = [[0], [-1], [1], [-3]];
    expect(Array.from(updateConvergenceArchive({ F, G, directions, size: 3 }))).toEqual([0, 1, 3]);
  });

  it('fills with infeasible rows by fronts of (violation, fitness), cutting the last front by violation', () => {
    // Row 0 feasible. Infeasible: 1 (cv 1, fit small), 2 (cv 3, fit smaller), 3 (cv 2, fit large,
    // dominated by 1), 4 (cv 0.5, fit largest).
    const F = [
      [0.5, 0.5],
      [0.5, 0.6],
      [0.45, 0.45],
      [3, 3],
      [9, 0.1],
    ];
    const G = [[-1], [1], [3], [2], [0.5]];
    const ideal = [0, 0];
    // Front 1 of (cv, fit): rows 1, 2, 4 (none dominates another); row 3 is dominated by row 1.
    expect(Array.from(updateConvergenceArchive({ F, G, directions, ideal, size: 4 })).sort()).toEqual([
      0, 1, 2, 4,
    ]);
    // Room for two of the first front: the two least violated, 4 (0.5) and 1 (1).
    expect(Array.from(updateConvergenceArchive({ F, G, directions, ideal, size: 3 })).sort()).toEqual([
      0, 1, 4,
    ]);
    // Room for everything: all rows.
    expect(updateConvergenceArchive({ F, G, directions, ideal, size: 10 }).length).toBe(5);
  });

  it('never reports infeasible rows when enough are feasible: more than N feasible go through fronts and niches', () => {
    const F = [
      [0, 1],
      [1, 0],
      [0.5, 0.5],
      [0.49, 0.52],
      [0.3, 0.3],
      [2, 2],
    ];
    const G = [[0], [0], [0], [0], [5], [0]];
    const kept = Array.from(updateConvergenceArchive({ F, G, directions, ideal: [0, 0], size: 3 })).sort();
    // The dominated feasible row 5 goes with the fronts; of the middle pair the worse (row 3) goes.
    expect(kept).toEqual([0, 1, 2]);
  });

  it('removes from the most crowded subregion the worse row of its closest pair', () => {
    // Subregion of [0.5, 0.5] holds three rows; two of them are very close.
    const F = [
      [0, 1],
      [1, 0],
      [0.4, 0.6],
      [0.61, 0.39],
      [0.6, 0.41],
    ];
    const kept = Array.from(updateConvergenceArchive({ F, directions, ideal: [0, 0], size: 4 })).sort();
    // Row 3 has fitness max(0.61, 0.39) / 0.5 = 1.22, row 4 1.2: row 3 leaves.
    expect(kept).toEqual([0, 1, 2, 4]);
  });

  it('rejects bad sizes and shapes', () => {
    expect(() => updateConvergenceArchive({ F: [[0, 1]], directions, size: 0 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => updateConvergenceArchive({ F: [[0, 1]], G: [[0], [1]], directions, size: 1 })).toThrow(
      DimensionMismatchError,
    );
    expect(() => updateConvergenceArchive({ F: [[0, 1]], directions: [[1, 0, 0]], size: 1 })).toThrow(
      DimensionMismatchError,
    );
  });

  it('is deterministic without a generator and accepts one for ties', () => {
    const F = [
      [0.5, 0.5],
      [0.5, 0.5],
      [0, 1],
    ];
    const a = updateConvergenceArchive({ F, directions, ideal: [0, 0], size: 2 });
    expect(Array.from(a)).toEqual(
      Array.from(updateConvergenceArchive({ F, directions, ideal: [0, 0], size: 2 })),
    );
    const b = updateConvergenceArchive({ F, directions, ideal: [0, 0], size: 2, random: Random.fromSeed(3) });
    expect(b.length).toBe(2);
    expect(Array.from(b)).toContain(2);
  });
});

describe('updateDiversityArchive', () => {
  const directions = [
    [1, 0],
    [0.75, 0.25],
    [0.5, 0.5],
    [0.25, 0.75],
    [0, 1],
  ];

  it('fills subregions the CA leaves empty first, with their best row', () => {
    const F = [
      [4, 0.1], // subregion 0
      [3, 1], // 1
      [3.1, 1.1], // 1, dominated by the row above
      [1, 1], // 2
      [0.9, 3], // 3
      [0.1, 4], // 4
    ];
    // The CA covers subregions 2, 3, 4.
    const convergenceArchive = {
      F: [
        [0.5, 0.5],
        [0.3, 1],
        [0, 1],
      ],
    };
    const kept = updateDiversityArchive({ F, directions, ideal: [0, 0], size: 2, convergenceArchive });
    expect(Array.from(kept)).toEqual([0, 1]);
  });

  it('continues in rounds: a subregion with c CA members gives itr - c rows in round itr', () => {
    const F = [
      [4, 0.1],
      [4.1, 0.2],
      [4.2, 0.3],
      [0.1, 4],
    ];
    const convergenceArchive = { F: [[0.1, 4]] }; // one CA member in subregion 4
    const kept = updateDiversityArchive({ F, directions, ideal: [0, 0], size: 4, convergenceArchive });
    // Round 1: subregion 0 gives row 0. Round 2: subregion 0 gives 2 (rows 1, 2), subregion 4 gives row 3.
    expect(Array.from(kept)).toEqual([0, 1, 2, 3]);
  });

  it('works for N larger or smaller than the number of directions, and for fewer rows than N', () => {
    const W = dasDennis(3, 4); // 15 directions
    const random = Random.fromSeed(2);
    const F = Array.from({ length: 60 }, () => [random.next(), random.next(), random.next()]);
    const convergenceArchive = { F: F.slice(0, 10) };
    for (const size of [5, 15, 40, 60, 100]) {
      const kept = updateDiversityArchive({ F, directions: W, size, convergenceArchive });
      expect(kept.length).toBe(Math.min(size, 60));
      expect(new Set(kept).size).toBe(kept.length);
    }
  });

  it('rejects a CA with a different number of objectives', () => {
    expect(() =>
      updateDiversityArchive({
        F: [[0, 1]],
        directions: two,
        size: 1,
        convergenceArchive: { F: [[0, 1, 2]] },
      }),
    ).toThrow(DimensionMismatchError);
  });
});

describe('restricted mating', () => {
  const archive = (rows: number[][], cv: number[]) => ({
    count: rows.length,
    F: Float64Array.from(rows.flat()),
    CV: Float64Array.from(cv),
  });

  it('draws the first parent from the archive with more non-dominated members, and works when |CA| != |DA|', () => {
    const ca = archive(
      [
        [0, 1],
        [1, 0],
        [0.4, 0.4],
      ],
      [0, 0, 0],
    );
    const da = archive(
      [
        [2, 2],
        [3, 3],
        [2.5, 2.5],
        [4, 4],
        [5, 5],
        [6, 6],
        [7, 7],
      ],
      [0, 1, 2, 0, 0, 0, 0],
    );
    const parents = restrictedMating(ca, da, 2, 50, Random.fromSeed(1));
    expect(parents.length).toBe(100);
    // Every DA member is dominated: rho_c = 1, both parents come from the CA (rows 0..2).
    for (const p of parents) expect(p).toBeLessThan(3);
    const reversed = restrictedMating(da, ca, 2, 50, Random.fromSeed(1));
    for (let i = 0; i < reversed.length; i++) expect(reversed[i]).toBeGreaterThanOrEqual(7);
  });

  it('prefers feasible, then dominating parents in its tournaments', () => {
    const ca = archive(
      [
        [1, 1],
        [0, 0],
      ],
      [0, 3],
    );
    const da = archive([[5, 5]], [0]);
    const parents = restrictedMating(ca, da, 2, 20, Random.fromSeed(4));
    // rho_c = 1 ([0, 0] dominates all); the CA tournament is always between rows 0 and 1, and the
    // feasible row 0 wins over the infeasible (if dominating) row 1.
    for (const p of parents) expect(p).toBe(0);
  });

  it('uses the one non-empty archive', () => {
    const da = archive(
      [
        [1, 2],
        [2, 1],
      ],
      [0, 0],
    );
    const parents = restrictedMating(archive([], []), da, 2, 5, Random.fromSeed(1));
    for (const p of parents) expect([0, 1]).toContain(p);
  });
});
