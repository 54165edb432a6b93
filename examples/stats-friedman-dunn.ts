// Compare four optimizers by their hypervolumes on 8 problem × seed blocks: Friedman's test
// (with Iman-Davenport), then Dunn's post-hoc test on the Friedman mean ranks with Holm's
// correction. Fixed numbers, public imports only.
import { dunn, friedman } from '@paretokit/stats';

const methods = ['nsga2', 'ctaea', 'moead', 'random'];
// Rows: blocks (problem × seed); columns: methods. Higher hypervolume is better.
const hypervolumes = [
  [0.812, 0.801, 0.795, 0.702],
  [0.823, 0.811, 0.79, 0.713],
  [0.655, 0.661, 0.64, 0.602],
  [0.664, 0.649, 0.651, 0.598],
  [0.912, 0.889, 0.901, 0.851],
  [0.905, 0.902, 0.887, 0.842],
  [0.553, 0.571, 0.522, 0.501],
  [0.561, 0.548, 0.537, 0.519],
];
// Ranks are ascending (rank 1 = smallest), so negate to make rank 1 the best method.
const table = hypervolumes.map((row) => row.map((v) => -v));

const test = friedman(table, { imanDavenport: true });
const id = test.imanDavenport!;
console.log(`Friedman chi2(${test.df}) = ${test.statistic.toFixed(3)}, p = ${test.pValue.toExponential(3)}`);
console.log(
  `Iman-Davenport F(${id.df1}, ${id.df2}) = ${id.statistic.toFixed(3)}, p = ${id.pValue.toExponential(3)}`,
);
console.log(
  'mean ranks (1 = best):',
  methods.map((m, j) => `${m} ${test.meanRanks[j]!.toFixed(3)}`).join(', '),
);

const posthoc = dunn(table, { design: 'friedman', adjust: 'holm', alpha: 0.05 });
for (const pair of posthoc.pairs) {
  const verdict = pair.significant ? 'differ' : 'no evidence of a difference';
  console.log(
    `${methods[pair.i]} vs ${methods[pair.j]}: z = ${pair.z.toFixed(3)}, p = ${pair.pValue.toFixed(4)}, Holm p = ${pair.adjustedPValue.toFixed(4)} -> ${verdict}`,
  );
}
