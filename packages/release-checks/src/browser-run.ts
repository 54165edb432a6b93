// What the browser test bundles for Chromium and repeats in Node, through the public entries of the
// browser-safe cores only, with fixed seeds. Numbers travel as their IEEE-754 bytes (hexadecimal,
// little-endian float64s), so that two runs compare bit for bit.
import { maxEvaluations, minimize, nsga2 } from '@paretokit/algorithms';
import { zdt1 } from '@paretokit/benchmarks';
import { hypervolume, hypervolumeContributions, igd } from '@paretokit/indicators';
import { latinHypercube, type Matrix } from '@paretokit/problem';
import { mannWhitney } from '@paretokit/stats';
import { gaussianProcessRegressor, knnRegressor, randomForestRegressor } from '@paretokit/surrogates';

const problem = zdt1({ nVar: 10 });

/** Each value's bytes as hexadecimal. */
export function toHex(values: Float64Array | readonly number[]): string {
  const bytes = new Uint8Array(Float64Array.from(values).buffer);
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** The values `toHex` wrote. */
export function fromHex(hex: string): Float64Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return new Float64Array(bytes.buffer);
}

function column(m: Matrix, j: number): Float64Array {
  return Float64Array.from({ length: m.rows }, (_, i) => m.data[i * m.cols + j]!);
}

/** NSGA-II on ZDT1 (10 variables, population 40, 2,000 evaluations, seed 1): the final front. */
export async function zdt1Run(): Promise<{ X: Matrix; F: Matrix; evaluations: number }> {
  const result = await minimize(problem, nsga2({ populationSize: 40 }), {
    termination: maxEvaluations(2_000),
    seed: 1,
  });
  return { X: result.X, F: result.F, evaluations: result.evaluations };
}

/**
 * n points of d values on the simplex (uniform draws of a seeded linear congruential generator,
 * divided by their sum): integer and IEEE arithmetic only, the same bits in every engine.
 */
function simplexPoints(n: number, d: number, seed: number): Matrix {
  let s = seed;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = 0; k < d; k++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      data[i * d + k] = s / 2 ** 32;
      sum += data[i * d + k]!;
    }
    for (let k = 0; k < d; k++) data[i * d + k]! /= sum;
  }
  return { rows: n, cols: d, data };
}

/**
 * Hypervolume of 300 4-D and 5-D points and the 4-D contributions of 100 (the kernels that run in
 * WebAssembly where it is available): IEEE arithmetic only.
 */
export function manyObjectiveChecks(): string {
  const four = simplexPoints(300, 4, 11);
  const five = simplexPoints(300, 5, 12);
  return toHex([
    hypervolume(four, { reference: [1, 1, 1, 1] }),
    hypervolume(five, { reference: [1, 1, 1, 1, 1] }),
    ...hypervolumeContributions(simplexPoints(100, 4, 13), { reference: [1, 1, 1, 1] }),
  ]);
}

/**
 * What a front gives through arithmetic alone (+ - * / and sqrt, which IEEE 754 rounds exactly, so
 * every JavaScript engine gives the same bits): its hypervolume and IGD, and KNN and random-forest
 * predictions of f2 from the front's X at 8 seeded points.
 */
export function exactChecks(X: Matrix, F: Matrix): Record<string, string> {
  const f2 = column(F, 1);
  const query = latinHypercube(problem.variables, 8, { seed: 7 });
  const knn = knnRegressor({ k: 5 });
  knn.fit(X, f2);
  const forest = randomForestRegressor({ trees: 20, seed: 3 });
  forest.fit(X, f2);
  return {
    indicators: toHex([hypervolume(F, { reference: [1.1, 1.1] }), igd(F, problem.paretoFront(200))]),
    manyObjectives: manyObjectiveChecks(),
    knn: toHex(knn.predict(query)),
    forest: toHex(forest.predict(query)),
  };
}

/**
 * What a front gives through the engine's Math.exp, Math.log and Math.pow as well: a Gaussian
 * process of f2 (mean and variance at the same 8 points) and a Mann-Whitney test of f1 against f2.
 */
export function libmChecks(X: Matrix, F: Matrix): Record<string, string> {
  const gp = gaussianProcessRegressor({ restarts: 1, seed: 5 });
  gp.fit(X, column(F, 1));
  const query = latinHypercube(problem.variables, 8, { seed: 7 });
  const test = mannWhitney(Array.from(column(F, 0)), Array.from(column(F, 1)));
  return {
    gp: toHex([...gp.predict(query), ...gp.predictVariance(query)]),
    mannWhitney: toHex([test.statistic, test.pValue]),
  };
}

/** A run and its checks, as the page hands it back. */
export interface RunReport {
  readonly X: string;
  readonly F: string;
  readonly rows: number;
  readonly evaluations: number;
  readonly exact: Record<string, string>;
  readonly libm: Record<string, string>;
}

/** `zdt1Run` and both checks of its front. About a second. */
export async function runReport(): Promise<RunReport> {
  const { X, F, evaluations } = await zdt1Run();
  return {
    X: toHex(X.data),
    F: toHex(F.data),
    rows: F.rows,
    evaluations,
    exact: exactChecks(X, F),
    libm: libmChecks(X, F),
  };
}
