/**
 * Overhead of one SAMO iteration at the study's settings: for 2 objectives + 1 constraint, each of
 * the default surrogates cross-validated (5-fold MAPE) on 100 evaluated points, the winners fitted
 * on all 100, then C-TAEA (population 50, 1000 generations) on the surrogate problem and the
 * infill choice. The real evaluations are not part of it. The measurement behind overhead.ts and
 * the SAMO overhead line of `pnpm bench:peers`.
 */
import { loadavg } from 'node:os';
import { c1dtlz1, c2dtlz2 } from '@paretokit/benchmarks';
import { surrogateBridge } from '@paretokit/surrogates/node';
import { defaultSurrogatePool, samoAskTell } from '../src/index.js';

/** Milliseconds of one iteration's steps and the surrogate chosen per target. */
export interface IterationSplit {
  readonly selection: number;
  readonly fit: number;
  readonly optimize: number;
  readonly total: number;
  readonly chosen: string;
  /** 1-minute load average right after the iteration. */
  readonly load: number;
}

/**
 * `repeats` timed iterations after one warm-up (`onRepeat` sees the warm-up as repeat 0).
 * `lightgbm: 'none'` leaves LightGBM out of the pool.
 */
export async function measureIterationOverhead(options: {
  readonly repeats: number;
  readonly problem?: 'c2dtlz2' | 'c1dtlz1';
  readonly lightgbm?: 'default' | 'none';
  readonly onRepeat?: (repeat: number, split: IterationSplit) => void;
}): Promise<{ problem: string; variables: number; loadBefore: number; repeats: IterationSplit[] }> {
  const problem = options.problem === 'c1dtlz1' ? c1dtlz1({ nObj: 2 }) : c2dtlz2({ nObj: 2 });
  const pool = defaultSurrogatePool();
  if (options.lightgbm === 'none') delete (pool as Record<string, unknown>).lightgbm;
  const loadBefore = loadavg()[0]!;
  const repeats: IterationSplit[] = [];
  const bridge = surrogateBridge({ processes: 2 });
  try {
    for (let r = 0; r <= options.repeats; r++) {
      // One bridge for every repeat, as one run has for all its iterations.
      const run = samoAskTell(problem, {
        initialSamples: 100,
        budget: 102,
        surrogates: pool,
        seed: r + 1,
        bridge,
      });
      const X = await run.ask();
      run.tell(X, problem.evaluate(X, { seed: 0 }));
      const started = performance.now();
      const infill = await run.ask();
      const total = performance.now() - started;
      const d = run.tell(infill, problem.evaluate(infill, { seed: 0 }))!;
      await run.close();
      const split = {
        selection: d.selectionMs,
        fit: d.fitMs,
        optimize: d.optimizeMs,
        total,
        chosen: d.targets.map((t) => `${t.target.name}:${t.chosen}`).join(' '),
        load: loadavg()[0]!,
      };
      options.onRepeat?.(r, split);
      if (r > 0) repeats.push(split);
    }
  } finally {
    await bridge.close();
  }
  return { problem: problem.name, variables: problem.variables.length, loadBefore, repeats };
}
