import {
  createMatrix,
  defineProblem,
  InvalidArgumentError,
  type Matrix,
  type RealVariable,
  real,
  type VariableSpec,
} from '@paretokit/problem';
import type { BenchmarkProblem, KnownFrontProblem } from '../benchmark-problem.js';

/** Everything that makes one benchmark problem; {@link defineBenchmark} turns it into a problem. */
export interface BenchmarkSpec {
  readonly name: string;
  readonly variables: readonly VariableSpec<RealVariable>[];
  readonly nObj: number;
  readonly nConstr?: number;
  /** Writes the objectives of every row of `X` into `f` (row-major, nObj columns) and constraints into `g`. */
  readonly fill: (X: Matrix, f: Float64Array, g: Float64Array) => void;
  /** Samples the front; `n` is already checked to be a positive integer. Absent when no front is known. */
  readonly front?: (n: number) => Matrix;
  readonly idealPoint?: readonly number[];
  readonly nadirPoint?: readonly number[];
  /**
   * True when the reference implementation (pymoo) gives NaN or infinities at some points (e.g.
   * 0/0 at a bound): they are then returned as they are instead of raising an EvaluationError.
   */
  readonly nonFinite?: boolean;
}

/** A spec whose front is known. */
export type KnownFrontSpec = BenchmarkSpec & { readonly front: (n: number) => Matrix };

/** `n` copies of `real(lower, upper)`: the usual box of the ZDT and DTLZ problems. */
export function box(n: number, lower = 0, upper = 1): VariableSpec<RealVariable>[] {
  return new Array<VariableSpec<RealVariable>>(n).fill(real(lower, upper));
}

/** `['p1', 'p2', ...]`. */
function names(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}

/** Builds the problem with `defineProblem` (which validates rows and results) and adds the front. */
export function defineBenchmark(spec: KnownFrontSpec): KnownFrontProblem;
export function defineBenchmark(spec: BenchmarkSpec): BenchmarkProblem;
export function defineBenchmark(spec: BenchmarkSpec): BenchmarkProblem {
  const { name, nObj, fill, front } = spec;
  const nConstr = spec.nConstr ?? 0;
  const noConstraints = new Float64Array(0);
  const problem = defineProblem({
    name,
    variables: spec.variables,
    objectives: names('f', nObj).map((n) => ({ name: n, sense: 'min' as const })),
    constraints: names('g', nConstr),
    nonFinite: spec.nonFinite === true ? 'return' : 'throw',
    evaluate: (X) => {
      const F = createMatrix(X.rows, nObj);
      if (nConstr === 0) {
        fill(X, F.data, noConstraints);
        return { F };
      }
      const G = createMatrix(X.rows, nConstr);
      fill(X, F.data, G.data);
      return { F, G };
    },
  });
  const paretoFront = (n: number): Matrix => {
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
      throw new InvalidArgumentError({
        argument: `${name}.paretoFront(n)`,
        expected: 'a positive integer',
        actual: n,
      });
    }
    return front!(n);
  };
  return Object.freeze({
    ...problem,
    // The evaluation above never returns a promise, so the batch result is synchronous.
    evaluate: problem.evaluate as BenchmarkProblem['evaluate'],
    ...(front === undefined ? {} : { paretoFront }),
    ...(spec.idealPoint === undefined ? {} : { idealPoint: Object.freeze([...spec.idealPoint]) }),
    ...(spec.nadirPoint === undefined ? {} : { nadirPoint: Object.freeze([...spec.nadirPoint]) }),
  });
}
