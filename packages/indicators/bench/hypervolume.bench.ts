// Exact hypervolume and contributions, n = 10^1 .. 10^4 points of a concave front (|Gaussian|
// vectors normalized to the unit sphere), reference 1.1 in every objective.
//   cd packages/indicators && npx vitest bench --run
// d = 5 and 6 stop at 10^3 (10^4 points take seconds there: O(n^3) and WFG). The comparison with
// moocore on the same points is bench/hypervolume-vs-moocore.ts.
import { bench, describe } from 'vitest';
import { hypervolume, hypervolumeContributions } from '../src/index.js';

function front(n: number, d: number, seed: number): { rows: number; cols: number; data: Float64Array } {
  let s = seed >>> 0 || 1;
  const u = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = 0; k < d; k++) {
      const g = Math.abs(Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
      data[i * d + k] = g;
      norm += g * g;
    }
    norm = Math.sqrt(norm);
    for (let k = 0; k < d; k++) data[i * d + k]! /= norm;
  }
  return { rows: n, cols: d, data };
}

const sizes = (d: number): number[] => (d <= 4 ? [10, 100, 1000, 10_000] : [10, 100, 1000]);

for (const d of [2, 3, 4, 5, 6]) {
  describe(`hypervolume, d = ${d}`, () => {
    for (const n of sizes(d)) {
      const points = front(n, d, 7);
      const reference = new Array<number>(d).fill(1.1);
      bench(`n = ${n}`, () => {
        hypervolume(points, { reference });
      });
    }
  });
}

for (const d of [2, 3, 4]) {
  describe(`hypervolumeContributions, d = ${d}`, () => {
    for (const n of d === 4 ? [10, 100, 1000] : sizes(d)) {
      const points = front(n, d, 7);
      const reference = new Array<number>(d).fill(1.1);
      bench(`n = ${n}`, () => {
        hypervolumeContributions(points, { reference });
      });
    }
  });
}
