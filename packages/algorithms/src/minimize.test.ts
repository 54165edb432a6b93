import { zdt1 } from '@paretokit/benchmarks';
import { InvalidArgumentError, serialEvaluator } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { minimize } from './minimize.js';
import { nsga2 } from './nsga2/nsga2.js';
import { anyOf } from './termination/any-of.js';
import { maxEvaluations } from './termination/max-evaluations.js';
import { maxGenerations } from './termination/max-generations.js';

describe('minimize', () => {
  it('loops until the termination, reporting each generation (async callbacks awaited)', async () => {
    const seen: number[] = [];
    let batches = 0;
    const result = await minimize(zdt1({ nVar: 5 }), nsga2({ populationSize: 10 }), {
      termination: anyOf(maxGenerations(100), maxEvaluations(45)),
      seed: 1,
      evaluator: serialEvaluator({ onBatch: () => void batches++ }),
      onGeneration: async (state) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(state.evaluations);
      },
    });
    expect(seen).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toBe(5);
    expect(result.evaluations).toBe(50);
    expect(result.generations).toBe(5);
    expect(result.elapsedMs).toBeGreaterThan(0);
    expect(result.population.X.rows).toBe(10);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const run = minimize(zdt1(), nsga2({ populationSize: 10 }), {
      termination: maxGenerations(1_000_000),
      seed: 1,
      signal: controller.signal,
      onGeneration: (state) => {
        if (state.generation === 3) controller.abort(new Error('enough'));
      },
    });
    await expect(run).rejects.toThrow('enough');
  });

  it('rejects bad arguments with typed errors', async () => {
    const algorithm = nsga2({ populationSize: 10 });
    await expect(minimize(zdt1(), algorithm, { termination: maxGenerations(1), seed: -1 })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(minimize(zdt1(), algorithm, { termination: 3 as never, seed: 1 })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(
      minimize({} as never, algorithm, { termination: maxGenerations(1), seed: 1 }),
    ).rejects.toThrow(InvalidArgumentError);
  });
});
