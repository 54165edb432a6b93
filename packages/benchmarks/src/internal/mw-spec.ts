import type { Matrix } from '@paretokit/problem';
import type { BenchmarkProblem, KnownFrontProblem } from '../benchmark-problem.js';
import type { MwOptions, MwScalableOptions } from '../mw.js';
import { type BenchmarkSpec, box, defineBenchmark } from './define-benchmark.js';
import type { Distance } from './mw-landscape.js';
import { checkOptions, integerAtLeast } from './options.js';

/**
 * Writes one row's constraints (feasible when `<= 0`) into `c` at `oc` from its objectives
 * `f[of .. of+m)`; `scratch` has room for m values.
 */
export type MwConstraints = (
  f: Float64Array,
  of: number,
  m: number,
  c: Float64Array,
  oc: number,
  scratch: Float64Array,
) => void;

/**
 * One MW problem (Ma & Wang 2019): its distance function, how the objectives of a row follow
 * from its position variables and g, and its constraints, which depend on the objectives only.
 */
export interface MwDefinition {
  readonly name: string;
  readonly distance: Distance;
  readonly nConstr: number;
  /** Upper bound of every variable; the lower bound is 0. */
  readonly upper: number;
  /** Writes the objectives of the row of `x` at `o` into `f` at `of`, given the row's g. */
  readonly objectives: (
    x: Float64Array,
    o: number,
    m: number,
    n: number,
    g: number,
    f: Float64Array,
    of: number,
    scratch: Float64Array,
  ) => void;
  readonly constraints: MwConstraints;
  /** True where pymoo gives NaN at some points (a square root of a rounding error below 0). */
  readonly nonFinite?: boolean;
}

/**
 * A bi-objective MW problem: `f0` from x0 (and g, n), `f1 = g · shape(f0, g)` (a function of
 * f0 / g, given both to keep pymoo's rounding), and the constraints of the pair (f0, f1),
 * written into `c` at `oc`.
 */
export interface BiobjectiveMw {
  readonly name: string;
  readonly distance: Distance;
  readonly nConstr: number;
  readonly upper?: number;
  readonly f0: (x0: number, g: number, n: number) => number;
  readonly shape: (f0: number, g: number) => number;
  readonly constraints: (f0: number, f1: number, c: Float64Array, oc: number) => void;
  readonly nonFinite?: boolean;
}

/** The {@link MwDefinition} of a bi-objective MW problem. */
export function biobjective(def: BiobjectiveMw): MwDefinition {
  const { f0, shape, constraints } = def;
  return {
    name: def.name,
    distance: def.distance,
    nConstr: def.nConstr,
    upper: def.upper ?? 1,
    objectives: (x, o, _m, n, g, f, of) => {
      const a = f0(x[o]!, g, n);
      f[of] = a;
      f[of + 1] = g * shape(a, g);
    },
    constraints: (f, of, _m, c, oc) => constraints(f[of]!, f[of + 1]!, c, oc),
    ...(def.nonFinite === true ? { nonFinite: true } : {}),
  };
}

/** The size of an MW instance. */
export interface MwSize {
  readonly nObj: number;
  readonly nVar: number;
}

/** Reads and checks the options of a bi-objective MW problem: `nVar >= 2`, default 15. */
export function biobjectiveSize(name: string, options: MwOptions | undefined): MwSize {
  const opts = checkOptions(
    name,
    options,
    ['nVar'],
    `${name} has two objectives; of the MW problems only mw4, mw8 and mw14 take nObj.`,
  );
  return { nObj: 2, nVar: integerAtLeast(opts.nVar, 2, `${name}: nVar`, 15) };
}

/**
 * Reads and checks `{ nObj, nVar }` of MW4, MW8, MW14:
 * nObj >= 2 (default 3), nVar >= nObj (default nObj + 12).
 */
export function scalableSize(name: string, options: MwScalableOptions | undefined): MwSize {
  const opts = checkOptions(name, options, ['nObj', 'nVar']);
  const nObj = integerAtLeast(opts.nObj, 2, `${name}: nObj`, 3);
  const nVar = integerAtLeast(
    opts.nVar,
    nObj,
    `${name}: nVar`,
    nObj + 12,
    ` (nObj - 1 position variables and at least one distance variable; nObj = ${nObj})`,
  );
  return { nObj, nVar };
}

/**
 * The batch kernel of a definition: for every row, g, then the objectives, then the
 * constraints. O(rows · (n + m + constraints)); one scratch buffer, no allocation per row.
 */
export function mwFill(def: MwDefinition, m: number, n: number): BenchmarkSpec['fill'] {
  const { distance, objectives, constraints, nConstr: k } = def;
  const scratch = new Float64Array(Math.max(n, m));
  return (X: Matrix, f: Float64Array, c: Float64Array) => {
    const x = X.data;
    for (let i = 0; i < X.rows; i++) {
      const o = i * n;
      objectives(x, o, m, n, distance(x, o, m, n, scratch), f, i * m, scratch);
      constraints(f, i * m, m, c, i * k, scratch);
    }
  };
}

/** The spec of a definition at a size, without its front (see mw-fronts.ts for those). */
export function mwSpec(def: MwDefinition, size: MwSize): BenchmarkSpec {
  return {
    name: def.name,
    variables: box(size.nVar, 0, def.upper),
    nObj: size.nObj,
    nConstr: def.nConstr,
    fill: mwFill(def, size.nObj, size.nVar),
    ...(def.nonFinite === true ? { nonFinite: true } : {}),
  };
}

/** The known front of an MW problem: how to sample it, and its ideal and nadir points. */
export interface MwFront {
  readonly front: (n: number) => Matrix;
  readonly idealPoint: readonly number[];
  readonly nadirPoint: readonly number[];
}

/** The problem of a definition at a size, with its front where one is known. */
export function mwBenchmark(def: MwDefinition, size: MwSize, front: MwFront): KnownFrontProblem;
export function mwBenchmark(def: MwDefinition, size: MwSize): BenchmarkProblem;
export function mwBenchmark(def: MwDefinition, size: MwSize, front?: MwFront): BenchmarkProblem {
  const spec = mwSpec(def, size);
  return front === undefined ? defineBenchmark(spec) : defineBenchmark({ ...spec, ...front });
}
