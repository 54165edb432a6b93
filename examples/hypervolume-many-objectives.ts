// Exact hypervolume and hypervolume contributions of a 5-objective front, as a user of
// @paretokit/indicators alone would compute them. The 4-D and higher sweeps run in WebAssembly;
// useWebAssembly(false) runs their JavaScript instead: the same bits, only slower. Fixed seed,
// public imports only.
import { hypervolume, hypervolumeContributions, useWebAssembly } from '@paretokit/indicators';

/** n points of a concave 5-D front (|Gaussian| vectors on the unit sphere), seeded. */
function concaveFront(n: number, d: number, seed: number): number[][] {
  let s = seed;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
  return Array.from({ length: n }, () => {
    const g = Array.from({ length: d }, () =>
      Math.abs(Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next())),
    );
    const norm = Math.hypot(...g);
    return g.map((v) => v / norm);
  });
}

const front = concaveFront(200, 5, 42);
const reference = [1.1, 1.1, 1.1, 1.1, 1.1];

function timed<T>(f: () => T): [T, number] {
  const start = performance.now();
  const value = f();
  return [value, performance.now() - start];
}

const [hv, wasmMs] = timed(() => hypervolume(front, { reference }));
const contributions = hypervolumeContributions(front, { reference });
useWebAssembly(false);
const [hvJs, jsMs] = timed(() => hypervolume(front, { reference }));
const contributionsJs = hypervolumeContributions(front, { reference });
useWebAssembly(true);

const best = contributions.indexOf(Math.max(...contributions));
console.log(`hypervolume of ${front.length} 5-D points: ${hv.toFixed(6)}`);
console.log(`largest contribution: point ${best}, ${contributions[best]!.toExponential(4)}`);
console.log(`sum of contributions: ${contributions.reduce((a, b) => a + b, 0).toExponential(4)}`);
const same = Object.is(hv, hvJs) && contributions.every((c, i) => Object.is(c, contributionsJs[i]));
console.log(`WebAssembly and JavaScript give the same bits: ${same}`);
console.log(`first call: ${wasmMs.toFixed(1)} ms with WebAssembly, ${jsMs.toFixed(1)} ms without`);
if (!same) process.exit(1);
