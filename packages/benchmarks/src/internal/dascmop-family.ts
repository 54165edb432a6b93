// DAS-CMOP (Fan, Li, Cai, Huang, Fang, Yuan, Zhang & Goodman, "Difficulty adjustable and scalable
// constrained multiobjective test problem toolkit", Evolutionary Computation 28(3), 2020): the
// options, the batch kernels and the spec. Values follow pymoo 0.6.2 (pymoo/problems/multi/dascmop.py).
import { InvalidArgumentError, type Matrix } from '@paretokit/problem';
import { dascmopFront } from './dascmop-front.js';
import {
  BALLS,
  type ConstraintConstants,
  constraintConstants,
  type DascmopFactors,
  ELLIPSE,
  type ShapeName,
  THREE_OBJECTIVE,
  TWO_OBJECTIVE,
} from './dascmop-shapes.js';
import { type BenchmarkSpec, box } from './define-benchmark.js';
import { checkOptions, finiteNumber } from './options.js';

/** pymoo's DIFFICULTIES table of (η, ζ, γ); `difficulty: d` is row d, counted from 1 as pymoo does. */
export const DASCMOP_DIFFICULTIES: readonly DascmopFactors[] = (
  [
    [0.25, 0, 0],
    [0, 0.25, 0],
    [0, 0, 0.25],
    [0.25, 0.25, 0.25],
    [0.5, 0, 0],
    [0, 0.5, 0],
    [0, 0, 0.5],
    [0.5, 0.5, 0.5],
    [0.75, 0, 0],
    [0, 0.75, 0],
    [0, 0, 0.75],
    [0.75, 0.75, 0.75],
    [0, 1, 0],
    [0.5, 1, 0],
    [0, 1, 0.5],
    [0.5, 1, 0.5],
  ] as const
).map(([eta, zeta, gamma]) => Object.freeze({ eta, zeta, gamma }));

const FACTORS = ['eta', 'zeta', 'gamma'] as const;
const EITHER = '{ difficulty: 1 ... 16 } or { eta, zeta, gamma }, each factor in [0, 1]';

/** Reads `{ difficulty }` (pymoo's table, 1-based) or a raw `{ eta, zeta, gamma }`; both are required. */
export function dascmopFactors(name: string, options: unknown): DascmopFactors {
  const hint = `Pass one of ${EITHER}, e.g. ${name}({ difficulty: 1 }).`;
  const opts = checkOptions(name, options, ['difficulty', ...FACTORS], hint);
  const raw = FACTORS.filter((key) => opts[key] !== undefined);
  if (opts.difficulty === undefined && raw.length === 0) {
    throw new InvalidArgumentError({
      argument: `${name}(options)`,
      expected: `${EITHER} (DAS-CMOP has no default difficulty; pymoo requires one too)`,
      actual: options,
      hint,
    });
  }
  if (opts.difficulty !== undefined) {
    if (raw.length > 0) {
      throw new InvalidArgumentError({
        argument: `${name}(options)`,
        expected: `${EITHER}, not both`,
        actual: `difficulty together with ${raw.join(', ')}`,
      });
    }
    const d = opts.difficulty;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > DASCMOP_DIFFICULTIES.length) {
      throw new InvalidArgumentError({
        argument: `${name}: difficulty`,
        expected: `an integer from 1 to ${DASCMOP_DIFFICULTIES.length} (a row of pymoo's DIFFICULTIES table, counted from 1)`,
        actual: d,
      });
    }
    return DASCMOP_DIFFICULTIES[d - 1]!;
  }
  const [eta, zeta, gamma] = FACTORS.map((key) => {
    const expected = `a number in [0, 1] (the factors ${FACTORS.join(', ')} go together)`;
    const value = finiteNumber(opts[key], `${name}: ${key}`, undefined, (v) => v >= 0 && v <= 1, expected);
    if (value === undefined) {
      throw new InvalidArgumentError({ argument: `${name}: ${key}`, expected, actual: undefined });
    }
    return value;
  }) as [number, number, number];
  return { eta, zeta, gamma };
}

/** The distance function g of a row: reads `x[o + m - 1 .. o + n)`, 0 at the Pareto-optimal x. */
type Distance = (x: Float64Array, o: number) => number;

/**
 * The paper's three g: `g1` pulls x_j to sin(0.5π x_1), `g2` is the multimodal Rastrigin-like
 * `k + Σ (z² - cos(20π z))`, z = x_j - 0.5, `g3` pulls x_j to cos(0.25 j/n π (x_1 + x_2)).
 */
function distance(kind: 1 | 2 | 3, n: number, m: number): Distance {
  if (kind === 1) {
    return (x, o) => {
      const target = Math.sin(0.5 * Math.PI * x[o]!);
      let s = 0;
      for (let j = o + m - 1; j < o + n; j++) s += (x[j]! - target) * (x[j]! - target);
      return s;
    };
  }
  if (kind === 2) {
    return (x, o) => {
      let s = 0;
      for (let j = o + m - 1; j < o + n; j++) {
        const z = x[j]! - 0.5;
        s += z * z - Math.cos(20 * Math.PI * z);
      }
      return n - m + 1 + s;
    };
  }
  // Hoisted in pymoo's order of operations (0.25 · j / n · π), so the products round alike.
  const angle = Float64Array.from({ length: n - m + 1 }, (_, i) => ((0.25 * (m + i)) / n) * Math.PI);
  return (x, o) => {
    const t = x[o]! + x[o + 1]!;
    let s = 0;
    for (let j = m - 1; j < n; j++) {
      const d = x[o + j]! - Math.cos(angle[j - m + 1]! * t);
      s += d * d;
    }
    return s;
  };
}

/** The constraint on g, `c >= 0` feasible; ζ = 1 makes it the equality g = e, relaxed to 1e-4 as pymoo. */
function distanceConstraint(zeta: number, { d, e }: ConstraintConstants): (g: number) => number {
  return zeta === 1 ? (g) => 1e-4 - Math.abs(e - g) : (g) => (e - g) * (g - d);
}

/** Batch kernel of DAS-CMOP1-6: 2 objectives, 11 constraints (negated to g <= 0 feasible). */
function twoObjectiveFill(
  g: Distance,
  h: (x: number) => number,
  n: number,
  constants: ConstraintConstants,
  onG: (g: number) => number,
): BenchmarkSpec['fill'] {
  const { a2, b2, theta } = ELLIPSE;
  const p = Float64Array.from(ELLIPSE.p);
  const q = Float64Array.from(ELLIPSE.q);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const { b, r } = constants;
  return (X: Matrix, F: Float64Array, G: Float64Array) => {
    const x = X.data;
    for (let i = 0, o = 0; i < X.rows; i++, o += n) {
      const gi = g(x, o);
      const x1 = x[o]!;
      const f1 = x1 + gi;
      const f2 = h(x1) + gi;
      F[2 * i] = f1;
      F[2 * i + 1] = f2;
      const c = 11 * i;
      G[c] = -(Math.sin(20 * Math.PI * x1) - b);
      G[c + 1] = -onG(gi);
      for (let k = 0; k < 9; k++) {
        const u = (f1 - p[k]!) * cos - (f2 - q[k]!) * sin;
        const v = (f1 - p[k]!) * sin + (f2 - q[k]!) * cos;
        G[c + 2 + k] = -((u * u) / a2 + (v * v) / b2 - r);
      }
    }
  };
}

/** Batch kernel of DAS-CMOP7-9: 3 objectives, 7 constraints (negated to g <= 0 feasible). */
function threeObjectiveFill(
  g: Distance,
  shape: (typeof THREE_OBJECTIVE)[keyof typeof THREE_OBJECTIVE],
  n: number,
  constants: ConstraintConstants,
  onG: (g: number) => number,
): BenchmarkSpec['fill'] {
  const { b, r } = constants;
  const centres = Float64Array.from(BALLS.flat());
  return (X: Matrix, F: Float64Array, G: Float64Array) => {
    const x = X.data;
    for (let i = 0, o = 0; i < X.rows; i++, o += n) {
      const gi = g(x, o);
      const f = 3 * i;
      shape(x[o]!, x[o + 1]!, F, f);
      F[f] = F[f]! + gi;
      F[f + 1] = F[f + 1]! + gi;
      F[f + 2] = F[f + 2]! + gi;
      const c = 7 * i;
      G[c] = -(Math.sin(20 * Math.PI * x[o]!) - b);
      G[c + 1] = -(Math.cos(20 * Math.PI * x[o + 1]!) - b);
      G[c + 2] = -onG(gi);
      for (let k = 0; k < 4; k++) {
        const dx = F[f]! - centres[3 * k]!;
        const dy = F[f + 1]! - centres[3 * k + 1]!;
        const dz = F[f + 2]! - centres[3 * k + 2]!;
        G[c + 3 + k] = -(dx * dx + dy * dy + dz * dz - r * r);
      }
    }
  };
}

/** Which g and which shape each of DAS-CMOP1-9 uses (Fan et al. 2020). */
const VARIANTS: Readonly<Record<number, readonly [1 | 2 | 3, ShapeName]>> = {
  1: [1, 'square'],
  2: [1, 'sqrt'],
  3: [1, 'wavy'],
  4: [2, 'square'],
  5: [2, 'sqrt'],
  6: [2, 'wavy'],
  7: [2, 'plane'],
  8: [2, 'sphere'],
  9: [3, 'sphere'],
};

/** The number of variables of every DAS-CMOP problem (pymoo's, and the paper's experiments). */
export const DASCMOP_N_VAR = 30;

/** The {@link BenchmarkSpec} of DAS-CMOP`variant` for the given options, with its front where known. */
export function dascmopSpec(variant: number, options: unknown): BenchmarkSpec {
  const name = `dascmop${variant}`;
  const factors = dascmopFactors(name, options);
  const [kind, shape] = VARIANTS[variant]!;
  const n = DASCMOP_N_VAR;
  const m = shape === 'plane' || shape === 'sphere' ? 3 : 2;
  const constants = constraintConstants(factors);
  const g = distance(kind, n, m);
  const onG = distanceConstraint(factors.zeta, constants);
  const fill =
    m === 2
      ? twoObjectiveFill(g, TWO_OBJECTIVE[shape as keyof typeof TWO_OBJECTIVE], n, constants, onG)
      : threeObjectiveFill(g, THREE_OBJECTIVE[shape as keyof typeof THREE_OBJECTIVE], n, constants, onG);
  return {
    name,
    variables: box(n),
    nObj: m,
    nConstr: m === 2 ? 11 : 7,
    fill,
    ...dascmopFront(name, shape, factors, constants),
  };
}
