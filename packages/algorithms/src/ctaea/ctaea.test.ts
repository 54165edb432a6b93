import { c2dtlz2, dtlz2 } from '@paretokit/benchmarks';
import {
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
import { dasDennis } from '../reference-directions/das-dennis.js';
import { maxGenerations } from '../termination/max-generations.js';
import { ctaea } from './ctaea.js';

describe('ctaea', () => {
  it('gives the same run for the same seed, bit for bit, with one object set up again', async () => {
    const problem = c2dtlz2({ nObj: 3 });
    const algorithm = ctaea({ populationSize: 91 });
    const run = (seed: number) => minimize(problem, algorithm, { termination: maxGenerations(30), seed });
    const a = await run(5);
    const b = await run(5);
    expect(b.X.data).toEqual(a.X.data);
    expect(b.F.data).toEqual(a.F.data);
    expect(b.population.X.data).toEqual(a.population.X.data);
    expect((await run(6)).population.X.data).not.toEqual(a.population.X.data);
  });

  it('never reports an infeasible point, also while the CA still holds infeasible members', async () => {
    // Feasible only for y <= 0.02: the first generations keep a CA of few feasible rows, filled up
    // with infeasible ones; those fill the population but never the reported front.
    const rare = defineProblem({
      name: 'rarely feasible',
      variables: { x: real(0, 1), y: real(0, 1) },
      objectives: [{ name: 'f1' }, { name: 'f2' }],
      constraints: ['g'],
      evaluateOne: ({ x, y }) => ({ F: [x + y, 1 - x + y], G: [y - 0.02] }),
    });
    const result = await minimize(rare, ctaea({ populationSize: 20 }), {
      termination: maxGenerations(2),
      seed: 1,
    });
    const infeasible = result.population.CV.filter((v) => v > 0).length;
    expect(infeasible).toBeGreaterThan(0);
    expect(infeasible).toBeLessThan(20);
    expect(result.F.rows).toBeGreaterThan(0);
    for (const cv of result.CV) expect(cv).toBe(0);

    const impossible = defineProblem({
      name: 'never feasible',
      variables: { x: real(0, 1), y: real(0, 1) },
      objectives: [{ name: 'f1' }, { name: 'f2' }],
      constraints: ['g'],
      evaluateOne: ({ x, y }) => ({ F: [x, 1 - x + y], G: [1 + y] }),
    });
    const none = await minimize(impossible, ctaea({ populationSize: 10 }), {
      termination: maxGenerations(5),
      seed: 2,
    });
    expect(none.F.rows).toBe(0);
    expect(none.X.rows).toBe(0);
    expect(none.population.X.rows).toBe(10);
    for (const cv of none.population.CV) expect(cv).toBeGreaterThan(0);
  });

  it('runs a mixed integer, choice and real problem with a maximized objective', async () => {
    const problem = defineProblem({
      name: 'mixed',
      variables: { depth: integer(1, 8), act: choice(['relu', 'tanh', 'gelu']), rate: real(0, 1) },
      objectives: [{ name: 'cost' }, { name: 'score', sense: 'max' }],
      constraints: ['budget'],
      evaluateOne: ({ depth, act, rate }) => ({
        F: [depth * (1 + rate), depth * (act === 'gelu' ? 1.2 : 1) - rate],
        G: [depth - 6],
      }),
    });
    const result = await minimize(problem, ctaea({ populationSize: 20 }), {
      termination: maxGenerations(30),
      seed: 3,
    });
    expect(result.F.rows).toBeGreaterThan(0);
    for (let i = 0; i < result.X.rows; i++) {
      const depth = result.X.data[i * 3]!;
      const act = result.X.data[i * 3 + 1]!;
      expect(Number.isInteger(depth) && depth >= 1 && depth <= 6).toBe(true);
      expect([0, 1, 2]).toContain(act);
      // The score comes back in its natural sense: positive.
      expect(result.F.data[i * 2 + 1]!).toBeGreaterThan(0);
    }
  });

  it('chooses Das-Dennis directions when the size matches a lattice, else Riesz energy, and any N', async () => {
    const problem = dtlz2({ nObj: 3 });
    for (const populationSize of [91, 50, 7]) {
      const r = await minimize(problem, ctaea({ populationSize }), {
        termination: maxGenerations(3),
        seed: 1,
      });
      expect(r.population.X.rows).toBe(populationSize);
    }
    // Directions and population size may differ: 91 directions, archives of 40.
    const r = await minimize(problem, ctaea({ referenceDirections: dasDennis(3, 12), populationSize: 40 }), {
      termination: maxGenerations(5),
      seed: 1,
    });
    expect(r.population.X.rows).toBe(40);
    expect(r.evaluations).toBe(5 * 40);
  });

  it('asks the same rows again until told', () => {
    const algorithm = ctaea({ populationSize: 12 });
    algorithm.setup(dtlz2({ nObj: 2 }), { seed: 1, termination: maxGenerations(2) });
    expect(algorithm.ask()).toBe(algorithm.ask());
  });

  it('rejects bad options with typed errors', () => {
    expect(() => ctaea({ populationSize: 1 })).toThrow(InvalidArgumentError);
    expect(() => ctaea({ referenceDirections: [[1, 0]] })).toThrow(InvalidArgumentError);
    expect(() => ctaea({})).toThrow(InvalidArgumentError);
    expect(() => ctaea({ populationSize: 10, crossover: { eta: -1 } })).toThrow(InvalidArgumentError);
    expect(() => ctaea({ populationSize: 10, mutation: { eta: -5 } })).toThrow(InvalidArgumentError);
    expect(() => ctaea({ referenceDirections: [[1, -1]] })).toThrow(InvalidArgumentError);
    const wrong = ctaea({ referenceDirections: dasDennis(2, 10) });
    expect(() => wrong.setup(dtlz2({ nObj: 3 }), { seed: 1, termination: maxGenerations(2) })).toThrow(
      DimensionMismatchError,
    );
    const algorithm = ctaea({ populationSize: 10 });
    expect(() => algorithm.ask()).toThrow(InvalidArgumentError);
    algorithm.setup(dtlz2({ nObj: 2 }), { seed: 1, termination: maxGenerations(2) });
    const X = algorithm.ask();
    expect(() => algorithm.tell(X, { F: toMatrix([[1, 2, 3]]) })).toThrow(DimensionMismatchError);
  });
});
