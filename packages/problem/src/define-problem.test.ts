import { describe, expect, it } from 'vitest';
import { defineProblem } from './define-problem.js';
import { EvaluationError } from './errors/evaluation-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { type Matrix, toArrays, toMatrix } from './matrix.js';
import { binary, choice, real } from './variables.js';

const sphere = defineProblem({
  name: 'sphere',
  variables: { x: real(-1, 1), y: real(-1, 1) },
  objectives: [{ name: 'f', sense: 'min' }],
  evaluateOne: ({ x, y }) => ({ F: [x * x + y * y] }),
});

function batch(rows: number[][]): Matrix {
  return toMatrix(rows);
}

describe('defineProblem', () => {
  it('evaluates rows one at a time from decoded values, synchronously', () => {
    const out = sphere.evaluate(
      batch([
        [0.5, 0],
        [1, 1],
      ]),
      { seed: 0 },
    );
    expect(out).not.toBeInstanceOf(Promise);
    expect(toArrays((out as { F: Matrix }).F)).toEqual([[0.25], [2]]);
    expect('G' in out).toBe(false);
    expect(sphere.objectives).toEqual([{ name: 'f', sense: 'min' }]);
    expect(sphere.variables.map((v) => v.name)).toEqual(['x', 'y']);
  });

  it('evaluates whole batches, sync or async, with constraints and typed choices', async () => {
    const p = defineProblem({
      name: 'mixed',
      variables: { a: real(0, 1), kind: choice(['small', 'large']), on: binary() },
      objectives: [{ name: 'cost' }, { name: 'accuracy', sense: 'max' }],
      constraints: ['budget'],
      evaluate: async (X) => ({
        F: toArrays(X).map(([a, k]) => [a! + k!, 1 - a!]),
        G: toArrays(X).map(([a]) => [a! - 0.5]),
      }),
    });
    expect(p.objectives[0]!.sense).toBe('min');
    const r = await p.evaluate(batch([[0.2, 1, 0]]), { seed: 1 });
    expect(toArrays(r.F)).toEqual([[1.2, 0.8]]);
    expect(toArrays(r.G!)).toEqual([[0.2 - 0.5]]);
    expect(p.space.decode([0.2, 1, 0])).toEqual({ a: 0.2, kind: 'large', on: false });
  });

  it('awaits async rows one after another, in order', async () => {
    const seen: number[] = [];
    const p = defineProblem({
      name: 'slow',
      variables: [real(0, 1)],
      objectives: [{ name: 'f' }],
      evaluateOne: async ({ x1 }, ctx) => {
        seen.push(ctx.row);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return { F: [x1 as number] };
      },
    });
    const r = await p.evaluate(batch([[0.1], [0.2], [0.3]]), { seed: 0 });
    expect(toArrays(r.F)).toEqual([[0.1], [0.2], [0.3]]);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('rejects rows outside the bounds, naming the problem, row and column', () => {
    expect(() =>
      sphere.evaluate(
        batch([
          [0, 0],
          [0, 2],
        ]),
        { seed: 0 },
      ),
    ).toThrow(
      new EvaluationError({
        problem: 'sphere',
        row: 1,
        column: 'y',
        reason: 'value 2 of y is outside [-1, 1]',
      }),
    );
    expect(() => sphere.evaluate(batch([[0, 0, 0]]), { seed: 0 })).toThrow('X has 3 columns, expected 2');
    const p = defineProblem({
      name: 'choices',
      variables: { c: choice(['a', 'b', 'c']) },
      objectives: [{ name: 'f' }],
      evaluateOne: () => ({ F: [0] }),
    });
    expect(() => p.evaluate(batch([[0.5]]), { seed: 0 })).toThrow(
      'choices, row 0, column c: value 0.5 of choice variable c is not an integer.',
    );
  });

  it('returns NaN and infinities as they are with nonFinite: "return", still checking shapes', () => {
    const p = (F: number[][], nonFinite: unknown = 'return') =>
      defineProblem({
        name: 'undefined-somewhere',
        variables: [real(0, 1)],
        objectives: [{ name: 'f1' }, { name: 'f2' }],
        evaluate: () => ({ F }),
        nonFinite: nonFinite as 'return',
      });
    const X = batch([[0.5], [0.5]]);
    const { F } = p([
      [Number.NaN, 1],
      [Number.NEGATIVE_INFINITY, 2],
    ]).evaluate(X, { seed: 0 }) as { F: Matrix };
    expect(Array.from(F.data)).toEqual([Number.NaN, 1, Number.NEGATIVE_INFINITY, 2]);
    expect(() => p([[1, 2]]).evaluate(X, { seed: 0 })).toThrow('F is 1x2, expected 2x2');
    expect(() => p([[1, 2]], 'ignore')).toThrow('nonFinite: expected "throw" or "return", got "ignore"');
  });

  it('rejects NaN, infinite and mis-shaped results', () => {
    const bad = (F: unknown, G?: unknown) =>
      defineProblem({
        name: 'bad',
        variables: [real(0, 1)],
        objectives: [{ name: 'f1' }, { name: 'f2' }],
        constraints: G === undefined ? [] : ['g'],
        evaluate: () => ({ F, G }) as never,
      });
    const X = batch([[0.5], [0.5]]);
    expect(() =>
      bad([
        [1, 2],
        [3, Number.NaN],
      ]).evaluate(X, { seed: 0 }),
    ).toThrow('bad, row 1, column f2: objective value is NaN.');
    expect(() =>
      bad([
        [1, Number.POSITIVE_INFINITY],
        [3, 4],
      ]).evaluate(X, { seed: 0 }),
    ).toThrow('objective value is Infinity');
    expect(() => bad([[1, 2]]).evaluate(X, { seed: 0 })).toThrow('F is 1x2, expected 2x2');
    expect(() => bad([[1], [2]]).evaluate(X, { seed: 0 })).toThrow(EvaluationError);
    expect(() =>
      bad(
        [
          [1, 2],
          [3, 4],
        ],
        [[0]],
      ).evaluate(X, { seed: 0 }),
    ).toThrow('G is 1x1, expected 2x1');
    expect(() => bad(Promise.resolve([[1, 2]])).evaluate(X, { seed: 0 })).toThrow('F is a Promise');
    const noG = defineProblem({
      name: 'noG',
      variables: [real(0, 1)],
      objectives: [{ name: 'f' }],
      constraints: ['g'],
      evaluateOne: () => ({ F: [1] }),
    });
    expect(() => noG.evaluate(batch([[0.5]]), { seed: 0 })).toThrow(
      'noG, row 0: G: expected a Matrix, got undefined.',
    );
  });

  it('wraps errors thrown by the evaluation with the problem and row', async () => {
    const p = defineProblem({
      name: 'thrower',
      variables: [real(0, 1)],
      objectives: [{ name: 'f' }],
      evaluateOne: ({ x1 }) => {
        if ((x1 as number) > 0.5) throw new Error('model file missing');
        return { F: [1] };
      },
    });
    expect(() => p.evaluate(batch([[0.1], [0.9]]), { seed: 0 })).toThrow(
      'thrower, row 1: evaluation threw: model file missing.',
    );
    const asyncP = defineProblem({
      name: 'asyncThrower',
      variables: [real(0, 1)],
      objectives: [{ name: 'f' }],
      evaluate: async () => {
        throw new Error('boom');
      },
    });
    await expect(asyncP.evaluate(batch([[0.1]]), { seed: 0 })).rejects.toThrow(
      'asyncThrower: evaluation threw: boom.',
    );
  });

  it('stops at an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => sphere.evaluate(batch([[0, 0]]), { seed: 0, signal: controller.signal })).toThrow(/abort/i);
  });

  it('validates the definition itself', () => {
    const base = {
      name: 'p',
      variables: [real(0, 1)],
      objectives: [{ name: 'f' }],
      evaluateOne: () => ({ F: [0] }),
    };
    expect(() => defineProblem({ ...base, name: '' })).toThrow(
      'defineProblem: name: expected a non-empty string, got "".',
    );
    expect(() => defineProblem({ ...base, objectives: [] })).toThrow(InvalidArgumentError);
    expect(() => defineProblem({ ...base, objectives: [{ name: 'f', sense: 'up' as never }] })).toThrow(
      '"min" or "max"',
    );
    expect(() => defineProblem({ ...base, evaluate: () => ({ F: [[0]] }) })).toThrow(
      'exactly one of the two functions',
    );
    expect(() => defineProblem({ ...base, constraints: [''] })).toThrow(InvalidArgumentError);
  });
});
