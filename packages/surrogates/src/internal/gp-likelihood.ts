import {
  choleskyInPlace,
  choleskyWithJitter,
  inverseFromCholesky,
  solveLowerInPlace,
  solveLowerTransposedInPlace,
} from './cholesky.js';
import { type GpKernelName, lengthScaleGradient, scaleColumns, trainingKernel } from './gp-kernel.js';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Log marginal likelihood of a zero-mean Gaussian process with kernel
 * amplitude · k(x, x'; l_1..l_d) + noise · δ + alpha · δ on fixed training data, as a function of
 * the parameters [l_1, …, l_d, amplitude, noise] (noise 0: no white-noise term), and its gradient
 * in their logarithms θ (Rasmussen & Williams 2006, eq. 2.30 and 5.9).
 *
 * One object holds every n×n buffer, so an optimizer run allocates nothing per evaluation. After
 * {@link GpLikelihood.value} it also holds the Cholesky factor and the weights α = K⁻¹y there.
 */
export class GpLikelihood {
  /** Cholesky factor (lower triangle) of K at the last evaluated parameters. */
  readonly factor: Float64Array;
  /** α = K⁻¹·y at the last evaluated parameters. */
  readonly weights: Float64Array;
  /** Jitter added to the diagonal at the last evaluation (0 unless {@link value} was allowed it). */
  jitter = 0;
  private readonly z: Float64Array;
  private readonly zt: Float64Array;
  private readonly K: Float64Array;
  private readonly slope: Float64Array;
  private readonly inverse: Float64Array;
  private readonly scratch: Float64Array;
  private readonly lengthScales: Float64Array;
  private amplitude = 1;
  private noise = 0;

  constructor(
    private readonly x: Float64Array,
    private readonly y: Float64Array,
    readonly n: number,
    readonly d: number,
    private readonly kernel: GpKernelName,
    private readonly alpha: number,
  ) {
    this.z = new Float64Array(n * d);
    this.zt = new Float64Array(n * d);
    this.K = new Float64Array(n * n);
    this.slope = new Float64Array(n * n);
    this.factor = new Float64Array(n * n);
    this.inverse = new Float64Array(n * n);
    this.scratch = new Float64Array(n * n);
    this.weights = new Float64Array(n);
    this.lengthScales = new Float64Array(d);
  }

  /**
   * The log marginal likelihood -½yᵀα - Σ log L_ii - (n/2) log 2π at `parameters`
   * ([l_1, …, l_d, amplitude, noise]), or -Infinity when K is
   * not numerically positive definite (unless `allowJitter`, which then retries with jitter, see
   * choleskyWithJitter). O(n³/6 + n²·d/2).
   */
  value(parameters: Float64Array, allowJitter = false): number {
    const { n, d } = this;
    for (let j = 0; j < d; j++) this.lengthScales[j] = parameters[j]!;
    this.amplitude = parameters[d]!;
    this.noise = parameters[d + 1]!;
    scaleColumns(this.x, n, d, this.lengthScales, this.z);
    trainingKernel(this.kernel, this.z, n, d, this.amplitude, this.noise + this.alpha, this.K, this.slope);
    this.jitter = 0;
    if (allowJitter) {
      this.jitter = choleskyWithJitter(this.K, n, this.factor);
      if (this.jitter < 0) return Number.NEGATIVE_INFINITY;
    } else {
      this.factor.set(this.K);
      if (!choleskyInPlace(this.factor, n)) return Number.NEGATIVE_INFINITY;
    }
    const alpha = this.weights;
    alpha.set(this.y);
    solveLowerInPlace(this.factor, n, alpha);
    solveLowerTransposedInPlace(this.factor, n, alpha);
    let fit = 0;
    let logDet = 0;
    for (let i = 0; i < n; i++) {
      fit += this.y[i]! * alpha[i]!;
      logDet += Math.log(this.factor[i * n + i]!);
    }
    return -0.5 * fit - logDet - n * HALF_LOG_2PI;
  }

  /**
   * Writes ∂(log marginal likelihood)/∂θ, θ the logarithms of the parameters of the last finite
   * {@link value}, into `out` (d + 2 values): ½·tr((ααᵀ - K⁻¹)·∂K/∂θ_k). O(n³/3 + n²·d/2).
   */
  gradient(out: Float64Array): void {
    const { n, d } = this;
    const alpha = this.weights;
    const W = this.inverse;
    inverseFromCholesky(this.factor, n, W, this.scratch);
    // W = ααᵀ - K⁻¹ in place (lower triangle); diagonal and off-diagonal parts summed separately
    // because only the off-diagonal entries of K depend on the length scales. The off-diagonal
    // entries are then multiplied by amplitude·g(r), the length-scale factor of ∂K.
    let amplitudeTerm = 0;
    let trace = 0;
    for (let a = 0; a < n; a++) {
      const ra = a * n;
      for (let b = 0; b < a; b++) {
        const w = alpha[a]! * alpha[b]! - W[ra + b]!;
        amplitudeTerm += w * this.K[ra + b]!;
        W[ra + b] = w * this.slope[ra + b]!;
      }
      trace += alpha[a]! * alpha[a]! - W[ra + a]!;
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) this.zt[j * n + i] = this.z[i * d + j]!;
    }
    lengthScaleGradient(this.zt, n, d, W, out);
    out[d] = amplitudeTerm + 0.5 * this.amplitude * trace;
    out[d + 1] = 0.5 * this.noise * trace;
  }
}
