// The constrained suites of @paretokit/benchmarks: MW, DAS-CMOP, CTP and the engineering problems,
// each equal to pymoo's definition. NSGA-II with 2,000 evaluations on a few of them; for problems
// with a known front, the hypervolume of the feasible front against the true front's, normalised
// by its ideal and nadir points; for the others, how many feasible points were found.
import { maxEvaluations, minimize, nsga2 } from '@paretokit/algorithms';
import { type BenchmarkProblem, ctp1, dascmop2, mw3, osy, tnk } from '@paretokit/benchmarks';
import { hypervolume } from '@paretokit/indicators';

const normalized = (problem: BenchmarkProblem, F: { rows: number; cols: number; data: Float64Array }) => {
  const ideal = problem.idealPoint!;
  const nadir = problem.nadirPoint!;
  const data = F.data.map((v, i) => (v - ideal[i % F.cols]!) / (nadir[i % F.cols]! - ideal[i % F.cols]!));
  return { rows: F.rows, cols: F.cols, data };
};

for (const problem of [mw3(), ctp1(), dascmop2({ difficulty: 3 }), tnk(), osy()]) {
  const result = await minimize(problem, nsga2({ populationSize: 40 }), {
    termination: maxEvaluations(2000),
    seed: 1,
  });
  const size = `${problem.variables.length} variables, ${problem.constraints.length} constraints`;
  if (problem.paretoFront === undefined) {
    console.log(`${problem.name} (${size}): no known front; ${result.F.rows} feasible non-dominated points`);
    continue;
  }
  const reference = new Array(problem.objectives.length).fill(1.1);
  const reached = hypervolume(normalized(problem, result.F), { reference });
  const best = hypervolume(normalized(problem, problem.paretoFront(200)), { reference });
  console.log(
    `${problem.name} (${size}): hypervolume ${reached.toFixed(4)} of the true front's ${best.toFixed(4)}`,
  );
}
