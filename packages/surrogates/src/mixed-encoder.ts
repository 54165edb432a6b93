import { InvalidArgumentError, type Matrix, type Variable, type VariableSpec } from '@paretokit/problem';
import { checkPredictX } from './internal/check-data.js';

/** Options of {@link mixedEncoder}. */
export interface MixedEncoderOptions {
  /**
   * How a choice variable (stored as the index of its value) reaches the regressor:
   * `"one-hot"` (default) gives one 0/1 column per value, so no order is invented between
   * categories; `"ordinal"` keeps the index as one column (fewer columns; fine for trees).
   */
  readonly choices?: 'one-hot' | 'ordinal';
}

/** Turns encoded decision rows (as algorithms see them) into regressor inputs. */
export interface MixedEncoder {
  /** Number of output columns. */
  readonly cols: number;
  /** Name of each output column: the variable name, or `name=value` for one-hot columns. */
  readonly names: readonly string[];
  /** The regressor input for rows of decision variables. O(rows · cols). */
  encode(X: Matrix): Matrix;
}

/**
 * An encoder of mixed variables for regressors: real and integer columns pass through, binary
 * stays 0/1, choice columns become one-hot (default) or stay ordinal. O(variables) to build.
 *
 * @example
 * const encoder = mixedEncoder([real(0, 1, { name: 'x' }), choice(['a', 'b', 'c'], { name: 'c' })]);
 * encoder.names // => ['x', 'c=a', 'c=b', 'c=c']
 * toArrays(encoder.encode(toMatrix([[0.5, 2]]))) // => [[0.5, 0, 0, 1]]
 */
export function mixedEncoder(
  variables: readonly (Variable | VariableSpec)[],
  options: MixedEncoderOptions = {},
): MixedEncoder {
  const choices = options.choices ?? 'one-hot';
  if (choices !== 'one-hot' && choices !== 'ordinal') {
    throw new InvalidArgumentError({
      argument: 'mixedEncoder: choices',
      expected: '"one-hot" or "ordinal"',
      actual: choices,
    });
  }
  const names: string[] = [];
  // Per input column: first output column, and the number of categories when one-hot (else 0).
  const start = new Int32Array(variables.length);
  const width = new Int32Array(variables.length);
  variables.forEach((v, j) => {
    const name = (v as { name?: string }).name ?? `x${j + 1}`;
    start[j] = names.length;
    if (v.kind === 'choice' && choices === 'one-hot') {
      width[j] = v.values.length;
      for (const value of v.values) names.push(`${name}=${String(value)}`);
    } else names.push(name);
  });
  return {
    cols: names.length,
    names,
    encode(X: Matrix): Matrix {
      checkPredictX(X, variables.length, 'mixedEncoder.encode');
      const cols = names.length;
      const data = new Float64Array(X.rows * cols);
      for (let i = 0; i < X.rows; i++) {
        for (let j = 0; j < X.cols; j++) {
          const v = X.data[i * X.cols + j]!;
          const w = width[j]!;
          if (w === 0) data[i * cols + start[j]!] = v;
          else {
            const k = Math.round(v);
            if (!(k >= 0 && k < w)) {
              throw new InvalidArgumentError({
                argument: `mixedEncoder.encode: X, row ${i}, column ${j}`,
                expected: `a choice index in [0, ${w - 1}]`,
                actual: v,
              });
            }
            data[i * cols + start[j]! + k] = 1;
          }
        }
      }
      return { rows: X.rows, cols, data };
    },
  };
}
