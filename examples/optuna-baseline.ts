// Two baselines of a study side by side: random search (a Latin hypercube of the budget) and
// Optuna's multi-objective TPE, which runs in Python and asks this process for every evaluation.
// C2-DTLZ2 with 2 objectives, 20 real evaluations per run, 2 seeds. Needs `python3 -m pip install optuna`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { optunaVersions, parseStudyConfig, runStudy } from '@paretokit/cli';

const versions = await optunaVersions();
const config = parseStudyConfig(
  {
    name: 'optuna-baseline',
    problems: [{ type: 'benchmark', problem: 'c2dtlz2', nObj: 2, nVar: 6 }],
    methods: ['random', 'optuna-tpe'],
    seeds: 2,
    budget: 20,
    out: mkdtempSync(join(tmpdir(), 'paretokit-example-optuna-')),
  },
  'example',
  process.cwd(),
);
const summary = await runStudy(config);
console.log(`Optuna ${versions.optuna} on Python ${versions.python}`);
for (const method of config.methods) {
  const hv = summary.problems[0]!.hypervolume[method]!;
  console.log(
    `${method.padEnd(10)} median hypervolume ${hv.median.toFixed(4)} over ${hv.values.length} seeds`,
  );
}
