// CTP1-8: agreement with pymoo 0.6.2 (the fixture is written by
// scripts/ctp-engineering-fixtures.py and records the pymoo version), option checks, and the
// fronts checked through `evaluate`: every point is reached by a feasible x, and neither a dense
// scan of the objective space nor random points beat or escape them.
import { InvalidArgumentError, latinHypercube, type RealVariable } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { type CtpEngineeringCase, expectCtpEngineeringCase, readFixture } from '../test/fixtures.js';
import { evaluateRows, expectBiobjectiveFront, rowsOf } from '../test/support.js';
import type { KnownFrontProblem } from './benchmark-problem.js';
import { type Ctp1Options, ctp1, ctp2, ctp3, ctp4, ctp5, ctp6, ctp7, ctp8 } from './ctp.js';
import { ctp1Coefficients } from './internal/ctp-family.js';

const factories: Record<string, (options?: Ctp1Options) => KnownFrontProblem> = {
  ctp1,
  ctp2,
  ctp3,
  ctp4,
  ctp5,
  ctp6,
  ctp7,
  ctp8,
};
const names = Object.keys(factories);

const fixture = readFixture<{ pymoo: string; cases: CtpEngineeringCase<Ctp1Options>[] }>(
  'pymoo-ctp-engineering.json',
);
const cases = fixture.cases.filter((c) => c.problem in factories);

describe(`CTP values agree with pymoo ${fixture.pymoo}`, () => {
  it('cover every problem with both g functions, and CTP1 with 1, 3 and 5 constraints', () => {
    for (const name of names) {
      const variants = cases.filter((c) => c.problem === name).map((c) => JSON.stringify(c.options));
      expect(variants).toEqual(expect.arrayContaining(['{}', '{"gFunction":"multimodal"}']));
    }
    const counts = cases.filter((c) => c.problem === 'ctp1').map((c) => c.nConstr);
    expect(new Set(counts)).toEqual(new Set([1, 2, 3, 5]));
  });

  it('pymoo gives NaN (0/0) at x = 0 for CTP2-5, and only there', () => {
    const nonFinite = cases.filter((c) => c.G.flat().some((v) => typeof v === 'string'));
    expect(new Set(nonFinite.map((c) => c.problem))).toEqual(new Set(['ctp2', 'ctp3', 'ctp4', 'ctp5']));
    for (const c of nonFinite) {
      const rows = c.G.flatMap((g, i) => (g.some((v) => typeof v === 'string') ? [i] : []));
      expect(rows.map((i) => [c.X[i], c.G[i]])).toEqual([[c.xl, ['NaN']]]);
    }
  });

  it.each(cases.map((c) => [`${c.problem}(${JSON.stringify(c.options)})`, c] as const))(
    '%s: bounds, F and G to 1e-9',
    (_, c) => expectCtpEngineeringCase(factories[c.problem]!(c.options), c),
  );
});

describe('CTP by hand (Deb, Pratap & Meyarivan 2001)', () => {
  it("CTP1's constraint curves for J = 2 are the paper's a = (0.858, 0.728), b = (0.541, 0.295)", () => {
    const { a, b } = ctp1Coefficients(2);
    expect([...a, ...b].map((v) => Number(v.toFixed(3)))).toEqual([0.858, 0.728, 0.541, 0.295]);
    // Each curve meets the previous one at f1 = j / 3.
    expect(a[0]! * Math.exp(-b[0]! / 3)).toBeCloseTo(Math.exp(-1 / 3), 14);
    expect(a[1]! * Math.exp((-b[1]! * 2) / 3)).toBeCloseTo(a[0]! * Math.exp((-b[0]! * 2) / 3), 14);
  });

  it('x2..xn = 0 gives g = 1 with either g function: f2 = exp(-f1) for CTP1, 1 - √f1 for the rest', () => {
    for (const gFunction of ['linear', 'multimodal'] as const) {
      const rows = [[0.25, 0, 0, 0]];
      expect(evaluateRows(ctp1({ nVar: 4, gFunction }), rows).F).toEqual([[0.25, Math.exp(-0.25)]]);
      expect(evaluateRows(ctp7({ nVar: 4, gFunction }), rows).F).toEqual([[0.25, 0.5]]);
    }
  });

  it('returns NaN at the tunnel floor x = 0 of CTP2-5 and finite values for CTP1, 6, 7, 8', () => {
    for (const name of names) {
      const [g] = evaluateRows(factories[name]!(), [[0, 0]]).G!;
      expect(g!.every(Number.isNaN)).toBe(['ctp2', 'ctp3', 'ctp4', 'ctp5'].includes(name));
      expect(g!.every(Number.isFinite)).toBe(!['ctp2', 'ctp3', 'ctp4', 'ctp5'].includes(name));
    }
  });

  it("CTP3 and CTP4's fronts are the 13 tunnel floors (k/10)(cos θ, sin θ) + (0, 1), θ = -0.2π", () => {
    const floors = Array.from({ length: 13 }, (_, k) => [
      0.1 * k * Math.cos(-0.2 * Math.PI),
      1 + 0.1 * k * Math.sin(-0.2 * Math.PI),
    ]);
    for (const p of [ctp3(), ctp4()]) {
      rowsOf(p.paretoFront(13)).forEach((row, k) => {
        expect(row[0]).toBeCloseTo(floors[k]![0]!, 15);
        expect(row[1]).toBeCloseTo(floors[k]![1]!, 15);
      });
    }
  });
});

describe('CTP options', () => {
  it('default to pymoo: 2 variables, linear g, CTP1 with 2 constraints, CTP8 with 2', () => {
    expect(names.map((n) => factories[n]!().variables.length)).toEqual(new Array(8).fill(2));
    expect(names.map((n) => factories[n]!().constraints.length)).toEqual([2, 1, 1, 1, 1, 1, 1, 2]);
    expect(ctp6({ nVar: 3 }).variables.map((v) => (v as RealVariable).upper)).toEqual([1, 20, 20]);
  });

  it('reject bad values with expected vs actual', () => {
    expect(() => ctp2({ nVar: 1 })).toThrow(InvalidArgumentError);
    expect(() => ctp2({ nVar: 1 })).toThrow(
      'ctp2: nVar: expected an integer >= 2 (x1 and at least one variable of g), got 1.',
    );
    expect(() => ctp5({ nVar: 2.5 })).toThrow(InvalidArgumentError);
    expect(() => ctp3({ gFunction: 'rastrigin' as never })).toThrow(
      `ctp3: gFunction: expected 'linear' or 'multimodal' (pymoo's option), got "rastrigin".`,
    );
    expect(() => ctp1({ nConstr: 0 })).toThrow('ctp1: nConstr: expected an integer >= 1, got 0.');
    expect(() => ctp1({ nConstr: 1.5 })).toThrow(InvalidArgumentError);
  });

  it('reject unknown keys, and nConstr everywhere but CTP1', () => {
    expect(() => ctp4({ nObj: 3 } as never)).toThrow(
      'ctp4(options): expected only the keys nVar, gFunction, got "nObj". CTP problems have two objectives.',
    );
    expect(() => ctp2({ nConstr: 2 } as never)).toThrow(InvalidArgumentError);
    expect(() => ctp1(3 as never)).toThrow(InvalidArgumentError);
  });
});

/** A decision vector (n = 2, linear g) with objectives f: x1 = f1, x2 = g - 1. */
function decisionFor(name: string, f: readonly number[]): number[] {
  const [f1 = 0, f2 = 0] = f;
  if (name !== 'ctp1') return [f1, ((Math.sqrt(f1) + Math.sqrt(f1 + 4 * f2)) / 2) ** 2 - 1];
  // f2 = g exp(-f1 / g) rises with g.
  let lo = 1;
  let hi = 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (mid * Math.exp(-f1 / mid) < f2) lo = mid;
    else hi = mid;
  }
  return [f1, (lo + hi) / 2 - 1];
}

const isFeasible = (g: readonly number[]) => g.every((v) => v <= 0);
/** CTP2-5's front points sit where the tunnels open (0/0 there): step 1e-7 into the tunnel, along u. */
const TUNNEL_STEP = [-Math.sin(-0.2 * Math.PI) * 1e-7, Math.cos(-0.2 * Math.PI) * 1e-7];

describe.each(names)('%s front', (name) => {
  const problem = factories[name]!();
  const front = rowsOf(problem.paretoFront(2000));

  it('is sorted by f1, mutually non-dominated, and spans idealPoint to nadirPoint', () => {
    expectBiobjectiveFront(problem, front);
  });

  it('gives n points (the isolated ones first), never more than n', () => {
    const isolated = { ctp3: 13, ctp4: 13, ctp5: 15, ctp7: 1 }[name] ?? 0;
    for (const n of [1, 2, 7, 13, 16, 100]) {
      const rows = problem.paretoFront(n).rows;
      expect(rows).toBe(name === 'ctp3' || name === 'ctp4' ? Math.min(n, 13) : n);
      if (n <= isolated) expect(rows).toBe(n);
    }
    expect(() => problem.paretoFront(0)).toThrow(InvalidArgumentError);
  });

  it('is reached by feasible x through evaluate', () => {
    const tunnel = ['ctp2', 'ctp3', 'ctp4', 'ctp5'].includes(name);
    const targets = front.map((p) => (tunnel ? [p[0]! + TUNNEL_STEP[0]!, p[1]! + TUNNEL_STEP[1]!] : p));
    const { F, G } = evaluateRows(
      problem,
      targets.map((f) => decisionFor(name, f)),
    );
    F.forEach((f, i) => {
      expect(Math.abs(f[0]! - targets[i]![0]!)).toBeLessThan(1e-12);
      expect(Math.abs(f[1]! - targets[i]![1]!)).toBeLessThan(1e-12);
    });
    // On a wall, G is 0 up to rounding; inside a tunnel, strictly below.
    for (const g of G!) expect(Math.max(...g)).toBeLessThanOrEqual(tunnel ? 0 : 1e-9);
  });

  it('no feasible point of a dense scan beats it, and the scan finds nothing it misses', () => {
    // Columns of f1, each scanned in g (x2 = g - 1) from the lower curve (g = 1) upwards; the
    // lowest feasible point of each column is then refined by bisection, all columns at once.
    const columns = Array.from({ length: 201 }, (_, c) => c / 200);
    const top = name === 'ctp6' || name === 'ctp8' ? 8 : 2;
    const steps = 1000;
    const scan = (g: (c: number) => number) =>
      evaluateRows(
        problem,
        columns.map((f1, c) => [f1, g(c) - 1]),
      ).G!.map(isFeasible);
    const lo: number[] = [];
    const hi: number[] = [];
    const { G } = evaluateRows(
      problem,
      columns.flatMap((f1) => Array.from({ length: steps + 1 }, (_, k) => [f1, ((top - 1) * k) / steps])),
    );
    columns.forEach((_, c) => {
      const first = G!.slice(c * (steps + 1), (c + 1) * (steps + 1)).findIndex(isFeasible);
      lo.push(first <= 0 ? 1 : 1 + ((top - 1) * (first - 1)) / steps);
      hi.push(first < 0 ? Number.NaN : 1 + ((top - 1) * first) / steps);
    });
    for (let i = 0; i < 45; i++) {
      // Columns with nothing feasible up to `top` are left out (evaluated at g = 1, unused).
      const ok = scan((c) => (Number.isNaN(hi[c]!) ? 1 : (lo[c]! + hi[c]!) / 2));
      columns.forEach((_, c) => {
        if (hi[c]! === 1 || Number.isNaN(hi[c]!)) return;
        if (ok[c]) hi[c] = (lo[c]! + hi[c]!) / 2;
        else lo[c] = (lo[c]! + hi[c]!) / 2;
      });
    }
    const envelope = evaluateRows(
      problem,
      columns.flatMap((f1, c) => (Number.isNaN(hi[c]!) ? [] : [[f1, hi[c]! - 1]])),
    ).F;
    // No feasible point dominates a front point.
    const beaten = front.filter((p) => envelope.some((q) => q[0]! <= p[0]! && q[1]! < p[1]! - 1e-9));
    expect(beaten).toEqual([]);
    // Every non-dominated scan point is (nearly) dominated by a front point.
    let best = Number.POSITIVE_INFINITY;
    const missed: number[][] = [];
    for (const q of envelope) {
      if (q[1]! >= best) continue;
      best = q[1]!;
      if (!front.some((p) => p[0]! <= q[0]! + 1e-12 && p[1]! <= q[1]! + 2e-3)) missed.push(q);
    }
    expect(missed).toEqual([]);
  });

  it('no random feasible point beats it', () => {
    const X = latinHypercube(problem, 50_000, { seed: 7 });
    const { F, G } = problem.evaluate(X, { seed: 0 });
    const beaten: number[][] = [];
    for (let i = 0; i < X.rows; i++) {
      if (!isFeasible(Array.from(G!.data.subarray(i * G!.cols, (i + 1) * G!.cols)))) continue;
      const [q1, q2] = [F.data[2 * i]!, F.data[2 * i + 1]!];
      // The first front point at or right of q1 has the highest f2 of those q could dominate.
      let a = 0;
      let b = front.length;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (front[mid]![0]! < q1) a = mid + 1;
        else b = mid;
      }
      if (a < front.length && q2 <= front[a]![1]! - 1e-9) beaten.push([q1, q2]);
    }
    expect(beaten).toEqual([]);
  });
});
