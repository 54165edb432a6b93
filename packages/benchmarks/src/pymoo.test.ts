// Agreement with pymoo, the independent oracle: values at fixed points and pareto_front().
// The fixture is written by scripts/pymoo-fixtures.py (it records the pymoo version).
import { nonDominatedSort, toMatrix } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { expectClose, expectValues, readFixture } from '../test/fixtures.js';
import {
  decisionFor,
  evaluateRows,
  factories,
  frontResidual,
  type Options,
  rowsOf,
  sortedRows,
} from '../test/support.js';
import { zdt3 } from './zdt.js';

interface Fixture {
  pymoo: string;
  cases: {
    problem: string;
    options: Options;
    nVar: number;
    nObj: number;
    X: number[][];
    F: number[][];
    G: number[][] | null;
  }[];
  fronts: { problem: string; options: Options; call: string; F: number[][] }[];
}
const fixture = readFixture<Fixture>('pymoo-values.json');
const pymooFront = (problem: string, nObj = 3) =>
  fixture.fronts.find((f) => f.problem === problem && f.F[0]!.length === nObj)!.F;

function expectSameSet(ours: number[][], theirs: number[][], tol: number) {
  expectClose(sortedRows(ours), sortedRows(theirs), tol);
}

describe(`values agree with pymoo ${fixture.pymoo}`, () => {
  it('covers every problem, with 2, 3 and 5 objectives', () => {
    expect(new Set(fixture.cases.map((c) => c.problem))).toEqual(new Set(Object.keys(factories)));
    expect(new Set(fixture.cases.map((c) => c.nObj))).toEqual(new Set([2, 3, 4, 5, 10]));
  });

  it.each(fixture.cases.map((c) => [`${c.problem}(${JSON.stringify(c.options)})`, c] as const))(
    '%s: F and G to 1e-10',
    (_, c) => {
      const problem = factories[c.problem]!(c.options);
      expect(problem.variables.length).toBe(c.nVar);
      expect(problem.objectives.length).toBe(c.nObj);
      expectValues(problem, c, 1e-10);
    },
  );
});

describe(`fronts agree with pymoo ${fixture.pymoo} pareto_front()`, () => {
  it.each(['zdt1', 'zdt2', 'zdt4'])('%s: the same 100 points', (name) => {
    expectClose(rowsOf(factories[name]!().paretoFront(100)), pymooFront(name, 2), 1e-12);
  });

  it('zdt6: the same 100 points, up to pymoo rounding the smallest f1 to 10 digits', () => {
    const ours = rowsOf(factories.zdt6!().paretoFront(100));
    expectClose(ours, pymooFront('zdt6', 2), 1e-9);
    expect(ours[0]![0]).toBeCloseTo(0.2807753191, 9);
  });

  it("zdt3: the parts end where pymoo's (10-digit) regions end, and start where f2 meets the previous end", () => {
    const theirs = pymooFront('zdt3', 2);
    const regions: number[][][] = [];
    theirs.forEach((p, i) => {
      if (i === 0 || p[0]! - theirs[i - 1]![0]! > 0.05) regions.push([]);
      regions.at(-1)!.push(p);
    });
    const ours = rowsOf(zdt3().paretoFront(10_000));
    const parts: number[][][] = [];
    ours.forEach((p, i) => {
      if (i === 0 || p[0]! - ours[i - 1]![0]! > 0.05) parts.push([]);
      parts.at(-1)!.push(p);
    });
    expect(parts.length).toBe(5);
    expect(regions.length).toBe(5);
    parts.forEach((part, i) => {
      const region = regions[i]!;
      expect(Math.abs(part.at(-1)![0]! - region.at(-1)![0]!)).toBeLessThan(1e-9);
      if (i > 0) {
        // Our part is open at the left, at the f1 where f2 falls to the previous part's last
        // value. pymoo's region starts sit there to 10 digits, but for the second, 0.182228780,
        // a digit is lost (0.1822287280: see internal/running-minimum.test.ts), 5e-8 inside.
        expect(Math.abs(region[0]![1]! - parts[i - 1]!.at(-1)![1]!)).toBeLessThan(1e-6);
        expect(part[0]![0]!).toBeGreaterThan(region[0]![0]! - 1e-9);
        expect(part[0]![0]! - region[0]![0]!).toBeLessThan(1e-4);
      }
    });
  });

  it.each(['dtlz1', 'dtlz2', 'dtlz3', 'dtlz4', 'c1dtlz1', 'c1dtlz3', 'c2dtlz2', 'c3dtlz4'])(
    '%s, 3 objectives: the same set as pymoo (136-point lattice)',
    (name) => {
      expectSameSet(rowsOf(factories[name]!().paretoFront(136)), pymooFront(name), 1e-12);
    },
  );

  it.each(['dtlz1', 'dtlz2', 'dtlz3', 'dtlz4'])('%s, 2 objectives: the same 100 points', (name) => {
    expectSameSet(rowsOf(factories[name]!({ nObj: 2 }).paretoFront(100)), pymooFront(name, 2), 1e-12);
  });

  it.each(['dtlz5', 'dtlz6'])('%s, 2 objectives: the same 50 points', (name) => {
    expectSameSet(rowsOf(factories[name]!({ nObj: 2 }).paretoFront(50)), pymooFront(name, 2), 1e-12);
  });

  it("dtlz7, 2 objectives: pymoo's sample is on our curve; where it leaves our parts, our front dominates it", () => {
    const theirs = pymooFront('dtlz7', 2);
    for (const p of theirs) expect(Math.abs(frontResidual('dtlz7', p))).toBeLessThan(1e-12);
    const ours = rowsOf(factories.dtlz7!({ nObj: 2 }).paretoFront(1000));
    const rank = nonDominatedSort(toMatrix([...ours, ...theirs])).rank;
    // None of pymoo's points dominates one of ours.
    for (let i = 0; i < ours.length; i++) expect(rank[i]).toBe(0);
    // pymoo keeps the dominated stretches of the curve too; each such point is dominated by ours.
    const inParts = (y: number) => y <= 0.2514118361 || (y > 0.6316265306 && y <= 0.8594008567);
    const outside = theirs
      .map((p, i) => [p[0]!, rank[ours.length + i]!] as const)
      .filter(([y]) => !inParts(y));
    expect(outside.length).toBeGreaterThan(theirs.length / 3);
    for (const [, r] of outside) expect(r).toBeGreaterThan(0);
  });

  it("c3dtlz1: pymoo returns DTLZ1's front, which violates the C3 constraints; ours is feasible", () => {
    const theirs = pymooFront('c3dtlz1');
    const problem = factories.c3dtlz1!();
    const X = theirs.map((f) => decisionFor('dtlz1', f, 7));
    const { F, G } = evaluateRows(problem, X);
    expectClose(F, theirs, 1e-9);
    for (const g of G!) expect(Math.max(...g)).toBeGreaterThan(0.2);
    const ours = rowsOf(problem.paretoFront(136));
    const mine = evaluateRows(
      problem,
      ours.map((f) => decisionFor('c3dtlz1', f, 7)),
    );
    for (const g of mine.G!) expect(Math.max(...g)).toBeLessThan(1e-9);
  });
});
