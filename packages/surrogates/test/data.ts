// Generated regression data for the tests: Friedman #1 (Friedman 1991, as scikit-learn's
// make_friedman1) and a mixed-variable function shaped like the compression problem.
import { type Matrix, Random } from '@paretokit/problem';

export interface Dataset {
  readonly X: Matrix;
  readonly y: Float64Array;
}

/** Friedman #1: 10 uniform columns, y = 10 sin(π x0 x1) + 20 (x2 - 0.5)² + 10 x3 + 5 x4 + noise. */
export function friedman1(rows: number, seed: number, noise = 0.5): Dataset {
  const rng = Random.fromSeed(seed);
  const data = new Float64Array(rows * 10);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < 10; j++) data[i * 10 + j] = rng.next();
    const x = data.subarray(i * 10, i * 10 + 5);
    y[i] =
      10 * Math.sin(Math.PI * x[0]! * x[1]!) +
      20 * (x[2]! - 0.5) ** 2 +
      10 * x[3]! +
      5 * x[4]! +
      noise * rng.normal();
  }
  return { X: { rows, cols: 10, data }, y };
}

/** Two 3-way choices (codes 0..2), two reals in [0, 1), one binary; y > 0. Same as the fixture script. */
export function mixedFunction(rows: number, seed: number): Dataset {
  const rng = Random.fromSeed(seed);
  const data = new Float64Array(rows * 5);
  const y = new Float64Array(rows);
  const level = [1, 0.4, 0.7];
  for (let i = 0; i < rows; i++) {
    const c1 = rng.int(3);
    const c2 = rng.int(3);
    const r1 = rng.next();
    const r2 = rng.next();
    const b = rng.int(2);
    data.set([c1, c2, r1, r2, b], i * 5);
    y[i] =
      1 +
      level[c1]! * (1 - r1) ** 2 +
      level[c2]! * Math.sin(3 * r2) +
      0.5 * b * r1 * r2 +
      (c1 === c2 ? 0.3 : 0);
  }
  return { X: { rows, cols: 5, data }, y };
}

/** Largest |a - b| / max(|b|, 1e-12) over the entries. */
export function maxRelativeError(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(Math.abs(b[i]!), 1e-12));
  return worst;
}

/** The rows of `a` then the rows of `b` (same width). */
export function vstack(a: Matrix, b: Matrix): Matrix {
  const data = new Float64Array(a.data.length + b.data.length);
  data.set(a.data);
  data.set(b.data, a.data.length);
  return { rows: a.rows + b.rows, cols: a.cols, data };
}
