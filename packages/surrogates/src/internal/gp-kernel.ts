// Stationary anisotropic (ARD) kernels of the Gaussian process regressor, on inputs already
// divided by their length scales (z = x / l, so r² = Σ_j (z_aj - z_bj)²). Formulas as
// scikit-learn's RBF and Matern (Rasmussen & Williams 2006, eq. 4.9 and 4.17).

/** Name of a correlation function: squared exponential, or Matérn with ν = 5/2 or 3/2. */
export type GpKernelName = 'rbf' | 'matern52' | 'matern32';

const SQRT3 = Math.sqrt(3);
const SQRT5 = Math.sqrt(5);

/**
 * Correlation k(r) at squared scaled distance `r2` (k(0) = 1; 0 at r2 = Infinity). O(1).
 * rbf: exp(-r²/2); matern32: (1 + √3 r)·exp(-√3 r); matern52: (1 + √5 r + 5r²/3)·exp(-√5 r).
 */
export function correlation(kernel: GpKernelName, r2: number): number {
  // Beyond this the correlation underflows to 0; the Matérn forms would give Infinity · 0 = NaN.
  if (r2 > 1e300) return 0;
  if (kernel === 'rbf') return Math.exp(-0.5 * r2);
  if (kernel === 'matern32') {
    const s = SQRT3 * Math.sqrt(r2);
    return (1 + s) * Math.exp(-s);
  }
  const s = SQRT5 * Math.sqrt(r2);
  return (1 + s + (5 / 3) * r2) * Math.exp(-s);
}

/**
 * The factor g(r) with ∂k/∂(log l_j) = g(r) · (x_j - x'_j)² / l_j². O(1).
 * rbf: k(r); matern32: 3·exp(-√3 r); matern52: (5/3)(1 + √5 r)·exp(-√5 r). All are finite at
 * r = 0, where the Matérn kernels' ∂k/∂r alone would need care.
 */
export function correlationSlope(kernel: GpKernelName, r2: number): number {
  if (kernel === 'rbf') return Math.exp(-0.5 * r2);
  if (kernel === 'matern32') return 3 * Math.exp(-SQRT3 * Math.sqrt(r2));
  const s = SQRT5 * Math.sqrt(r2);
  return (5 / 3) * (1 + s) * Math.exp(-s);
}

/** Writes z_ij = x_ij / l_j for the n×d row-major `x`. O(n·d). */
export function scaleColumns(
  x: Float64Array,
  n: number,
  d: number,
  lengthScales: Float64Array,
  z: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0, o = i * d; j < d; j++) z[o + j] = x[o + j]! / lengthScales[j]!;
  }
}

/** Squared distance between row a of `za` and row b of `zb` (both with d columns). O(d). */
export function squaredDistance(za: Float64Array, a: number, zb: Float64Array, b: number, d: number): number {
  let r2 = 0;
  for (let j = 0, oa = a * d, ob = b * d; j < d; j++) {
    const t = za[oa + j]! - zb[ob + j]!;
    r2 += t * t;
  }
  return r2;
}

/**
 * Writes the squared distances between the rows of z (n×d) into the strict lower triangle of D
 * (n×n). Rows go in pairs against pairs: the four differences of a 2×2 block share their loads.
 * Each distance is summed in column order, as {@link squaredDistance}. O(n²·d / 2).
 */
export function squaredDistances(z: Float64Array, n: number, d: number, D: Float64Array): void {
  let a = 0;
  for (; a + 1 < n; a += 2) {
    const oa = a * d;
    const oa1 = oa + d;
    const ra = a * n;
    const ra1 = ra + n;
    for (let b = 0; b < a; b += 2) {
      const ob = b * d;
      const ob1 = ob + d;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let j = 0; j < d; j++) {
        const x0 = z[oa + j]!;
        const x1 = z[oa1 + j]!;
        const y0 = z[ob + j]!;
        const y1 = z[ob1 + j]!;
        const t00 = x0 - y0;
        const t01 = x0 - y1;
        const t10 = x1 - y0;
        const t11 = x1 - y1;
        s00 += t00 * t00;
        s01 += t01 * t01;
        s10 += t10 * t10;
        s11 += t11 * t11;
      }
      D[ra + b] = s00;
      D[ra + b + 1] = s01;
      D[ra1 + b] = s10;
      D[ra1 + b + 1] = s11;
    }
    D[ra1 + a] = squaredDistance(z, a + 1, z, a, d);
  }
  if (a < n) for (let b = 0; b < a; b++) D[a * n + b] = squaredDistance(z, a, z, b, d);
}

/**
 * Fills the lower triangle of K (n×n) with amplitude·k(r_ab), plus `diagonal` on the diagonal,
 * and that of `slope` with amplitude·g(r_ab) (see {@link correlationSlope}) for the gradient.
 * O(n²·d / 2).
 */
export function trainingKernel(
  kernel: GpKernelName,
  z: Float64Array,
  n: number,
  d: number,
  amplitude: number,
  diagonal: number,
  K: Float64Array,
  slope: Float64Array,
): void {
  // Squared distances first, then one branch-free pass per kernel over the lower triangle.
  squaredDistances(z, n, d, K);
  if (kernel === 'rbf') {
    for (let a = 0; a < n; a++) {
      for (let p = a * n, end = p + a; p < end; p++) {
        const e = amplitude * Math.exp(-0.5 * K[p]!);
        K[p] = e;
        slope[p] = e;
      }
    }
  } else if (kernel === 'matern32') {
    for (let a = 0; a < n; a++) {
      for (let p = a * n, end = p + a; p < end; p++) {
        const s = SQRT3 * Math.sqrt(K[p]!);
        const e = amplitude * Math.exp(-s);
        K[p] = (1 + s) * e;
        slope[p] = 3 * e;
      }
    }
  } else {
    for (let a = 0; a < n; a++) {
      for (let p = a * n, end = p + a; p < end; p++) {
        const r2 = K[p]!;
        const s = SQRT5 * Math.sqrt(r2);
        const e = amplitude * Math.exp(-s);
        K[p] = (1 + s + (5 / 3) * r2) * e;
        slope[p] = (5 / 3) * (1 + s) * e;
      }
    }
  }
  for (let a = 0; a < n; a++) {
    K[a * n + a] = amplitude + diagonal;
    slope[a * n + a] = 0;
  }
}

/**
 * Writes into `out[j]` (j < d) the sum over pairs a > b of M_ab · (z_aj - z_bj)², for M given by
 * its lower triangle (n×n) and z transposed (`zt`, d×n, so each column is contiguous). With
 * M = (ααᵀ - K⁻¹) ∘ amplitude·g(r) this is ½·tr((ααᵀ - K⁻¹)·∂K/∂log l_j): the symmetric pair is
 * counted once for both triangles. O(n²·d / 2).
 */
export function lengthScaleGradient(
  zt: Float64Array,
  n: number,
  d: number,
  M: Float64Array,
  out: Float64Array,
): void {
  for (let j = 0; j < d; j++) {
    const o = j * n;
    let s0 = 0;
    let s1 = 0;
    // Rows a and a + 1 together share the load of z_bj.
    let a = 0;
    for (; a + 1 < n; a += 2) {
      const za = zt[o + a]!;
      const za1 = zt[o + a + 1]!;
      const ra = a * n;
      const ra1 = ra + n;
      for (let b = 0; b < a; b++) {
        const zb = zt[o + b]!;
        const t0 = za - zb;
        const t1 = za1 - zb;
        s0 += M[ra + b]! * t0 * t0;
        s1 += M[ra1 + b]! * t1 * t1;
      }
      const t = za1 - za;
      s1 += M[ra1 + a]! * t * t;
    }
    if (a < n) {
      const za = zt[o + a]!;
      for (let b = 0, ra = a * n; b < a; b++) {
        const t = za - zt[o + b]!;
        s0 += M[ra + b]! * t * t;
      }
    }
    out[j] = s0 + s1;
  }
}
