// Batch evaluation of 10^4 rows: zdt1 (30 variables, 2 objectives) and dtlz2 (3 objectives,
// 12 variables), through `problem.evaluate` (which validates the rows and the result, as
// defineProblem does for every problem) and through the bare kernel, to show that overhead.
import { createMatrix, latinHypercube } from '@paretokit/problem';
import { bench, describe } from 'vitest';
import { dtlz2, zdt1 } from '../src/index.js';
import { dtlzSize, dtlzSpec } from '../src/internal/dtlz-family.js';

const rows = 10_000;
const ctx = { seed: 0 };

for (const problem of [zdt1(), dtlz2()]) {
  const X = latinHypercube(problem, rows, { seed: 1 });
  describe(`${problem.name}: ${rows} rows x ${problem.variables.length} variables`, () => {
    bench('problem.evaluate (validated)', () => {
      problem.evaluate(X, ctx);
    });
    if (problem.name === 'dtlz2') {
      const { fill, nObj } = dtlzSpec(2, 'dtlz2', dtlzSize('dtlz2', {}, 10));
      const F = createMatrix(rows, nObj);
      bench('kernel alone', () => {
        fill(X, F.data, new Float64Array(0));
      });
    }
  });
}
