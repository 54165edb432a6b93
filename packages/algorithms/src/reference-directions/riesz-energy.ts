import { checkSeed, InvalidArgumentError, type Matrix, Random } from '@paretokit/problem';
import { checkPositiveInteger } from '../internal/check-options.js';
import { dasDennis, dasDennisCount } from './das-dennis.js';

const MAX_ITERATIONS = 1000;
const PRECISION = 1e-5;
const RESET_AFTER = 30;

/**
 * `n` well-spread reference directions on the unit simplex of `nObj` objectives, for any `n`
 * (Blank, Deb, Dhebar, Bandaru & Seada 2021, "Generating well-spaced points on a unit simplex for
 * evolutionary many-objective optimization", IEEE TEVC): minimizes the Riesz s-energy
 * log(mean 1/||xi - xj||^s), s = 2·nObj, by Adam gradient steps projected onto the simplex, as
 * pymoo's `RieszEnergyReferenceDirectionFactory` (step 0.005, halved after 30 steps without
 * improvement, at most 1000 steps, stop when points move less than 1e-5). Starts from the largest
 * Das-Dennis lattice of at most `n` points plus uniform random points, and keeps the `nObj` unit
 * vectors fixed so the extremes are always included. Same seed, same set. O(iterations·n²·nObj).
 *
 * @example
 * const W = rieszEnergy(2, 50, 1);
 * W.rows // => 50
 */
export function rieszEnergy(nObj: number, n: number, seed: number): Matrix {
  checkPositiveInteger(nObj, 'rieszEnergy(nObj, n, seed): nObj', 2);
  checkPositiveInteger(n, 'rieszEnergy(nObj, n, seed): n', 1);
  checkSeed(seed, 'rieszEnergy(nObj, n, seed): seed');
  if (n < nObj) {
    throw new InvalidArgumentError({
      argument: 'rieszEnergy(nObj, n, seed): n',
      expected: `at least nObj = ${nObj} directions (the unit vectors are always included)`,
      actual: n,
    });
  }
  const m = nObj;
  let partitions = 1;
  while (dasDennisCount(m, partitions + 1) <= n) partitions++;
  const lattice = dasDennis(m, partitions);
  const X = new Float64Array(n * m);
  X.set(lattice.data);
  const random = Random.fromSeed(seed);
  for (let i = lattice.rows; i < n; i++) {
    // Normalized exponentials are uniform on the simplex.
    let sum = 0;
    for (let k = 0; k < m; k++) {
      const e = -Math.log(1 - random.next());
      X[i * m + k] = e;
      sum += e;
    }
    for (let k = 0; k < m; k++) X[i * m + k]! /= sum;
  }
  const frozen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < m; k++) if (X[i * m + k] === 1) frozen[i] = 1;
  }
  return { rows: n, cols: m, data: optimize(X, n, m, frozen) };
}

/** Log Riesz energy of the rows of X and its gradient (written into `grad`). O(n²·m). */
function energyAndGradient(X: Float64Array, n: number, m: number, s: number, grad: Float64Array): number {
  grad.fill(0);
  const eps = 10 ** (-320 / (s + 2));
  let energy = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let d2 = 0;
      for (let k = 0; k < m; k++) {
        const diff = X[i * m + k]! - X[j * m + k]!;
        d2 += diff * diff;
      }
      const dist = Math.max(Math.sqrt(d2), eps);
      energy += dist ** -s;
      const factor = -s / dist ** (s + 2);
      for (let k = 0; k < m; k++) {
        const g = factor * (X[i * m + k]! - X[j * m + k]!);
        grad[i * m + k]! += g;
        grad[j * m + k]! -= g;
      }
    }
  }
  for (let t = 0; t < grad.length; t++) grad[t]! /= energy;
  return Math.log(energy) - Math.log((n * (n - 1)) / 2);
}

/** Puts a point back on the unit simplex: negatives to 0, the rest shifted to sum to 1, repeated. */
function projectOntoSimplex(X: Float64Array, offset: number, m: number): void {
  for (;;) {
    let negative = false;
    let positives = 0;
    let sum = 0;
    for (let k = 0; k < m; k++) {
      if (X[offset + k]! < 0) X[offset + k] = 0;
      if (X[offset + k]! > 0) {
        positives++;
        sum += X[offset + k]!;
      }
    }
    if (positives === 0) return;
    const shift = (1 - sum) / positives;
    for (let k = 0; k < m; k++) {
      if (X[offset + k]! > 0) {
        X[offset + k]! += shift;
        if (X[offset + k]! < 0) negative = true;
      }
    }
    if (!negative) return;
  }
}

function optimize(start: Float64Array, n: number, m: number, frozen: Uint8Array): Float64Array {
  const s = 2 * m;
  const grad = new Float64Array(n * m);
  const mt = new Float64Array(n * m);
  const vt = new Float64Array(n * m);
  let X = start;
  let best = start;
  let bestEnergy = Number.POSITIVE_INFINITY;
  let alpha = 0.005;
  let t = 0;
  let notImproved = 0;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const energy = energyAndGradient(X, n, m, s, grad);
    // Frozen rows do not move; the others move within the plane sum = 1, with the step scaled by
    // the largest gradient norm.
    let maxNorm = 0;
    for (let i = 0; i < n; i++) {
      const o = i * m;
      if (frozen[i] === 1) {
        for (let k = 0; k < m; k++) grad[o + k] = 0;
        continue;
      }
      let mean = 0;
      for (let k = 0; k < m; k++) mean += grad[o + k]!;
      mean /= m;
      let norm = 0;
      for (let k = 0; k < m; k++) {
        grad[o + k]! -= mean;
        norm += grad[o + k]! ** 2;
      }
      maxNorm = Math.max(maxNorm, Math.sqrt(norm));
    }
    const scale = 1 / Math.max(maxNorm, 1e-24);
    t++;
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    const next = new Float64Array(n * m);
    for (let q = 0; q < next.length; q++) {
      const g = grad[q]! * scale;
      mt[q] = 0.9 * mt[q]! + 0.1 * g;
      vt[q] = 0.999 * vt[q]! + 0.001 * g * g;
      next[q] = X[q]! - (alpha * (mt[q]! / c1)) / (Math.sqrt(vt[q]! / c2) + 1e-8);
    }
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const o = i * m;
      if (frozen[i] === 1) {
        for (let k = 0; k < m; k++) next[o + k] = X[o + k]!;
        continue;
      }
      projectOntoSimplex(next, o, m);
      let sum = 0;
      for (let k = 0; k < m; k++) sum += next[o + k]!;
      let rowMove = 0;
      for (let k = 0; k < m; k++) {
        next[o + k]! /= sum;
        rowMove += Math.abs(next[o + k]! - X[o + k]!);
      }
      moved += rowMove / m;
    }
    moved /= n;
    if (energy < bestEnergy) {
      bestEnergy = energy;
      best = X;
      notImproved = 0;
    } else {
      notImproved++;
    }
    if (moved < PRECISION || Number.isNaN(energy)) break;
    if (notImproved > RESET_AFTER) {
      // Restart Adam with half the step from the best set so far.
      alpha /= 2;
      t = 0;
      mt.fill(0);
      vt.fill(0);
      X = best;
      notImproved = 0;
      continue;
    }
    X = next;
  }
  const finalEnergy = energyAndGradient(X, n, m, s, grad);
  return finalEnergy < bestEnergy ? X : best;
}
