// The building blocks shared by the MW problems (Ma & Wang, "Evolutionary Constrained
// Multiobjective Optimization: Test Suite Construction and Performance Comparisons", IEEE TEVC
// 2019): three distance functions, three local adjustments of the constraint boundaries, and the
// product-of-two-gaps constraints that several problems repeat with other coefficients. The
// expressions keep pymoo's order of operations, so values agree to the last bits where the
// elementary functions do.

/**
 * A distance function: `g >= 1` of the row's variables `x_{m-1} .. x_{n-1}` (0-based, read from
 * `x` at offset `o`), equal to 1 on the Pareto set; `terms` is scratch of length >= n. O(n - m).
 */
export type Distance = (x: Float64Array, o: number, m: number, n: number, terms: Float64Array) => number;

/**
 * `Σ a[from .. from + count)` added in the order of numpy's pairwise summation (a row's `sum`), so
 * that sums of equal terms equal pymoo's to the last bit (which decides, for instance, whether
 * MW11's f2 is NaN at its upper bound): left to right below 8 terms; up to 128, eight interleaved
 * partial sums added as a tree, then the rest left to right; above, the two halves. O(count).
 */
export function numpySum(a: Float64Array, from: number, count: number): number {
  if (count < 8) {
    let s = 0;
    for (let i = from; i < from + count; i++) s += a[i]!;
    return s;
  }
  if (count > 128) {
    const half = Math.floor(count / 2) - (Math.floor(count / 2) % 8);
    return numpySum(a, from, half) + numpySum(a, from + half, count - half);
  }
  let r0 = a[from]!;
  let r1 = a[from + 1]!;
  let r2 = a[from + 2]!;
  let r3 = a[from + 3]!;
  let r4 = a[from + 4]!;
  let r5 = a[from + 5]!;
  let r6 = a[from + 6]!;
  let r7 = a[from + 7]!;
  const whole = count - (count % 8);
  let i = from + 8;
  for (; i < from + whole; i += 8) {
    r0 += a[i]!;
    r1 += a[i + 1]!;
    r2 += a[i + 2]!;
    r3 += a[i + 3]!;
    r4 += a[i + 4]!;
    r5 += a[i + 5]!;
    r6 += a[i + 6]!;
    r7 += a[i + 7]!;
  }
  let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
  for (; i < from + count; i++) s += a[i]!;
  return s;
}

/**
 * Ma & Wang's g1: `1 + Σ_j (1 - exp(-10 (x_j^(n-m) - 1/2 - j/(2n))²))`, j from m - 1 to n - 1.
 * Least (1) where `x_j^(n-m) = 1/2 + j/(2n)`; with `n = m` every power is 1.
 */
export const distance1: Distance = (x, o, m, n, terms) => {
  const p = n - m;
  for (let j = m - 1; j < n; j++) {
    const t = x[o + j]! ** p - 0.5 - j / (2 * n);
    terms[j - m + 1] = 1 - Math.exp(-10 * t * t);
  }
  return 1 + numpySum(terms, 0, n - m + 1);
};

/**
 * Ma & Wang's g2: `1 + Σ_j (0.1/n z_j² + 1.5 - 1.5 cos(2π z_j))` with
 * `z_j = 1 - exp(-10 (x_j - j/n)²)`: many local optima, least (1) where `x_j = j/n`.
 */
export const distance2: Distance = (x, o, m, n, terms) => {
  for (let j = m - 1; j < n; j++) {
    const v = x[o + j]! - j / n;
    const z = 1 - Math.exp(-10 * v * v);
    terms[j - m + 1] = (0.1 / n) * z * z + 1.5 - 1.5 * Math.cos(2 * Math.PI * z);
  }
  return 1 + numpySum(terms, 0, n - m + 1);
};

/**
 * Ma & Wang's g3: `1 + Σ_j 2 (x_j + (x_{j-1} - 1/2)² - 1)²`: linked variables, least (1) where
 * each `x_j = 1 - (x_{j-1} - 1/2)²`. Only arithmetic, so equal to pymoo's to the last bit.
 */
export const distance3: Distance = (x, o, m, n, terms) => {
  for (let j = m - 1; j < n; j++) {
    const d = x[o + j - 1]! - 0.5;
    const t = x[o + j]! + d * d - 1;
    terms[j - m + 1] = 2 * (t * t);
  }
  return 1 + numpySum(terms, 0, n - m + 1);
};

/** Local adjustment LA1 (Ma & Wang 2019): `a · sin(bπ θ^c)^d`. */
export function la1(a: number, b: number, c: number, d: number, theta: number): number {
  return a * Math.sin(b * Math.PI * theta ** c) ** d;
}

/** Local adjustment LA2 (Ma & Wang 2019): `a · sin(b θ^c)^d`. */
export function la2(a: number, b: number, c: number, d: number, theta: number): number {
  return a * Math.sin(b * theta ** c) ** d;
}

/** Local adjustment LA3 (Ma & Wang 2019): `a · cos(b θ^c)^d`. */
export function la3(a: number, b: number, c: number, d: number, theta: number): number {
  return a * Math.cos(b * theta ** c) ** d;
}

/**
 * `(a - b f0² - f1)(c - d f0² - f1)`: positive outside the band between the two parabolas
 * `f1 = a - b f0²` and `f1 = c - d f0²` (MW9-MW11; negated, positive inside it).
 */
export function parabolaGaps(f0: number, f1: number, a: number, b: number, c: number, d: number): number {
  return (a - b * f0 * f0 - f1) * (c - d * f0 * f0 - f1);
}

/**
 * `a - b f0 - f1 + 0.08 sin(2π (f1/p - f0/q))`: how far (f0, f1) is below a wavy line (MW12).
 * Each MW12 constraint is the product of two of them.
 */
export function wavyGap(f0: number, f1: number, a: number, b: number, p: number, q: number): number {
  return a - b * f0 - f1 + 0.08 * Math.sin(2 * Math.PI * (f1 / p - f0 / q));
}
