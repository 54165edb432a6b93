import { createMatrix, type EvalResult, type Matrix, type Problem } from '@paretokit/problem';
import type { Regressor } from '@paretokit/surrogates';

/**
 * The study's step 4: the same variables, objectives and constraints, with values predicted by
 * one fitted regressor per target. A batch costs one `predict` call per target (the whole
 * population at once), never one per row. `encode` turns decision rows into regressor input.
 */
export function surrogateProblem(
  problem: Problem,
  objectives: readonly Regressor[],
  constraints: readonly Regressor[],
  encode: (X: Matrix) => Matrix,
): Problem {
  const m = objectives.length;
  const k = constraints.length;
  const fill = (models: readonly Regressor[], input: Matrix, out: Matrix) => {
    const width = models.length;
    for (let j = 0; j < width; j++) {
      const yhat = models[j]!.predict(input);
      for (let i = 0; i < input.rows; i++) out.data[i * width + j] = yhat[i]!;
    }
  };
  return {
    name: `surrogate of ${problem.name}`,
    variables: problem.variables,
    objectives: problem.objectives,
    constraints: problem.constraints,
    evaluate(X: Matrix): EvalResult {
      const input = encode(X);
      const F = createMatrix(X.rows, m);
      fill(objectives, input, F);
      if (k === 0) return { F };
      const G = createMatrix(X.rows, k);
      fill(constraints, input, G);
      return { F, G };
    },
  };
}
