// The MW suite against pymoo 0.6.2, the independent oracle (src/fixtures/pymoo-mw.json, written by
// scripts/mw-fixtures.py); its options; and its fronts: pymoo's where pymoo computes them offline,
// and for every front, decision vectors (inverted here afresh from Ma & Wang's definitions) that
// reach each point through `evaluate`, feasibly, with no nearby feasible point dominating it.
import {
  checkProblem,
  InvalidArgumentError,
  nonDominatedSort,
  Random,
  type RealVariable,
  toMatrix,
} from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { expectEntries, expectValues, type PymooCase, readFixture } from '../test/fixtures.js';
import { close, evaluateRows, rowsOf, solve, sortedRows } from '../test/support.js';
import type { BenchmarkProblem, KnownFrontProblem } from './benchmark-problem.js';
import * as mw from './mw.js';

type Options = { nVar?: number; nObj?: number };
const fixture = readFixture<{
  pymoo: string;
  cases: PymooCase<Options>[];
  fronts: { problem: string; options: Options; F: number[][] }[];
}>('pymoo-mw.json');
const factories = mw as unknown as Record<string, (options?: Options) => BenchmarkProblem>;
const names = Array.from({ length: 14 }, (_, i) => `mw${i + 1}`);
const known = (name: string, options?: Options) => factories[name]!(options) as KnownFrontProblem;

describe(`values agree with pymoo ${fixture.pymoo}`, () => {
  it('cover MW1-MW14, with 2 to 5 objectives and other nVar', () => {
    expect(new Set(fixture.cases.map((c) => c.problem))).toEqual(new Set(names));
    expect(new Set(fixture.cases.map((c) => c.nObj))).toEqual(new Set([2, 3, 4, 5]));
  });

  it.each(fixture.cases.map((c) => [`${c.problem}(${JSON.stringify(c.options)})`, c] as const))(
    '%s: F and G to 1e-9, NaN where pymoo has NaN',
    (_, c) => {
      const problem = factories[c.problem]!(c.options);
      expect([problem.variables.length, problem.objectives.length, problem.constraints.length]).toEqual([
        c.nVar,
        c.nObj,
        c.nConstr,
      ]);
      expectValues(problem, c, 1e-9);
    },
  );

  it("has pymoo's NaN rows: MW6 at x1 = 1.1 (one g in a few hundred), MW11 at its upper bound", () => {
    const nanRows = fixture.cases.flatMap((c) =>
      c.F.flatMap((f, i) =>
        f.includes('NaN') ? [`${c.problem}(${JSON.stringify(c.options)}) row ${i}`] : [],
      ),
    );
    expect(nanRows).toEqual(['mw6({}) row 10', 'mw11({}) row 7', 'mw11({"nVar":6}) row 7']);
  });
});

describe('MW options', () => {
  it('default to 15 variables, and 3 objectives for MW4, MW8, MW14; bounds as pymoo', () => {
    const upper: Record<string, number> = { mw6: 1.1, mw11: Math.SQRT2, mw13: 1.5, mw14: 1.5 };
    for (const name of names) {
      const p = factories[name]!();
      expect(p.name).toBe(name);
      expect(p.variables.length).toBe(15);
      expect(p.objectives.length).toBe(['mw4', 'mw8', 'mw14'].includes(name) ? 3 : 2);
      for (const v of p.variables as RealVariable[]) {
        expect([v.kind, v.lower, v.upper]).toEqual(['real', 0, upper[name] ?? 1]);
      }
    }
    expect(mw.mw4({ nObj: 5 }).variables.length).toBe(17);
    expect(mw.mw14({ nObj: 2, nVar: 2 }).variables.length).toBe(2);
  });

  it('reject bad sizes and unknown keys with InvalidArgumentError, expected vs actual', () => {
    expect(() => mw.mw1({ nVar: 1 })).toThrow(InvalidArgumentError);
    expect(() => mw.mw1({ nVar: 1 })).toThrow('mw1: nVar: expected an integer >= 2, got 1.');
    expect(() => mw.mw9({ nVar: 2.5 })).toThrow('mw9: nVar: expected an integer >= 2, got 2.5.');
    expect(() => mw.mw4({ nObj: 1 })).toThrow('mw4: nObj: expected an integer >= 2, got 1.');
    expect(() => mw.mw8({ nObj: 4, nVar: 3 })).toThrow(
      'mw8: nVar: expected an integer >= 4 (nObj - 1 position variables and at least one distance variable; nObj = 4), got 3.',
    );
    expect(() => mw.mw14({ nObj: Number.NaN })).toThrow('got NaN');
    expect(() => mw.mw2(null as never)).toThrow('mw2(options): expected an object');
    expect(() => mw.mw3({ nObj: 3 } as never)).toThrow(
      'mw3(options): expected only the keys nVar, got "nObj". mw3 has two objectives; of the MW problems only mw4, mw8 and mw14 take nObj.',
    );
    expect(() => mw.mw8({ nobj: 3 } as never)).toThrow(
      'mw8(options): expected only the keys nObj, nVar, got "nobj".',
    );
    expect(() => mw.mw1().paretoFront(0)).toThrow('mw1.paretoFront(n): expected a positive integer, got 0.');
    expect(() => mw.mw4().paretoFront(2)).toThrow('mw4.paretoFront(n): expected an integer >= 3');
  });

  it.each(names)('%s: checkProblem finds no issues', async (name) => {
    expect((await checkProblem(factories[name]!(), { samples: 16, seed: 1 })).issues).toEqual([]);
  });
});

describe(`fronts agree with pymoo ${fixture.pymoo} pareto_front()`, () => {
  const theirs = (name: string, nObj: number) =>
    sortedRows(fixture.fronts.find((f) => f.problem === name && f.F[0]!.length === nObj)!.F);

  it.each([
    ['mw1', {}, 100, 46],
    ['mw2', {}, 100, 100],
    ['mw4', {}, 136, 136],
    ['mw4', { nObj: 2 }, 100, 100],
    ['mw6', {}, 100, 58],
    ['mw8', {}, 136, 73],
    ['mw8', { nObj: 2 }, 100, 52],
  ] as const)('%s(%j).paretoFront(%i): the same %i points', (name, options, n, rows) => {
    const problem = known(name, options);
    const ours = sortedRows(rowsOf(problem.paretoFront(n)));
    expect(ours.length).toBe(rows);
    expectEntries(ours, theirs(name, problem.objectives.length), (v, e) => Math.abs(v - e) < 1e-12);
  });

  it.each(['mw3', 'mw12'])(
    "%s: the same 100 rays; pymoo's points lie at most 0.1 percent further out (it scales by 1.001 steps)",
    (name) => {
      // By angle: where the front is nearly vertical, pymoo's 0.1% steps can swap the f1 order.
      const byAngle = (rows: number[][]) =>
        [...rows].sort((p, q) => Math.atan2(p[1]!, p[0]!) - Math.atan2(q[1]!, q[0]!));
      const ours = byAngle(rowsOf(known(name).paretoFront(100)));
      const pymoo = byAngle(theirs(name, 2));
      expect(ours.length).toBe(pymoo.length);
      const norm = (v: number[]) => Math.hypot(v[0]!, v[1]!);
      ours.forEach((p, i) => {
        const q = pymoo[i]!;
        expect(Math.abs(p[0]! * q[1]! - p[1]! * q[0]!)).toBeLessThan(1e-12);
        expect(norm(q) / norm(p)).toBeGreaterThan(1 - 1e-12);
        expect(norm(q) / norm(p)).toBeLessThan(1.001 + 1e-12);
      });
    },
  );

  it.each(['mw5', 'mw7', 'mw9', 'mw10', 'mw11', 'mw13'])('%s: no front (pymoo downloads it)', (name) => {
    const p = factories[name]!();
    expect([p.paretoFront, p.idealPoint, p.nadirPoint]).toEqual([undefined, undefined, undefined]);
  });
});

/** Ma & Wang's g1, g2 or g3 at their optimum, the last variable moved so that g = target. */
function distanceFor(kind: 1 | 2 | 3, x: number[], m: number, target: number): void {
  const n = x.length;
  for (let j = m - 1; j < n; j++) {
    if (kind === 1) x[j] = (0.5 + j / (2 * n)) ** (1 / (n - m));
    else if (kind === 2) x[j] = j / n;
    else x[j] = 1 - (x[j - 1]! - 0.5) ** 2;
  }
  const extra = target - 1;
  if (extra <= 1e-12) return; // g = 1 up to rounding
  const j = n - 1;
  if (kind === 1) x[j] = (0.5 + j / (2 * n) - Math.sqrt(-Math.log(1 - extra) / 10)) ** (1 / (n - m));
  else if (kind === 3) x[j] = 1 - (x[j - 1]! - 0.5) ** 2 - Math.sqrt(extra / 2);
  else throw new Error('no front needs g2 > 1');
}

/** A decision vector reaching front point f: position variables inverted, then the g it needs. */
function decisionFor(name: string, f: readonly number[], nVar: number): number[] {
  const m = f.length;
  const x = new Array<number>(nVar).fill(0);
  const sum = f.reduce((s, v) => s + v, 0);
  const norm = Math.hypot(...f);
  let g = 1;
  if (name === 'mw1' || name === 'mw2' || name === 'mw3') {
    x[0] = f[0]!;
    g = f[1]! + (name === 'mw1' ? 0.85 : 1) * f[0]!;
  } else if (name === 'mw4') {
    // Invert the products from the last objective: f_{m-1-k} = g x_k ∏_{i<k} (1 - x_i).
    g = sum;
    let rest = g;
    for (let k = 0; k < m - 1; k++) {
      x[k] = rest > 0 ? Math.min(1, f[m - 1 - k]! / rest) : 0;
      rest *= 1 - x[k]!;
    }
  } else if (name === 'mw8') {
    // Angles from the tail: f_{m-1-k} = g ∏_{i<k} cos(π x_i / 2) · sin(π x_k / 2).
    g = norm;
    for (let k = 0; k < m - 1; k++) {
      x[k] = (2 / Math.PI) * Math.atan2(f[m - 1 - k]!, Math.hypot(...f.slice(0, m - 1 - k)));
    }
  } else if (name === 'mw6') {
    g = norm / 1.1;
    x[0] = f[0]! / g;
  } else if (name === 'mw12') {
    // f = g (r, 0.85 - 0.8 r - 0.08 |sin 3.2πr|): find r on the ray through f.
    const shape = (r: number) => 0.85 - 0.8 * r - 0.08 * Math.abs(Math.sin(3.2 * Math.PI * r));
    const r = solve((t) => t * f[1]! - shape(t) * f[0]!, 0, 0, 1);
    x[0] = r;
    g = f[0]! > 0 ? f[0]! / r : f[1]! / 0.85;
  } else {
    for (let j = 0; j < m - 1; j++) x[j] = f[j]!;
  }
  const kind = ({ mw1: 1, mw4: 1, mw12: 1, mw2: 2, mw6: 2, mw8: 2 } as Record<string, 1 | 2>)[name] ?? 3;
  distanceFor(kind, x, m, g);
  return x;
}

const instances: [string, Options, number][] = [
  ['mw1', {}, 200],
  ['mw2', {}, 50],
  ['mw3', {}, 200],
  ['mw4', {}, 136],
  ['mw4', { nObj: 2 }, 50],
  ['mw4', { nObj: 4, nVar: 8 }, 120],
  ['mw6', {}, 200],
  ['mw8', {}, 136],
  ['mw8', { nObj: 2 }, 100],
  ['mw8', { nObj: 4 }, 120],
  ['mw12', {}, 200],
  ['mw14', {}, 100],
  ['mw14', { nObj: 2 }, 50],
  ['mw14', { nObj: 4, nVar: 9 }, 125],
];

describe.each(instances)('%s(%j).paretoFront(%i)', (name, options, n) => {
  const problem = known(name, options);
  const front = rowsOf(problem.paretoFront(n));
  const X = front.map((f) => decisionFor(name, f, problem.variables.length));

  it('is reached through evaluate by feasible x (g <= 1e-9 on the boundaries)', () => {
    expect(front.length).toBeGreaterThan(0);
    const { F, G } = evaluateRows(problem, X);
    expectEntries(F, front, (v, e) => close(v, e, 1e-9));
    for (const g of G!) expect(Math.max(...g)).toBeLessThan(1e-9);
  });

  it('is mutually non-dominated and spans idealPoint to nadirPoint', () => {
    expect(Array.from(nonDominatedSort(toMatrix(front)).rank).every((r) => r === 0)).toBe(true);
    const { idealPoint: ideal, nadirPoint: nadir } = problem;
    expectEntries(
      front,
      front.map(() => [...ideal!]),
      (v, low) => v >= low - 1e-12,
    );
    expectEntries(
      front,
      front.map(() => [...nadir!]),
      (v, high) => v <= high + 1e-12,
    );
    // A dense sample comes close to both.
    const dense = rowsOf(problem.paretoFront(20_000));
    for (let j = 0; j < ideal!.length; j++) {
      const column = dense.map((f) => f[j]!);
      expect(Math.min(...column) - ideal![j]!).toBeLessThan(2e-3);
      expect(nadir![j]! - Math.max(...column)).toBeLessThan(2e-3);
    }
  });

  it('is not dominated by feasible points near its decision vectors', () => {
    const random = Random.fromSeed(7);
    const { upper } = problem.variables[0] as RealVariable;
    const near = X.flatMap((x) =>
      Array.from({ length: 10 }, () =>
        x.map((v) => Math.min(upper, Math.max(0, v + random.normal(0, 0.01)))),
      ),
    );
    const { F, G } = evaluateRows(problem, near);
    const feasible = F.filter((_, i) => Math.max(...G![i]!) <= 0);
    expect(feasible.length).toBeGreaterThan(0);
    for (const q of feasible) {
      for (const p of front) {
        const dominates = q.every((v, j) => v <= p[j]! + 1e-12) && q.some((v, j) => v < p[j]! - 1e-9);
        if (dominates) expect.fail(`${q} dominates the front point ${p}`);
      }
    }
  });
});

describe('front details', () => {
  it('MW6: the ideal and nadir points come from the last feasible angle below π/2', () => {
    const p = known('mw6');
    const [f0, f1] = [p.idealPoint![0]!, p.nadirPoint![1]!];
    expect(Math.hypot(f0, f1)).toBeCloseTo(1.1, 14);
    expect(f0).toBeCloseTo(0.0162777, 6);
    const beyond = Array.from({ length: 1000 }, (_, i) => [f0 * (1 - (i + 1) / 1000), 0]);
    const rows = beyond.map(([x0]) => decisionFor('mw6', [x0!, Math.sqrt(1.21 - x0! * x0!)], 15));
    const { G } = evaluateRows(p, [decisionFor('mw6', [f0, f1], 15), ...rows]);
    expect(Math.abs(G![0]![0]!)).toBeLessThan(1e-12);
    for (const g of G!.slice(1)) expect(g[0]).toBeGreaterThan(0);
  });

  it('MW14: each f_j lies where h(y) = 6 - exp(y) - 1.5 sin(1.1π y²) is below all h at smaller y', () => {
    const h = (y: number) => 6 - Math.exp(y) - 1.5 * Math.sin(1.1 * Math.PI * y * y);
    const steps = 150_000;
    const lowest = new Float64Array(steps + 1); // the least h on the grid up to each point
    for (let i = 0, best = Number.POSITIVE_INFINITY; i <= steps; i++) {
      best = Math.min(best, h((1.5 * i) / steps));
      lowest[i] = best;
    }
    const front = rowsOf(known('mw14', { nObj: 2 }).paretoFront(2000));
    for (const [y] of front)
      expect(h(y!)).toBeLessThanOrEqual(lowest[Math.floor((y! / 1.5) * steps)]! + 1e-9);
    // Two parts, the second open where h falls back to the first's last value, 1.3296339 (by
    // bisection; PlatEMO's MW14 samples [0, 0.731] and [1.331, 1.5]).
    const gap = front.findIndex((f, i) => i > 0 && f[0]! - front[i - 1]![0]! > 0.1);
    expect(front[gap - 1]![0]).toBeCloseTo(0.7313523, 7);
    expect(front[gap]![0]!).toBeGreaterThan(1.3296339);
    expect(front[gap]![0]! - 1.3296339).toBeLessThan(1e-3);
    expect(known('mw14').idealPoint).toEqual([0, 0, h(1.5)]);
    expect(known('mw14').nadirPoint).toEqual([1.5, 1.5, 5]);
  });
});
