import { describe, expect, it } from 'vitest';
import { minimizeBounded } from './bounded-bfgs.js';

describe('minimizeBounded', () => {
  const options = { maxIterations: 500, gradientTolerance: 1e-8, relativeTolerance: 0 };
  // Rosenbrock: f = (1 - x)² + 100 (y - x²)².
  const rosenbrock = () => {
    let x = 0;
    let y = 0;
    return {
      value(v: Float64Array) {
        x = v[0]!;
        y = v[1]!;
        return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
      },
      gradient(out: Float64Array) {
        out[0] = -2 * (1 - x) - 400 * x * (y - x * x);
        out[1] = 200 * (y - x * x);
      },
    };
  };

  it('finds an interior minimum', () => {
    const result = minimizeBounded(
      rosenbrock(),
      Float64Array.of(-1.2, 1),
      Float64Array.of(-5, -5),
      Float64Array.of(5, 5),
      options,
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('stops on the bound when the minimum lies outside the box', () => {
    // Over y <= 0.5 the constrained minimum has y = 0.5 and x near √0.5.
    const result = minimizeBounded(
      rosenbrock(),
      Float64Array.of(-1.2, -1),
      Float64Array.of(-5, -5),
      Float64Array.of(5, 0.5),
      options,
    );
    expect(result.x[1]).toBe(0.5);
    expect(result.x[0]).toBeGreaterThan(0.7);
    expect(result.x[0]).toBeLessThan(0.72);
  });
});
