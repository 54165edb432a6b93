// Fitting of the Gaussian process regressor: input and target scaling, restarts of the bounded
// quasi-Newton maximisation of the log marginal likelihood, and the final factorisation.
import { InvalidArgumentError, type Matrix, Random } from '@paretokit/problem';
import { minimizeBounded } from './bounded-bfgs.js';
import { type GpKernelName, scaleColumns } from './gp-kernel.js';
import { GpLikelihood } from './gp-likelihood.js';

/** Bounds of a positive hyperparameter, or 'fixed' to keep its initial value. */
export type GpBounds = readonly [number, number] | 'fixed';

/** Resolved, validated settings of one fit. */
export interface GpSettings {
  readonly kernel: GpKernelName;
  /** Initial length scales, one per column. */
  readonly lengthScales: Float64Array;
  readonly lengthScaleBounds: GpBounds;
  readonly amplitude: number;
  readonly amplitudeBounds: GpBounds;
  /** Initial white-noise level; 0 means no white-noise term. */
  readonly noise: number;
  readonly noiseBounds: GpBounds;
  readonly alpha: number;
  readonly normalizeX: boolean;
  readonly normalizeY: boolean;
  readonly optimize: boolean;
  readonly restarts: number;
  readonly maxIterations: number;
  readonly seed: number;
}

/** A fitted Gaussian process: everything predict needs. */
export interface GpModel {
  readonly kernel: GpKernelName;
  readonly n: number;
  readonly d: number;
  /**
   * Query column j enters the kernel as ((x_j - shift_j) · scale_j) / l_j, as the training rows
   * did (scale_j / l_j alone may overflow).
   */
  readonly shift: Float64Array;
  readonly scale: Float64Array;
  readonly yMean: number;
  readonly yStd: number;
  readonly lengthScales: Float64Array;
  readonly amplitude: number;
  readonly noise: number;
  readonly alpha: number;
  readonly jitter: number;
  /** Training rows, normalised and divided by the length scales (n×d). */
  readonly z: Float64Array;
  /** Cholesky factor of K + (noise + alpha + jitter)·I (lower triangle, n×n). */
  readonly factor: Float64Array;
  /** α = K⁻¹·y (standardised y when normalizeY). */
  readonly weights: Float64Array;
  readonly logMarginalLikelihood: number;
}

// Restarts draw log-uniformly from these multiples of a typical size (column range, target
// variance), intersected with the bounds: starts at 1e-5 or 1e5 lie on flat likelihood.
const LENGTH_BOX = [0.1, 10] as const;
const AMPLITUDE_BOX = [0.1, 10] as const;
const NOISE_BOX = [1e-6, 0.1] as const;
// Each random start is the most likely of this many draws: one likelihood evaluation per draw is
// cheap next to a run of ~100 iterations, and starts in a likely region end in better optima.
const START_CANDIDATES = 8;
const OPTIMIZER = { gradientTolerance: 1e-5, relativeTolerance: 2.220446049250313e-9 };

/**
 * Fits a Gaussian process to (X, y) with the given settings. O((restarts + 1) · iterations ·
 * (n³/2 + n²·d)).
 */
export function fitGaussianProcess(X: Matrix, y: Float64Array, settings: GpSettings): GpModel {
  const { rows: n, cols: d } = X;
  const { shift, scale, range } = columnScaling(X, settings.normalizeX);
  const xn = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0, o = i * d; j < d; j++) xn[o + j] = (X.data[o + j]! - shift[j]!) * scale[j]!;
  }
  const { mean: yMean, std: yStd } = settings.normalizeY ? moments(y) : { mean: 0, std: 1 };
  const yn = new Float64Array(n);
  for (let i = 0; i < n; i++) yn[i] = (y[i]! - yMean) / yStd;
  const likelihood = new GpLikelihood(xn, yn, n, d, settings.kernel, settings.alpha);
  const parameters = initialParameters(settings, d);
  if (settings.optimize) {
    const yVariance = settings.normalizeY ? 1 : moments(yn).std ** 2;
    optimizeParameters(likelihood, parameters, settings, range, yVariance);
  }
  const lml = likelihood.value(parameters, true);
  if (!Number.isFinite(lml)) {
    throw new InvalidArgumentError({
      argument: 'gaussianProcessRegressor.fit: kernel matrix',
      expected: 'a positive-definite kernel matrix (after jitter up to 1e-4 of its diagonal)',
      actual: 'a singular one',
      hint: 'Raise alpha or noise, or remove duplicate rows.',
    });
  }
  const lengthScales = parameters.slice(0, d);
  const z = new Float64Array(n * d);
  scaleColumns(xn, n, d, lengthScales, z);
  return {
    kernel: settings.kernel,
    n,
    d,
    shift,
    scale,
    yMean,
    yStd,
    lengthScales,
    amplitude: parameters[d]!,
    noise: parameters[d + 1]!,
    alpha: settings.alpha,
    jitter: likelihood.jitter,
    z,
    factor: likelihood.factor.slice(),
    weights: likelihood.weights.slice(),
    logMarginalLikelihood: lml,
  };
}

/** Mean and population standard deviation (ddof 0; 1 when y is constant, as scikit-learn). */
function moments(y: Float64Array): { mean: number; std: number } {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i]!;
  mean /= y.length;
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (y[i]! - mean) ** 2;
  const std = Math.sqrt(sum / y.length);
  return { mean, std: std > 0 ? std : 1 };
}

/** Per-column shift and scale to [0, 1] (or identity), and the range the kernel sees. */
function columnScaling(
  X: Matrix,
  normalize: boolean,
): { shift: Float64Array; scale: Float64Array; range: Float64Array } {
  const { rows: n, cols: d, data } = X;
  const shift = new Float64Array(d);
  const scale = new Float64Array(d).fill(1);
  const range = new Float64Array(d).fill(1);
  for (let j = 0; j < d; j++) {
    let lo = data[j]!;
    let hi = lo;
    for (let i = 1; i < n; i++) {
      const v = data[i * d + j]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    // A constant column is left unscaled: its length scale then does not matter. So is one whose
    // range is too small to invert (subnormal).
    const width = hi - lo;
    if (width > 0 && Number.isFinite(1 / width)) {
      if (normalize) {
        shift[j] = lo;
        scale[j] = 1 / width;
      } else {
        range[j] = width;
      }
    }
  }
  return { shift, scale, range };
}

/** [l_1, …, l_d, amplitude, noise] to start from: the initial values, clamped into their bounds when optimised. */
function initialParameters(settings: GpSettings, d: number): Float64Array {
  const clamp = (value: number, bounds: GpBounds) =>
    !settings.optimize || bounds === 'fixed' ? value : Math.min(Math.max(value, bounds[0]), bounds[1]);
  const parameters = new Float64Array(d + 2);
  for (let j = 0; j < d; j++) parameters[j] = clamp(settings.lengthScales[j]!, settings.lengthScaleBounds);
  parameters[d] = clamp(settings.amplitude, settings.amplitudeBounds);
  parameters[d + 1] = settings.noise > 0 ? clamp(settings.noise, settings.noiseBounds) : 0;
  return parameters;
}

/** The optimised parameters (indices) with their log-bounds and the log-box of random starts. */
interface FreeParameters {
  readonly index: Int32Array;
  /** Bounds as given, to report a parameter on its bound exactly. */
  readonly lowerValue: Float64Array;
  readonly upperValue: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly startLower: Float64Array;
  readonly startUpper: Float64Array;
}

function freeParameters(
  settings: GpSettings,
  d: number,
  range: Float64Array,
  yVariance: number,
): FreeParameters {
  const entries: [number, readonly [number, number], number, number][] = [];
  if (settings.lengthScaleBounds !== 'fixed') {
    for (let j = 0; j < d; j++) {
      entries.push([j, settings.lengthScaleBounds, LENGTH_BOX[0] * range[j]!, LENGTH_BOX[1] * range[j]!]);
    }
  }
  if (settings.amplitudeBounds !== 'fixed') {
    entries.push([d, settings.amplitudeBounds, AMPLITUDE_BOX[0] * yVariance, AMPLITUDE_BOX[1] * yVariance]);
  }
  if (settings.noise > 0 && settings.noiseBounds !== 'fixed') {
    entries.push([d + 1, settings.noiseBounds, NOISE_BOX[0] * yVariance, NOISE_BOX[1] * yVariance]);
  }
  const p = entries.length;
  const free = {
    index: new Int32Array(p),
    lowerValue: new Float64Array(p),
    upperValue: new Float64Array(p),
    lower: new Float64Array(p),
    upper: new Float64Array(p),
    startLower: new Float64Array(p),
    startUpper: new Float64Array(p),
  };
  entries.forEach(([index, [lo, hi], boxLo, boxHi], k) => {
    free.index[k] = index;
    free.lowerValue[k] = lo;
    free.upperValue[k] = hi;
    free.lower[k] = Math.log(lo);
    free.upper[k] = Math.log(hi);
    free.startLower[k] = Math.log(Math.min(Math.max(boxLo, lo), hi));
    free.startUpper[k] = Math.log(Math.max(Math.min(boxHi, hi), lo));
  });
  return free;
}

/**
 * Writes into `start` the most likely (lowest objective) of {@link START_CANDIDATES} log-uniform
 * draws from the start box; the first draw when none has a finite likelihood. O(candidates · (n³/6 + n²·d)).
 */
function drawStart(
  objective: { value(x: Float64Array): number },
  free: FreeParameters,
  rng: Random,
  candidate: Float64Array,
  start: Float64Array,
): void {
  let best = Number.NaN;
  for (let c = 0; c < START_CANDIDATES; c++) {
    for (let k = 0; k < candidate.length; k++)
      candidate[k] = rng.uniform(free.startLower[k]!, free.startUpper[k]!);
    const value = objective.value(candidate);
    if (c === 0 || value < best) {
      best = value;
      start.set(candidate);
    }
  }
}

/**
 * Maximises the log marginal likelihood over the logarithms of the free entries of `parameters`
 * (updated in place) from their values and from `restarts` random starts (see drawStart); the best
 * run wins, the earliest on ties.
 */
function optimizeParameters(
  likelihood: GpLikelihood,
  parameters: Float64Array,
  settings: GpSettings,
  range: Float64Array,
  yVariance: number,
): void {
  const d = likelihood.d;
  const free = freeParameters(settings, d, range, yVariance);
  const p = free.index.length;
  if (p === 0) return;
  const full = parameters.slice();
  const fullGradient = new Float64Array(d + 2);
  const objective = {
    value(x: Float64Array): number {
      for (let k = 0; k < p; k++) full[free.index[k]!] = Math.exp(x[k]!);
      const lml = likelihood.value(full);
      return Number.isFinite(lml) ? -lml : Number.POSITIVE_INFINITY;
    },
    gradient(out: Float64Array): void {
      likelihood.gradient(fullGradient);
      for (let k = 0; k < p; k++) out[k] = -fullGradient[free.index[k]!]!;
    },
  };
  const options = { ...OPTIMIZER, maxIterations: settings.maxIterations };
  const rng = Random.fromSeed(settings.seed);
  const start = new Float64Array(p);
  const candidate = new Float64Array(p);
  for (let k = 0; k < p; k++) start[k] = Math.log(parameters[free.index[k]!]!);
  let best = Number.POSITIVE_INFINITY;
  let bestX: Float64Array | undefined;
  for (let run = 0; run <= settings.restarts; run++) {
    if (run > 0) drawStart(objective, free, rng, candidate, start);
    const result = minimizeBounded(objective, start, free.lower, free.upper, options);
    if (result.value < best) {
      best = result.value;
      bestX = result.x;
    }
  }
  if (bestX === undefined) return;
  // exp(log(bound)) may miss the bound by an ulp: a parameter on its bound gets the bound itself.
  for (let k = 0; k < p; k++) {
    const x = bestX[k]!;
    parameters[free.index[k]!] =
      x <= free.lower[k]! ? free.lowerValue[k]! : x >= free.upper[k]! ? free.upperValue[k]! : Math.exp(x);
  }
}
