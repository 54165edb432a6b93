import { c2dtlz2, zdt1 } from '@paretokit/benchmarks';
import {
  binary,
  choice,
  DimensionMismatchError,
  defineProblem,
  InvalidArgumentError,
  integer,
  real,
  toMatrix,
} from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { minimize } from '../minimize.js';
import { maxEvaluations } from '../termination/max-evaluations.js';
import { maxGenerations } from '../termination/max-generations.js';
import { nsga2 } from './nsga2.js';

const mixed = defineProblem({
  name: 'mixed',
  variables: { x: real(0, 1), n: integer(1, 8), act: choice(['relu', 'tanh', 'gelu']), bias: binary() },
  objectives: [{ name: 'cost' }, { name: 'accuracy', sense: 'max' }],
  constraints: ['budget'],
  evaluateOne: ({ x, n, act, bias }) => {
    const penalty = act === 'gelu' ? 0 : act === 'tanh' ? 0.1 : 0.2;
    return {
      F: [x * n + (bias ? 0.5 : 0), 1 - (1 - x) ** 2 / n - penalty],
      G: [n - 6 - x],
    };
  },
});

describe('nsga2', () => {
  it('runs a mixed integer + choice + real + binary problem, keeping types and maximized senses', async () => {
    const result = await minimize(mixed, nsga2({ populationSize: 20 }), {
      termination: maxGenerations(15),
      seed: 3,
    });
    expect(result.evaluations).toBe(20 * 15);
    expect(result.generations).toBe(15);
    expect(result.F.rows).toBeGreaterThan(0);
    for (let i = 0; i < result.population.X.rows; i++) {
      const [x, n, act, bias] = result.population.X.data.subarray(i * 4, i * 4 + 4);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      expect(Number.isInteger(n) && n! >= 1 && n! <= 8).toBe(true);
      expect([0, 1, 2]).toContain(act);
      expect([0, 1]).toContain(bias);
    }
    // accuracy is maximized and reported in its natural sense: the best found is gelu's.
    const accuracy = Array.from({ length: result.F.rows }, (_, i) => result.F.data[2 * i + 1]!);
    expect(Math.max(...accuracy)).toBeGreaterThan(0.9);
    for (const cv of result.CV) expect(cv).toBe(0);
  });

  it('reports no infeasible point on a constrained problem', async () => {
    const result = await minimize(c2dtlz2({ nObj: 2 }), nsga2({ populationSize: 40 }), {
      termination: maxGenerations(60),
      seed: 1,
    });
    expect(result.F.rows).toBeGreaterThan(0);
    for (const g of result.G!.data) expect(g).toBeLessThanOrEqual(0);
    for (const cv of result.CV) expect(cv).toBe(0);
  });

  it('is deterministic: same seed bit for bit, setup resets everything', async () => {
    const algorithm = nsga2({ populationSize: 16, sampling: 'latin-hypercube' });
    const a = await minimize(zdt1({ nVar: 5 }), algorithm, { termination: maxGenerations(30), seed: 11 });
    const b = await minimize(zdt1({ nVar: 5 }), algorithm, { termination: maxGenerations(30), seed: 11 });
    expect(b.population.X.data).toEqual(a.population.X.data);
    expect(b.X.data).toEqual(a.X.data);
    expect(b.F.data).toEqual(a.F.data);
  });

  it('can be driven by hand through ask and tell', async () => {
    const problem = zdt1({ nVar: 4 });
    const algorithm = nsga2({ populationSize: 10 });
    algorithm.setup(problem, { seed: 2, termination: maxEvaluations(50) });
    let rounds = 0;
    while (!algorithm.done) {
      const X = algorithm.ask();
      expect(algorithm.ask()).toBe(X); // asking again before telling returns the same rows
      algorithm.tell(X, await problem.evaluate(X, { seed: 0 }));
      rounds++;
    }
    expect(rounds).toBe(5);
    expect(algorithm.result().evaluations).toBe(50);
  });

  it('starts from a given initial population', async () => {
    const start = toMatrix([
      [0, 0, 0],
      [1, 0, 0],
      [0.5, 0, 0],
    ]);
    const algorithm = nsga2({ populationSize: 3, sampling: start });
    algorithm.setup(zdt1({ nVar: 3 }), { seed: 1, termination: maxGenerations(1) });
    expect(algorithm.ask().data).toEqual(start.data);
  });

  it('rejects bad options and misuse with typed errors', () => {
    expect(() => nsga2({ populationSize: 1 })).toThrow(InvalidArgumentError);
    expect(() => nsga2({ populationSize: 10.5 })).toThrow(InvalidArgumentError);
    expect(() => nsga2({ populationSize: 10, crossover: { eta: -1 } })).toThrow(/eta/);
    expect(() => nsga2({ populationSize: 10, mutation: { probability: 2 } })).toThrow(InvalidArgumentError);
    expect(() => nsga2({ populationSize: 10, sampling: 'sobol' as never })).toThrow(InvalidArgumentError);
    expect(() => nsga2(undefined as never)).toThrow(InvalidArgumentError);
    const algorithm = nsga2({ populationSize: 10 });
    expect(() => algorithm.ask()).toThrow(/setup/);
    expect(() => algorithm.setup(zdt1(), { seed: 1, termination: 5 as never })).toThrow(InvalidArgumentError);
    algorithm.setup(zdt1({ nVar: 3 }), { seed: 1, termination: maxGenerations(2) });
    expect(() => algorithm.result()).toThrow(InvalidArgumentError);
    const X = algorithm.ask();
    expect(() => algorithm.tell(X, { F: toMatrix([[1, 2]]) })).toThrow(DimensionMismatchError);
    const wrongSampling = nsga2({ populationSize: 3, sampling: toMatrix([[1, 2]]) });
    expect(() => wrongSampling.setup(zdt1({ nVar: 3 }), { seed: 1, termination: maxGenerations(1) })).toThrow(
      DimensionMismatchError,
    );
  });
});
