// Shared by the tests: the factories by name, the fronts' closed forms written out afresh from
// the papers (not from the sources under test), and decision vectors that reach a given front
// point, so front samples can be checked through `evaluate` itself.
import { type Matrix, nonDominatedSort, toMatrix } from '@paretokit/problem';
import { expect } from 'vitest';
import type { BenchmarkProblem, KnownFrontProblem } from '../src/index.js';
import * as benchmarks from '../src/index.js';

export type Options = { nVar?: number; nObj?: number; r?: number };
export const ZDT = ['zdt1', 'zdt2', 'zdt3', 'zdt4', 'zdt6'];
export const DTLZ = ['dtlz1', 'dtlz2', 'dtlz3', 'dtlz4', 'dtlz5', 'dtlz6', 'dtlz7'];
export const CDTLZ = ['c1dtlz1', 'c1dtlz3', 'c2dtlz2', 'c3dtlz1', 'c3dtlz4'];
/** The factories of the ZDT, DTLZ and C-DTLZ problems (all with a known front), by name. */
export const factories = Object.fromEntries(
  [...ZDT, ...DTLZ, ...CDTLZ].map((name) => [name, (benchmarks as unknown as Record<string, unknown>)[name]]),
) as Record<string, (options?: Options) => KnownFrontProblem>;

export const rowsOf = (m: Matrix): number[][] =>
  Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
const sum = (f: readonly number[]): number => f.reduce((s, v) => s + v, 0);
const sumSq = (f: readonly number[]): number => f.reduce((s, v) => s + v * v, 0);
const gain = (y: number): number => y * (1 + Math.sin(3 * Math.PI * y));

/** The base DTLZ problem whose objectives a C-DTLZ problem uses. */
export const baseOf = (name: string): string =>
  ({ c1dtlz1: 'dtlz1', c1dtlz3: 'dtlz3', c2dtlz2: 'dtlz2', c3dtlz1: 'dtlz1', c3dtlz4: 'dtlz4' })[name] ??
  name;

/**
 * How far a point is from the front's closed form (0 on it): ZDT from Zitzler et al. (2000),
 * DTLZ from Deb et al. (2005), C-DTLZ from Jain & Deb (2014).
 */
export function frontResidual(name: string, f: readonly number[]): number {
  const m = f.length;
  const [f1 = 0, f2 = 0] = f;
  switch (name) {
    case 'zdt1':
    case 'zdt4':
      return f2 - (1 - Math.sqrt(f1));
    case 'zdt2':
    case 'zdt6':
      return f2 - (1 - f1 * f1);
    case 'zdt3':
      return f2 - (1 - Math.sqrt(f1) - f1 * Math.sin(10 * Math.PI * f1));
    case 'dtlz1':
    case 'c1dtlz1':
      return sum(f) - 0.5;
    case 'dtlz2':
    case 'dtlz3':
    case 'dtlz4':
    case 'c1dtlz3':
    case 'c2dtlz2':
      return sumSq(f) - 1;
    case 'dtlz5':
    case 'dtlz6':
      // The curve: unit norm, and for 3 objectives f1 = f2 (both angles after the first are π/4).
      return Math.abs(sumSq(f) - 1) + (m === 3 ? Math.abs(f1 - f2) : 0);
    case 'dtlz7':
      return f[m - 1]! - (2 * m - sum(f.slice(0, -1).map(gain)));
    case 'c3dtlz1':
      return sum(f) + Math.min(...f) - 1;
    case 'c3dtlz4':
      return sumSq(f) - 0.75 * Math.max(...f) ** 2 - 1;
    default:
      throw new Error(`no closed form for ${name}`);
  }
}

/** Solves `h(d) = target` for d in [lo, hi] by bisection, h increasing there. */
export function solve(h: (d: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (h(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * A decision vector of a DTLZ or C-DTLZ problem whose objectives are the front point `f`: the
 * position variables invert the shape function, the distance variables give the g that the
 * front point needs (0 unless the constraints push the front outwards).
 */
export function decisionFor(name: string, f: readonly number[], nVar: number): number[] {
  const m = f.length;
  const k = nVar - m + 1;
  const base = baseOf(name);
  const x = new Array<number>(nVar).fill(0.5);
  if (base === 'dtlz1') {
    let p = sum(f);
    for (let j = 0; j < m - 1; j++) {
      x[j] = p > 0 ? 1 - f[m - 1 - j]! / p : 0.5;
      p *= x[j]!;
    }
  } else if (base === 'dtlz7') {
    for (let j = 0; j < m - 1; j++) x[j] = f[j]!;
  } else {
    // Angles from the tail: f_{m-1-j} = |f| · ∏_{i<j} cos θ_i · sin θ_j.
    for (let j = 0; j < m - 1; j++) {
      const theta = Math.atan2(f[m - 1 - j]!, Math.sqrt(sumSq(f.slice(0, m - 1 - j))));
      const t = theta / (Math.PI / 2);
      x[j] = base === 'dtlz4' ? t ** (1 / 100) : t;
    }
  }
  let distance = 0.5;
  if (base === 'dtlz6' || base === 'dtlz7') distance = 0;
  if (name === 'c3dtlz1') {
    // 0.5 (1 + g) = Σ f with g = 100 k (1 + d² - cos(20π d)), increasing on [0, 0.05].
    const g = 2 * sum(f) - 1;
    distance = 0.5 + solve((d) => 100 * k * (1 + d * d - Math.cos(20 * Math.PI * d)), g, 0, 0.05);
  }
  if (name === 'c3dtlz4') distance = 0.5 + Math.sqrt((Math.sqrt(sumSq(f)) - 1) / k);
  for (let j = m - 1; j < nVar; j++) x[j] = distance;
  // Inverting can land a rounding error outside [0, 1].
  return x.map((v) => Math.min(1, Math.max(0, v)));
}

/** Evaluates rows given as plain arrays. */
export function evaluateRows(problem: BenchmarkProblem, rows: readonly (readonly number[])[]) {
  const { F, G } = problem.evaluate(toMatrix(rows as number[][]), { seed: 0 });
  return { F: rowsOf(F), G: G === undefined ? undefined : rowsOf(G) };
}

/** `|a - b| <= tol · max(1, |b|)`. */
export function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

/** Rows sorted lexicographically, for comparing point sets. */
export function sortedRows(rows: readonly (readonly number[])[]): number[][] {
  return rows
    .map((r) => [...r])
    .sort((a, b) => {
      for (let j = 0; j < a.length; j++) if (Math.abs(a[j]! - b[j]!) > 1e-9) return a[j]! - b[j]!;
      return 0;
    });
}

/**
 * A two-objective front sampled as `front`: sorted by rising f1, mutually non-dominated, and its
 * least and greatest f1 and f2 are exactly the problem's idealPoint and nadirPoint.
 */
export function expectBiobjectiveFront(
  problem: { readonly idealPoint?: readonly number[]; readonly nadirPoint?: readonly number[] },
  front: number[][],
): void {
  expect(front.every((p, i) => i === 0 || p[0]! > front[i - 1]![0]!)).toBe(true);
  expect(Array.from(nonDominatedSort(toMatrix(front)).rank).every((r) => r === 0)).toBe(true);
  const f1 = front.map((p) => p[0]!);
  const f2 = front.map((p) => p[1]!);
  expect(problem.idealPoint).toEqual([Math.min(...f1), Math.min(...f2)]);
  expect(problem.nadirPoint).toEqual([Math.max(...f1), Math.max(...f2)]);
}
