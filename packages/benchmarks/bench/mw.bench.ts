// Batch evaluation of the MW problems at their default sizes (15 variables; 2 objectives, 3 for
// MW4, MW8 and MW14), 1,000 Latin-hypercube rows per call through `problem.evaluate` (which also
// validates the rows and the results). Rows per second = 1,000 × vitest's ops/s (hz).
import { latinHypercube } from '@paretokit/problem';
import { bench, describe } from 'vitest';
import { mw1, mw2, mw3, mw4, mw5, mw6, mw7, mw8, mw9, mw10, mw11, mw12, mw13, mw14 } from '../src/mw.js';

const rows = 1_000;
const ctx = { seed: 0 };
const problems = [mw1, mw2, mw3, mw4, mw5, mw6, mw7, mw8, mw9, mw10, mw11, mw12, mw13, mw14].map((mw) =>
  mw(),
);

describe('MW: problem.evaluate of a batch (rows/s = 1,000 × ops/s)', () => {
  for (const problem of problems) {
    const X = latinHypercube(problem, rows, { seed: 1 });
    bench(`${problem.name}: 1,000 rows x ${problem.variables.length} variables`, () => {
      problem.evaluate(X, ctx);
    });
  }
});
