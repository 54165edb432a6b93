import {
  DimensionMismatchError,
  type EvalResult,
  InvalidArgumentError,
  type Matrix,
  type Problem,
  toMatrix,
} from '@paretokit/problem';
import type { LogProposal } from '../evaluation-log.js';

function sameRow(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (!Object.is(a[j], b[j])) return false;
  return true;
}

/** The proposal being evaluated: which of its rows still lack a result, and when it was handed out. */
export class PendingIteration {
  /** Indices into the proposal's rows. */
  readonly pending: Set<number>;
  /** `performance.now()` of the first ask (NaN until then, and when resumed across a kill). */
  askedAt = Number.NaN;

  constructor(readonly proposal: LogProposal) {
    this.pending = new Set(proposal.X.map((_, i) => i));
  }

  /** Index of a pending row equal to x (not among `taken`), or -1. O(pending · d). */
  indexOf(x: ArrayLike<number>, taken: readonly number[] = []): number {
    for (const i of this.pending) if (!taken.includes(i) && sameRow(this.proposal.X[i]!, x)) return i;
    return -1;
  }

  /** The rows still without a result, in proposal order. */
  rows(d: number): Matrix {
    return toMatrix(
      [...this.pending].map((i) => this.proposal.X[i]!),
      'pending rows',
      d,
    );
  }
}

/** The pending index of every row of X (each row once); throws at the first row that is not pending. */
export function pendingIndices(current: PendingIteration | undefined, X: Matrix): number[] {
  const d = X.cols;
  const indices: number[] = [];
  for (let r = 0; r < X.rows; r++) {
    const i = current?.indexOf(X.data.subarray(r * d, (r + 1) * d), indices) ?? -1;
    if (i < 0) {
      throw new InvalidArgumentError({
        argument: `samo tell: row ${r} of X`,
        expected: 'a row of the last ask() that has no result yet',
        actual: Array.from(X.data.subarray(r * d, (r + 1) * d)),
      });
    }
    indices.push(i);
  }
  return indices;
}

/** Throws unless `result` holds the values of every row of X. */
export function checkTold(problem: Problem, X: Matrix, result: EvalResult): void {
  const d = problem.variables.length;
  const m = problem.objectives.length;
  const k = problem.constraints.length;
  if (X.cols !== d)
    throw new DimensionMismatchError({ what: 'samo tell: X', expected: d, actual: X.cols, unit: 'columns' });
  if (result?.F?.rows !== X.rows || result.F.cols !== m) {
    throw new DimensionMismatchError({
      what: 'samo tell: result.F',
      expected: X.rows * m,
      actual: result?.F?.data?.length ?? 0,
      unit: 'values',
    });
  }
  if (k > 0 && (result.G?.rows !== X.rows || result.G.cols !== k)) {
    throw new DimensionMismatchError({
      what: 'samo tell: result.G',
      expected: X.rows * k,
      actual: result.G?.data.length ?? 0,
      unit: 'values',
    });
  }
}
