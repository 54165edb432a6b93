// Every paretoFront(n): how many points, mutually non-dominated, on the closed form, reached by
// some x through evaluate (and feasible there), and bounded by idealPoint / nadirPoint.
import { nonDominatedSort } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import {
  CDTLZ,
  DTLZ,
  decisionFor,
  evaluateRows,
  factories,
  frontResidual,
  type Options,
  rowsOf,
  solve,
  ZDT,
} from '../test/support.js';

const binomial = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
};
const latticeCount = (m: number, n: number) => {
  let h = 1;
  while (binomial(h + m, m - 1) <= n) h++;
  return binomial(h + m - 1, m - 1);
};

/** The documented number of rows of paretoFront(n). */
function expectedRows(name: string, m: number, n: number): number | [number, number] {
  if (ZDT.includes(name) || name === 'dtlz5' || name === 'dtlz6') return n;
  if (name === 'dtlz7') return Math.floor(n ** (1 / (m - 1)) + 1e-9) ** (m - 1);
  if (name === 'c2dtlz2') return [1, latticeCount(m, n)];
  return latticeCount(m, n);
}

/** A decision vector reaching the ZDT front point f (x2..xn = 0). */
function zdtDecision(name: string, f: readonly number[], nVar: number): number[] {
  const peak = Math.atan(9 * Math.PI) / (6 * Math.PI);
  // ZDT6's f1 = 1 - exp(-4x) sin^6(6πx) falls from 1 at x = 0 to its least value at the peak.
  const x1 =
    name === 'zdt6'
      ? solve((x) => Math.exp(-4 * x) * Math.sin(6 * Math.PI * x) ** 6, 1 - f[0]!, 0, peak)
      : f[0]!;
  return [x1, ...new Array<number>(nVar - 1).fill(0)];
}

const instances: [string, Options][] = [
  ...ZDT.map((name) => [name, {}] as [string, Options]),
  ...[...DTLZ, ...CDTLZ].flatMap((name) =>
    [2, 3, 5]
      .filter((m) => !(m > 3 && (name === 'dtlz5' || name === 'dtlz6')))
      .map(
        (m) => [name, name === 'c1dtlz3' && m === 2 ? { nObj: m, r: 9 } : { nObj: m }] as [string, Options],
      ),
  ),
];

describe.each(
  instances.map(([name, options]) => [`${name}(${JSON.stringify(options)})`, name, options] as const),
)('%s.paretoFront', (_, name, options) => {
  const problem = factories[name]!(options);
  const m = problem.objectives.length;
  const nVar = problem.variables.length;

  it.each([1, 7, 100, 500])('n = %i: the documented number of points, all non-dominated', (n) => {
    if (n < m && !ZDT.includes(name) && name !== 'dtlz5' && name !== 'dtlz6' && name !== 'dtlz7') {
      expect(() => problem.paretoFront(n)).toThrow(`expected an integer >= ${m}`);
      return;
    }
    const front = problem.paretoFront(n);
    expect(front.cols).toBe(m);
    const rows = expectedRows(name, m, n);
    if (Array.isArray(rows)) {
      expect(front.rows).toBeGreaterThanOrEqual(rows[0]);
      expect(front.rows).toBeLessThanOrEqual(rows[1]);
    } else {
      expect(front.rows).toBe(rows);
    }
    expect(nonDominatedSort(front).fronts.length).toBe(1);
  });

  it('lies on the closed form, and each point is reached by a feasible x', () => {
    const points = rowsOf(problem.paretoFront(300));
    for (const f of points) expect(Math.abs(frontResidual(name, f))).toBeLessThan(1e-12);
    const X = points.map((f) =>
      ZDT.includes(name) ? zdtDecision(name, f, nVar) : decisionFor(name, f, nVar),
    );
    const { F, G } = evaluateRows(problem, X);
    F.forEach((f, i) => {
      f.forEach((v, j) => {
        expect(Math.abs(v - points[i]![j]!)).toBeLessThan(name === 'zdt6' ? 1e-7 : 1e-9);
      });
    });
    if (G !== undefined) for (const g of G) expect(Math.max(...g)).toBeLessThan(1e-9);
  });

  it('spans idealPoint to nadirPoint', () => {
    const points = rowsOf(problem.paretoFront(m === 2 ? 1000 : 5000));
    const low = Array.from({ length: m }, (_, j) => Math.min(...points.map((p) => p[j]!)));
    const high = Array.from({ length: m }, (_, j) => Math.max(...points.map((p) => p[j]!)));
    for (let j = 0; j < m; j++) {
      expect(low[j]).toBeCloseTo(problem.idealPoint![j]!, 12);
      expect(high[j]).toBeCloseTo(problem.nadirPoint![j]!, 12);
    }
  });
});

describe('paretoFront(n) arguments', () => {
  it.each([0, -1, 2.5, Number.NaN, '10'])('rejects n = %s', (n) => {
    expect(() => factories.zdt1!().paretoFront(n as number)).toThrow(
      'zdt1.paretoFront(n): expected a positive integer',
    );
  });

  it('counts: ZDT3 exactly n, DTLZ1 3-objective 136 of 140, DTLZ7 4-objective 4^3 of 100', () => {
    expect(factories.zdt3!().paretoFront(37).rows).toBe(37);
    expect(factories.dtlz1!().paretoFront(140).rows).toBe(136);
    expect(factories.dtlz7!({ nObj: 4 }).paretoFront(100).rows).toBe(64);
  });
});
