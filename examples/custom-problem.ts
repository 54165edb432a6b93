// Define a problem of your own, check it against the evaluation contract, and look at the
// feasible non-dominated points of a Latin-hypercube sample.
import {
  checkProblem,
  defineProblem,
  feasibleNonDominated,
  latinHypercube,
  negateMaximized,
  real,
  serialEvaluator,
  toArrays,
} from '@paretokit/problem';

// A two-bar truss (Deb's classic): minimize volume and the larger stress, stress <= 1e5.
const truss = defineProblem({
  name: 'two-bar-truss',
  variables: { a1: real(1e-5, 0.01), a2: real(1e-5, 0.01), y: real(1, 3) },
  objectives: [
    { name: 'volume', sense: 'min' },
    { name: 'stress', sense: 'min' },
  ],
  constraints: ['stress limit'],
  evaluateOne: ({ a1, a2, y }) => {
    const s1 = (20 * Math.sqrt(16 + y * y)) / (y * a1);
    const s2 = (80 * Math.sqrt(1 + y * y)) / (y * a2);
    const stress = Math.max(s1, s2);
    return { F: [a1 * Math.sqrt(16 + y * y) + a2 * Math.sqrt(1 + y * y), stress], G: [stress - 1e5] };
  },
});

const report = await checkProblem(truss, { samples: 16, seed: 1 });
console.log(report.summary);

const X = latinHypercube(truss, 200, { seed: 1 });
const { F, G } = await serialEvaluator().evaluate(truss, X, { seed: 1 });
const front = feasibleNonDominated(negateMaximized(F, truss.objectives), G);
const rows = toArrays(F);
console.log(`${front.length} feasible non-dominated designs out of ${X.rows}; the three lightest:`);
for (const i of front.sort((a, b) => rows[a]![0]! - rows[b]![0]!).slice(0, 3)) {
  const { a1, a2, y } = truss.space.decodeRow(X, i);
  console.log(
    `  a1=${a1.toExponential(2)} a2=${a2.toExponential(2)} y=${y.toFixed(3)} -> volume ${rows[i]![0]!.toFixed(5)}, stress ${rows[i]![1]!.toFixed(0)}`,
  );
}
