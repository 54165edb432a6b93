// The example of the README, kept runnable.
import { maxEvaluations, minimize, nsga2 } from '@paretokit/algorithms'; // or ctaea({...}): nothing else changes
import { zdt1 } from '@paretokit/benchmarks';
import { hypervolume } from '@paretokit/indicators';

const result = await minimize(zdt1({ nVar: 30 }), nsga2({ populationSize: 100 }), {
  termination: maxEvaluations(20_000),
  seed: 1,
});
console.log(
  `${result.F.rows} points, hypervolume ${hypervolume(result.F, { reference: [1.1, 1.1] }).toFixed(4)}`,
);
