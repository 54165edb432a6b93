import { createMatrix, type Matrix, real } from '@paretokit/problem';
import type { KnownFrontProblem } from '../benchmark-problem.js';
import { bracket } from '../internal/ctp-fronts.js';
import { defineBenchmark } from '../internal/define-benchmark.js';
import { type Interval, runningMinimumIntervals, spreadOverIntervals } from '../internal/running-minimum.js';

/** Objectives and constraints of every row of X (2 columns). */
function fill(X: Matrix, f: Float64Array, g: Float64Array): void {
  const x = X.data;
  for (let i = 0; i < X.rows; i++) {
    const x1 = x[2 * i]!;
    const x2 = x[2 * i + 1]!;
    f[2 * i] = x1;
    f[2 * i + 1] = x2;
    g[2 * i] = -(x1 * x1 + x2 * x2 - 1 - 0.1 * Math.cos(16 * Math.atan(x1 / x2)));
    g[2 * i + 1] = 2 * ((x1 - 0.5) ** 2 + (x2 - 0.5) ** 2) - 1;
  }
}

// The objectives are the variables, and the feasible set is the part of the disc around
// (1/2, 1/2) outside the wavy curve of radius r(φ) = √(1 + 0.1 cos 16φ), φ = atan(x1/x2) from
// the x2 axis. Scaling a feasible point towards 0 keeps it in the disc, so every point is
// dominated by the curve point on its ray: the front is the non-dominated part of the curve.
// The curve and the disc are symmetric in x1 <-> x2, and a point with x1 <= x2 dominated by one
// with x1 > x2 is also dominated by that one's mirror image; so the front is the running minimum
// of x2 over φ in [φ_min, π/4] (where x1 increases), and its mirror image.
const radius = (phi: number) => Math.sqrt(1 + 0.1 * Math.cos(16 * phi));
const x2Of = (phi: number) => radius(phi) * Math.cos(phi);
const x2Slope = (phi: number) =>
  ((-0.8 * Math.sin(16 * phi)) / radius(phi)) * Math.cos(phi) - radius(phi) * Math.sin(phi);
/** Where the curve enters the disc: r(φ) = sin φ + cos φ, the only root in [0, π/16]. */
const PHI_MIN = bracket((phi) => Math.sin(phi) + Math.cos(phi) - radius(phi), 0, Math.PI / 16)[1];
let parts: Interval[] | undefined;

/** About n points: a sample of the half with x1 <= x2 and its mirror image, sorted by x1. */
function front(n: number): Matrix {
  parts ??= runningMinimumIntervals(x2Of, x2Slope, PHI_MIN, Math.PI / 4);
  const half = spreadOverIntervals(parts, Math.ceil(n / 2));
  const onDiagonal = (phi: number) => phi === Math.PI / 4;
  let rows = 2 * half.length - half.filter(onDiagonal).length;
  const data = new Float64Array(2 * rows);
  half.forEach((phi, i) => {
    const r = radius(phi);
    data[2 * i] = r * Math.sin(phi);
    data[2 * i + 1] = r * Math.cos(phi);
  });
  // Mirror images in reverse, so rows stay sorted by x1; drop the one nearest the diagonal if
  // n is odd and it is not on the diagonal itself.
  let k = half.length;
  for (let i = half.length - 1; i >= 0; i--) {
    if (onDiagonal(half[i]!) || (rows > n && i === half.length - 1)) continue;
    data[2 * k] = data[2 * i + 1]!;
    data[2 * k + 1] = data[2 * i]!;
    k++;
  }
  rows = k;
  return createMatrix(rows, 2, data.slice(0, 2 * rows));
}

const LOW = radius(PHI_MIN) * Math.sin(PHI_MIN);
const HIGH = radius(PHI_MIN) * Math.cos(PHI_MIN);

/**
 * TNK (Tanaka et al. 1995, "GA-based decision support system for multicriteria optimization"):
 * the objectives are the variables, kept outside a wavy circle and inside a disc. x1 in [0, π],
 * x2 in [1e-30, π] (as pymoo, so that x1/x2 is defined); `f = (x1, x2)`; as pymoo (feasible
 * when <= 0): `g1 = -(x1² + x2² - 1 - 0.1 cos(16 atan(x1 / x2)))`,
 * `g2 = 2 ((x1 - 0.5)² + (x2 - 0.5)²) - 1`.
 * Front: the non-dominated parts of the wavy circle inside the disc, symmetric in f1 <-> f2,
 * from (0.0417, 1.0384) to (1.0384, 0.0417); found as the running minimum of x2 along the
 * circle to machine precision. pymoo downloads a sampled front.
 * `paretoFront(n)`: n points (n - 1 when n is even and the front's point on the diagonal is
 * sampled), half of them over the parts with f1 <= f2 in proportion to their widths, and their
 * mirror images. Points lie on the g1 boundary: g1 = 0 up to rounding. `evaluate`: O(rows).
 *
 * @example
 * tnk().idealPoint![0].toFixed(4) // => '0.0417'
 * tnk().paretoFront(101).rows // => 101
 */
export function tnk(): KnownFrontProblem {
  return defineBenchmark({
    name: 'tnk',
    variables: [real(0, Math.PI), real(1e-30, Math.PI)],
    nObj: 2,
    nConstr: 2,
    fill,
    front,
    idealPoint: [LOW, LOW],
    nadirPoint: [HIGH, HIGH],
  });
}
