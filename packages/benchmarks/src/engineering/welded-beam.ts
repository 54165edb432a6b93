import { type Matrix, real } from '@paretokit/problem';
import type { BenchmarkProblem } from '../benchmark-problem.js';
import { defineBenchmark } from '../internal/define-benchmark.js';

/** Load (lb), overhang (in), allowed shear and normal stress (psi). */
const P = 6000;
const L = 14;
const TAU_MAX = 13600;
const SIGMA_MAX = 30000;

/** Objectives and constraints of every row of X (4 columns: h, l, t, b). */
function fill(X: Matrix, f: Float64Array, g: Float64Array): void {
  const x = X.data;
  for (let i = 0, o = 0; i < X.rows; i++, o += 4) {
    const h = x[o]!;
    const l = x[o + 1]!;
    const t = x[o + 2]!;
    const b = x[o + 3]!;
    const t2 = t * t;
    const ht2 = (h + t) * (h + t);
    f[2 * i] = 1.10471 * h * h * l + 0.04811 * t * b * (14 + l);
    f[2 * i + 1] = 2.1952 / (b * t2 * t);
    // Shear stress in the weld: the primary part τ' and the torsional part τ'' = M R / J.
    const r = Math.sqrt(0.25 * (l * l + ht2));
    const moment = P * (L + l / 2);
    const polar = 2 * Math.SQRT1_2 * h * l * ((l * l) / 12 + 0.25 * ht2);
    const primary = P / (Math.SQRT2 * h * l);
    const torsion = (moment * r) / polar;
    const tau = Math.sqrt(primary * primary + torsion * torsion + (primary * torsion * l) / r);
    const sigma = (6 * P * L) / (b * t2);
    const buckling = 64746.022 * (1 - 0.0282346 * t) * t * b * b * b;
    const c = 4 * i;
    g[c] = (1 / TAU_MAX) * (tau - TAU_MAX);
    g[c + 1] = (1 / SIGMA_MAX) * (sigma - SIGMA_MAX);
    g[c + 2] = (1 / (5 - 0.125)) * (h - b);
    g[c + 3] = (1 / P) * (P - buckling);
  }
}

/**
 * The welded beam (Deb 1991, "Optimal design of a welded beam via genetic algorithms"; two
 * objectives as Ray & Liew 2002, "A swarm metaphor for multiobjective design optimization"),
 * pymoo's `welded_beam`: weld thickness h, weld length l, bar height t and thickness b, in
 * [0.125, 5] × [0.1, 10] × [0.1, 10] × [0.125, 5]; minimize the cost
 * `f1 = 1.10471 h² l + 0.04811 t b (14 + l)` and the end deflection `f2 = 2.1952 / (t³ b)`,
 * with, scaled as pymoo (feasible when <= 0): weld shear stress τ <= 13600, bending stress
 * `σ = 504000 / (t² b)` <= 30000, `h <= b` (divided by 4.875), and the buckling load
 * `P_c = 64746.022 (1 - 0.0282346 t) t b³` >= 6000.
 * No `paretoFront`: it is not known in closed form, and pymoo downloads a sampled one.
 * `evaluate`: O(rows).
 *
 * @example
 * weldedBeam().variables.map((v) => v.upper) // => [5, 10, 10, 5]
 * weldedBeam().paretoFront // => undefined
 */
export function weldedBeam(): BenchmarkProblem {
  return defineBenchmark({
    name: 'weldedBeam',
    variables: [real(0.125, 5), real(0.1, 10), real(0.1, 10), real(0.125, 5)],
    nObj: 2,
    nConstr: 4,
    fill,
  });
}
