// Shared by the DAS-CMOP kernels and fronts (Fan, Li, Cai, Huang, Fang, Yuan, Zhang & Goodman,
// Evolutionary Computation 28(3), 2020): the difficulty factors, the constants they set, the
// objective shapes and the infeasible regions, as pymoo 0.6.2 writes them.

/** η (diversity), ζ (feasibility) and γ (convergence) difficulty factors, each in [0, 1]. */
export interface DascmopFactors {
  readonly eta: number;
  readonly zeta: number;
  readonly gamma: number;
}

/** The constants of the constraints that the three factors set. */
export interface ConstraintConstants {
  /** `2η - 1`: x_1 (and x_2) must have `sin(20π x_1) >= b` (`cos(20π x_2) >= b`). */
  readonly b: number;
  /** g must lie in [d, e] (`(e - g)(g - d) >= 0`), or within 1e-4 of e when ζ = 1. */
  readonly d: number;
  readonly e: number;
  /** Radius of the infeasible ellipses (1-6) or balls (7-9) in objective space: γ / 2. */
  readonly r: number;
}

/** The paper's d = 0.5 (0 if ζ = 0), e = d - ln ζ (1e30 if ζ = 0, as pymoo), r = γ / 2. */
export function constraintConstants({ eta, zeta, gamma }: DascmopFactors): ConstraintConstants {
  const d = zeta !== 0 ? 0.5 : 0;
  return { b: 2 * eta - 1, d, e: zeta > 0 ? d - Math.log(zeta) : 1e30, r: 0.5 * gamma };
}

/** DAS-CMOP1-6's infeasible ellipses: centres (p_k, q_k), axes a² = 0.3, b² = 1.2, tilted by θ = -π/4. */
export const ELLIPSE = {
  p: [0, 1, 0, 1, 2, 0, 1, 2, 3],
  q: [1.5, 0.5, 2.5, 1.5, 0.5, 3.5, 2.5, 1.5, 0.5],
  a2: 0.3,
  b2: 1.2,
  theta: -0.25 * Math.PI,
} as const;

/** DAS-CMOP7-9's infeasible balls: centres at the corners e_i and at (1, 1, 1)/√3. */
export const BALLS: readonly (readonly [number, number, number])[] = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
  [1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)],
];

/** The two-objective shapes h(x_1) of f_2 = h(x_1) + g, f_1 = x_1 + g. */
export const TWO_OBJECTIVE: Readonly<Record<'square' | 'sqrt' | 'wavy', (x: number) => number>> = {
  square: (x) => 1 - x * x,
  sqrt: (x) => 1 - Math.sqrt(x),
  wavy: (x) => 1 - Math.sqrt(x) + 0.5 * Math.abs(Math.sin(5 * Math.PI * x)),
};

/** Writes the three objectives without g of (x_1, x_2) at `f[o ..]`: the plane Σ f = 1 or the unit sphere. */
export const THREE_OBJECTIVE = {
  plane: (x1: number, x2: number, f: Float64Array, o: number) => {
    f[o] = x1 * x2;
    f[o + 1] = x2 * (1 - x1);
    f[o + 2] = 1 - x2;
  },
  sphere: (x1: number, x2: number, f: Float64Array, o: number) => {
    const c = Math.cos(0.5 * Math.PI * x1);
    f[o] = c * Math.cos(0.5 * Math.PI * x2);
    f[o + 1] = c * Math.sin(0.5 * Math.PI * x2);
    f[o + 2] = Math.sin(0.5 * Math.PI * x1);
  },
} as const;

/** The shape of the front without g, by problem: DAS-CMOP1/4 square, 2/5 sqrt, 3/6 wavy, 7 plane, 8/9 sphere. */
export type ShapeName = keyof typeof TWO_OBJECTIVE | keyof typeof THREE_OBJECTIVE;
