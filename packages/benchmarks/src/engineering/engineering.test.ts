// BNH, OSY, SRN, TNK, the welded beam and the two-bar truss: agreement with pymoo 0.6.2 (the
// fixture is written by scripts/ctp-engineering-fixtures.py and records the pymoo version), hand
// values, and the fronts: pymoo's offline ones compared, every point reached by a feasible x
// through `evaluate`, none beaten by random feasible points.
import { latinHypercube } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { type CtpEngineeringCase, expectCtpEngineeringCase, readFixture } from '../../test/fixtures.js';
import { close, evaluateRows, expectBiobjectiveFront, rowsOf } from '../../test/support.js';
import type { BenchmarkProblem } from '../benchmark-problem.js';
import { bnh, osy, srn, tnk, truss2d, weldedBeam } from './index.js';

const factories: Record<string, () => BenchmarkProblem> = { bnh, osy, srn, tnk, weldedBeam, truss2d };

const fixture = readFixture<{
  pymoo: string;
  cases: CtpEngineeringCase[];
  fronts: { problem: string; F: number[][] }[];
}>('pymoo-ctp-engineering.json');
const cases = fixture.cases.filter((c) => c.problem in factories);
const pymooFront = (name: string) => fixture.fronts.find((f) => f.problem === name)!.F;

describe(`engineering problems agree with pymoo ${fixture.pymoo}`, () => {
  it('cover every problem; only the truss gives non-finite values (at its lower bound)', () => {
    expect(cases.map((c) => c.problem).sort()).toEqual(Object.keys(factories).sort());
    for (const c of cases) {
      const bad = [...c.F, ...c.G].flat().filter((v) => typeof v === 'string');
      expect(bad).toEqual(c.problem === 'truss2d' ? ['Infinity', 'Infinity'] : []);
    }
  });

  it.each(cases.map((c) => [c.call, c] as const))('%s: bounds, F and G to 1e-9', (_, c) =>
    expectCtpEngineeringCase(factories[c.problem]!(), c),
  );
});

describe('by hand', () => {
  it('BNH at (5, 3): F = (136, 4), both constraints slack', () => {
    const { F, G } = evaluateRows(bnh(), [[5, 3]]);
    expect(F).toEqual([[136, 4]]);
    expect(G![0]).toEqual([(0 + 9 - 25) / 25, -(9 + 36 - 7.7) / 7.7]);
  });

  it("SRN at (1.1, 3.7), the least f1: F = (10.1, 2.61), on g2's boundary", () => {
    const { F, G } = evaluateRows(srn(), [[1.1, 3.7]]);
    expect(F[0]![0]).toBeCloseTo(10.1, 13);
    expect(F[0]![1]).toBeCloseTo(2.61, 13);
    expect(G![0]![1]).toBeCloseTo(0, 13);
  });

  it("the welded beam at Deb's (1991) least-cost design costs 2.38", () => {
    const { F, G } = evaluateRows(weldedBeam(), [[0.2444, 6.2187, 8.2915, 0.2444]]);
    expect(F[0]![0]).toBeCloseTo(2.38, 2);
    expect(Math.max(...G![0]!)).toBeLessThan(1e-3);
  });

  it('the truss with a zero cross-section has infinite stress, so infinite f2 and g', () => {
    const { F, G } = evaluateRows(truss2d(), [[0.005, 0, 2]]);
    expect(F[0]![1]).toBe(Number.POSITIVE_INFINITY);
    expect(G![0]).toEqual([Number.POSITIVE_INFINITY]);
  });

  it('OSY and the welded beam have no front (pymoo downloads one)', () => {
    expect(osy().paretoFront).toBeUndefined();
    expect(weldedBeam().paretoFront).toBeUndefined();
    expect(osy().idealPoint).toBeUndefined();
  });
});

describe("fronts against pymoo's offline ones", () => {
  it("BNH: pymoo's 100 points exactly", () => {
    const ours = rowsOf(bnh().paretoFront(100));
    const theirs = pymooFront('bnh');
    expect(ours.length).toBe(theirs.length);
    const off = ours.filter((p, i) => !p.every((v, j) => close(v, theirs[i]![j]!, 1e-12)));
    expect(off).toEqual([]);
  });

  it("SRN: pymoo's points are our middle part, f1 + f2 = -1/4 from (-2.5, 2.5); its last is just outside the circle", () => {
    const theirs = pymooFront('srn');
    for (const [f1, f2] of theirs) expect(f1! + f2!).toBeCloseTo(-0.25, 10);
    expect(theirs[0]).toEqual(evaluateRows(srn(), [[-2.5, 2.5]]).F[0]);
    // Ours follows the line from f1 = 24.5 to where x1 = -2.5 meets the circle, x2 = √218.75.
    const [end] = evaluateRows(srn(), [[-2.5, Math.sqrt(218.75)]]).F;
    const ours = rowsOf(srn().paretoFront(2000));
    for (const [f1, f2] of ours) if (f1! >= 24.5 && f1! <= end![0]!) expect(f1! + f2!).toBeCloseTo(-0.25, 9);
    // pymoo's last point, x2 = 14.7902, is 5e-7 beyond the circle: infeasible by g1 = 1.6e-5.
    expect(theirs.at(-1)![0]! - end![0]!).toBeGreaterThan(0);
    expect(evaluateRows(srn(), [[-2.5, 14.7902]]).G![0]![0]).toBeCloseTo(1.6e-5, 6);
    // Ours reaches further on both sides.
    expect(srn().idealPoint![0]).toBeLessThan(theirs[0]![0]! - 14);
    expect(srn().nadirPoint![0]).toBeGreaterThan(theirs.at(-1)![0]! + 10);
  });

  it("truss: pymoo's 1,100 points are on our curve, with the same ends", () => {
    const T = 2 * Math.sqrt(5) * 0.01;
    const stress = (v: number) => {
      if (v <= T) return 400 / v;
      const y = Math.sqrt(3200 * v * v + 40 * v * Math.sqrt(6400 * v * v - 12) - 4);
      return (100 * (4 + y * y)) / (y * v);
    };
    const theirs = pymooFront('truss2d');
    for (const [v, s] of theirs) expect(close(s!, stress(v!), 1e-9 * s!)).toBe(true);
    const problem = truss2d();
    expect(problem.idealPoint![0]).toBeCloseTo(theirs[0]![0]!, 15);
    expect(problem.nadirPoint![0]).toBeCloseTo(theirs.at(-1)![0]!, 15);
    expect(close(problem.idealPoint![1]!, theirs.at(-1)![1]!, 1e-12)).toBe(true);
    expect(close(problem.nadirPoint![1]!, theirs[0]![1]!, 1e-12)).toBe(true);
  });
});

/** A Pareto-optimal x for each front point, inverted from the closed forms. */
const decisions: Record<string, (f: number[]) => number[]> = {
  bnh: ([f1 = 0]) => (f1 <= 72 ? [Math.sqrt(f1 / 8), Math.sqrt(f1 / 8)] : [Math.sqrt((f1 - 36) / 4), 3]),
  srn: ([f1 = 0, f2 = 0]) => {
    // f1 + f2 = (x1 + 2.5)² - 1/4: x1 right of -2.5 at low f1, left of it at high f1.
    const d = Math.sqrt(Math.max(0, f1 + f2 + 0.25));
    const x1 = f1 < 100 ? -2.5 + d : -2.5 - d;
    return [x1, 1 + Math.sqrt(f1 - 2 - (x1 - 2) ** 2)];
  },
  tnk: (f) => f,
  truss2d: ([v = 0, s = 0]) => {
    if (v <= 2 * Math.sqrt(5) * 0.01) return [(10 * Math.sqrt(20)) / s, (40 * Math.sqrt(5)) / s, 2];
    // Past the bend x2 = 0.01 and s = 8000 √(1 + y²) / y.
    const y = 8000 / Math.sqrt(s * s - 8000 * 8000);
    return [(20 * Math.sqrt(16 + y * y)) / (y * s), 0.01, y];
  },
};

describe.each(Object.keys(decisions))('%s front', (name) => {
  const problem = factories[name]!() as Required<BenchmarkProblem>;
  const front = rowsOf(problem.paretoFront(1000));

  it('has n points (TNK: n - 1 when n is even and it has the diagonal point), sorted and non-dominated', () => {
    expect(front.length).toBe(name === 'tnk' ? 999 : 1000);
    expect(problem.paretoFront(7).rows).toBe(7);
    expectBiobjectiveFront(problem, front);
  });

  it('is reached by feasible x through evaluate (constraint boundaries to rounding)', () => {
    const { F, G } = evaluateRows(problem, front.map(decisions[name]!));
    expect(F.filter((f, i) => !f.every((v, j) => close(v, front[i]![j]!, 1e-6)))).toEqual([]);
    for (const g of G!) expect(Math.max(...g)).toBeLessThanOrEqual(1e-9);
  });

  it('no random feasible point beats it', () => {
    const X = latinHypercube(problem, 200_000, { seed: 3 });
    const { F, G } = problem.evaluate(X, { seed: 0 });
    const beaten: number[][] = [];
    for (let i = 0; i < X.rows; i++) {
      if (!Array.from(G!.data.subarray(i * G!.cols, (i + 1) * G!.cols)).every((v) => v <= 0)) continue;
      const [q1, q2] = [F.data[2 * i]!, F.data[2 * i + 1]!];
      // The first front point at or right of q1 has the highest f2 of those q could dominate.
      const next = front.findIndex((p) => p[0]! >= q1);
      if (next >= 0 && q2 < front[next]![1]! - 1e-9 * Math.max(1, Math.abs(q2))) beaten.push([q1, q2]);
    }
    expect(beaten).toEqual([]);
  });
});
