import { InvalidArgumentError, type Matrix } from '@paretokit/problem';
import type { DtlzOptions } from '../dtlz.js';
import { box, type KnownFrontSpec } from './define-benchmark.js';
import { gridFront } from './grid-front.js';
import { checkOptions, integerAtLeast } from './options.js';
import {
  type Interval,
  largestPower,
  runningMinimumIntervals,
  spreadOverIntervals,
} from './running-minimum.js';
import { simplexLattice, sphereLattice } from './simplex-lattice.js';

/** Which of DTLZ1 ... DTLZ7 (Deb, Thiele, Laumanns & Zitzler 2005). */
export type DtlzVariant = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The size of a DTLZ instance: `nVar = nObj + k - 1`, with k distance variables. */
export interface DtlzSize {
  readonly nObj: number;
  readonly nVar: number;
  readonly options: Readonly<Record<string, unknown>>;
}

/** Default k of each variant (Deb et al. 2005): 5 for DTLZ1, 10 for DTLZ2-6, 20 for DTLZ7. */
export const DEFAULT_K: Readonly<Record<DtlzVariant, number>> = {
  1: 5,
  2: 10,
  3: 10,
  4: 10,
  5: 10,
  6: 10,
  7: 20,
};

/** Reads and checks `{ nObj, nVar, ...extra }`; nObj defaults to 3, nVar to nObj + k - 1. */
export function dtlzSize(
  name: string,
  options: DtlzOptions | undefined,
  k: number,
  extra: readonly string[] = [],
): DtlzSize {
  const opts = checkOptions(name, options, ['nObj', 'nVar', ...extra]);
  const nObj = integerAtLeast(opts.nObj, 2, `${name}: nObj`, 3);
  const nVar = integerAtLeast(
    opts.nVar,
    nObj,
    `${name}: nVar`,
    nObj + k - 1,
    ` (nObj - 1 position variables and at least one distance variable; nObj = ${nObj})`,
  );
  return { nObj, nVar, options: opts };
}

const HALF_PI = Math.PI / 2;

/** DTLZ1/DTLZ3's g: `100 · (k + Σ ((x - 0.5)² - cos(20π (x - 0.5))))`, 0 at x = 0.5. */
function gMultimodal(x: Float64Array, from: number, to: number): number {
  let s = to - from;
  for (let j = from; j < to; j++) {
    const d = x[j]! - 0.5;
    s += d * d - Math.cos(20 * Math.PI * d);
  }
  return 100 * s;
}

/** DTLZ2/4/5's g: `Σ (x - 0.5)²`. */
function gSphere(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let j = from; j < to; j++) s += (x[j]! - 0.5) * (x[j]! - 0.5);
  return s;
}

/** DTLZ6's g: `Σ x^0.1`, 0 at x = 0. */
function gPower(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let j = from; j < to; j++) s += x[j]! ** 0.1;
  return s;
}

/**
 * Writes `scale · (∏ cos θ_j, ..., ∏_{j<i} cos θ_j · sin θ_i, ..., sin θ_0)` for the m - 1 angles
 * θ into `f` at `o`, with a running product of cosines: O(m) instead of pymoo's O(m²).
 */
export function spherePoint(theta: Float64Array, m: number, scale: number, f: Float64Array, o: number): void {
  let p = scale;
  for (let j = 0; j < m - 1; j++) {
    f[o + m - 1 - j] = p * Math.sin(theta[j]!);
    p *= Math.cos(theta[j]!);
  }
  f[o] = p;
}

/** The batch kernel of one variant: writes the objectives of every row of X into `f`. */
function objectives(variant: DtlzVariant, m: number, n: number): (X: Matrix, f: Float64Array) => void {
  const k = n - m + 1;
  const theta = new Float64Array(m - 1);
  if (variant === 1) {
    return (X, f) => {
      const x = X.data;
      for (let i = 0, o = 0; i < X.rows; i++, o += n) {
        // Linear front: 0.5 (1 + g) · (∏ x_j, ..., ∏_{j<i} x_j · (1 - x_i), ..., 1 - x_0).
        let p = 0.5 * (1 + gMultimodal(x, o + m - 1, o + n));
        for (let j = 0; j < m - 1; j++) {
          f[i * m + m - 1 - j] = p * (1 - x[o + j]!);
          p *= x[o + j]!;
        }
        f[i * m] = p;
      }
    };
  }
  if (variant === 7) {
    return (X, f) => {
      const x = X.data;
      for (let i = 0, o = 0; i < X.rows; i++, o += n) {
        let s = 0;
        for (let j = o + m - 1; j < o + n; j++) s += x[j]!;
        const g = 1 + (9 / k) * s;
        let h = m;
        for (let j = 0; j < m - 1; j++) {
          const fj = x[o + j]!;
          f[i * m + j] = fj;
          h -= (fj / (1 + g)) * (1 + Math.sin(3 * Math.PI * fj));
        }
        f[i * m + m - 1] = (1 + g) * h;
      }
    };
  }
  const g = variant === 3 ? gMultimodal : variant === 6 ? gPower : gSphere;
  const alpha = variant === 4 ? 100 : 1;
  const degenerate = variant === 5 || variant === 6;
  return (X, f) => {
    const x = X.data;
    for (let i = 0, o = 0; i < X.rows; i++, o += n) {
      const gi = g(x, o + m - 1, o + n);
      for (let j = 0; j < m - 1; j++) {
        const xj = x[o + j]!;
        // DTLZ5/6 squeeze every angle but the first towards π/4 as g goes to 0.
        const t = degenerate && j > 0 ? (1 + 2 * gi * xj) / (2 * (1 + gi)) : alpha === 1 ? xj : xj ** alpha;
        theta[j] = t * HALF_PI;
      }
      spherePoint(theta, m, 1 + gi, f, i * m);
    }
  };
}

/** The running-maximum parts of `t(y) = y (1 + sin 3πy)` on [0, 1]: DTLZ7's front per axis. */
let dtlz7Parts: readonly Interval[] | undefined;
function dtlz7Intervals(): readonly Interval[] {
  dtlz7Parts ??= runningMinimumIntervals(
    (y) => -dtlz7Gain(y),
    (y) => -(1 + Math.sin(3 * Math.PI * y) + 3 * Math.PI * y * Math.cos(3 * Math.PI * y)),
    0,
    1,
  );
  return dtlz7Parts;
}
function dtlz7Gain(y: number): number {
  return y * (1 + Math.sin(3 * Math.PI * y));
}

/** The degenerate curve of DTLZ5/6 (θ_0 free, the other angles π/4), n points evenly in θ_0. */
function degenerateCurve(m: number, n: number): Matrix {
  const data = new Float64Array(n * m);
  const theta = new Float64Array(m - 1).fill(Math.PI / 4);
  for (let i = 0; i < n; i++) {
    theta[0] = n === 1 ? 0 : i === n - 1 ? HALF_PI : HALF_PI * (i / (n - 1));
    spherePoint(theta, m, 1, data, i * m);
  }
  return { rows: n, cols: m, data };
}

/**
 * The {@link KnownFrontSpec} of a DTLZ variant of the given size, under `name` (a C-DTLZ problem
 * reuses its base problem's spec and adds constraints).
 */
export function dtlzSpec(variant: DtlzVariant, name: string, size: DtlzSize): KnownFrontSpec {
  const { nObj: m, nVar: n } = size;
  const zeros = new Array<number>(m).fill(0);
  const common = { name, variables: box(n), nObj: m, fill: objectives(variant, m, n) };
  switch (variant) {
    case 1:
      return {
        ...common,
        front: (count) => {
          const lattice = simplexLattice(m, count, name);
          for (let i = 0; i < lattice.data.length; i++) lattice.data[i]! *= 0.5;
          return lattice;
        },
        idealPoint: zeros,
        nadirPoint: new Array<number>(m).fill(0.5),
      };
    case 2:
    case 3:
    case 4:
      return {
        ...common,
        front: (count) => sphereLattice(m, count, name),
        idealPoint: zeros,
        nadirPoint: new Array<number>(m).fill(1),
      };
    case 5:
    case 6: {
      if (m > 3) {
        // Ishibuchi, Masuda & Nojima (2016): with four or more objectives the front is not the curve.
        return {
          ...common,
          front: () => {
            throw new InvalidArgumentError({
              argument: `${name}.paretoFront(n) with nObj = ${m}`,
              expected: 'nObj = 2 or 3, where the front is the known degenerate curve',
              actual: m,
              hint: 'With four or more objectives the Pareto front is larger than that curve and has no closed form (Ishibuchi, Masuda & Nojima, IEEE TEVC 2016).',
            });
          },
          idealPoint: zeros,
        };
      }
      const nadir = Array.from(degenerateCurve(m, 1).data);
      nadir[m - 1] = 1;
      return { ...common, front: (count) => degenerateCurve(m, count), idealPoint: zeros, nadirPoint: nadir };
    }
    case 7: {
      const parts = dtlz7Intervals();
      const gains = parts.flatMap(([a, b]) => [dtlz7Gain(a), dtlz7Gain(b)]);
      const last = parts[parts.length - 1]![1];
      return {
        ...common,
        front: (count) =>
          gridFront(spreadOverIntervals(parts, largestPower(count, m - 1)), m - 1, (row, o, d) => {
            let s = 2 * m;
            for (let j = 0; j < d; j++) s -= dtlz7Gain(row[o + j]!);
            return s;
          }),
        idealPoint: [...zeros.slice(1), 2 * m - (m - 1) * Math.max(...gains)],
        nadirPoint: [...new Array<number>(m - 1).fill(last), 2 * m - (m - 1) * Math.min(...gains)],
      };
    }
  }
}
