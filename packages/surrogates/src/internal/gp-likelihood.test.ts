import { type Matrix, Random } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import type { GpKernelName } from './gp-kernel.js';
import { GpLikelihood } from './gp-likelihood.js';

function randomData(n: number, d: number, seed: number): { X: Matrix; y: Float64Array } {
  const rng = Random.fromSeed(seed);
  const data = Float64Array.from({ length: n * d }, () => rng.next());
  const y = Float64Array.from({ length: n }, (_, i) => Math.sin(3 * data[i * d]!) + 0.1 * rng.normal());
  return { X: { rows: n, cols: d, data }, y };
}

describe('log marginal likelihood gradient', () => {
  const kernels: GpKernelName[] = ['rbf', 'matern52', 'matern32'];
  for (const kernel of kernels) {
    it(`${kernel}: analytic gradient equals central finite differences`, () => {
      const { X, y } = randomData(25, 4, 3);
      const likelihood = new GpLikelihood(X.data, y, 25, 4, kernel, 1e-10);
      // Gradient in θ = log(parameters); parameters = [l_1..l_4, amplitude, noise].
      const theta = Float64Array.of(-0.7, 0.2, -1.1, 0.9, 0.3, Math.log(2e-3));
      const at = (t: Float64Array) => likelihood.value(t.map(Math.exp));
      const value = at(theta);
      expect(Number.isFinite(value)).toBe(true);
      const gradient = new Float64Array(6);
      likelihood.gradient(gradient);
      for (let k = 0; k < 6; k++) {
        const h = 1e-5;
        const plus = theta.slice();
        plus[k]! += h;
        const minus = theta.slice();
        minus[k]! -= h;
        const numeric = (at(plus) - at(minus)) / (2 * h);
        expect(Math.abs(gradient[k]! - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
      }
    });
  }

  it('gives a zero noise derivative when there is no white-noise term', () => {
    const { X, y } = randomData(10, 2, 4);
    const likelihood = new GpLikelihood(X.data, y, 10, 2, 'matern52', 1e-6);
    expect(Number.isFinite(likelihood.value(Float64Array.of(0.3, 0.3, 1, 0)))).toBe(true);
    const gradient = new Float64Array(4);
    likelihood.gradient(gradient);
    expect(Math.abs(gradient[3]!)).toBe(0);
  });
});
