// DAS-CMOP1-9: agreement with pymoo 0.6.2 (the fixture is written by scripts/dascmop-fixtures.py
// and records the pymoo version), option checks, and the fronts checked through `evaluate`:
// every point is reached by a feasible x, and a dense feasible grid neither beats nor escapes it.
import { InvalidArgumentError, latinHypercube, nonDominatedSort, toMatrix } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { expectValues, type PymooCase, readFixture } from '../test/fixtures.js';
import { evaluateRows, rowsOf } from '../test/support.js';
import type { BenchmarkProblem } from './benchmark-problem.js';
import {
  type DascmopOptions,
  dascmop1,
  dascmop2,
  dascmop3,
  dascmop4,
  dascmop5,
  dascmop6,
  dascmop7,
  dascmop8,
  dascmop9,
} from './dascmop.js';
import { DASCMOP_DIFFICULTIES } from './internal/dascmop-family.js';

const factories: Record<string, (options: DascmopOptions) => BenchmarkProblem> = {
  dascmop1,
  dascmop2,
  dascmop3,
  dascmop4,
  dascmop5,
  dascmop6,
  dascmop7,
  dascmop8,
  dascmop9,
};
const names = Object.keys(factories);
const difficulties = DASCMOP_DIFFICULTIES.map((_, i) => i + 1);

const fixture = readFixture<{
  pymoo: string;
  difficulties: number[][];
  cases: PymooCase<DascmopOptions>[];
}>('pymoo-dascmop.json');

describe(`DAS-CMOP values agree with pymoo ${fixture.pymoo}`, () => {
  it("the difficulty table is pymoo's, `difficulty: d` its row d counted from 1", () => {
    expect(DASCMOP_DIFFICULTIES.map(({ eta, zeta, gamma }) => [eta, zeta, gamma])).toEqual(
      fixture.difficulties,
    );
  });

  it('covers every problem at difficulties 1, 5, 8, 12, 16, and all 16 for DAS-CMOP1 and 7', () => {
    const at = (name: string) =>
      new Set(fixture.cases.filter((c) => c.problem === name).map((c) => c.options.difficulty));
    for (const name of names) for (const d of [1, 5, 8, 12, 16]) expect(at(name).has(d)).toBe(true);
    expect(difficulties.every((d) => at('dascmop1').has(d) && at('dascmop7').has(d))).toBe(true);
  });

  it('pymoo gives finite values everywhere in the fixture (so no problem sets nonFinite)', () => {
    for (const c of fixture.cases)
      expect([...c.F, ...c.G].flat().every((v) => typeof v === 'number')).toBe(true);
  });

  it.each(fixture.cases.map((c) => [`${c.problem}(${JSON.stringify(c.options)})`, c] as const))(
    '%s: F and G to 1e-9',
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
});

describe('DAS-CMOP options', () => {
  const bad = (options: unknown, message: string | RegExp) => {
    expect(() => dascmop1(options as DascmopOptions)).toThrow(InvalidArgumentError);
    expect(() => dascmop1(options as DascmopOptions)).toThrow(message);
  };

  it('a difficulty is required, as in pymoo', () => {
    bad(undefined, /dascmop1\(options\): expected \{ difficulty: 1 \.\.\. 16 \} or \{ eta, zeta, gamma \}/);
    bad({}, 'DAS-CMOP has no default difficulty');
  });

  it('difficulty is an integer from 1 to 16', () => {
    for (const d of [0, 17, 2.5, Number.NaN, '3'])
      bad({ difficulty: d }, /dascmop1: difficulty: expected an integer from 1 to 16/);
    bad({ difficulty: 17 }, 'got 17.');
  });

  it('the factors go together, each in [0, 1], and not with difficulty', () => {
    bad({ difficulty: 1, eta: 0.5 }, 'not both, got "difficulty together with eta"');
    bad({ eta: 0.5, zeta: 0.5 }, 'dascmop1: gamma: expected a number in [0, 1]');
    for (const v of [-0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      bad({ eta: 0.5, zeta: v, gamma: 0.5 }, 'dascmop1: zeta: expected a number in [0, 1]');
    }
  });

  it('unknown keys and non-objects are refused', () => {
    bad({ difficulty: 1, nVar: 10 }, 'expected only the keys difficulty, eta, zeta, gamma, got "nVar"');
    bad(3, 'dascmop1(options)');
  });

  it('difficulty d is the raw triple of row d, for every problem', () => {
    const X = latinHypercube(dascmop1({ difficulty: 1 }), 8, { seed: 3 });
    for (const name of names) {
      for (const d of difficulties) {
        const viaRow = factories[name]!({ difficulty: d }).evaluate(X, { seed: 0 });
        const viaTriple = factories[name]!({ ...DASCMOP_DIFFICULTIES[d - 1]! }).evaluate(X, { seed: 0 });
        expect(viaRow).toEqual(viaTriple);
      }
    }
  });
});

const TWO = ['dascmop1', 'dascmop2', 'dascmop3', 'dascmop4', 'dascmop5', 'dascmop6'];
const withoutHoles = [1, 2, 5, 6, 9, 10, 13, 14];
/** Where each front is known (see dascmop.ts): γ = 0, plus the difficulties the holes miss. */
const known: Record<string, number[]> = {
  ...Object.fromEntries(TWO.map((name) => [name, withoutHoles])),
  dascmop2: [...withoutHoles, 3, 7, 11],
  dascmop5: [...withoutHoles, 3, 7, 11],
  ...Object.fromEntries(
    ['dascmop7', 'dascmop8', 'dascmop9'].map((n) => [n, difficulties.filter((d) => ![3, 7, 11].includes(d))]),
  ),
};
const leastG = (d: number) => [0, 0.5, 0.5, 0.5, 0.4999][Math.ceil(DASCMOP_DIFFICULTIES[d - 1]!.zeta * 4)]!;
const halfPi = Math.PI / 2;

/** x with the given x_1, x_2 whose g is g0: the distance variables at g's optimum, moved as needed. */
function decision(name: string, x1: number, x2: number, g0: number): number[] {
  const m = TWO.includes(name) ? 2 : 3;
  const x = [x1, x2].slice(0, m - 1);
  if (['dascmop1', 'dascmop2', 'dascmop3', 'dascmop9'].includes(name)) {
    // g = Σ (x_j - t_j)²: two of them at ±√(g0/2) from the target, inside [0, 1].
    const shift = Math.sqrt(g0 / 2);
    for (let j = m; j <= 30; j++) {
      const t =
        name === 'dascmop9'
          ? Math.cos(((0.25 * j) / 30) * Math.PI * (x1 + x2))
          : Math.sin(0.5 * Math.PI * x1);
      x.push(j > 28 ? (t >= 0.5 ? t - shift : t + shift) : t);
    }
    return x;
  }
  // g = 29 - (m - 1) + Σ (z² - cos 20πz), z = x_j - 0.5: one z > 0 with z² + 1 - cos 20πz = g0.
  let [lo, hi] = [0, 0.05];
  for (let i = 0; i < 100; i++) {
    const z = (lo + hi) / 2;
    if (z * z + 1 - Math.cos(20 * Math.PI * z) < g0) lo = z;
    else hi = z;
  }
  return [...x, ...new Array<number>(30 - m).fill(0.5), 0.5 + lo];
}

/** The x_1, x_2 of a front point (its objectives minus g0); where x_1 is free, 0.025 (a crest of sin 20πx). */
function position(name: string, f: number[], g0: number): [number, number] {
  const [a = 0, b = 0, c = 0] = f.map((v) => v - g0);
  if (TWO.includes(name)) return [a, 0];
  if (name === 'dascmop7') return [a + b === 0 ? 0.025 : a / (a + b), a + b];
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return [clamp(Math.atan2(c, Math.hypot(a, b)) / halfPi), clamp(Math.atan2(b, a) / halfPi)];
}

/** Rows of `matrix` whose constraints are all <= 1e-12: feasible up to the rounding of sin at its zeros. */
const feasibleRows = (F: number[][], G: number[][]) => F.filter((_, i) => Math.max(...G[i]!) <= 1e-12);

const cases = names.flatMap((name) =>
  difficulties.map((d) => [`${name}({ difficulty: ${d} })`, name, d] as const),
);
const fronted = cases.filter(([, name, d]) => known[name]!.includes(d));

describe('DAS-CMOP fronts', () => {
  it.each(cases)('%s: a front exactly where it is certain', (_, name, d) => {
    const p = factories[name]!({ difficulty: d });
    const has = known[name]!.includes(d);
    expect([p.paretoFront, p.idealPoint, p.nadirPoint].map((v) => v !== undefined)).toEqual([has, has, has]);
  });

  it.each(fronted)(
    '%s: each point reached by a feasible x, none dominated, within ideal and nadir',
    (_, name, d) => {
      const p = factories[name]!({ difficulty: d });
      const g0 = leastG(d);
      const front = rowsOf(p.paretoFront!(300));
      if (TWO.includes(name)) expect(front.length).toBe(300);
      else expect(front.length).toBeGreaterThan(10);
      const X = front.map((f) => decision(name, ...position(name, f, g0), g0));
      const { F, G } = evaluateRows(p, X);
      const off = F.flatMap((row, i) => row.map((v, j) => Math.abs(v - front[i]![j]!)));
      expect(Math.max(...off)).toBeLessThan(1e-12);
      expect(Math.max(...G!.flat())).toBeLessThan(1e-12);
      expect(nonDominatedSort(toMatrix(front)).rank.every((r) => r === 0)).toBe(true);
      front[0]!.forEach((_, j) => {
        const column = front.map((f) => f[j]!);
        const range = [Math.min(...column), Math.max(...column)];
        if (TWO.includes(name)) expect(range).toEqual([p.idealPoint![j], p.nadirPoint![j]]);
        expect(range[0]).toBeGreaterThanOrEqual(p.idealPoint![j]! - 1e-12);
        expect(range[1]).toBeLessThanOrEqual(p.nadirPoint![j]! + 1e-12);
      });
    },
  );

  it.each(fronted.filter(([, name]) => TWO.includes(name)))(
    '%s: a grid of 20,001 feasible x_1 at g0 never beats the front, and its best points lie on it',
    (_, name, d) => {
      const p = factories[name]!({ difficulty: d });
      const g0 = leastG(d);
      const grid = Array.from({ length: 20_001 }, (_, i) => decision(name, i / 20_000, 0, g0));
      const { F, G } = evaluateRows(p, grid);
      const feasible = feasibleRows(F, G!);
      const front = rowsOf(p.paretoFront!(100_000));
      // No feasible point is better in both objectives than a front point (grid and front sorted by f_1).
      let best = Number.POSITIVE_INFINITY;
      let k = 0;
      let beaten = 0;
      for (const [q1, q2] of front) {
        while (k < feasible.length && feasible[k]![0]! < q1! - 1e-12)
          best = Math.min(best, feasible[k++]![1]!);
        if (best < q2! - 1e-12) beaten++;
      }
      expect(beaten).toBe(0);
      // Every non-dominated grid point is within 2e-5 (in x_1) of a front point.
      best = Number.POSITIVE_INFINITY;
      let j = 0;
      const far: number[] = [];
      for (const [f1, f2] of feasible) {
        if (!(f2! < best)) continue;
        best = f2!;
        while (j + 1 < front.length && front[j + 1]![0]! <= f1!) j++;
        const gap = Math.min(Math.abs(front[j]![0]! - f1!), Math.abs((front[j + 1] ?? front[j]!)[0]! - f1!));
        if (gap >= 2e-5) far.push(f1!);
      }
      expect(far).toEqual([]);
    },
  );

  it.each(fronted.filter(([, name]) => !TWO.includes(name)))(
    '%s: every feasible point of a 41 x 41 grid of (x_1, x_2) at g0 lies on the surface, near the front',
    (_, name, d) => {
      const p = factories[name]!({ difficulty: d });
      const g0 = leastG(d);
      const grid = Array.from({ length: 41 * 41 }, (_, i) =>
        decision(name, (i % 41) / 40, Math.floor(i / 41) / 40, g0),
      );
      const { F, G } = evaluateRows(p, grid);
      const feasible = feasibleRows(F, G!).map((f) => f.map((v) => v - g0));
      expect(feasible.length).toBeGreaterThan(20);
      const onSurface = (f: number[]) =>
        name === 'dascmop7' ? f[0]! + f[1]! + f[2]! : Math.hypot(f[0]!, f[1]!, f[2]!);
      expect(Math.max(...feasible.map((f) => Math.abs(onSurface(f) - 1)))).toBeLessThan(1e-12);
      const front = rowsOf(p.paretoFront!(5000)).map((q) => q.map((v) => v - g0));
      const distance = (f: number[]) =>
        Math.min(...front.map((q) => Math.hypot(q[0]! - f[0]!, q[1]! - f[1]!, q[2]! - f[2]!)));
      // The lattice is 0.01 apart; the thin x_1 bands of η = 0.75 near (0, 0, 1) hold fewer points.
      expect(Math.max(...feasible.map(distance))).toBeLessThan(0.05);
    },
  );

  it.each(fronted)('%s: 4,000 random x, where feasible, never dominate a front point', (_, name, d) => {
    const p = factories[name]!({ difficulty: d });
    const { F, G } = evaluateRows(p, rowsOf(latinHypercube(p, 4000, { seed: d })));
    const front = rowsOf(p.paretoFront!(200));
    const dominating = feasibleRows(F, G!).filter((f) =>
      front.some((q) => q.every((v, j) => f[j]! <= v - 1e-12)),
    );
    expect(dominating).toEqual([]);
  });

  it('η = 0.5: x_1 = 1 is an isolated front point (sin 20π = 0), though floating sin gives 2.4e-15', () => {
    const p = dascmop1({ difficulty: 5 });
    expect([p.idealPoint, p.nadirPoint]).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(rowsOf(p.paretoFront!(40)).at(-1)).toEqual([1, 0]);
    const g = evaluateRows(p, [decision('dascmop1', 1, 0, 0)]).G![0]!;
    expect(g[0]).toBeGreaterThan(0);
    expect(g[0]).toBeLessThan(1e-14);
  });

  it('DAS-CMOP3 at η = 0.75: the first allowed x_1 = 1/120 is an isolated front point where h rises', () => {
    const p = dascmop3({ difficulty: 9 });
    const h = (x: number) => 1 - Math.sqrt(x) + 0.5 * Math.abs(Math.sin(5 * Math.PI * x));
    const first = rowsOf(p.paretoFront!(50))[0]!;
    expect(first[0]).toBeCloseTo(1 / 120, 15);
    expect(first[1]).toBeCloseTo(h(1 / 120), 15);
    expect(h(1 / 120 + 1e-6)).toBeGreaterThan(h(1 / 120));
    expect(p.nadirPoint![1]).toBe(first[1]);
  });

  it('ζ = 1 relaxes g = 0.5 to 1e-4, so the front sits at g0 = 0.4999', () => {
    expect(dascmop4({ difficulty: 13 }).idealPoint).toEqual([0.4999, 0.4999]);
    expect(dascmop7({ difficulty: 15 }).idealPoint).toEqual([0.4999, 0.4999, 0.4999]);
  });
});
