// Dense Cholesky factorisation and triangular solves on flat row-major n×n Float64Arrays. Only
// lower triangles are read and written; upper triangles are left as they are.

/**
 * Σ_k a[ao + k]·b[bo + k] for k < length, with four partial sums: independent chains let the
 * CPU overlap the multiply-adds. The summation order is fixed, so results are reproducible. O(length).
 */
export function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, length: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < length; k += 4) {
    s0 += a[ao + k]! * b[bo + k]!;
    s1 += a[ao + k + 1]! * b[bo + k + 1]!;
    s2 += a[ao + k + 2]! * b[bo + k + 2]!;
    s3 += a[ao + k + 3]! * b[bo + k + 3]!;
  }
  for (; k < length; k++) s0 += a[ao + k]! * b[bo + k]!;
  return s0 + s1 + (s2 + s3);
}

/** The four sums of {@link dot2x2}; hoisted so that a call allocates nothing. Read right after the call. */
const sums = new Float64Array(4);

/**
 * The inner products of rows p0, p1 of `p` with rows q0, q1 of `q` (row starts) over columns
 * from..to-1, into `sums` as (p0·q0, p0·q1, p1·q0, p1·q1); p0·q0 and p0·q1 start from s00 and s01.
 * A 2×2 block shares its four loads between four multiply-adds instead of two; the blocked
 * factorisation and inversion below spend their time here. O(to - from).
 */
function dot2x2(
  p: Float64Array,
  p0: number,
  p1: number,
  q: Float64Array,
  q0: number,
  q1: number,
  from: number,
  to: number,
  s00 = 0,
  s01 = 0,
): void {
  let s10 = 0;
  let s11 = 0;
  for (let k = from; k < to; k++) {
    const a0 = p[p0 + k]!;
    const a1 = p[p1 + k]!;
    const b0 = q[q0 + k]!;
    const b1 = q[q1 + k]!;
    s00 += a0 * b0;
    s01 += a0 * b1;
    s10 += a1 * b0;
    s11 += a1 * b1;
  }
  sums[0] = s00;
  sums[1] = s01;
  sums[2] = s10;
  sums[3] = s11;
}

/**
 * Overwrites the lower triangle of the symmetric matrix `a` (row-major n×n, only its lower
 * triangle read) with its Cholesky factor L (A = L·Lᵀ). Returns false, leaving `a` partly
 * overwritten, when a pivot is not positive (A not numerically positive definite). O(n³/6).
 *
 * Row-oriented (Cholesky–Banachiewicz), two rows at a time: every inner product runs along rows
 * of L, contiguous in memory, and 2×2 blocks of them share their loads.
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  let i = 0;
  for (; i + 1 < n; i += 2) if (!choleskyRowPair(a, n, i)) return false;
  return i === n || choleskyRow(a, n, i);
}

/** Row i of L, from rows 0..i-1. O(i²). */
function choleskyRow(a: Float64Array, n: number, i: number): boolean {
  const ri = i * n;
  for (let j = 0; j < i; j++) a[ri + j] = (a[ri + j]! - dot(a, ri, a, j * n, j)) / a[j * n + j]!;
  const pivot = a[ri + i]! - dot(a, ri, a, ri, i);
  // `!(pivot > 0)` also catches NaN.
  if (!(pivot > 0)) return false;
  a[ri + i] = Math.sqrt(pivot);
  return true;
}

/** Rows i and i + 1 of L (i even), from rows 0..i-1, in 2×2 blocks of columns j, j + 1. O(i²). */
function choleskyRowPair(a: Float64Array, n: number, i: number): boolean {
  const ri = i * n;
  const ri1 = ri + n;
  for (let j = 0; j < i; j += 2) {
    const rj = j * n;
    const rj1 = rj + n;
    dot2x2(a, ri, ri1, a, rj, rj1, 0, j);
    // Column j + 1 also needs the k = j term, with the entries of column j just computed.
    const x0 = (a[ri + j]! - sums[0]!) / a[rj + j]!;
    const x1 = (a[ri1 + j]! - sums[2]!) / a[rj + j]!;
    a[ri + j] = x0;
    a[ri1 + j] = x1;
    a[ri + j + 1] = (a[ri + j + 1]! - sums[1]! - x0 * a[rj1 + j]!) / a[rj1 + j + 1]!;
    a[ri1 + j + 1] = (a[ri1 + j + 1]! - sums[3]! - x1 * a[rj1 + j]!) / a[rj1 + j + 1]!;
  }
  const pivot = a[ri + i]! - dot(a, ri, a, ri, i);
  if (!(pivot > 0)) return false;
  const lii = Math.sqrt(pivot);
  a[ri + i] = lii;
  a[ri1 + i] = (a[ri1 + i]! - dot(a, ri1, a, ri, i)) / lii;
  const next = a[ri1 + i + 1]! - dot(a, ri1, a, ri1, i + 1);
  if (!(next > 0)) return false;
  a[ri1 + i + 1] = Math.sqrt(next);
  return true;
}

/**
 * Factors `source` (lower triangle, row-major n×n) into `out`, adding jitter to the diagonal if
 * the plain factorisation fails: first 1e-10 × the mean diagonal, then ten times more per try,
 * up to `maxRelativeJitter` × the mean diagonal. Returns the jitter added (0 when none was needed)
 * or -1 when even the largest failed. O(tries · n³/6).
 */
export function choleskyWithJitter(
  source: Float64Array,
  n: number,
  out: Float64Array,
  maxRelativeJitter = 1e-4,
): number {
  out.set(source.subarray(0, n * n));
  if (choleskyInPlace(out, n)) return 0;
  let meanDiagonal = 0;
  for (let i = 0; i < n; i++) meanDiagonal += Math.abs(source[i * n + i]!);
  meanDiagonal = meanDiagonal > 0 ? meanDiagonal / n : 1;
  for (let relative = 1e-10; relative <= maxRelativeJitter * (1 + 1e-9); relative *= 10) {
    const jitter = relative * meanDiagonal;
    out.set(source.subarray(0, n * n));
    for (let i = 0; i < n; i++) out[i * n + i]! += jitter;
    if (choleskyInPlace(out, n)) return jitter;
  }
  return -1;
}

/** Solves L·x = b in place (forward substitution); `b` holds n values from `offset`. O(n²/2). */
export function solveLowerInPlace(L: Float64Array, n: number, b: Float64Array, offset = 0): void {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    b[offset + i] = (b[offset + i]! - dot(L, ri, b, offset, i)) / L[ri + i]!;
  }
}

/**
 * Solves Lᵀ·x = b in place (back substitution). Column-oriented: once x_i is known its multiple
 * of row i of L is subtracted, so L is read along rows. O(n²/2).
 */
export function solveLowerTransposedInPlace(L: Float64Array, n: number, b: Float64Array, offset = 0): void {
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    const xi = b[offset + i]! / L[ri + i]!;
    b[offset + i] = xi;
    for (let k = 0; k < i; k++) b[offset + k]! -= L[ri + k]! * xi;
  }
}

/**
 * Writes into the lower triangle of `inverse` the lower triangle of A⁻¹ = L⁻ᵀ·L⁻¹, given the
 * Cholesky factor L of A. `scratch` (n² values) receives U = L⁻ᵀ (upper triangle, row-major), so
 * that both steps are inner products along rows. O(n³/3).
 */
export function inverseFromCholesky(
  L: Float64Array,
  n: number,
  inverse: Float64Array,
  scratch: Float64Array,
): void {
  const U = scratch;
  let i = 0;
  for (; i + 1 < n; i += 2) inverseColumnPair(L, n, i, U);
  if (i < n) {
    const ri = i * n;
    const lii = L[ri + i]!;
    U[ri + i] = 1 / lii;
    for (let j = 0; j < i; j++) U[j * n + i] = -dot(L, ri + j, U, j * n + j, i - j) / lii;
  }
  // (A⁻¹)_ab = Σ_{k>=a} (L⁻¹)_ka · (L⁻¹)_kb = Σ_{k>=a} U_ak · U_bk for b <= a.
  for (let a = 0; a < n; a += 2) {
    if (a + 1 === n) {
      for (let b = 0; b <= a; b++) inverse[a * n + b] = dot(U, a * n + a, U, b * n + a, n - a);
    } else {
      productBlock(U, n, a, inverse);
    }
  }
}

/**
 * Columns i and i + 1 (i even) of U = L⁻ᵀ, from columns 0..i-1:
 * (L⁻¹)_ij = -(Σ_{j<=k<i} L_ik · (L⁻¹)_kj) / L_ii with (L⁻¹)_kj = U_jk, in 2×2 blocks of rows
 * j, j + 1 of U that share their loads. O(i²).
 */
function inverseColumnPair(L: Float64Array, n: number, i: number, U: Float64Array): void {
  const ri = i * n;
  const ri1 = ri + n;
  const inv0 = 1 / L[ri + i]!;
  const inv1 = 1 / L[ri1 + i + 1]!;
  const l10 = L[ri1 + i]!;
  for (let j = 0; j < i; j += 2) {
    const rj = j * n;
    const rj1 = rj + n;
    // Row j + 1 of U starts at column j + 1: the k = j terms are added to row j below.
    dot2x2(L, ri, ri1, U, rj, rj1, j + 1, i);
    const ujj = U[rj + j]!;
    const u0 = -(sums[0]! + L[ri + j]! * ujj) * inv0;
    const u1 = -sums[1]! * inv0;
    U[rj + i] = u0;
    U[rj1 + i] = u1;
    // Column i + 1 also needs the k = i terms, with the entries of column i just computed.
    U[rj + i + 1] = -(sums[2]! + L[ri1 + j]! * ujj + l10 * u0) * inv1;
    U[rj1 + i + 1] = -(sums[3]! + l10 * u1) * inv1;
  }
  U[ri + i] = inv0;
  U[ri + i + 1] = -l10 * inv0 * inv1;
  U[ri1 + i + 1] = inv1;
}

/**
 * Rows a and a + 1 of U·Uᵀ (lower triangle) for {@link inverseFromCholesky}: 2×2 blocks share
 * their loads, four multiply-adds per four loads instead of two. O(n·(n - a)).
 */
function productBlock(U: Float64Array, n: number, a: number, inverse: Float64Array): void {
  const ra = a * n;
  const ra1 = ra + n;
  const uaa = U[ra + a]!;
  for (let b = 0; b < a; b += 2) {
    const rb = b * n;
    const rb1 = rb + n;
    // Row a + 1 of U starts at column a + 1, so column a adds to row a only.
    dot2x2(U, ra, ra1, U, rb, rb1, a + 1, n, uaa * U[rb + a]!, uaa * U[rb1 + a]!);
    inverse[ra + b] = sums[0]!;
    inverse[ra + b + 1] = sums[1]!;
    inverse[ra1 + b] = sums[2]!;
    inverse[ra1 + b + 1] = sums[3]!;
  }
  inverse[ra + a] = dot(U, ra + a, U, ra + a, n - a);
  inverse[ra1 + a] = dot(U, ra1 + a + 1, U, ra + a + 1, n - a - 1);
  inverse[ra1 + a + 1] = dot(U, ra1 + a + 1, U, ra1 + a + 1, n - a - 1);
}
