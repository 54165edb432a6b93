import { checkSeed, DimensionMismatchError, InvalidArgumentError, type Matrix } from '@paretokit/problem';
import { NotFittedError } from './errors/not-fitted-error.js';
import { checkInteger, checkPredictX, checkTrainingData } from './internal/check-data.js';
import { solveLowerInPlace } from './internal/cholesky.js';
import { fitGaussianProcess, type GpBounds, type GpModel } from './internal/gp-fit.js';
import { correlation, squaredDistance } from './internal/gp-kernel.js';
import type { Regressor } from './regressor.js';

/**
 * Options of {@link gaussianProcessRegressor}. Every hyperparameter has an initial value and
 * bounds (`'fixed'` keeps it at its initial value), as scikit-learn's kernels; with
 * `optimize: false` all of them stay at their initial values (scikit-learn's `optimizer=None`).
 * Length scales are in the units the kernel sees (the [0, 1]-scaled columns when `normalizeX`),
 * amplitude and noise in those of the fitted targets (unit variance when `normalizeY`).
 */
export interface GaussianProcessRegressorOptions {
  /** Correlation function: `'rbf'` (squared exponential), `'matern52'` or `'matern32'`. Default `'matern52'`. */
  readonly kernel?: 'rbf' | 'matern52' | 'matern32';
  /** Initial length scale: one for every column or one per column. Default 1. */
  readonly lengthScale?: number | readonly number[];
  /** Bounds of every length scale. Default [1e-5, 1e5] (scikit-learn's). */
  readonly lengthScaleBounds?: readonly [number, number] | 'fixed';
  /** Initial amplitude (signal variance, scikit-learn's `ConstantKernel`). Default 1. */
  readonly amplitude?: number;
  /** Bounds of the amplitude. Default [1e-5, 1e5] (scikit-learn's). */
  readonly amplitudeBounds?: readonly [number, number] | 'fixed';
  /**
   * Initial white-noise variance (scikit-learn's `WhiteKernel`); 0 leaves the term out, so only
   * `alpha` is added to the diagonal. Default 1e-4.
   */
  readonly noise?: number;
  /**
   * Bounds of the noise variance. Default [1e-6, 10]: the floor keeps the kernel matrix
   * well conditioned (condition number ≲ n·1e6) and costs interpolation accuracy only below
   * 0.1 % of the target standard deviation.
   */
  readonly noiseBounds?: readonly [number, number] | 'fixed';
  /** Fixed value added to the diagonal of the kernel matrix (scikit-learn's `alpha`). Default 1e-10. */
  readonly alpha?: number;
  /** Scale every column to [0, 1] by its training min and max (constant columns unscaled). Default true. */
  readonly normalizeX?: boolean;
  /** Fit standardised targets (scikit-learn's `normalize_y=True`); predictions are scaled back. Default true. */
  readonly normalizeY?: boolean;
  /** Fit the hyperparameters by maximising the log marginal likelihood. Default true. */
  readonly optimize?: boolean;
  /**
   * Random starts of the optimizer besides the initial values (scikit-learn's
   * `n_restarts_optimizer`). Each is the most likely of 8 log-uniform draws from 0.1–10 × the
   * column range (length scales), 0.1–10 × the target variance (amplitude) and 1e-6–0.1 × it
   * (noise), within the bounds. Default 2.
   */
  readonly restarts?: number;
  /** Most quasi-Newton iterations per start. Default 200. */
  readonly maxIterations?: number;
  /** Seed of the random starts. Default 0. */
  readonly seed?: number;
}

/** Fitted hyperparameters of a {@link GaussianProcessRegressor} (units: see its options). */
export interface GaussianProcessHyperparameters {
  readonly kernel: 'rbf' | 'matern52' | 'matern32';
  /** One per input column. */
  readonly lengthScales: readonly number[];
  readonly amplitude: number;
  /** White-noise variance (0 without the term). */
  readonly noise: number;
  readonly alpha: number;
  /** Extra diagonal jitter the Cholesky factorisation needed (0 almost always). */
  readonly jitter: number;
}

/**
 * A fitted-or-not Gaussian process regressor. Besides the posterior mean (`predict`) it reports
 * the posterior variance, the log marginal likelihood and the fitted hyperparameters.
 *
 * @example
 * const gp: GaussianProcessRegressor = gaussianProcessRegressor({ kernel: 'rbf', lengthScale: 0.5, noise: 0, optimize: false });
 * gp.fit(toMatrix([[0], [1]]), Float64Array.of(1, 3));
 * gp.predict(toMatrix([[0.5], [10]])) // => Float64Array [2, 2]
 * gp.predictVariance(toMatrix([[10]])) // => Float64Array [1]
 * gp.hyperparameters.lengthScales // => [0.5]
 */
export interface GaussianProcessRegressor extends Regressor {
  /** Fits the hyperparameters and the posterior. Throws on bad data; a failed fit leaves the model unfitted. */
  fit(X: Matrix, y: Float64Array): void;
  /** Posterior mean of each row, in y units. */
  predict(X: Matrix): Float64Array;
  /**
   * Posterior variance of the latent function at each row (>= 0, in y units squared); with
   * `includeNoise` plus the noise and alpha variances, i.e. of a new observation.
   */
  predictVariance(X: Matrix, options?: { readonly includeNoise?: boolean }): Float64Array;
  /** Log marginal likelihood of the training targets (standardised when normalizeY) at the fitted hyperparameters. */
  logMarginalLikelihood(): number;
  /** The fitted hyperparameters. */
  readonly hyperparameters: GaussianProcessHyperparameters;
}

/**
 * Gaussian process (Kriging) regression with a constant amplitude times an anisotropic (one
 * length scale per column) RBF or Matérn kernel, plus white noise and `alpha` on the diagonal
 * (Rasmussen & Williams 2006, Algorithm 2.1). Hyperparameters maximise the log marginal
 * likelihood over their logarithms within bounds, by a projected BFGS with analytic gradients
 * from the initial values and `restarts` seeded random starts; the same data and seed give
 * bit-identical models. Fit O((restarts + 1) · iterations · (n³ + n²·d)), usually 30–200
 * iterations per start; predict O(m·n·d), plus O(m·n²) for variances. Scale inputs so that distances are meaningful (`normalizeX` does it by
 * the training range).
 *
 * @example
 * const x = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => [i / 8]);
 * const gp = gaussianProcessRegressor();
 * gp.fit(toMatrix(x), Float64Array.from(x, ([v]) => Math.sin(2 * Math.PI * v!)));
 * Array.from(gp.predict(toMatrix([[0.25], [0.3125]])), (m) => Math.round(m * 100) / 100) // => [1, 0.92]
 * gp.predictVariance(toMatrix([[0.3125], [3]])).map((v) => (v < 0.01 ? 0 : 1)) // => Float64Array [0, 1]
 */
export function gaussianProcessRegressor(
  options: GaussianProcessRegressorOptions = {},
): GaussianProcessRegressor {
  const settings = resolveOptions(options);
  let model: GpModel | undefined;
  let hyperparameters: GaussianProcessHyperparameters | undefined;

  function fitted(): GpModel {
    if (model === undefined) throw new NotFittedError('gaussianProcessRegressor');
    return model;
  }

  return {
    fit(X: Matrix, y: Float64Array): void {
      model = undefined;
      hyperparameters = undefined;
      checkTrainingData(X, y, 'gaussianProcessRegressor.fit');
      const lengthScales = initialLengthScales(settings.lengthScale, X.cols);
      const next = fitGaussianProcess(X, y, { ...settings, lengthScales });
      hyperparameters = Object.freeze({
        kernel: next.kernel,
        lengthScales: Object.freeze(Array.from(next.lengthScales)),
        amplitude: next.amplitude,
        noise: next.noise,
        alpha: next.alpha,
        jitter: next.jitter,
      });
      model = next;
    },

    predict(X: Matrix): Float64Array {
      const m = fitted();
      checkPredictX(X, m.d, 'gaussianProcessRegressor.predict');
      return posterior(m, X, false, false);
    },

    predictVariance(X: Matrix, varianceOptions: { readonly includeNoise?: boolean } = {}): Float64Array {
      const m = fitted();
      checkPredictX(X, m.d, 'gaussianProcessRegressor.predictVariance');
      const includeNoise = checkBoolean(
        varianceOptions.includeNoise ?? false,
        'gaussianProcessRegressor.predictVariance: includeNoise',
      );
      return posterior(m, X, true, includeNoise);
    },

    logMarginalLikelihood(): number {
      return fitted().logMarginalLikelihood;
    },

    get hyperparameters(): GaussianProcessHyperparameters {
      fitted();
      return hyperparameters!;
    },
  };
}

/**
 * Posterior mean (or variance) of every row of X. The cross-covariances of one query row live
 * in one n-vector reused across rows. O(m·n·d) for the mean, plus O(m·n²/2) for variances.
 */
function posterior(model: GpModel, X: Matrix, variance: boolean, includeNoise: boolean): Float64Array {
  const { n, d, kernel, amplitude } = model;
  const out = new Float64Array(X.rows);
  const zq = new Float64Array(d);
  const k = new Float64Array(n);
  const noise = includeNoise ? model.noise + model.alpha : 0;
  const yVariance = model.yStd * model.yStd;
  for (let q = 0; q < X.rows; q++) {
    for (let j = 0, o = q * d; j < d; j++) {
      zq[j] = ((X.data[o + j]! - model.shift[j]!) * model.scale[j]!) / model.lengthScales[j]!;
    }
    for (let i = 0; i < n; i++) k[i] = amplitude * correlation(kernel, squaredDistance(zq, 0, model.z, i, d));
    if (!variance) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += k[i]! * model.weights[i]!;
      out[q] = model.yStd * mean + model.yMean;
      continue;
    }
    solveLowerInPlace(model.factor, n, k);
    let explained = 0;
    for (let i = 0; i < n; i++) explained += k[i]! * k[i]!;
    // Rounding can make the latent variance slightly negative next to training rows.
    out[q] = (Math.max(amplitude - explained, 0) + noise) * yVariance;
  }
  return out;
}

function checkBoolean(value: boolean, argument: string): boolean {
  if (typeof value !== 'boolean')
    throw new InvalidArgumentError({ argument, expected: 'true or false', actual: value });
  return value;
}

function checkPositive(value: number, argument: string, allowZero: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (value === 0 && !allowZero)) {
    throw new InvalidArgumentError({
      argument,
      expected: allowZero ? 'a finite number >= 0' : 'a finite number > 0',
      actual: value,
    });
  }
  return value;
}

function resolveBounds(bounds: GpBounds, argument: string): GpBounds {
  if (bounds === 'fixed') return bounds;
  const valid =
    Array.isArray(bounds) &&
    bounds.length === 2 &&
    bounds.every((b) => typeof b === 'number' && Number.isFinite(b) && b > 0) &&
    bounds[0] <= bounds[1];
  if (!valid) {
    throw new InvalidArgumentError({
      argument,
      expected: "'fixed' or [lower, upper] with 0 < lower <= upper < Infinity",
      actual: bounds,
    });
  }
  return [bounds[0], bounds[1]];
}

function resolveOptions(options: GaussianProcessRegressorOptions) {
  const kernel = options.kernel ?? 'matern52';
  if (kernel !== 'rbf' && kernel !== 'matern52' && kernel !== 'matern32') {
    throw new InvalidArgumentError({
      argument: 'gaussianProcessRegressor: kernel',
      expected: "'rbf', 'matern52' or 'matern32'",
      actual: kernel,
    });
  }
  const lengthScale = options.lengthScale ?? 1;
  const scales = typeof lengthScale === 'number' ? [lengthScale] : lengthScale;
  if (!Array.isArray(scales) || scales.length === 0) {
    throw new InvalidArgumentError({
      argument: 'gaussianProcessRegressor: lengthScale',
      expected: 'a positive number or an array of them (one per column)',
      actual: lengthScale,
    });
  }
  const p = 'gaussianProcessRegressor: ';
  for (const [j, v] of scales.entries()) checkPositive(v, `${p}lengthScale[${j}]`, false);
  return {
    kernel,
    lengthScale,
    lengthScaleBounds: resolveBounds(options.lengthScaleBounds ?? [1e-5, 1e5], `${p}lengthScaleBounds`),
    amplitude: checkPositive(options.amplitude ?? 1, `${p}amplitude`, false),
    amplitudeBounds: resolveBounds(options.amplitudeBounds ?? [1e-5, 1e5], `${p}amplitudeBounds`),
    noise: checkPositive(options.noise ?? 1e-4, `${p}noise`, true),
    noiseBounds: resolveBounds(options.noiseBounds ?? [1e-6, 10], `${p}noiseBounds`),
    alpha: checkPositive(options.alpha ?? 1e-10, `${p}alpha`, true),
    normalizeX: checkBoolean(options.normalizeX ?? true, `${p}normalizeX`),
    normalizeY: checkBoolean(options.normalizeY ?? true, `${p}normalizeY`),
    optimize: checkBoolean(options.optimize ?? true, `${p}optimize`),
    restarts: checkInteger(options.restarts ?? 2, `${p}restarts`, 0),
    maxIterations: checkInteger(options.maxIterations ?? 200, `${p}maxIterations`, 1),
    seed: checkSeed(options.seed ?? 0, `${p}seed`),
  } as const;
}

function initialLengthScales(lengthScale: number | readonly number[], cols: number): Float64Array {
  if (typeof lengthScale === 'number') return new Float64Array(cols).fill(lengthScale);
  if (lengthScale.length !== cols) {
    throw new DimensionMismatchError({
      what: 'gaussianProcessRegressor: lengthScale',
      expected: cols,
      actual: lengthScale.length,
      unit: 'values (one per column of X)',
    });
  }
  return Float64Array.from(lengthScale);
}
