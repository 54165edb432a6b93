import {
  InvalidArgumentError,
  type Matrix,
  type RealVariable,
  real,
  type VariableSpec,
} from '@paretokit/problem';
import type { CtpOptions } from '../ctp.js';
import type { BenchmarkSpec } from './define-benchmark.js';
import { checkOptions, integerAtLeast } from './options.js';

// The CTP problems of Deb, Pratap & Meyarivan (EMO 2001, "Constrained test problems for
// multi-objective evolutionary optimization"), as pymoo 0.6.2 writes them
// (pymoo/problems/multi/ctp.py): f1 = x1, a distance function g of x2..xn, and constraints on
// the objectives alone.

/** The size and g function of one CTP instance, read from its options. */
export interface CtpSize {
  readonly nVar: number;
  readonly multimodal: boolean;
  readonly options: Readonly<Record<string, unknown>>;
}

/** Reads and checks `{ nVar, gFunction, ...extra }`: nVar >= 2 (default 2, as pymoo), g linear by default. */
export function ctpSize(
  name: string,
  options: CtpOptions | undefined,
  extra: readonly string[] = [],
): CtpSize {
  const opts = checkOptions(
    name,
    options,
    ['nVar', 'gFunction', ...extra],
    'CTP problems have two objectives.',
  );
  const nVar = integerAtLeast(opts.nVar, 2, `${name}: nVar`, 2, ' (x1 and at least one variable of g)');
  const g = opts.gFunction ?? 'linear';
  if (g !== 'linear' && g !== 'multimodal') {
    throw new InvalidArgumentError({
      argument: `${name}: gFunction`,
      expected: "'linear' or 'multimodal' (pymoo's option)",
      actual: g,
    });
  }
  return { nVar, multimodal: g === 'multimodal', options: opts };
}

/**
 * pymoo's bounds: x1 in [0, 1]; x2..xn in [0, 1] for the linear g, [-5.12, 5.12] for the
 * multimodal one, except that CTP6 and CTP8 then set every upper bound but x1's to 20.
 */
export function ctpVariables(size: CtpSize, upperTwenty = false): VariableSpec<RealVariable>[] {
  const rest = real(size.multimodal ? -5.12 : 0, upperTwenty ? 20 : size.multimodal ? 5.12 : 1);
  return [real(0, 1), ...new Array<VariableSpec<RealVariable>>(size.nVar - 1).fill(rest)];
}

/** `1 + Σ x_i` over `x[from .. to)`: pymoo's linear g, 1 at x = 0. */
function gLinear(x: Float64Array, from: number, to: number): number {
  let s = 1;
  for (let j = from; j < to; j++) s += x[j]!;
  return s;
}

/** `1 + 10 k + Σ (x_i² - 10 cos(2π x_i))` over k = to - from variables: Rastrigin's, 1 at x = 0. */
function gMultimodal(x: Float64Array, from: number, to: number): number {
  let s = 1 + 10 * (to - from);
  for (let j = from; j < to; j++) s += x[j]! * x[j]! - 10 * Math.cos(2 * Math.PI * x[j]!);
  return s;
}

/** The g function of an instance; never below 1, and 1 where x2..xn = 0. */
export function ctpG(size: CtpSize): (x: Float64Array, from: number, to: number) => number {
  return size.multimodal ? gMultimodal : gLinear;
}

/**
 * One constraint of CTP2-8: with the objectives shifted by e and rotated by θ,
 * `u = (f2 - e) cos θ - f1 sin θ` and `v = (f2 - e) sin θ + f1 cos θ`, feasible where
 * `u >= a |sin(b π v^c)|^d`: tunnels (or bands) along u, opening at `v^c = k / b`.
 */
export interface CtpShape {
  readonly cos: number;
  readonly sin: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  /** `x^d` for x >= 0, by products or √ for the d of CTP2-8 (2, 6, 1/2): `**` is slower. */
  readonly power: (x: number) => number;
}

/** The shape with angle θ and parameters a, b, c, d, e, as Deb et al. (2001) name them. */
export function ctpShape(theta: number, a: number, b: number, c: number, d: number, e: number): CtpShape {
  const power =
    d === 0.5
      ? Math.sqrt
      : d === 2
        ? (x: number) => x * x
        : d === 6
          ? (x: number) => x * x * (x * x) * (x * x)
          : (x: number) => x ** d;
  return { cos: Math.cos(theta), sin: Math.sin(theta), a, b, c, d, e, power };
}

/** `a |sin(b π v^c)|^d`: the least u that is feasible at v. */
export function wall(s: CtpShape, v: number): number {
  return s.a * s.power(Math.abs(Math.sin(s.b * Math.PI * (s.c === 1 ? v : s.c === 2 ? v * v : v ** s.c))));
}

/**
 * The constraint as pymoo writes it (after the NSGA-II C code): `1 - u / (a |sin(b π v^c)|^d)`,
 * feasible when <= 0. It divides by zero where the sine vanishes: NaN where u = 0 too (the
 * tunnel floors, e.g. x = 0 in CTP2-5), -Infinity or +Infinity elsewhere, as pymoo gives.
 */
export function ctpConstraint(s: CtpShape, f1: number, f2: number): number {
  const u = (f2 - s.e) * s.cos - f1 * s.sin;
  return 1 - u / wall(s, (f2 - s.e) * s.sin + f1 * s.cos);
}

/** `u - a |sin(b π v^c)|^d`: >= 0 where feasible. Well conditioned, unlike the ratio; used for fronts. */
export function slack(s: CtpShape, f1: number, f2: number): number {
  return (f2 - s.e) * s.cos - f1 * s.sin - wall(s, (f2 - s.e) * s.sin + f1 * s.cos);
}

/**
 * The spec of CTP2-8: `f1 = x1`, `f2 = g (1 - √(f1 / g))`, one constraint per shape.
 * O(rows · (n + shapes)).
 */
export function ctpSpec(
  name: string,
  size: CtpSize,
  shapes: readonly CtpShape[],
  upperTwenty: boolean,
): BenchmarkSpec {
  const n = size.nVar;
  const m = shapes.length;
  const g = ctpG(size);
  return {
    name,
    variables: ctpVariables(size, upperTwenty),
    nObj: 2,
    nConstr: m,
    fill: (X: Matrix, f: Float64Array, out: Float64Array) => {
      const x = X.data;
      for (let i = 0, o = 0; i < X.rows; i++, o += n) {
        const f1 = x[o]!;
        const gi = g(x, o + 1, o + n);
        const f2 = gi * (1 - Math.sqrt(f1 / gi));
        f[2 * i] = f1;
        f[2 * i + 1] = f2;
        for (let j = 0; j < m; j++) out[i * m + j] = ctpConstraint(shapes[j]!, f1, f2);
      }
    },
  };
}

/**
 * CTP1's constraint curves `f2 = a_j exp(-b_j f1)`, j = 1..J: each next one meets the previous
 * at f1 = j / (J + 1) and starts halfway between its start and that meeting point (Deb et al.
 * 2001; computed as pymoo does, with α summed step by step).
 */
export function ctp1Coefficients(count: number): { a: Float64Array; b: Float64Array } {
  const a = new Float64Array(count + 1);
  const b = new Float64Array(count + 1);
  a[0] = 1;
  b[0] = 1;
  const delta = 1 / (count + 1);
  let alpha = delta;
  for (let j = 0; j < count; j++) {
    const beta = a[j]! * Math.exp(-b[j]! * alpha);
    a[j + 1] = (a[j]! + beta) / 2;
    b[j + 1] = (-1 / alpha) * Math.log(beta / a[j + 1]!);
    alpha += delta;
  }
  return { a: a.subarray(1), b: b.subarray(1) };
}

/** Reads CTP1's `nConstr` (>= 1, default 2 as pymoo and the paper). */
export function ctp1Count(size: CtpSize): number {
  return integerAtLeast(size.options.nConstr, 1, 'ctp1: nConstr', 2);
}

/** CTP1's spec: `f2 = g exp(-f1 / g)`, constraints `a_j exp(-b_j f1) - f2 <= 0`. O(rows · (n + J)). */
export function ctp1Spec(size: CtpSize, count: number): BenchmarkSpec {
  const n = size.nVar;
  const g = ctpG(size);
  const { a, b } = ctp1Coefficients(count);
  return {
    name: 'ctp1',
    variables: ctpVariables(size),
    nObj: 2,
    nConstr: count,
    fill: (X: Matrix, f: Float64Array, out: Float64Array) => {
      const x = X.data;
      for (let i = 0, o = 0; i < X.rows; i++, o += n) {
        const f1 = x[o]!;
        const gi = g(x, o + 1, o + n);
        const f2 = gi * Math.exp(-f1 / gi);
        f[2 * i] = f1;
        f[2 * i + 1] = f2;
        for (let j = 0; j < count; j++) out[i * count + j] = -(f2 - a[j]! * Math.exp(-b[j]! * f1));
      }
    },
  };
}
