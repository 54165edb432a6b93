// Gaussian process regressor: agreement with scikit-learn (fixtures written by
// scripts/gp-fixtures.py), properties of the posterior, determinism, validation. The internals
// have their own tests: internal/gp-likelihood.test.ts (analytic gradient against finite
// differences), internal/cholesky.test.ts, internal/bounded-bfgs.test.ts.
import { readFileSync } from 'node:fs';
import {
  DimensionMismatchError,
  InvalidArgumentError,
  type Matrix,
  Random,
  toMatrix,
} from '@paretokit/problem';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussianProcessRegressor, NotFittedError } from './index.js';
import type { GpKernelName } from './internal/gp-kernel.js';

interface FixedCase {
  kernel: GpKernelName;
  lengthScale: number[];
  amplitude: number;
  noise: number;
  alpha: number;
  normalizeY: boolean;
  mean: number[];
  std: number[];
  latentStd: number[];
  logMarginalLikelihood: number;
}
interface OptimizedCase {
  kernel: GpKernelName;
  initial: { lengthScale: number; amplitude: number; noise: number };
  bounds: { lengthScale: [number, number]; amplitude: [number, number]; noise: [number, number] };
  restarts: number;
  runs: { seed: number; logMarginalLikelihood: number; mean: number[]; std: number[] }[];
}
interface Fixture {
  sklearn: string;
  cases: {
    dataset: string;
    train: { X: number[][]; y: number[] };
    test: { X: number[][]; y: number[] };
    fixed: FixedCase[];
    optimized: OptimizedCase[];
  }[];
}
const fixture: Fixture = JSON.parse(
  readFileSync(new URL('./fixtures/sklearn-gp.json', import.meta.url), 'utf8'),
);

/** |a - b| relative to max(|b|, floor): the floor keeps values near zero from inflating the error. */
const relative = (a: number, b: number, floor: number) => Math.abs(a - b) / Math.max(Math.abs(b), floor);
const std = (v: readonly number[]) => {
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  return Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
};
const rmse = (a: ArrayLike<number>, b: readonly number[]) =>
  Math.sqrt(b.reduce((s, v, i) => s + (a[i]! - v) ** 2, 0) / b.length);

function randomData(n: number, d: number, seed: number, noise = 0.01): { X: Matrix; y: Float64Array } {
  const rng = Random.fromSeed(seed);
  const data = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = rng.next();
      data[i * d + j] = v;
      if (j < 5) s += Math.sin(3 * v * (j + 1)) / (j + 1);
    }
    y[i] = s + noise * rng.normal();
  }
  return { X: { rows: n, cols: d, data }, y };
}

describe(`gaussianProcessRegressor against scikit-learn ${fixture.sklearn}`, () => {
  for (const c of fixture.cases) {
    const X = toMatrix(c.train.X);
    const y = Float64Array.from(c.train.y);
    const test = toMatrix(c.test.X);
    const yStd = std(c.train.y);

    it(`${c.dataset}: fixed hyperparameters give scikit-learn's mean, std and LML to 1e-8`, () => {
      for (const f of c.fixed) {
        const gp = gaussianProcessRegressor({
          kernel: f.kernel,
          lengthScale: f.lengthScale,
          amplitude: f.amplitude,
          noise: f.noise,
          alpha: f.alpha,
          normalizeY: f.normalizeY,
          normalizeX: false,
          optimize: false,
        });
        gp.fit(X, y);
        const scale = f.normalizeY ? yStd : 1;
        const priorStd = Math.sqrt(f.amplitude) * scale;
        const mean = gp.predict(test);
        const latent = gp.predictVariance(test);
        const noisy = gp.predictVariance(test, { includeNoise: true });
        const label = JSON.stringify({
          kernel: f.kernel,
          noise: f.noise,
          alpha: f.alpha,
          normalizeY: f.normalizeY,
        });
        expect(relative(gp.logMarginalLikelihood(), f.logMarginalLikelihood, 1), label).toBeLessThan(1e-8);
        for (let i = 0; i < test.rows; i++) {
          expect(relative(mean[i]!, f.mean[i]!, scale), label).toBeLessThan(1e-8);
          expect(relative(Math.sqrt(latent[i]!), f.latentStd[i]!, priorStd), label).toBeLessThan(1e-8);
          // scikit-learn's std includes the WhiteKernel noise but not alpha; includeNoise adds both.
          const sklearnNoisy = f.std[i]! ** 2 + f.alpha * scale * scale;
          expect(relative(Math.sqrt(noisy[i]!), Math.sqrt(sklearnNoisy), priorStd), label).toBeLessThan(1e-8);
        }
      }
    });

    for (const o of c.optimized) {
      it(`${c.dataset}: fitted ${o.kernel} reaches scikit-learn's log marginal likelihood`, () => {
        for (const run of o.runs) {
          const gp = gaussianProcessRegressor({
            kernel: o.kernel,
            lengthScale: o.initial.lengthScale,
            amplitude: o.initial.amplitude,
            noise: o.initial.noise,
            lengthScaleBounds: o.bounds.lengthScale,
            amplitudeBounds: o.bounds.amplitude,
            noiseBounds: o.bounds.noise,
            normalizeX: false,
            restarts: o.restarts,
            seed: run.seed,
          });
          gp.fit(X, y);
          const ours = gp.logMarginalLikelihood();
          const theirs = run.logMarginalLikelihood;
          expect(ours).toBeGreaterThanOrEqual(theirs - 1e-3 * Math.abs(theirs));
          const predicted = gp.predict(test);
          if (ours <= theirs + 1e-3 * Math.abs(theirs)) {
            // The same optimum: the same predictions, up to the optimizers' tolerances.
            for (let i = 0; i < test.rows; i++)
              expect(Math.abs(predicted[i]! - run.mean[i]!)).toBeLessThan(1e-3 * yStd);
          } else {
            // A better optimum than scikit-learn's: at least as accurate on the noise-free test rows.
            expect(rmse(predicted, c.test.y)).toBeLessThanOrEqual(rmse(run.mean, c.test.y));
          }
        }
      });

      it(`${c.dataset}: ${o.kernel} with default input scaling reaches scikit-learn's likelihood`, () => {
        const gp = gaussianProcessRegressor({ kernel: o.kernel, noise: o.initial.noise });
        gp.fit(X, y);
        const best = Math.max(...o.runs.map((r) => r.logMarginalLikelihood));
        expect(gp.logMarginalLikelihood()).toBeGreaterThanOrEqual(best - 1e-3 * Math.abs(best));
      });
    }
  }
});

describe('gaussianProcessRegressor properties', () => {
  // Up to 12 rows of 1 to 3 columns in [0, 1], targets in [-5, 5].
  const dataset = fc.integer({ min: 1, max: 3 }).chain((d) =>
    fc.record({
      d: fc.constant(d),
      rows: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: d, maxLength: d }), {
        minLength: 2,
        maxLength: 12,
      }),
      targets: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 12, maxLength: 12 }),
      kernel: fc.constantFrom<GpKernelName>('rbf', 'matern52', 'matern32'),
    }),
  );

  it('has a non-negative variance everywhere, at most the noise variance at training rows', () => {
    fc.assert(
      fc.property(
        dataset,
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        ({ rows, targets, kernel }, noise) => {
          const y = Float64Array.from(targets.slice(0, rows.length));
          const gp = gaussianProcessRegressor({ kernel, noise, restarts: 0, maxIterations: 30 });
          gp.fit(toMatrix(rows), y);
          const { noise: fitted, alpha, jitter } = gp.hyperparameters;
          const yStd = std(Array.from(y)) || 1;
          const noiseVariance = (fitted + alpha + jitter) * yStd * yStd;
          const atTraining = gp.predictVariance(toMatrix(rows));
          for (const v of atTraining) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(noiseVariance * (1 + 1e-6) + 1e-12);
          }
          const withNoise = gp.predictVariance(toMatrix(rows), { includeNoise: true });
          for (const [i, v] of atTraining.entries()) {
            expect(withNoise[i]! - v).toBeCloseTo((fitted + alpha) * yStd * yStd, 9);
          }
          const elsewhere = gp.predictVariance(toMatrix([[...Array(rows[0]!.length)].map(() => 0.5)]));
          expect(elsewhere[0]).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('interpolates noise-free data', () => {
    // Distinct cells of a 10-per-axis grid: rows at least 1/9 apart, so a short length scale keeps
    // the kernel matrix well conditioned.
    const gridData = fc.integer({ min: 1, max: 3 }).chain((d) =>
      fc.record({
        d: fc.constant(d),
        cells: fc.uniqueArray(fc.integer({ min: 0, max: 10 ** d - 1 }), { minLength: 2, maxLength: 12 }),
        targets: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 12, maxLength: 12 }),
        kernel: fc.constantFrom<GpKernelName>('rbf', 'matern52', 'matern32'),
      }),
    );
    fc.assert(
      fc.property(gridData, ({ d, cells, targets, kernel }) => {
        const rows = cells.map((c) => [...Array(d)].map((_, j) => (Math.floor(c / 10 ** j) % 10) / 9));
        const y = Float64Array.from(targets.slice(0, rows.length));
        const gp = gaussianProcessRegressor({
          kernel,
          lengthScale: 0.1,
          noise: 0,
          optimize: false,
          normalizeX: false,
        });
        gp.fit(toMatrix(rows), y);
        const mean = gp.predict(toMatrix(rows));
        for (const [i, m] of mean.entries())
          expect(Math.abs(m - y[i]!)).toBeLessThan(1e-6 * (1 + Math.abs(y[i]!)));
      }),
      { numRuns: 80 },
    );
  });

  it('is bit-identical for the same data and seed', () => {
    const { X, y } = randomData(60, 6, 5);
    const test = randomData(20, 6, 6).X;
    const run = (seed: number) => {
      const gp = gaussianProcessRegressor({ seed, restarts: 2 });
      gp.fit(X, y);
      return {
        mean: gp.predict(test),
        variance: gp.predictVariance(test),
        lml: gp.logMarginalLikelihood(),
        hyperparameters: gp.hyperparameters,
      };
    };
    expect(run(3)).toEqual(run(3));
  });

  it('reverts to the prior far from the data and scales back to y units', () => {
    const X = toMatrix([[0], [0.5], [1]]);
    const gp = gaussianProcessRegressor({ kernel: 'rbf', lengthScale: 0.3, amplitude: 1, optimize: false });
    gp.fit(X, Float64Array.of(100, 110, 120));
    const far = toMatrix([[1000]]);
    expect(gp.predict(far)[0]).toBeCloseTo(110, 9);
    // Standardised targets have variance 1 = amplitude: in y units 200/3.
    expect(gp.predictVariance(far)[0]).toBeCloseTo(200 / 3, 9);
  });

  it('reports the fitted hyperparameters, frozen', () => {
    const { X, y } = randomData(30, 3, 7);
    const gp = gaussianProcessRegressor({ kernel: 'matern32' });
    gp.fit(X, y);
    const h = gp.hyperparameters;
    expect(h.kernel).toBe('matern32');
    expect(h.lengthScales).toHaveLength(3);
    expect(Object.isFrozen(h) && Object.isFrozen(h.lengthScales)).toBe(true);
    expect(h.noise).toBeGreaterThanOrEqual(1e-6 * (1 - 1e-12));
    expect(h.amplitude).toBeGreaterThan(0);
  });
});

describe('gaussianProcessRegressor validation', () => {
  it('rejects bad options with InvalidArgumentError', () => {
    const bad: object[] = [
      { kernel: 'laplace' },
      { lengthScale: 0 },
      { lengthScale: [] },
      { lengthScale: [1, -1] },
      { lengthScaleBounds: [2, 1] },
      { amplitudeBounds: [0, 1] },
      { noiseBounds: 'free' },
      { amplitude: Number.NaN },
      { noise: -1 },
      { alpha: Number.POSITIVE_INFINITY },
      { restarts: -1 },
      { maxIterations: 0 },
      { seed: 1.5 },
      { normalizeX: 'yes' },
    ];
    for (const options of bad)
      expect(() => gaussianProcessRegressor(options), JSON.stringify(options)).toThrow(InvalidArgumentError);
  });

  it('rejects bad data and unfitted use with typed errors', () => {
    const gp = gaussianProcessRegressor({ lengthScale: [1, 2] });
    const X = toMatrix([
      [0, 0],
      [1, 1],
    ]);
    expect(() => gp.predict(X)).toThrow(NotFittedError);
    expect(() => gp.predictVariance(X)).toThrow(NotFittedError);
    expect(() => gp.logMarginalLikelihood()).toThrow(NotFittedError);
    expect(() => gp.hyperparameters).toThrow(NotFittedError);
    expect(() => gp.fit(toMatrix([[0], [1]]), Float64Array.of(1, 2))).toThrow(DimensionMismatchError);
    expect(() => gp.fit(X, Float64Array.of(1))).toThrow(DimensionMismatchError);
    expect(() =>
      gp.fit(
        toMatrix([
          [0, 0],
          [1, Number.NaN],
        ]),
        Float64Array.of(1, 2),
      ),
    ).toThrow(/row 1, column 1/);
    gp.fit(X, Float64Array.of(1, 2));
    expect(() => gp.predict(toMatrix([[1]]))).toThrow(DimensionMismatchError);
    expect(() => gp.predictVariance(X, { includeNoise: 1 as never })).toThrow(InvalidArgumentError);
    // A failed fit leaves the model unfitted.
    expect(() => gp.fit(X, Float64Array.of(1, Number.NaN))).toThrow(InvalidArgumentError);
    expect(() => gp.predict(X)).toThrow(NotFittedError);
  });

  it('fits constant targets, a single row and duplicate rows', () => {
    const gp = gaussianProcessRegressor({ restarts: 1 });
    gp.fit(toMatrix([[0], [1], [2]]), Float64Array.of(4, 4, 4));
    expect(gp.predict(toMatrix([[0.5]]))[0]).toBeCloseTo(4, 9);
    gp.fit(toMatrix([[3, 1]]), Float64Array.of(7));
    expect(gp.predict(toMatrix([[3, 1]]))[0]).toBeCloseTo(7, 9);
    const exact = gaussianProcessRegressor({ noise: 0, alpha: 0, optimize: false });
    exact.fit(toMatrix([[0], [0], [1]]), Float64Array.of(1, 1, 2));
    expect(exact.hyperparameters.jitter).toBeGreaterThan(0);
    expect(exact.predict(toMatrix([[0]]))[0]).toBeCloseTo(1, 4);
  });
});
