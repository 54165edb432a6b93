/**
 * pymoo and ParetoKit on the same configurations (configurations.ts): per configuration and seed,
 * the wall and CPU seconds of one whole run and the hypervolume of its final feasible
 * non-dominated set. The measurement behind nsga2-vs-pymoo.ts and the NSGA-II / C-TAEA lines of
 * `pnpm bench:peers`.
 *
 * pymoo runs in a Python child process (scripts/pymoo-runs.py; `$PYTHON` or python3 with pymoo
 * installed), timed around its `minimize` call. ParetoKit is timed around `minimize` with the
 * default serial evaluator, after one untimed warm-up run per configuration (JIT compilation).
 * Both sides measure the final feasible non-dominated set with the same hypervolume code.
 */
import { hypervolume } from '@paretokit/indicators';
import { runPymoo } from '../scripts/pymoo-runs.js';
import { minimize } from '../src/minimize.js';
import { maxGenerations } from '../src/termination/max-generations.js';
import { CONFIGURATIONS } from './configurations.js';

/** Per-seed figures of one library on one configuration (seeds 1..n, in order). */
export interface RunFigures {
  readonly seconds: number[];
  readonly cpuSeconds: number[];
  readonly hypervolume: number[];
}

export interface PymooComparison {
  readonly id: string;
  /** Algorithm, generations and reference point, in words. */
  readonly setting: string;
  readonly reference: readonly number[];
  readonly paretokit: RunFigures;
  readonly pymoo: RunFigures;
}

export interface PymooComparisons {
  readonly pymoo: string;
  readonly python: string;
  readonly seeds: number;
  readonly configurations: PymooComparison[];
}

/**
 * Runs the configurations `ids` (all when undefined) with seeds 1..`seeds`: pymoo first (one
 * Python process per configuration), then ParetoKit, configuration by configuration so that both
 * libraries see about the same machine load.
 */
export async function comparePymoo(options: {
  readonly seeds: number;
  readonly ids?: readonly string[];
  readonly onConfiguration?: (c: PymooComparison) => void;
}): Promise<PymooComparisons> {
  const { seeds, ids } = options;
  const configs = CONFIGURATIONS.filter((c) => ids === undefined || ids.includes(c.id));
  let versions = { pymoo: '', python: '' };
  const configurations: PymooComparison[] = [];
  for (const c of configs) {
    const py = runPymoo([c.id], seeds);
    versions = { pymoo: py.pymoo, python: py.python };
    const problem = c.problem();
    const algorithm = c.create();
    const run = (seed: number) =>
      minimize(problem, algorithm, { termination: maxGenerations(c.generations), seed });
    await run(seeds + 1);
    const paretokit: RunFigures = { seconds: [], cpuSeconds: [], hypervolume: [] };
    for (let seed = 1; seed <= seeds; seed++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const result = await run(seed);
      paretokit.seconds.push((performance.now() - start) / 1000);
      const used = process.cpuUsage(cpu);
      paretokit.cpuSeconds.push((used.user + used.system) / 1e6);
      paretokit.hypervolume.push(hypervolume(result.F, { reference: c.reference }));
    }
    const mine = py.runs.filter((r) => r.config === c.id);
    const comparison: PymooComparison = {
      id: c.id,
      setting: `${algorithm.name}, ${c.generations} gen, ref [${c.reference.join(', ')}]`,
      reference: c.reference,
      paretokit,
      pymoo: {
        seconds: mine.map((r) => r.seconds),
        cpuSeconds: mine.map((r) => r.cpuSeconds),
        hypervolume: mine.map((r) => (r.F.rows === 0 ? 0 : hypervolume(r.F, { reference: c.reference }))),
      },
    };
    configurations.push(comparison);
    options.onConfiguration?.(comparison);
  }
  return { ...versions, seeds, configurations };
}
