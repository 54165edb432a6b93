import { ParetokitError } from './errors/paretokit-error.js';
import { type EvalIssue, isThenable, resultIssues } from './eval-issues.js';
import { createMatrix, isMatrix, type Matrix } from './matrix.js';
import type { Problem } from './problem.js';
import { checkSeed } from './random.js';
import { latinHypercube } from './sampling.js';
import { nameVariables } from './variable-space.js';
import type { Variable } from './variables.js';

/** The kind of contract a {@link ProblemCheckIssue} breaks. */
export type ProblemCheckKind = 'declaration' | 'threw' | 'result' | 'async' | 'determinism' | 'batch';

/** One violation found by {@link checkProblem}. */
export interface ProblemCheckIssue {
  readonly kind: ProblemCheckKind;
  readonly message: string;
}

/** What {@link checkProblem} found. */
export interface ProblemCheckReport {
  readonly ok: boolean;
  readonly issues: readonly ProblemCheckIssue[];
  /** Number of rows evaluated while checking. */
  readonly evaluations: number;
  /** The issues as a readable list, one per line (or "problem NAME: no issues found"). */
  readonly summary: string;
}

/** Options of {@link checkProblem}. */
export interface CheckProblemOptions {
  /** Rows of the Latin-hypercube sample (default 16). */
  readonly samples?: number;
  readonly seed?: number;
}

interface Outcome {
  readonly async: boolean;
  readonly value?: unknown;
  readonly error?: unknown;
}

async function run(problem: Problem, X: Matrix, seed: number): Promise<Outcome> {
  try {
    const raw = problem.evaluate(X, { seed });
    if (isThenable(raw)) {
      try {
        return { async: true, value: await raw };
      } catch (error) {
        return { async: true, error };
      }
    }
    return { async: false, value: raw };
  } catch (error) {
    return { async: false, error };
  }
}

function describeError(error: unknown): string {
  return error instanceof Error
    ? `${ParetokitError.isInstance(error) ? '' : `${error.name}: `}${error.message}`
    : String(error);
}

function located(issue: EvalIssue): string {
  const where = [
    issue.row === undefined ? '' : `row ${issue.row}`,
    issue.column === undefined ? '' : `column ${issue.column}`,
  ]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${issue.reason}` : issue.reason;
}

function sameValues(a: Matrix | undefined, b: Matrix | undefined, rowOffset = 0): number {
  if (a === undefined || b === undefined) return a === b ? -1 : 0;
  for (let i = 0; i < b.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      if (!Object.is(a.data[(i + rowOffset) * a.cols + j], b.data[i * b.cols + j])) return i + rowOffset;
    }
  }
  return -1;
}

function declarationIssues(problem: Problem): string[] {
  const issues: string[] = [];
  if (typeof problem.name !== 'string' || problem.name.length === 0)
    issues.push('name must be a non-empty string');
  if (typeof problem.evaluate !== 'function') issues.push('evaluate must be a function');
  try {
    nameVariables(problem.variables);
    for (const v of problem.variables as readonly Variable[]) {
      if (v.kind === 'real' || v.kind === 'integer') {
        if (!Number.isFinite(v.lower) || !Number.isFinite(v.upper) || !(v.lower < v.upper)) {
          issues.push(
            `variable ${v.name}: bounds [${v.lower}, ${v.upper}] must be finite with lower < upper`,
          );
        } else if (v.kind === 'integer' && (!Number.isInteger(v.lower) || !Number.isInteger(v.upper))) {
          issues.push(`variable ${v.name}: integer bounds [${v.lower}, ${v.upper}] must be integers`);
        }
      } else if (v.kind === 'choice' && (!Array.isArray(v.values) || v.values.length < 2)) {
        issues.push(`variable ${v.name}: a choice needs at least two values`);
      }
    }
  } catch (error) {
    issues.push(describeError(error));
  }
  if (!Array.isArray(problem.objectives) || problem.objectives.length === 0) {
    issues.push('objectives must be a non-empty array of { name, sense }');
  } else {
    problem.objectives.forEach((o, k) => {
      if (typeof o?.name !== 'string' || o.name.length === 0)
        issues.push(`objectives[${k}]: name must be a non-empty string`);
      if (o?.sense !== 'min' && o?.sense !== 'max')
        issues.push(`objectives[${k}]: sense must be "min" or "max", got ${String(o?.sense)}`);
    });
  }
  if (!Array.isArray(problem.constraints))
    issues.push('constraints must be an array (empty when there are none)');
  return issues;
}

/**
 * Checks a problem against the evaluation contract and lists every violation: declarations
 * (names, bounds, senses), a Latin-hypercube sample evaluated twice with the same seed (shapes,
 * NaN and infinite values, promises left un-awaited, sync on one call and async on another,
 * different values for the same input), and the first rows evaluated one at a time (a row's
 * values must not depend on the rest of its batch). Never throws for a faulty problem.
 *
 * @example
 * const line = defineProblem({ name: 'line', variables: [real(0, 1)], objectives: [{ name: 'f' }], evaluateOne: ({ x1 }) => ({ F: [x1] }) });
 * (await checkProblem(line, { samples: 8, seed: 1 })).summary // => 'problem line: no issues found'
 */
export async function checkProblem(
  problem: Problem,
  options: CheckProblemOptions = {},
): Promise<ProblemCheckReport> {
  const samples = options.samples ?? 16;
  const seed = checkSeed(options.seed ?? 0, 'checkProblem: seed');
  const issues: ProblemCheckIssue[] = [];
  const add = (kind: ProblemCheckKind, message: string) => issues.push({ kind, message });
  const name = typeof problem?.name === 'string' ? problem.name : '(unnamed)';
  const finish = (evaluations: number): ProblemCheckReport => ({
    ok: issues.length === 0,
    issues,
    evaluations,
    summary:
      issues.length === 0
        ? `problem ${name}: no issues found`
        : [
            `problem ${name}: ${issues.length} issue(s)`,
            ...issues.map((i) => `  - [${i.kind}] ${i.message}`),
          ].join('\n'),
  });
  if (typeof problem !== 'object' || problem === null) {
    add('declaration', 'the problem must be an object');
    return finish(0);
  }
  for (const message of declarationIssues(problem)) add('declaration', message);
  if (issues.length > 0) return finish(0);

  const X = latinHypercube(problem, Math.max(1, samples), { seed });
  const first = await run(problem, X, seed);
  let evaluations = X.rows;
  if (first.error !== undefined) {
    add('threw', `evaluate threw on a valid sample of ${X.rows} rows: ${describeError(first.error)}`);
    return finish(evaluations);
  }
  const shapeIssues = resultIssues(problem, X.rows, first.value, 20);
  for (const issue of shapeIssues) add('result', located(issue));
  if (shapeIssues.length > 0) return finish(evaluations);
  const result = first.value as { F: Matrix; G?: Matrix };

  const second = await run(problem, X, seed);
  evaluations += X.rows;
  if (second.async !== first.async) {
    add(
      'async',
      `evaluate returned ${first.async ? 'a Promise' : 'a plain value'} on one call and ${second.async ? 'a Promise' : 'a plain value'} on the next`,
    );
  }
  if (second.error !== undefined) {
    add('threw', `evaluate threw on the second call with the same input: ${describeError(second.error)}`);
  } else if (resultIssues(problem, X.rows, second.value, 1).length === 0) {
    const again = second.value as { F: Matrix; G?: Matrix };
    const rowF = sameValues(result.F, again.F);
    if (rowF >= 0)
      add('determinism', `row ${rowF}: objectives differ between two evaluations with the same seed`);
    const rowG = problem.constraints.length > 0 ? sameValues(result.G, again.G) : -1;
    if (rowG >= 0)
      add('determinism', `row ${rowG}: constraints differ between two evaluations with the same seed`);
  } else {
    add('determinism', 'the second evaluation of the same input returned a malformed result');
  }

  const single = Math.min(3, X.rows);
  for (let i = 0; i < single; i++) {
    const row = createMatrix(1, X.cols, X.data.slice(i * X.cols, (i + 1) * X.cols));
    const alone = await run(problem, row, seed);
    evaluations += 1;
    if (alone.error !== undefined || resultIssues(problem, 1, alone.value, 1).length > 0) {
      add(
        'batch',
        `row ${i} evaluated alone ${alone.error !== undefined ? `threw: ${describeError(alone.error)}` : 'returned a malformed result'}`,
      );
      continue;
    }
    const r = alone.value as { F: Matrix; G?: Matrix };
    if (
      sameValues(result.F, r.F, i) >= 0 ||
      (problem.constraints.length > 0 && sameValues(result.G, r.G, i) >= 0)
    ) {
      add('batch', `row ${i} evaluated alone differs from the same row evaluated in a batch`);
    }
  }
  const empty = await run(problem, createMatrix(0, X.cols), seed);
  if (empty.error !== undefined) {
    add('batch', `evaluate threw on an empty batch (0 rows): ${describeError(empty.error)}`);
  } else if (!isMatrix((empty.value as { F?: unknown })?.F) || (empty.value as { F: Matrix }).F.rows !== 0) {
    add('batch', 'an empty batch (0 rows) must give an F with 0 rows');
  }
  return finish(evaluations);
}
