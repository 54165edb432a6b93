// Surrogate-assisted optimization (the study's loop) on C2-DTLZ2 with 2 objectives: 50 Latin-
// hypercube points, then per iteration a surrogate per objective and constraint chosen by 5-fold
// CV-MAPE, C-TAEA (50 x 1000) on the surrogate problem, 2 infill points evaluated for real.
// Every evaluation goes to a JSON-lines log; the run is stopped after iteration 3 and resumed
// from the log without re-evaluating anything. LightGBM is left out of the pool to keep the
// example short; defaultSurrogatePool() includes it (XGBoost and LightGBM train in the run's bridge).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { c2dtlz2 } from '@paretokit/benchmarks';
import { defaultSurrogatePool, samo } from '@paretokit/samo';

const problem = c2dtlz2({ nObj: 2 });
const { lightgbm: _slow, ...pool } = defaultSurrogatePool();
const log = join(mkdtempSync(join(tmpdir(), 'samo-example-')), 'c2dtlz2.jsonl');
const options = { initialSamples: 50, budget: 70, surrogates: pool, seed: 1 };

const stop = new AbortController();
await samo(problem, {
  ...options,
  log,
  signal: stop.signal,
  onIteration: (d) => {
    const chosen = d.targets.map((t) => `${t.target.name}=${t.chosen}`).join(' ');
    console.log(
      `iteration ${d.iteration}: ${d.evaluations} evaluations, HV ${d.hypervolume.toFixed(4)} ${chosen}`,
    );
    if (d.iteration === 3) stop.abort(new Error('stopped on purpose'));
  },
}).catch((error: Error) => console.log(`first run: ${error.message}`));

let evaluated = 0;
const counted = {
  ...problem,
  evaluate: (...args: Parameters<typeof problem.evaluate>) => {
    evaluated += args[0].rows;
    return problem.evaluate(...args);
  },
};
const result = await samo(counted, { ...options, resume: log });
const last = result.iterations.at(-1)!;
console.log(`resumed: ${evaluated} new evaluations, ${result.archive.X.rows} in the archive`);
console.log(
  `final: ${result.X.rows} feasible non-dominated points, HV ${last.hypervolume.toFixed(4)} (reference [${last.referencePoint.join(', ')}])`,
);
