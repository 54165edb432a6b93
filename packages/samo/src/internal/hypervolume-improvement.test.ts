import { hypervolume } from '@paretokit/indicators';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InfillCandidates, normalCdf, pickByHypervolume } from './hypervolume-improvement.js';

const candidates = (points: number[][], feasibility?: number[]): InfillCandidates => ({
  rows: points.length,
  m: points[0]!.length,
  optimistic: Float64Array.from(points.flat()),
  mean: Float64Array.from(points.flat()),
  feasibility: Float64Array.from(feasibility ?? points.map(() => 1)),
});
const hv = (front: number[][], reference: number[]) =>
  hypervolume(
    { rows: front.length, cols: reference.length, data: Float64Array.from(front.flat()) },
    { reference },
  );
const always = () => true;

describe('pickByHypervolume', () => {
  const front = [
    [0, 1],
    [1, 0],
  ];
  const reference = [2, 2];

  it('picks the largest hypervolume improvement, as brute force says', () => {
    const points = [
      [0.5, 0.5],
      [0.9, 0.9],
      [0.1, 0.9],
      [1.5, 1.5],
    ];
    const gains = points.map((p) => hv([...front, p], reference) - hv(front, reference));
    const [first] = pickByHypervolume(candidates(points), front, reference, 1, always);
    expect(first!.index).toBe(gains.indexOf(Math.max(...gains)));
    expect(first!.score).toBeCloseTo(Math.max(...gains), 12);
  });

  it('believes its picks: the second pick goes elsewhere than next to the first', () => {
    const points = [
      [0.5, 0.5],
      [0.49, 0.49],
      [0.8, 0.05],
    ];
    const picks = pickByHypervolume(candidates(points), front, reference, 2, always);
    expect(picks.map((p) => p.index)).toEqual([1, 2]);
  });

  it('weights by the probability of feasibility', () => {
    const points = [
      [0.4, 0.4],
      [0.5, 0.5],
    ];
    const picks = pickByHypervolume(candidates(points, [0.1, 1]), front, reference, 1, always);
    expect(picks[0]!.index).toBe(1);
  });

  it('when nothing improves: the smallest domination gap plus infeasibility', () => {
    const points = [
      [3, 3],
      [1.2, 0.1],
      [1.1, 0.05],
    ];
    const picks = pickByHypervolume(candidates(points), front, reference, 1, always);
    expect(picks[0]).toMatchObject({ index: 2, kind: 'domination-gap' });
  });

  it('skips inadmissible candidates and stops when none is left', () => {
    const points = [
      [0.5, 0.5],
      [0.6, 0.6],
    ];
    const picks = pickByHypervolume(candidates(points), front, reference, 3, (i) => i !== 0);
    expect(picks.map((p) => p.index)).toEqual([1]);
  });

  it('property: the first pick is never beaten by another candidate (brute force)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true })),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (points) => {
          const rows = points.map(([a, b]) => [a, b]);
          const gains = rows.map((p) => hv([...front, p], reference) - hv(front, reference));
          const [first] = pickByHypervolume(candidates(rows), front, reference, 1, always);
          if (Math.max(...gains) > 0) expect(first!.score).toBeCloseTo(Math.max(...gains), 10);
          else expect(first!.kind).toBe('domination-gap');
        },
      ),
    );
  });
});

describe('normalCdf', () => {
  it('matches known values to 1e-7', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 7);
    expect(normalCdf(-6)).toBeLessThan(1e-8);
  });
});
