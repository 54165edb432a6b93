// The example of the README, kept runnable.
import { zdt1 } from '@paretokit/benchmarks';
import { hypervolume } from '@paretokit/indicators';
import { feasibleNonDominated, latinHypercube, selectRows, serialEvaluator } from '@paretokit/problem';

const problem = zdt1({ nVar: 30 });
const X = latinHypercube(problem, 1000, { seed: 1 });
const { F } = await serialEvaluator().evaluate(problem, X);
const front = selectRows(F, feasibleNonDominated(F));
console.log(`${front.rows} non-dominated points, hypervolume ${hypervolume(front, { reference: [1, 10] })}`);
