// Non-dominated sorting, N = 1,000 and 10,000, M = 2, 3, 5 on random points in the unit cube
// and on a concave front (the hard case: few, large fronts). The peer in the same run is Deb's
// "fast non-dominated sort" (NSGA-II, 2002), O(M N^2). moocore's and pymoo's sorts are compared
// by nds-peers.ts (part of `pnpm bench:peers`).
import { bench, describe } from 'vitest';
import { nonDominatedSort } from '../src/index.js';
import { debFastNonDominatedSort, sortPoints } from './sort-inputs.js';

for (const n of [1000, 10_000]) {
  for (const m of [2, 3, 5]) {
    for (const concave of [false, true]) {
      const data = sortPoints(n, m, concave, 1);
      const F = { rows: n, cols: m, data };
      describe(`N=${n} M=${m} ${concave ? 'concave' : 'uniform'}`, () => {
        bench('paretokit nonDominatedSort', () => {
          nonDominatedSort(F);
        });
        bench(
          'Deb 2002 fast non-dominated sort',
          () => {
            debFastNonDominatedSort(data, n, m);
          },
          { iterations: n > 1000 ? 2 : 10, time: 0, warmupIterations: 0, warmupTime: 0 },
        );
      });
    }
  }
}
