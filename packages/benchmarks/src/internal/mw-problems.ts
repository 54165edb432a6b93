// The fourteen MW problems of Ma & Wang ("Evolutionary Constrained Multiobjective Optimization:
// Test Suite Construction and Performance Comparisons", IEEE TEVC 2019), as pymoo 0.6.2 defines
// them (pymoo/problems/multi/mw.py, after Ma and Wang's C++ code). Constraints are written as
// pymoo writes them, feasible when <= 0.
import {
  distance1,
  distance2,
  distance3,
  la1,
  la2,
  la3,
  numpySum,
  parabolaGaps,
  wavyGap,
} from './mw-landscape.js';
import { biobjective, type MwConstraints, type MwDefinition } from './mw-spec.js';

const SQRT2 = Math.SQRT2;
const position = (x0: number): number => x0;
const scaledPosition = (x0: number, g: number): number => g * x0;
/** MW2 and MW3's f1 / g (and, at g = 1, their line f0 + f1 = 1). */
export const line = (f0: number, g: number): number => 1 - f0 / g;
/** MW1's f1 / g (and, at g = 1, its line f1 = 1 - 0.85 f0). */
export const mw1Shape = (f0: number, g: number): number => 1 - (0.85 * f0) / g;
/** `f1 = g √(R² - (f0/g)²)`: f lies on the quarter circle of radius R·g. */
const arc = (squaredRadius: number) => (f0: number, g: number) => {
  const r = f0 / g;
  return Math.sqrt(squaredRadius - r * r);
};

/** The first MW constraints: `f0 + f1 - a - LA1(...)` along the diagonal coordinate √2 (f1 - f0). */
function belowWavyLine(f0: number, f1: number, a: number, amplitude: number, b: number, d: number): number {
  return f0 + f1 - a - la1(amplitude, b, 1, d, SQRT2 * f1 - SQRT2 * f0);
}

export const MW1 = biobjective({
  name: 'mw1',
  distance: distance1,
  nConstr: 1,
  f0: position,
  shape: mw1Shape,
  constraints: (f0, f1, c, oc) => {
    c[oc] = belowWavyLine(f0, f1, 1, 0.5, 2, 8);
  },
});

export const MW2 = biobjective({
  name: 'mw2',
  distance: distance2,
  nConstr: 1,
  f0: position,
  shape: line,
  constraints: (f0, f1, c, oc) => {
    c[oc] = belowWavyLine(f0, f1, 1, 0.5, 3, 8);
  },
});

/** MW3's second constraint, `0.85 - f0 - f1 + 0.3 sin²(0.75π √2 (f1 - f0)) <= 0`: the front's edge. */
export function mw3Floor(f0: number, f1: number): number {
  return 0.85 - f0 - f1 + la1(0.3, 0.75, 1, 2, SQRT2 * f1 - SQRT2 * f0);
}

export const MW3 = biobjective({
  name: 'mw3',
  distance: distance3,
  nConstr: 2,
  f0: position,
  shape: line,
  constraints: (f0, f1, c, oc) => {
    c[oc] = belowWavyLine(f0, f1, 1.05, 0.45, 0.75, 6);
    c[oc + 1] = mw3Floor(f0, f1);
  },
});

/**
 * Writes `f_{m-1-k} = g · b(x_k) · ∏_{i<k} a(x_i)` for k < m - 1 and `f_0 = g · ∏_{i<m-1} a(x_i)`,
 * with a = 1 - x, b = x (MW4's simplex) or a = cos(πx/2), b = sin(πx/2) (MW8's sphere). O(m).
 */
function cornerProducts(
  x: Float64Array,
  o: number,
  m: number,
  g: number,
  f: Float64Array,
  of: number,
  spherical: boolean,
): void {
  let product = 1;
  for (let k = 0; k < m - 1; k++) {
    const xk = x[o + k]!;
    f[of + m - 1 - k] = g * (spherical ? Math.sin(0.5 * Math.PI * xk) : xk) * product;
    product *= spherical ? Math.cos(0.5 * Math.PI * xk) : 1 - xk;
  }
  f[of] = g * product;
}

const mw4Constraints: MwConstraints = (f, of, m, c, oc) => {
  const others = numpySum(f, of, m - 1);
  c[oc] = numpySum(f, of, m) - 1 - la1(0.4, 2.5, 1, 8, f[of + m - 1]! - others);
};

export const MW4: MwDefinition = {
  name: 'mw4',
  distance: distance1,
  nConstr: 1,
  upper: 1,
  objectives: (x, o, m, _n, g, f, of) => cornerProducts(x, o, m, g, f, of, false),
  constraints: mw4Constraints,
};

/** The angle of (f0, f1) from the f0 axis; π/2 on the f1 axis, as pymoo's arctan(f1 / 0). */
const angle = (f0: number, f1: number): number => Math.atan(f1 / f0);

export const MW5 = biobjective({
  name: 'mw5',
  distance: distance1,
  nConstr: 3,
  f0: scaledPosition,
  shape: arc(1),
  constraints: (f0, f1, c, oc) => {
    const theta = angle(f0, f1);
    const t = 0.5 * Math.PI - 2 * Math.abs(theta - 0.25 * Math.PI);
    c[oc] = f0 * f0 + f1 * f1 - (1.7 - la2(0.2, 2, 1, 1, theta)) ** 2;
    c[oc + 1] = (1 + la2(0.5, 6, 3, 1, t)) ** 2 - f0 * f0 - f1 * f1;
    c[oc + 2] = (1 - la2(0.45, 6, 3, 1, t)) ** 2 - f0 * f0 - f1 * f1;
  },
});

export const MW6 = biobjective({
  name: 'mw6',
  distance: distance2,
  nConstr: 1,
  upper: 1.1,
  nonFinite: true,
  f0: scaledPosition,
  shape: arc(1.1 * 1.1),
  constraints: (f0, f1, c, oc) => {
    const theta = angle(f0, f1);
    const a = 1 + la3(0.15, 6, 4, 10, theta);
    const b = 1 + la3(0.75, 6, 4, 10, theta);
    c[oc] = (f0 * f0) / (a * a) + (f1 * f1) / (b * b) - 1;
  },
});

export const MW7 = biobjective({
  name: 'mw7',
  distance: distance3,
  nConstr: 2,
  f0: scaledPosition,
  shape: arc(1),
  constraints: (f0, f1, c, oc) => {
    const theta = angle(f0, f1);
    c[oc] = f0 * f0 + f1 * f1 - (1.2 + Math.abs(la2(0.4, 4, 1, 16, theta))) ** 2;
    c[oc + 1] = (1.15 - la2(0.2, 4, 1, 8, theta)) ** 2 - f0 * f0 - f1 * f1;
  },
});

const mw8Constraints: MwConstraints = (f, of, m, c, oc, squares) => {
  for (let j = 0; j < m; j++) squares[j] = f[of + j]! * f[of + j]!;
  const squared = numpySum(squares, 0, m);
  const radius = 1.25 - la2(0.5, 6, 1, 2, Math.asin(f[of + m - 1]! / Math.sqrt(squared)));
  c[oc] = squared - radius * radius;
};

export const MW8: MwDefinition = {
  name: 'mw8',
  distance: distance2,
  nConstr: 1,
  upper: 1,
  objectives: (x, o, m, _n, g, f, of) => cornerProducts(x, o, m, g, f, of, true),
  constraints: mw8Constraints,
};

export const MW9 = biobjective({
  name: 'mw9',
  distance: distance1,
  nConstr: 1,
  f0: scaledPosition,
  shape: (f0, g) => 1 - (f0 / g) ** 0.6,
  constraints: (f0, f1, c, oc) => {
    const near = parabolaGaps(f0, f1, 1, 0.64, 1, 0.36);
    const p = f0 + 0.35;
    const q = f0 + 0.15;
    c[oc] = Math.min(near, (1.35 * 1.35 - p * p - f1) * (1.15 * 1.15 - q * q - f1));
  },
});

export const MW10 = biobjective({
  name: 'mw10',
  distance: distance2,
  nConstr: 3,
  f0: (x0, g, n) => g * x0 ** n,
  shape: (f0, g) => 1 - (f0 / g) * (f0 / g),
  constraints: (f0, f1, c, oc) => {
    c[oc] = -parabolaGaps(f0, f1, 2, 4, 2, 8);
    c[oc + 1] = parabolaGaps(f0, f1, 2, 2, 2, 16);
    c[oc + 2] = parabolaGaps(f0, f1, 1, 1, 1.2, 1.2);
  },
});

export const MW11 = biobjective({
  name: 'mw11',
  distance: distance3,
  nConstr: 4,
  upper: SQRT2,
  nonFinite: true,
  f0: scaledPosition,
  shape: arc(2),
  constraints: (f0, f1, c, oc) => {
    c[oc] = -parabolaGaps(f0, f1, 3, 1, 3, 2);
    c[oc + 1] = parabolaGaps(f0, f1, 3, 0.625, 3, 7);
    c[oc + 2] = -parabolaGaps(f0, f1, 1.62, 0.18, 1.125, 0.125);
    c[oc + 3] = parabolaGaps(f0, f1, 2.07, 0.23, 0.63, 0.07);
  },
});

/** MW12's f1 / g as a function of f0 / g. */
export const mw12Shape = (f0: number, g: number): number =>
  0.85 - 0.8 * (f0 / g) - 0.08 * Math.abs(Math.sin(3.2 * Math.PI * (f0 / g)));
/** The wavy line below which MW12's second constraint fails, and along which its front runs. */
export const mw12Floor = (f0: number, f1: number): number => wavyGap(f0, f1, 1, 0.8, 1, 1.5);

export const MW12 = biobjective({
  name: 'mw12',
  distance: distance1,
  nConstr: 2,
  f0: scaledPosition,
  shape: mw12Shape,
  constraints: (f0, f1, c, oc) => {
    c[oc] = -wavyGap(f0, f1, 1, 0.625, 1, 1.6) * wavyGap(f0, f1, 1.4, 0.875, 1.4, 1.6);
    c[oc + 1] = mw12Floor(f0, f1) * wavyGap(f0, f1, 1.8, 1.125, 1.8, 1.6);
  },
});

export const MW13 = biobjective({
  name: 'mw13',
  distance: distance2,
  nConstr: 2,
  upper: 1.5,
  f0: scaledPosition,
  shape: (f0, g) => 5 - Math.exp(f0 / g) - Math.abs(0.5 * Math.sin((3 * Math.PI * f0) / g)),
  constraints: (f0, f1, c, oc) => {
    const wave = 0.5 * Math.sin(3 * Math.PI * f0);
    c[oc] = -(5 - (1 + f0 + 0.5 * f0 * f0) - wave - f1) * (5 - (1 + 0.7 * f0) - wave - f1);
    c[oc + 1] = (5 - Math.exp(f0) - wave - f1) * (5 - (1 + 0.4 * f0) - wave - f1);
  },
});

/** MW14's `6 - exp(y) - 1.5 sin(1.1π y²)`: the last objective is g times its mean over the others. */
export function mw14Height(y: number): number {
  return 6 - Math.exp(y) - la1(1.5, 1.1, 2, 1, y);
}

export const MW14: MwDefinition = {
  name: 'mw14',
  distance: distance3,
  nConstr: 1,
  upper: 1.5,
  objectives: (x, o, m, _n, g, f, of, heights) => {
    for (let j = 0; j < m - 1; j++) {
      f[of + j] = x[o + j]!;
      heights[j] = mw14Height(x[o + j]!);
    }
    f[of + m - 1] = (g / (m - 1)) * numpySum(heights, 0, m - 1);
  },
  constraints: (f, of, m, c, oc, bounds) => {
    for (let j = 0; j < m - 1; j++) {
      const y = f[of + j]!;
      bounds[j] = 6.1 - 1 - y - 0.5 * y * y - la1(1.5, 1.1, 2, 1, y);
    }
    c[oc] = f[of + m - 1]! - (1 / (m - 1)) * numpySum(bounds, 0, m - 1);
  },
};
