// A benchmark problem, its true Pareto front, and how far a random sample is from it:
// non-dominated sorting, crowding distance and constrained problems.
import { c2dtlz2, dtlz2 } from '@paretokit/benchmarks';
import {
  crowdingDistance,
  feasibleNonDominated,
  latinHypercube,
  nonDominatedSort,
  selectRows,
  serialEvaluator,
} from '@paretokit/problem';

const problem = dtlz2({ nObj: 3 });
const front = problem.paretoFront(100);
console.log(
  `${problem.name}: ${problem.variables.length} variables; true front sampled with ${front.rows} points`,
);

const X = latinHypercube(problem, 500, { seed: 1 });
const { F } = await serialEvaluator().evaluate(problem, X);
const { fronts } = nonDominatedSort(F);
console.log(
  `500 Latin-hypercube points fall into ${fronts.length} fronts; the first holds ${fronts[0]!.length}`,
);

const first = selectRows(F, fronts[0]!);
let closest = Number.POSITIVE_INFINITY;
for (let i = 0; i < first.rows; i++) {
  const norm = Math.hypot(...first.data.subarray(i * 3, i * 3 + 3));
  closest = Math.min(closest, norm - 1); // the DTLZ2 front is the unit sphere
}
console.log(`closest sampled point is ${closest.toFixed(4)} outside the unit sphere`);
const crowding = crowdingDistance(F, fronts[0]!);
console.log(
  `boundary points of the first front: ${crowding.filter((d) => d === Number.POSITIVE_INFINITY).length}`,
);

const constrained = c2dtlz2({ nObj: 3 });
const Y = latinHypercube(constrained, 500, { seed: 1 });
const values = await serialEvaluator().evaluate(constrained, Y);
console.log(
  `${constrained.name}: ${feasibleNonDominated(values.F, values.G).length} feasible non-dominated of 500 sampled`,
);
