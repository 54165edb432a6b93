// Projected BFGS for smooth minimisation under box bounds, for the few (≤ ~50) hyperparameters
// of a Gaussian process. A dense Hessian approximation B is kept; each step solves the reduced
// system B_FF·d_F = -g_F over the free variables F (those not held at a bound by a gradient
// pointing outward), then backtracks along the projected path P(x + t·d) with an Armijo test
// (the projected Newton scheme of Bertsekas 1982, with a BFGS model as in L-BFGS-B, Byrd et al.
// 1995). Stopping rules follow scipy's L-BFGS-B defaults: projected gradient ≤ 1e-5 or relative
// decrease ≤ 2.2e-9.
import { choleskyInPlace, solveLowerInPlace, solveLowerTransposedInPlace } from './cholesky.js';

/** A smooth function and its gradient. */
export interface BoundedObjective {
  /** f(x); +Infinity (or NaN) where f is undefined, which the line search backs away from. */
  value(x: Float64Array): number;
  /** Writes ∇f at the x of the last {@link value} call into `out`. */
  gradient(out: Float64Array): void;
}

/** Stopping rules of {@link minimizeBounded}. */
export interface BoundedMinimizeOptions {
  readonly maxIterations: number;
  /** Stop when max_i |P(x - g)_i - x_i| is at most this. */
  readonly gradientTolerance: number;
  /** Stop when (f_k - f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) is at most this. */
  readonly relativeTolerance: number;
}

/** Result of {@link minimizeBounded}. */
export interface BoundedMinimum {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

const ARMIJO = 1e-4;
const MAX_LINE_SEARCH = 30;

/**
 * Minimises `objective` over the box [lower, upper] from `x0` (clamped into the box).
 * O(iterations · (evaluation + p³)) for p variables. Deterministic.
 */
export function minimizeBounded(
  objective: BoundedObjective,
  x0: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  options: BoundedMinimizeOptions,
): BoundedMinimum {
  const p = x0.length;
  const x = new Float64Array(p);
  for (let i = 0; i < p; i++) x[i] = clamp(x0[i]!, lower[i]!, upper[i]!);
  let fx = objective.value(x);
  let evaluations = 1;
  if (!Number.isFinite(fx)) return { x, value: fx, iterations: 0, evaluations, converged: false };
  let g = new Float64Array(p);
  let gt = new Float64Array(p);
  objective.gradient(g);
  const B = new Float64Array(p * p);
  const work = new Float64Array(p * p);
  const d = new Float64Array(p);
  const xt = new Float64Array(p);
  const s = new Float64Array(p);
  const yv = new Float64Array(p);
  const free = new Int32Array(p);
  const rhs = new Float64Array(p);
  let identity = true;
  resetIdentity(B, p);
  let converged = false;
  let iterations = 0;
  for (; iterations < options.maxIterations; iterations++) {
    if (projectedGradientNorm(x, g, lower, upper) <= options.gradientTolerance) {
      converged = true;
      break;
    }
    let slope = direction(B, p, x, g, lower, upper, d, free, rhs, work);
    if (!(slope < 0) && !identity) {
      resetIdentity(B, p);
      identity = true;
      slope = direction(B, p, x, g, lower, upper, d, free, rhs, work);
    }
    if (!(slope < 0)) break;
    // An unscaled identity model knows nothing of the curvature: start with a unit-length step.
    const t0 = identity ? Math.min(1, 1 / norm2(d)) : 1;
    const search = lineSearch(objective, x, fx, g, d, slope, t0, lower, upper, xt);
    evaluations += search.evaluations;
    if (search.value === undefined) {
      if (identity) break;
      resetIdentity(B, p);
      identity = true;
      continue;
    }
    objective.gradient(gt);
    for (let i = 0; i < p; i++) {
      s[i] = xt[i]! - x[i]!;
      yv[i] = gt[i]! - g[i]!;
    }
    const previous = fx;
    fx = search.value;
    x.set(xt);
    [g, gt] = [gt, g];
    if (previous - fx <= options.relativeTolerance * Math.max(Math.abs(previous), Math.abs(fx), 1)) {
      converged = true;
      iterations++;
      break;
    }
    if (bfgsUpdate(B, p, s, yv, identity, work)) identity = false;
  }
  return { x, value: fx, iterations, evaluations, converged };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

function norm2(v: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  return Math.sqrt(sum);
}

function resetIdentity(B: Float64Array, p: number): void {
  B.fill(0);
  for (let i = 0; i < p; i++) B[i * p + i] = 1;
}

function projectedGradientNorm(
  x: Float64Array,
  g: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
): number {
  let norm = 0;
  for (let i = 0; i < x.length; i++)
    norm = Math.max(norm, Math.abs(clamp(x[i]! - g[i]!, lower[i]!, upper[i]!) - x[i]!));
  return norm;
}

/**
 * Writes the reduced quasi-Newton direction into `d` (0 for variables held at a bound) and
 * returns the slope gᵀd, or NaN when B_FF is not positive definite. O(p³/6).
 */
function direction(
  B: Float64Array,
  p: number,
  x: Float64Array,
  g: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  d: Float64Array,
  free: Int32Array,
  rhs: Float64Array,
  work: Float64Array,
): number {
  let q = 0;
  for (let i = 0; i < p; i++) {
    const held = (x[i]! <= lower[i]! && g[i]! > 0) || (x[i]! >= upper[i]! && g[i]! < 0);
    if (!held && lower[i]! < upper[i]!) free[q++] = i;
  }
  d.fill(0);
  if (q === 0) return Number.NaN;
  for (let a = 0; a < q; a++) {
    for (let b = 0; b <= a; b++) work[a * q + b] = B[free[a]! * p + free[b]!]!;
  }
  if (!choleskyInPlace(work, q)) return Number.NaN;
  for (let a = 0; a < q; a++) rhs[a] = -g[free[a]!]!;
  solveLowerInPlace(work, q, rhs);
  solveLowerTransposedInPlace(work, q, rhs);
  let slope = 0;
  for (let a = 0; a < q; a++) {
    d[free[a]!] = rhs[a]!;
    slope += g[free[a]!]! * rhs[a]!;
  }
  return slope;
}

/**
 * Backtracks from step t0 along P(x + t·d) until f drops by at least 1e-4 · gᵀ(x_t - x), with
 * quadratic interpolation kept in [0.1t, 0.5t]. Leaves the accepted point in `xt` and as the
 * objective's last evaluation; `value` is undefined when no step was accepted.
 */
function lineSearch(
  objective: BoundedObjective,
  x: Float64Array,
  fx: number,
  g: Float64Array,
  d: Float64Array,
  slope: number,
  t0: number,
  lower: Float64Array,
  upper: Float64Array,
  xt: Float64Array,
): { value: number | undefined; step: number; evaluations: number } {
  let t = t0;
  for (let k = 0; k < MAX_LINE_SEARCH; k++) {
    let decrease = 0;
    let moved = false;
    for (let i = 0; i < x.length; i++) {
      xt[i] = clamp(x[i]! + t * d[i]!, lower[i]!, upper[i]!);
      decrease += g[i]! * (xt[i]! - x[i]!);
      if (xt[i] !== x[i]) moved = true;
    }
    if (!moved) return { value: undefined, step: t, evaluations: k };
    const ft = objective.value(xt);
    if (decrease < 0 && ft <= fx + ARMIJO * decrease) return { value: ft, step: t, evaluations: k + 1 };
    if (Number.isFinite(ft)) {
      const quadratic = (-slope * t * t) / (2 * (ft - fx - slope * t));
      t = clamp(quadratic, 0.1 * t, 0.5 * t);
    } else {
      t *= 0.1;
    }
  }
  return { value: undefined, step: t, evaluations: MAX_LINE_SEARCH };
}

/**
 * BFGS update B ← B - (Bs)(Bs)ᵀ/(sᵀBs) + yyᵀ/(yᵀs), skipped when the curvature yᵀs is not
 * clearly positive. The first update rescales the identity to (yᵀy / yᵀs)·I (Nocedal & Wright
 * 2006, eq. 6.20). Returns whether B was updated. O(p²).
 */
function bfgsUpdate(
  B: Float64Array,
  p: number,
  s: Float64Array,
  y: Float64Array,
  identity: boolean,
  work: Float64Array,
): boolean {
  let sy = 0;
  let yy = 0;
  let ss = 0;
  for (let i = 0; i < p; i++) {
    sy += s[i]! * y[i]!;
    yy += y[i]! * y[i]!;
    ss += s[i]! * s[i]!;
  }
  if (!(sy > 1e-10 * Math.sqrt(ss * yy))) return false;
  if (identity) {
    B.fill(0);
    for (let i = 0; i < p; i++) B[i * p + i] = yy / sy;
  }
  // work[0..p) = B·s
  let sBs = 0;
  for (let i = 0; i < p; i++) {
    let v = 0;
    for (let j = 0; j < p; j++) v += B[i * p + j]! * s[j]!;
    work[i] = v;
    sBs += s[i]! * v;
  }
  if (!(sBs > 0)) return false;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      B[i * p + j]! += (y[i]! * y[j]!) / sy - (work[i]! * work[j]!) / sBs;
    }
  }
  return true;
}
