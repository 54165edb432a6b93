import type { OptimizationResult } from '@paretokit/algorithms';
import { type Matrix, type Random, randomSample, type Variable } from '@paretokit/problem';
import type { InfillChoice, InfillStrategy, IterationContext } from './types.js';

/** Bound-normalized rows: each column divided by its range (1 when the range is 0). */
export class NormalizedRows {
  private readonly lower: Float64Array;
  private readonly scale: Float64Array;
  private data: Float64Array;
  rows = 0;

  constructor(
    bounds: readonly (readonly [number, number])[],
    private readonly tolerance: number,
  ) {
    this.lower = Float64Array.from(bounds, (b) => b[0]);
    this.scale = Float64Array.from(bounds, (b) => (b[1] > b[0] ? 1 / (b[1] - b[0]) : 1));
    this.data = new Float64Array(64 * bounds.length);
  }

  /** Appends row `i` of `X`. Amortized O(d). */
  add(X: Matrix, i: number): void {
    const d = X.cols;
    if ((this.rows + 1) * d > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    for (let j = 0, o = this.rows * d; j < d; j++) {
      this.data[o + j] = (X.data[i * d + j]! - this.lower[j]!) * this.scale[j]!;
    }
    this.rows++;
  }

  /** Largest bound-normalized difference between rows `a` and `b` of `X` (not stored rows). O(d). */
  maxDifference(X: Matrix, a: number, b: number): number {
    const d = X.cols;
    let most = 0;
    for (let j = 0; j < d; j++) {
      const diff = Math.abs(X.data[a * d + j]! - X.data[b * d + j]!) * this.scale[j]!;
      if (diff > most) most = diff;
    }
    return most;
  }

  /**
   * Whether rows `a` and `b` of `X` count as one (within the duplicate tolerance) or differ by
   * less than `spread` in every variable. O(d).
   */
  tooClose(X: Matrix, a: number, b: number, spread: number): boolean {
    const most = this.maxDifference(X, a, b);
    return most <= this.tolerance || most < spread;
  }

  /** Smallest Euclidean distance from row `i` of `X` to the stored rows, and whether it is a duplicate. O(n·d). */
  nearest(X: Matrix, i: number): { distance: number; duplicate: boolean } {
    const d = X.cols;
    let best = Number.POSITIVE_INFINITY;
    let duplicate = false;
    for (let r = 0; r < this.rows; r++) {
      let sum = 0;
      let maxDiff = 0;
      for (let j = 0, o = r * d; j < d; j++) {
        const diff = Math.abs((X.data[i * d + j]! - this.lower[j]!) * this.scale[j]! - this.data[o + j]!);
        sum += diff * diff;
        if (diff > maxDiff) maxDiff = diff;
      }
      if (maxDiff <= this.tolerance) duplicate = true;
      if (sum < best) best = sum;
    }
    return { distance: Math.sqrt(best), duplicate };
  }
}

/**
 * Every evaluated row of the context, bound-normalized, for duplicates: failed rows count too, so
 * they are not proposed again. O(n·d).
 */
export function evaluatedRows(context: IterationContext): NormalizedRows {
  const { evaluated, settings } = context;
  const rows = new NormalizedRows(settings.bounds, settings.duplicateTolerance);
  for (let i = 0; i < evaluated.rows; i++) rows.add(evaluated, i);
  return rows;
}

const row = (M: Matrix | undefined, i: number): number[] =>
  M === undefined || M.cols === 0 ? [] : Array.from(M.data.subarray(i * M.cols, (i + 1) * M.cols));

/**
 * The study's step 6: `count` new rows from the surrogate run. Candidates are its predicted-feasible
 * non-dominated rows minus duplicates of evaluated (or already chosen) rows; the rule picks among
 * them (at random, or greedily the farthest from everything evaluated). When too few remain, the
 * population's least-violating rows fill up, and as a last resort random rows. Every choice says
 * why. O(candidates · (archive + count) · d).
 */
export function chooseInfill(
  result: OptimizationResult,
  evaluated: NormalizedRows,
  count: number,
  strategy: InfillStrategy,
  random: Random,
  variables: readonly Variable[],
): { X: number[][]; choices: InfillChoice[] } {
  const X: number[][] = [];
  const choices: InfillChoice[] = [];
  const take = (M: Matrix, i: number, choice: Omit<InfillChoice, 'x'>) => {
    const x = row(M, i);
    X.push(x);
    choices.push({ x, ...choice });
    evaluated.add(M, i);
  };

  // Predicted-feasible non-dominated candidates that repeat no evaluated row.
  const front = result.X;
  let skipped = 0;
  const open: number[] = [];
  for (let i = 0; i < front.rows; i++) {
    if (evaluated.nearest(front, i).duplicate) skipped++;
    else open.push(i);
  }
  const pool =
    `${open.length} predicted-feasible non-dominated candidate(s) of ${front.rows}` +
    (skipped > 0 ? ` (${skipped} skipped as duplicates of evaluated rows)` : '');
  while (X.length < count && open.length > 0) {
    let pick: number;
    let why: string;
    if (strategy === 'max-min-distance') {
      let best = -1;
      let bestDistance = -1;
      for (const [k, i] of open.entries()) {
        const { distance } = evaluated.nearest(front, i);
        if (distance > bestDistance) {
          bestDistance = distance;
          best = k;
        }
      }
      pick = best;
      why = `farthest (normalized distance ${bestDistance.toPrecision(4)}) from the evaluated rows among ${pool}`;
    } else {
      pick = random.int(open.length);
      why = `drawn at random among ${pool}`;
    }
    const i = open.splice(pick, 1)[0]!;
    if (evaluated.nearest(front, i).duplicate) continue; // repeats a row chosen just before
    take(front, i, {
      source: 'feasible-nondominated',
      reason: why,
      predictedF: row(result.F, i),
      predictedG: row(result.G, i),
    });
  }

  if (X.length < count) {
    const population = result.population;
    const order = Array.from({ length: population.X.rows }, (_, i) => i).sort(
      (a, b) => population.CV[a]! - population.CV[b]! || a - b,
    );
    for (const i of order) {
      if (X.length >= count) break;
      if (evaluated.nearest(population.X, i).duplicate) continue;
      take(population.X, i, {
        source: 'least-violating',
        reason: `fill-up: only ${X.length} new predicted-feasible non-dominated row(s) for ${count} infill(s); predicted violation ${population.CV[i]!.toPrecision(4)}`,
        predictedF: row(population.F, i),
        predictedG: row(population.G, i),
      });
    }
  }

  for (let attempt = 0; X.length < count && attempt < 1000; attempt++) {
    const sample = randomSample(variables, 1, { random });
    if (evaluated.nearest(sample, 0).duplicate) continue;
    take(sample, 0, {
      source: 'random',
      reason: 'last resort: every candidate of the surrogate run repeats an evaluated row',
      predictedF: [],
      predictedG: [],
    });
  }
  return { X, choices };
}
