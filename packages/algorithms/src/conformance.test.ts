import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIGURATIONS, type Configuration } from '../bench/configurations.js';
import { median } from '../scripts/pymoo-runs.js';
import { igd } from './internal/igd.js';
import { minimize } from './minimize.js';
import { maxGenerations } from './termination/max-generations.js';

/** The algorithms under the conformance suite; each runs every configuration listed for it. */
const ALGORITHMS: readonly Configuration['algorithm'][] = ['nsga2', 'ctaea'];

/** A ParetoKit median IGD may exceed pymoo's by this factor at most. */
const TOLERANCE = 1.2;
const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);

interface ReferenceEntry {
  readonly medianIgd: number;
  readonly pymoo: string;
}
const reference = JSON.parse(readFileSync(new URL('./pymoo-reference.json', import.meta.url), 'utf8')) as {
  configurations: Record<string, ReferenceEntry>;
};

for (const name of ALGORITHMS) {
  describe(`conformance: ${name}`, () => {
    for (const config of CONFIGURATIONS.filter((c) => c.algorithm === name)) {
      const pymoo = reference.configurations[config.id];
      it(`${config.id}: median IGD over ${SEEDS.length} seeds <= ${TOLERANCE} x pymoo ${pymoo?.pymoo}`, async () => {
        expect(pymoo, `no pymoo reference for ${config.id}: run scripts/pymoo-reference.ts`).toBeDefined();
        const problem = config.problem();
        const front = problem.paretoFront(config.frontPoints);
        const algorithm = config.create();
        const values: number[] = [];
        for (const seed of SEEDS) {
          const result = await minimize(problem, algorithm, {
            termination: maxGenerations(config.generations),
            seed,
          });
          for (const cv of result.CV) expect(cv).toBeLessThanOrEqual(0);
          values.push(igd(result.F, front));
        }
        const threshold = TOLERANCE * pymoo!.medianIgd;
        expect(median(values)).toBeLessThan(threshold);
      }, 120_000);
    }

    it('same seed, same result bit for bit, with one algorithm object set up twice', async () => {
      const config = CONFIGURATIONS.find((c) => c.algorithm === name)!;
      const problem = config.problem();
      const algorithm = config.create();
      const run = () => minimize(problem, algorithm, { termination: maxGenerations(20), seed: 7 });
      const a = await run();
      const b = await run();
      expect(b.X.data).toEqual(a.X.data);
      expect(b.F.data).toEqual(a.F.data);
      expect(b.population.X.data).toEqual(a.population.X.data);
      const other = await minimize(problem, algorithm, { termination: maxGenerations(20), seed: 8 });
      expect(other.population.X.data).not.toEqual(a.population.X.data);
    });
  });
}
