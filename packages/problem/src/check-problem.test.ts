import { describe, expect, it } from 'vitest';
import { checkProblem } from './check-problem.js';
import { defineProblem } from './define-problem.js';
import { createMatrix, type Matrix } from './matrix.js';
import type { EvalResult, Problem } from './problem.js';
import { real } from './variables.js';

const good = defineProblem({
  name: 'good',
  variables: [real(0, 1), real(-1, 1)],
  objectives: [{ name: 'f1' }, { name: 'f2', sense: 'max' }],
  constraints: ['g'],
  evaluateOne: ({ x1, x2 }) => ({ F: [x1 as number, (x2 as number) ** 2], G: [(x1 as number) - 0.9] }),
});

/** A hand-written problem (no defineProblem validation) whose evaluate the test controls. */
function handWritten(evaluate: (X: Matrix) => unknown, overrides: Partial<Problem> = {}): Problem {
  return {
    name: 'hand',
    variables: [{ kind: 'real', name: 'x', lower: 0, upper: 1 }],
    objectives: [{ name: 'f', sense: 'min' }],
    constraints: [],
    evaluate: evaluate as (X: Matrix) => EvalResult,
    ...overrides,
  };
}

const column = (X: Matrix, fn: (x: number, i: number) => number): Matrix =>
  createMatrix(
    X.rows,
    1,
    Float64Array.from(X.data, (x, i) => fn(x, i)),
  );

describe('checkProblem', () => {
  it('finds no issue in a correct problem', async () => {
    const report = await checkProblem(good, { samples: 8, seed: 2 });
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.summary).toBe('problem good: no issues found');
    expect(report.evaluations).toBe(8 + 8 + 3);
  });

  it('reports NaN values with their row and column', async () => {
    const report = await checkProblem(
      handWritten((X) => ({ F: column(X, (x, i) => (i === 3 ? Number.NaN : x)) })),
    );
    expect(report.ok).toBe(false);
    expect(report.issues).toContainEqual({
      kind: 'result',
      message: 'row 3, column f: objective value is NaN',
    });
  });

  it('reports wrong shapes and un-awaited promises', async () => {
    const wide = await checkProblem(handWritten((X) => ({ F: createMatrix(X.rows, 2) })));
    expect(wide.issues[0]!.message).toMatch(/F is \d+x2, expected \d+x1/);
    const pending = await checkProblem(handWritten((X) => ({ F: Promise.resolve(column(X, (x) => x)) })));
    expect(pending.issues[0]!.message).toBe('F is a Promise: await it before returning the result');
    const notAnObject = await checkProblem(handWritten(() => 42));
    expect(notAnObject.issues[0]!.message).toBe('expected a result { F, G? }, got 42');
  });

  it('reports non-determinism for the same input and seed', async () => {
    let calls = 0;
    const report = await checkProblem(handWritten((X) => ({ F: column(X, (x) => x + calls++ * 1e-9) })));
    expect(report.issues.map((i) => i.kind)).toContain('determinism');
  });

  it('reports sync/async mix-ups', async () => {
    let calls = 0;
    const report = await checkProblem(
      handWritten((X) => {
        const result = { F: column(X, (x) => x) };
        return calls++ % 2 === 0 ? result : Promise.resolve(result);
      }),
    );
    expect(report.issues).toContainEqual({
      kind: 'async',
      message: 'evaluate returned a plain value on one call and a Promise on the next',
    });
  });

  it('reports rows whose values depend on the rest of the batch', async () => {
    const report = await checkProblem(
      handWritten((X) => {
        const mean = X.data.reduce((s, v) => s + v, 0) / Math.max(1, X.rows);
        return { F: column(X, (x) => x - mean) };
      }),
    );
    expect(report.issues.map((i) => i.kind)).toContain('batch');
  });

  it('reports thrown errors and bad declarations without throwing', async () => {
    const throws = await checkProblem(
      handWritten(() => {
        throw new TypeError('cannot read model');
      }),
    );
    expect(throws.issues).toEqual([
      { kind: 'threw', message: 'evaluate threw on a valid sample of 16 rows: TypeError: cannot read model' },
    ]);
    const declared = await checkProblem(
      handWritten(() => ({}), {
        variables: [{ kind: 'real', name: 'x', lower: 1, upper: 0 }],
        objectives: [{ name: 'f', sense: 'best' as never }],
      }),
    );
    expect(declared.issues.map((i) => i.message)).toEqual([
      'variable x: bounds [1, 0] must be finite with lower < upper',
      'objectives[0]: sense must be "min" or "max", got best',
    ]);
    expect(declared.summary).toContain('problem hand: 2 issue(s)');
  });
});
