// Batch evaluation of 1,000 rows of each CTP problem (default size: 2 variables) and each small
// engineering problem, through `problem.evaluate` (validated, as defineProblem does for every
// problem). Rows from a Latin hypercube over the bounds, so the CTP rows never hit 0/0.
import { latinHypercube } from '@paretokit/problem';
import { bench, describe } from 'vitest';
import type { BenchmarkProblem } from '../src/benchmark-problem.js';
import { ctp1, ctp2, ctp3, ctp4, ctp5, ctp6, ctp7, ctp8 } from '../src/ctp.js';
import { bnh, osy, srn, tnk, truss2d, weldedBeam } from '../src/engineering/index.js';

const rows = 1_000;
const ctx = { seed: 0 };

const groups: Record<string, BenchmarkProblem[]> = {
  'CTP1-8': [ctp1(), ctp2(), ctp3(), ctp4(), ctp5(), ctp6(), ctp7(), ctp8()],
  engineering: [bnh(), osy(), srn(), tnk(), weldedBeam(), truss2d()],
};

for (const [group, problems] of Object.entries(groups)) {
  describe(`${group}: evaluate 1,000 rows`, () => {
    for (const problem of problems) {
      const X = latinHypercube(problem, rows, { seed: 1 });
      bench(`${problem.name}: 1,000 rows x ${problem.variables.length} variables`, () => {
        problem.evaluate(X, ctx);
      });
    }
  });
}
