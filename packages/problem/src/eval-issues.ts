import { describeValue } from './errors/paretokit-error.js';
import { isMatrix, type Matrix } from './matrix.js';
import type { Problem } from './problem.js';
import type { VariableSpace } from './variable-space.js';

/** One way an evaluation broke the contract, located by row and column where possible. */
export interface EvalIssue {
  readonly reason: string;
  readonly row?: number;
  readonly column?: string;
}

/** True if `value` looks like a Promise (has a `then` method). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Problems with a decision matrix: wrong width, rows outside the bounds, non-integer values of
 * discrete variables. At most `limit` issues. O(rows·cols).
 */
export function inputIssues(space: VariableSpace, X: Matrix, limit = Number.POSITIVE_INFINITY): EvalIssue[] {
  if (!isMatrix(X)) {
    return [{ reason: `X: expected a Matrix ({ rows, cols, data: Float64Array }), got ${describeValue(X)}` }];
  }
  if (X.cols !== space.size) {
    return [{ reason: `X has ${X.cols} columns, expected ${space.size} (one per variable)` }];
  }
  const issues: EvalIssue[] = [];
  const { lower, upper, discrete } = space;
  const { data, cols } = X;
  // Tight loop first (this runs on every batch); checkValue only words the message.
  for (let i = 0; i < X.rows && issues.length < limit; i++) {
    for (let j = 0, o = i * cols; j < cols && issues.length < limit; j++) {
      const v = data[o + j]!;
      if (v >= lower[j]! && v <= upper[j]! && (discrete[j] === 0 || Number.isInteger(v))) continue;
      const reason = space.checkValue(j, v);
      if (reason !== undefined) issues.push({ row: i, column: space.names[j]!, reason });
    }
  }
  return issues;
}

/**
 * Problems with an evaluation's result for `rows` solutions: missing or mis-shaped `F`/`G`,
 * promises where values belong, NaN or infinite values (unless `allowNonFinite`). At most `limit`
 * issues. O(rows·(m+k)).
 */
export function resultIssues(
  problem: Pick<Problem, 'objectives' | 'constraints'>,
  rows: number,
  result: unknown,
  limit = Number.POSITIVE_INFINITY,
  allowNonFinite = false,
): EvalIssue[] {
  if (isThenable(result)) return [{ reason: 'the result is a Promise that was not awaited' }];
  if (typeof result !== 'object' || result === null) {
    return [{ reason: `expected a result { F, G? }, got ${describeValue(result)}` }];
  }
  const issues: EvalIssue[] = [];
  const { F, G } = result as { F?: unknown; G?: unknown };
  const check = (value: unknown, key: 'F' | 'G', names: readonly string[], what: string) => {
    if (isThenable(value)) {
      issues.push({ reason: `${key} is a Promise: await it before returning the result` });
      return;
    }
    if (!isMatrix(value)) {
      issues.push({ reason: `${key}: expected a Matrix, got ${describeValue(value)}` });
      return;
    }
    if (value.rows !== rows || value.cols !== names.length) {
      issues.push({
        reason: `${key} is ${value.rows}x${value.cols}, expected ${rows}x${names.length} (one row per solution, one column per ${what})`,
      });
      return;
    }
    if (allowNonFinite) return;
    for (let i = 0; i < rows && issues.length < limit; i++) {
      for (let j = 0; j < names.length && issues.length < limit; j++) {
        const v = value.data[i * names.length + j]!;
        if (!Number.isFinite(v)) issues.push({ row: i, column: names[j]!, reason: `${what} value is ${v}` });
      }
    }
  };
  check(
    F,
    'F',
    problem.objectives.map((o) => o.name),
    'objective',
  );
  if (problem.constraints.length > 0) {
    check(
      G,
      'G',
      problem.constraints.map((c) => c.name),
      'constraint',
    );
  } else if (G !== undefined && !(isMatrix(G) && G.cols === 0)) {
    issues.push({ reason: 'G is given but the problem declares no constraints' });
  }
  return issues.slice(0, limit);
}
