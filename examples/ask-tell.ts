// Driving an algorithm by hand: the caller owns evaluation (here, a constrained problem with
// mixed variables, evaluated in batches), and can stop, inspect or log between generations.
import { maxGenerations, nsga2 } from '@paretokit/algorithms';
import { choice, defineProblem, integer, real } from '@paretokit/problem';

const problem = defineProblem({
  name: 'mixed',
  variables: { size: real(0, 10), layers: integer(1, 8), kind: choice(['narrow', 'wide']) },
  objectives: [
    { name: 'cost', sense: 'min' },
    { name: 'quality', sense: 'max' },
  ],
  constraints: ['budget'],
  evaluateOne: ({ size, layers, kind }) => {
    const width = kind === 'wide' ? 2 : 1;
    const cost = size * layers * width;
    const quality = 1 - Math.exp(-0.05 * cost) - 0.01 * layers;
    return { F: [cost, quality], G: [cost - 100] };
  },
});

const algorithm = nsga2({ populationSize: 40 });
algorithm.setup(problem, { seed: 7, termination: maxGenerations(50) });
let generation = 0;
while (!algorithm.done) {
  const X = algorithm.ask();
  algorithm.tell(X, await problem.evaluate(X, { seed: 7 }));
  generation++;
}
const result = algorithm.result();
console.log(
  `${generation} generations, ${result.evaluations} evaluations, ${result.F.rows} non-dominated feasible designs`,
);
for (let i = 0; i < Math.min(4, result.X.rows); i++) {
  const { size, layers, kind } = problem.space.decodeRow(result.X, i);
  const [cost, quality] = result.F.data.subarray(i * 2, i * 2 + 2);
  console.log(
    `  size ${size.toFixed(2)}, ${layers} layers, ${kind}: cost ${cost!.toFixed(1)}, quality ${quality!.toFixed(3)}`,
  );
}
