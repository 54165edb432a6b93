import {
  constraintViolation,
  feasibleNonDominated,
  type Matrix,
  negateMaximized,
  type Problem,
  type Random,
  randomSample,
} from '@paretokit/problem';
import type { Regressor } from '@paretokit/surrogates';
import {
  type HypervolumePick,
  type InfillCandidates,
  logExpectedImprovement,
  normalCdf,
  pickByHypervolume,
} from '../internal/hypervolume-improvement.js';
import type { NormalizedRows } from './choose-infill.js';
import type { InfillChoice } from './types.js';

/** What {@link hypervolumeInfill} needs. */
export interface HypervolumeInfillInput {
  readonly problem: Problem;
  /** The usable archive: decision rows, objectives (natural sense) and constraints. */
  readonly X: Matrix;
  readonly F: Matrix;
  readonly G?: Matrix | undefined;
  /** Candidate rows (e.g. the final population of the search on the surrogates). */
  readonly candidates: Matrix;
  /** One fitted regressor per objective, then one per constraint. */
  readonly models: readonly Regressor[];
  /** Decision rows to regressor input. */
  readonly encode: (X: Matrix) => Matrix;
  /** Every evaluated row so far, for duplicates (chosen rows are added to it). */
  readonly evaluated: NormalizedRows;
  readonly count: number;
  /** Weight of the predicted standard deviation in the optimistic bound mean - beta · sd. */
  readonly beta: number;
  /**
   * Rows of one batch differ by at least this much in some variable (bound-normalized, largest
   * difference; 0: only duplicates are refused).
   */
  readonly batchSpread: number;
  readonly random: Random;
}

/** Predictions of every target at `X`: means and standard deviations, row-major rows × targets. */
function predictAll(models: readonly Regressor[], input: Matrix): { mean: Float64Array; sd: Float64Array } {
  const t = models.length;
  const mean = new Float64Array(input.rows * t);
  const sd = new Float64Array(input.rows * t);
  for (const [j, model] of models.entries()) {
    const mu = model.predict(input);
    const variance = model.predictVariance?.(input);
    for (let i = 0; i < input.rows; i++) {
      mean[i * t + j] = mu[i]!;
      sd[i * t + j] = variance === undefined ? 0 : Math.sqrt(Math.max(0, variance[i]!));
    }
  }
  return { mean, sd };
}

/** Lower and upper ends used to normalize the objectives (minimization sense): the feasible front's, else every row's. */
function objectiveScale(Fmin: Matrix, front: readonly number[]): { low: number[]; span: number[] } {
  const m = Fmin.cols;
  const rows = front.length > 1 ? front : Array.from({ length: Fmin.rows }, (_, i) => i);
  const low = new Array<number>(m).fill(Number.POSITIVE_INFINITY);
  const high = new Array<number>(m).fill(Number.NEGATIVE_INFINITY);
  for (const i of rows) {
    for (let j = 0; j < m; j++) {
      const v = Fmin.data[i * m + j]!;
      low[j] = Math.min(low[j]!, v);
      high[j] = Math.max(high[j]!, v);
    }
  }
  return { low, span: low.map((l, j) => (high[j]! > l ? high[j]! - l : 1)) };
}

/**
 * Infill points by hypervolume improvement of the surrogates' optimistic predictions, weighted by
 * the probability of feasibility, in a greedy batch with the kriging believer (see
 * `pickByHypervolume`). Objectives are normalized by the archive's feasible front (every row while
 * fewer than two points are feasible), the reference point at 1.1 in those units. Regressors
 * without `predictVariance` count as certain (sd 0: their mean is the bound, and feasibility is
 * 0 or 1). While no evaluated row is feasible, the feasibility phase picks instead
 * ({@link feasibilityPicks}). Rows of a batch keep `batchSpread` apart; rows left after duplicates
 * and that spread fill up with random rows. O(candidates · count · HV(front) + predictions).
 */
export function hypervolumeInfill(input: HypervolumeInfillInput): { X: number[][]; choices: InfillChoice[] } {
  const { problem, candidates, models, count, beta, evaluated, batchSpread } = input;
  const m = problem.objectives.length;
  const k = problem.constraints.length;
  const t = m + k;
  const Fmin = negateMaximized(input.F, problem.objectives);
  const frontRows = feasibleNonDominated(Fmin, input.G);
  const { low, span } = objectiveScale(Fmin, frontRows);
  const sign = problem.objectives.map((o) => (o.sense === 'max' ? -1 : 1));
  const front = frontRows.map((i) => low.map((l, j) => (Fmin.data[i * m + j]! - l) / span[j]!));

  const { mean, sd } = predictAll(models, input.encode(candidates));
  const n = candidates.rows;
  const constraints = constraintScores(mean, sd, n, m, t);
  const scored: InfillCandidates = {
    rows: n,
    m,
    optimistic: new Float64Array(n * m),
    mean: new Float64Array(n * m),
    feasibility: constraints.feasibility,
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const mu = (sign[j]! * mean[i * t + j]! - low[j]!) / span[j]!;
      scored.mean[i * m + j] = mu;
      scored.optimistic[i * m + j] = mu - (beta * sd[i * t + j]!) / span[j]!;
    }
  }
  const picks =
    k > 0 && frontRows.length === 0
      ? feasibilityPicks(violationScores(input.G!, constraints), candidates, evaluated, count, batchSpread)
      : pickByHypervolume(
          scored,
          front,
          new Array<number>(m).fill(1.1),
          count,
          (i, chosen) =>
            !evaluated.nearest(candidates, i).duplicate &&
            !chosen.some((c) => evaluated.tooClose(candidates, c, i, batchSpread)),
        );
  const X: number[][] = [];
  const choices: InfillChoice[] = [];
  for (const pick of picks) {
    evaluated.add(candidates, pick.index);
    X.push(
      Array.from(candidates.data.subarray(pick.index * candidates.cols, (pick.index + 1) * candidates.cols)),
    );
    const row = Array.from(mean.subarray(pick.index * t, (pick.index + 1) * t));
    choices.push({
      x: X.at(-1)!,
      source: pick.kind,
      reason: pickReason(pick),
      predictedF: row.slice(0, m),
      predictedG: row.slice(m),
    });
  }
  fillRandom(input, X, choices);
  return { X, choices };
}

function pickReason(pick: HypervolumePick | FeasibilityPick): string {
  if (pick.kind === 'hypervolume-improvement')
    return `largest P(feasible) x hypervolume improvement of the optimistic prediction (${pick.score.toPrecision(4)})`;
  if (pick.kind === 'domination-gap')
    return `no candidate adds hypervolume: the smallest domination gap plus P(infeasible) (${(-pick.score).toPrecision(4)})`;
  return `no evaluated row is feasible yet: the largest expected improvement of the least violation (log ${pick.score.toPrecision(4)})`;
}

/** Per candidate: P(feasible), and the expected total violation and its variance. */
interface ConstraintScores {
  readonly feasibility: Float64Array;
  readonly violation: Float64Array;
  readonly variance: Float64Array;
}

/**
 * For each candidate, from the constraints' predictions (targets m..t-1 of `mean` and `sd`, rows ×
 * t): the probability of feasibility (product over constraints of Φ(-μ/σ)), and the expected total
 * violation, the sum of E[max(0, g)] = μ Φ(μ/σ) + σ φ(μ/σ), with the sum of the variances. A
 * prediction without spread is certain. O(rows · constraints).
 */
function constraintScores(
  mean: Float64Array,
  sd: Float64Array,
  n: number,
  m: number,
  t: number,
): ConstraintScores {
  const feasibility = new Float64Array(n).fill(1);
  const violation = new Float64Array(n);
  const variance = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let c = m; c < t; c++) {
      const mu = mean[i * t + c]!;
      const s = sd[i * t + c]!;
      if (s > 0) {
        feasibility[i]! *= normalCdf(-mu / s);
        violation[i]! +=
          mu * normalCdf(mu / s) + (s * Math.exp(-0.5 * (mu / s) ** 2)) / Math.sqrt(2 * Math.PI);
      } else {
        feasibility[i]! *= mu <= 0 ? 1 : 0;
        violation[i]! += Math.max(0, mu);
      }
      variance[i]! += s * s;
    }
  }
  return { feasibility, violation, variance };
}

/**
 * The feasibility phase's score of each candidate: the log expected improvement of the least total
 * violation (sum over constraints of max(0, g)) of the archive, the candidate's total violation
 * taken as normal with the sum of the expected positive parts as mean and the summed variances
 * (exact for one constraint). O(rows · constraints).
 */
function violationScores(G: Matrix, { violation, variance }: ConstraintScores): Float64Array {
  let best = Number.POSITIVE_INFINITY;
  for (const v of constraintViolation(G)) if (v < best) best = v;
  return violation.map((mu, i) => logExpectedImprovement(best, mu, Math.sqrt(variance[i]!)));
}

interface FeasibilityPick {
  readonly index: number;
  readonly kind: 'feasibility';
  readonly score: number;
}

/**
 * Phase 1 of constrained infill, while no evaluated row is feasible: the candidates with the best
 * `scores` (the log expected improvement of the least violation, {@link violationScores}),
 * skipping duplicates of evaluated rows and rows closer than `spread` to one picked before in the
 * batch. Without it, a run whose first rows were all infeasible saw P(feasible) = 0 for every
 * candidate and proposed the same row again and again (RetinaMNIST structured pruning: 56 of 100
 * evaluations on one configuration). Expected improvement weighs both ways out: a predicted
 * violation below the least one so far, and uncertainty (far from the evaluated rows).
 * O(rows log rows + count · rows · n).
 */
function feasibilityPicks(
  scores: Float64Array,
  candidates: Matrix,
  evaluated: NormalizedRows,
  count: number,
  spread: number,
): FeasibilityPick[] {
  const order = Array.from({ length: candidates.rows }, (_, i) => i).sort(
    (a, b) => scores[b]! - scores[a]! || a - b,
  );
  const picks: FeasibilityPick[] = [];
  for (const i of order) {
    if (picks.length === count) break;
    if (!(scores[i]! > Number.NEGATIVE_INFINITY)) break;
    if (evaluated.nearest(candidates, i).duplicate) continue;
    if (picks.some((p) => evaluated.tooClose(candidates, p.index, i, spread))) continue;
    picks.push({ index: i, kind: 'feasibility', score: scores[i]! });
  }
  return picks;
}

/** Random rows (not duplicates) until `count` rows are chosen. */
function fillRandom(input: HypervolumeInfillInput, X: number[][], choices: InfillChoice[]): void {
  for (let tries = 0; X.length < input.count && tries < 100; tries++) {
    const R = randomSample(input.problem, 1, { random: input.random });
    if (input.evaluated.nearest(R, 0).duplicate) continue;
    input.evaluated.add(R, 0);
    X.push(Array.from(R.data));
    choices.push({
      x: X.at(-1)!,
      source: 'random',
      reason:
        'every candidate of the search repeated an evaluated row or was too close to a row of the batch',
      predictedF: [],
      predictedG: [],
    });
  }
}
