import { createMatrix, defineProblem, real, toArrays } from '@paretokit/problem';
import { describe, expect, test } from 'vitest';
import { recommendedSamo } from './recommended-samo.js';
import { samo } from './samo.js';
import { hypervolumeIteration } from './stages/hypervolume-iteration.js';

/**
 * Infeasible by the same margin almost everywhere (g = 0.05), feasible only in a pit of radius
 * 0.06 around (0.8, 0.8): after a design that misses the pit, the constraint's model is sure that
 * every candidate is infeasible (P(feasible) underflows to 0), as in a structured-pruning study.
 */
const pit = defineProblem({
  name: 'feasible-pit',
  variables: { a: real(0, 1), b: real(0, 1) },
  objectives: [{ name: 'f1' }, { name: 'f2' }],
  constraints: [{ name: 'in the pit' }],
  evaluate: (X) => {
    const F = createMatrix(X.rows, 2);
    const G = createMatrix(X.rows, 1);
    for (let i = 0; i < X.rows; i++) {
      const a = X.data[2 * i]!;
      const b = X.data[2 * i + 1]!;
      F.data[2 * i] = a;
      F.data[2 * i + 1] = 1 - a + b;
      G.data[i] = 0.05 - 0.1 * Math.exp(-((a - 0.8) ** 2 + (b - 0.8) ** 2) / 0.005);
    }
    return { F, G };
  },
});

describe('recommendedSamo', () => {
  test('with no feasible row in its initial design, it looks for one instead of repeating a row', async () => {
    const budget = 44;
    const result = await samo(pit, {
      ...recommendedSamo({ generations: 20, populationSize: 20, initialSamples: 8 }),
      budget,
      seed: 1,
    });
    const X = toArrays(result.archive.X);
    const G = toArrays(result.archive.G!);
    expect(G.slice(0, 8).every(([g]) => g! > 0)).toBe(true); // the case: nothing feasible at first
    expect(X).toHaveLength(budget);
    // It finds the pit (before: it crept towards it proposing every row twice, 1e-12 apart).
    const first = G.findIndex(([g]) => g! <= 0);
    expect(first).toBeGreaterThan(0);
    // Until then, no two rows closer than 1e-3 in every variable.
    for (let i = 0; i < first; i++)
      for (let j = 0; j < i; j++)
        expect(Math.max(...X[i]!.map((v, k) => Math.abs(v - X[j]![k]!)))).toBeGreaterThan(1e-3);
    // The two rows of every batch at least 0.05 apart (batchSpread), in both phases.
    for (let i = 8; i < budget; i += 2)
      expect(Math.max(...X[i]!.map((v, k) => Math.abs(v - X[i + 1]![k]!)))).toBeGreaterThanOrEqual(0.05);
    const phase = result.iterations.flatMap((d) => d.infill).filter((c) => c.source === 'feasibility');
    expect(phase.length).toBeGreaterThan(0);
    expect(phase[0]!.reason).toMatch(/no evaluated row is feasible yet/);
  });

  test('refuses a batch spread outside [0, 1], naming the option', () => {
    expect(() => hypervolumeIteration({ batchSpread: 1.5 })).toThrow(/batchSpread.*\[0, 1\]/s);
    expect(() => hypervolumeIteration({ batchSpread: -0.1 })).toThrow(/batchSpread/);
  });
});
