// NSGA-II on ZDT1, then the same run with C-TAEA: swapping the algorithm changes nothing else.
import { ctaea, maxEvaluations, minimize, nsga2 } from '@paretokit/algorithms';
import { zdt1 } from '@paretokit/benchmarks';
import { hypervolume, igd } from '@paretokit/indicators';

const problem = zdt1({ nVar: 30 });
const truth = problem.paretoFront(500);
const best = hypervolume(truth, { reference: [1.1, 1.1] });
for (const algorithm of [nsga2({ populationSize: 100 }), ctaea({ populationSize: 100 })]) {
  const result = await minimize(problem, algorithm, { termination: maxEvaluations(20_000), seed: 1 });
  const hv = hypervolume(result.F, { reference: [1.1, 1.1] });
  console.log(
    `${algorithm.name}: ${result.F.rows} points after ${result.evaluations} evaluations in ${result.elapsedMs.toFixed(0)} ms,` +
      ` hypervolume ${hv.toFixed(4)} (true front: ${best.toFixed(4)}), IGD ${igd(result.F, truth).toFixed(4)}`,
  );
}
