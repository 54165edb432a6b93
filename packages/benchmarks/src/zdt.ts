import type { Matrix } from '@paretokit/problem';
import type { KnownFrontProblem } from './benchmark-problem.js';
import { box, defineBenchmark } from './internal/define-benchmark.js';
import { gridFront } from './internal/grid-front.js';
import { checkOptions, integerAtLeast } from './internal/options.js';
import { type Interval, runningMinimumIntervals, spreadOverIntervals } from './internal/running-minimum.js';

/**
 * Options of the ZDT problems (two objectives).
 *
 * @example
 * const options: ZdtOptions = { nVar: 10 };
 * zdt1(options).variables.length // => 10
 */
export interface ZdtOptions {
  /** Number of variables, at least 2 (default 30 for ZDT1-3, 10 for ZDT4 and ZDT6). */
  readonly nVar?: number;
}

/** How one ZDT problem differs from the others (Zitzler, Deb & Thiele 2000). */
interface ZdtDefinition {
  readonly name: string;
  readonly defaultVars: number;
  /** Bounds of x2..xn (x1 is always in [0, 1]). */
  readonly rest: readonly [number, number];
  /** f1 from x1. */
  readonly f1: (x1: number) => number;
  /** g from x2..xn: `x[from] .. x[to - 1]`, with n the number of variables. */
  readonly g: (x: Float64Array, from: number, to: number, n: number) => number;
  /** f2 / g as a function of f1 / g and f1; on the front g = 1, so f2 = h(f1, f1). */
  readonly h: (ratio: number, f1: number) => number;
  /** The parts of the f1 axis on the front. */
  readonly front: () => readonly Interval[];
}

function sum(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let j = from; j < to; j++) s += x[j]!;
  return s;
}

const linearG = (x: Float64Array, from: number, to: number, n: number): number =>
  1 + (9 / (n - 1)) * sum(x, from, to);

const identity = (x1: number): number => x1;
const convex = (ratio: number): number => 1 - Math.sqrt(ratio);
const concave = (ratio: number): number => 1 - ratio * ratio;
const wholeRange = (): readonly Interval[] => [[0, 1]];
/** What ZDT1 sets and the others change. */
const ZDT1_LIKE = { defaultVars: 30, rest: [0, 1], f1: identity, g: linearG, front: wholeRange } as const;

function makeZdt(def: ZdtDefinition, options: ZdtOptions | undefined): KnownFrontProblem {
  const { name, f1, g, h } = def;
  const opts = checkOptions(
    name,
    options,
    ['nVar'],
    'ZDT problems have two objectives; dtlz1 ... dtlz7 take nObj.',
  );
  const n = integerAtLeast(opts.nVar, 2, `${name}: nVar`, def.defaultVars);
  const intervals = def.front();
  const last = intervals[intervals.length - 1]![1];
  const curve = (f: number): number => h(f, f);
  const f2Values = intervals.flatMap(([a, b]) => [curve(a), curve(b)]);
  return defineBenchmark({
    name,
    variables: [...box(1), ...box(n - 1, def.rest[0], def.rest[1])],
    nObj: 2,
    fill: (X: Matrix, f: Float64Array) => {
      const x = X.data;
      for (let i = 0, o = 0; i < X.rows; i++, o += n) {
        const a = f1(x[o]!);
        const gi = g(x, o + 1, o + n, n);
        f[2 * i] = a;
        f[2 * i + 1] = gi * h(a / gi, a);
      }
    },
    front: (count) => gridFront(spreadOverIntervals(intervals, count), 1, (row, o) => curve(row[o]!)),
    idealPoint: [intervals[0]![0], Math.min(...f2Values)],
    nadirPoint: [last, Math.max(...f2Values)],
  });
}

/**
 * ZDT1 (Zitzler, Deb & Thiele 2000): a convex front. With x in [0, 1]^n (n = 30),
 * `f1 = x1`, `g = 1 + 9/(n-1) · Σ_{i>=2} x_i`, `f2 = g · (1 - √(f1/g))`.
 * Pareto-optimal where x2..xn = 0: `f2 = 1 - √f1`, f1 in [0, 1].
 * `paretoFront(n)` gives exactly n points, evenly spaced in f1 with both ends included.
 *
 * @example
 * const p = zdt1();
 * toArrays(p.evaluate(toMatrix([new Array(30).fill(0)]), { seed: 0 }).F) // => [[0, 1]]
 */
export function zdt1(options?: ZdtOptions): KnownFrontProblem {
  return makeZdt({ ...ZDT1_LIKE, name: 'zdt1', h: convex }, options);
}

/**
 * ZDT2 (Zitzler, Deb & Thiele 2000): a concave front. As ZDT1 with `f2 = g · (1 - (f1/g)²)`.
 * Pareto-optimal where x2..xn = 0: `f2 = 1 - f1²`, f1 in [0, 1].
 * `paretoFront(n)` gives exactly n points, evenly spaced in f1 with both ends included.
 *
 * @example
 * toArrays(zdt2().paretoFront(3)) // => [[0, 1], [0.5, 0.75], [1, 0]]
 */
export function zdt2(options?: ZdtOptions): KnownFrontProblem {
  return makeZdt({ ...ZDT1_LIKE, name: 'zdt2', h: concave }, options);
}

const zdt3Slope = (f1: number): number =>
  -0.5 / Math.sqrt(f1) - Math.sin(10 * Math.PI * f1) - 10 * Math.PI * f1 * Math.cos(10 * Math.PI * f1);
let zdt3Parts: readonly Interval[] | undefined;

/**
 * ZDT3 (Zitzler, Deb & Thiele 2000): a front in five disconnected parts. As ZDT1 with
 * `f2 = g · (1 - √(f1/g) - (f1/g) · sin(10π f1))`. With x2..xn = 0, `f2 = 1 - √f1 - f1 sin(10π f1)`,
 * which is Pareto-optimal only where it is below all its values at smaller f1: five intervals of
 * f1, computed to machine precision from the curve's extrema (pymoo lists them to 10 digits).
 * `paretoFront(n)` gives exactly n points, shared among the parts in proportion to their width,
 * each part sampled evenly with its ends included.
 *
 * @example
 * zdt3().paretoFront(100).rows // => 100
 */
export function zdt3(options?: ZdtOptions): KnownFrontProblem {
  const h = (ratio: number, f1: number): number => 1 - Math.sqrt(ratio) - ratio * Math.sin(10 * Math.PI * f1);
  const front = (): readonly Interval[] => {
    zdt3Parts ??= runningMinimumIntervals((f) => h(f, f), zdt3Slope, 0, 1);
    return zdt3Parts;
  };
  return makeZdt({ ...ZDT1_LIKE, name: 'zdt3', h, front }, options);
}

/**
 * ZDT4 (Zitzler, Deb & Thiele 2000): ZDT1's front behind 21^(n-1) local fronts. x1 in [0, 1],
 * x2..xn in [-5, 5] (n = 10), `g = 1 + 10(n-1) + Σ_{i>=2} (x_i² - 10 cos(4π x_i))`,
 * `f2 = g · (1 - √(f1/g))`. Pareto-optimal where x2..xn = 0: `f2 = 1 - √f1`.
 * `paretoFront(n)` gives exactly n points, evenly spaced in f1 with both ends included.
 *
 * @example
 * zdt4().variables[1] // => { kind: 'real', lower: -5, upper: 5, name: 'x2' }
 */
export function zdt4(options?: ZdtOptions): KnownFrontProblem {
  const g = (x: Float64Array, from: number, to: number, n: number): number => {
    let s = 1 + 10 * (n - 1);
    for (let j = from; j < to; j++) s += x[j]! * x[j]! - 10 * Math.cos(4 * Math.PI * x[j]!);
    return s;
  };
  return makeZdt({ ...ZDT1_LIKE, name: 'zdt4', defaultVars: 10, rest: [-5, 5], g, h: convex }, options);
}

// f1 = 1 - exp(-4 x) sin^6(6π x) is smallest where tan(6π x) = 9π (first peak of the product).
const zdt6Peak = Math.atan(9 * Math.PI) / (6 * Math.PI);
const zdt6F1 = (x1: number): number => 1 - Math.exp(-4 * x1) * Math.sin(6 * Math.PI * x1) ** 6;
/** The smallest f1 of ZDT6, 0.28077531881536977 (pymoo rounds it to 0.2807753191). */
const zdt6MinF1 = zdt6F1(zdt6Peak);

/**
 * ZDT6 (Zitzler, Deb & Thiele 2000): a concave front sampled non-uniformly by x1. With
 * x in [0, 1]^n (n = 10), `f1 = 1 - exp(-4 x1) sin^6(6π x1)`, `g = 1 + 9 · (Σ_{i>=2} x_i / (n-1))^0.25`,
 * `f2 = g · (1 - (f1/g)²)`. Pareto-optimal where x2..xn = 0: `f2 = 1 - f1²` for f1 in
 * [0.28077531881536977, 1] (the smallest f1, where tan(6π x1) = 9π).
 * `paretoFront(n)` gives exactly n points, evenly spaced in f1 with both ends included.
 *
 * @example
 * zdt6().idealPoint // => [0.28077531881536977, 0]
 */
export function zdt6(options?: ZdtOptions): KnownFrontProblem {
  const g = (x: Float64Array, from: number, to: number, n: number): number =>
    1 + 9 * (sum(x, from, to) / (n - 1)) ** 0.25;
  const front = (): readonly Interval[] => [[zdt6MinF1, 1]];
  return makeZdt({ ...ZDT1_LIKE, name: 'zdt6', defaultVars: 10, f1: zdt6F1, g, h: concave, front }, options);
}
