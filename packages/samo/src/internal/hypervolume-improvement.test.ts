import { hypervolume } from '@paretokit/indicators';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type InfillCandidates,
  logExpectedImprovement,
  normalCdf,
  pickByHypervolume,
} from './hypervolume-improvement.js';

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

describe('logExpectedImprovement', () => {
  /** E[max(0, best - Y)], Y ~ N(mean, sd²), by Simpson's rule over the improvement u = best - y. */
  const byQuadrature = (best: number, mean: number, sd: number): number => {
    const z = (best - mean) / sd;
    const upper = sd * (Math.max(0, z) + 12 + 40 / Math.max(1, -z)); // where the integrand is negligible
    const steps = 20_000;
    const h = upper / steps;
    let sum = 0;
    for (let k = 0; k <= steps; k++) {
      const u = k * h;
      const w = k === 0 || k === steps ? 1 : k % 2 === 1 ? 4 : 2;
      const y = (best - u - mean) / sd;
      sum += (w * u * Math.exp(-0.5 * y * y)) / (sd * Math.sqrt(2 * Math.PI));
    }
    return (sum * h) / 3;
  };

  it.each([
    [3, 0.5],
    [1, 2],
    [0, 1],
    [-2, 1],
    [-5.9, 0.3],
    [-6.1, 0.3],
    [-12, 2],
    [-25, 0.01],
  ])('matches quadrature at z = %s (sd %s)', (z, sd) => {
    const mean = 0.2;
    const best = mean + z * sd;
    const exact = byQuadrature(best, mean, sd);
    const tolerance = z < -6 ? 3e-3 : z < -2 ? 1e-4 : 1e-6; // the series; cancellation in φ(z) + z Φ(z)
    expect(Math.abs(logExpectedImprovement(best, mean, sd) - Math.log(exact))).toBeLessThan(tolerance);
  });

  it('is the plain improvement without spread, and grows with the spread and the gap', () => {
    expect(logExpectedImprovement(1, 0.25, 0)).toBeCloseTo(Math.log(0.75), 12);
    expect(logExpectedImprovement(0, 0.25, 0)).toBe(Number.NEGATIVE_INFINITY);
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        (z, sd) => {
          const at = (b: number, s: number) => logExpectedImprovement(b, 0, s);
          expect(Number.isFinite(at(z * sd, sd))).toBe(true);
          expect(at(z * sd + 0.01, sd)).toBeGreaterThan(at(z * sd, sd));
          expect(at(z * sd, sd * 1.1)).toBeGreaterThan(at(z * sd, sd) - 1e-9);
        },
      ),
    );
  });
});
