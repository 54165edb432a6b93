// Evaluates a Latin-hypercube sample of DTLZ2 on a pool of 2 worker threads. Functions cannot cross
// threads, so the pool gets the problem as a reference (module, export, options) and each thread
// rebuilds it; the results come back in row order, equal to evaluating in this thread.
import { dtlz2 } from '@paretokit/benchmarks';
import { latinHypercube, serialEvaluator, toArrays } from '@paretokit/problem';
import { workerPoolEvaluator } from '@paretokit/workers';

const options = { nObj: 3, nVar: 7 };
const problem = dtlz2(options);
const X = latinHypercube(problem, 8, { seed: 1 });

await using pool = workerPoolEvaluator({
  problem: { module: '@paretokit/benchmarks', export: 'dtlz2', options },
  size: 2,
});
const reported = new Set<number>();
const { F } = await pool.evaluate(problem, X, { seed: 1, onRow: (row) => void reported.add(row) });
const serial = await serialEvaluator().evaluate(problem, X, { seed: 1 });

console.log(
  `${problem.name}: ${X.rows} rows on ${pool.size} threads, each reported once as it completed: ${reported.size === X.rows}`,
);
for (const [i, f] of toArrays(F).entries())
  console.log(`row ${i}: f = [${f.map((v) => v.toFixed(4)).join(', ')}]`);
console.log(`same values as in this thread: ${F.data.every((v, i) => Object.is(v, serial.F.data[i]))}`);
