// Non-dominated sorting, N = 1,000 and 10,000, M = 2, 3, 5 on random points in the unit cube
// and on a concave front (the hard case: few, large fronts). The peer in the same run is Deb's
// "fast non-dominated sort" (NSGA-II, 2002), O(M N^2), as pymoo's fast_non_dominated_sort does.
import { bench, describe } from 'vitest';
import { dominates, nonDominatedSort, Random } from '../src/index.js';

function debFastNonDominatedSort(f: Float64Array, n: number, m: number): Int32Array {
  const dominatedBy = new Int32Array(n);
  const dominating: number[][] = Array.from({ length: n }, () => []);
  const rank = new Int32Array(n);
  let current: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (dominates(f, i, j, m)) {
        dominating[i]!.push(j);
        dominatedBy[j]!++;
      } else if (dominates(f, j, i, m)) {
        dominating[j]!.push(i);
        dominatedBy[i]!++;
      }
    }
    if (dominatedBy[i] === 0) current.push(i);
  }
  for (let r = 0; current.length > 0; r++) {
    const next: number[] = [];
    for (const i of current) {
      rank[i] = r;
      for (const j of dominating[i]!) if (--dominatedBy[j]! === 0) next.push(j);
    }
    current = next;
  }
  return rank;
}

function points(n: number, m: number, concave: boolean, seed: number): Float64Array {
  const r = Random.fromSeed(seed);
  const data = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = 0; k < m; k++) {
      const v = concave ? Math.abs(r.normal()) : r.next();
      data[i * m + k] = v;
      norm += v * v;
    }
    // Concave case: spread radii in [1, 1.2] so a few dozen fronts appear.
    if (concave)
      for (let k = 0; k < m; k++)
        data[i * m + k] = (data[i * m + k]! / Math.sqrt(norm)) * (1 + 0.2 * r.next());
  }
  return data;
}

for (const n of [1000, 10_000]) {
  for (const m of [2, 3, 5]) {
    for (const concave of [false, true]) {
      const data = points(n, m, concave, 1);
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
