import { EvaluationError } from './errors/evaluation-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { ParetokitError } from './errors/paretokit-error.js';
import { type EvalIssue, inputIssues, isThenable, resultIssues } from './eval-issues.js';
import { createMatrix, type Matrix, type MatrixInput, toMatrix } from './matrix.js';
import type { Constraint, EvalContext, EvalResult, Objective, Problem, Sense } from './problem.js';
import {
  type DecodedValues,
  type VariableSpace,
  type VariablesInput,
  variableSpace,
} from './variable-space.js';

/** A batch result as a problem author may return it: matrices or rows of numbers. */
export interface RawEvalResult {
  readonly F: MatrixInput;
  readonly G?: MatrixInput;
}

/** The values of one solution: one entry per objective, and per constraint when there are any. */
export interface RowEvalResult {
  readonly F: readonly number[];
  readonly G?: readonly number[];
}

/** What `evaluateOne` receives besides the decoded values. */
export interface RowContext extends EvalContext {
  /** 0-based index of the row in the batch. */
  readonly row: number;
  /** The encoded row, as algorithms see it. */
  readonly x: Float64Array;
}

/** An objective given to {@link defineProblem}; `sense` defaults to `"min"`. */
export interface ObjectiveInput {
  readonly name: string;
  readonly sense?: Sense;
}

/** What {@link defineProblem} takes: give `evaluate` (whole batches) or `evaluateOne` (one row at a time). */
export interface ProblemDefinition<V extends VariablesInput> {
  readonly name: string;
  readonly variables: V;
  readonly objectives: readonly ObjectiveInput[];
  /** Constraint names (or `{ name }`); a solution is feasible when every value is `<= 0`. */
  readonly constraints?: readonly (string | Constraint)[];
  /** Evaluates a batch, one row per solution; sync or async. */
  readonly evaluate?: (X: Matrix, ctx: EvalContext) => RawEvalResult | Promise<RawEvalResult>;
  /** Evaluates one solution from its decoded, named values; sync or async (rows run one after another). */
  readonly evaluateOne?: (
    values: DecodedValues<V>,
    ctx: RowContext,
  ) => RowEvalResult | Promise<RowEvalResult>;
  /**
   * What a NaN or infinite value in a result does: `"throw"` (default) an {@link EvaluationError}
   * naming the row and column, or `"return"` it as it is, for a function that is undefined at some
   * points of its domain and must say so (e.g. a benchmark reproducing a reference
   * implementation's 0/0 at a bound). Shapes are checked either way.
   */
  readonly nonFinite?: 'throw' | 'return';
}

/** A {@link Problem} made by {@link defineProblem}, with its variable space for decoding rows. */
export interface DefinedProblem<V extends VariablesInput = VariablesInput> extends Problem {
  readonly space: VariableSpace<DecodedValues<V>>;
}

function throwFirst(problem: string, issues: readonly EvalIssue[], cause?: unknown): void {
  const first = issues[0];
  if (first === undefined) return;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new EvaluationError({
    problem,
    reason: first.reason + more,
    ...(first.row === undefined ? {} : { row: first.row }),
    ...(first.column === undefined ? {} : { column: first.column }),
    ...(cause === undefined ? {} : { cause }),
  });
}

function checkName(value: unknown, argument: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidArgumentError({ argument, expected: 'a non-empty string', actual: value });
  }
  return value;
}

/**
 * Defines a problem from variables, objectives (each with its sense), constraints and an
 * evaluation. The returned problem validates what goes in (width, bounds, integrality) and what
 * comes out (shapes, NaN, infinities) and throws an {@link EvaluationError} naming the problem,
 * the row and the column.
 *
 * @example
 * const p = defineProblem({
 *   name: 'sphere',
 *   variables: { x: real(-1, 1), y: real(-1, 1) },
 *   objectives: [{ name: 'f', sense: 'min' }],
 *   evaluateOne: ({ x, y }) => ({ F: [x * x + y * y] }),
 * });
 * p.evaluate(toMatrix([[0.5, 0]]), { seed: 0 }) // => { F: { rows: 1, cols: 1, data: Float64Array [0.25] } }
 */
export function defineProblem<const V extends VariablesInput>(
  definition: ProblemDefinition<V>,
): DefinedProblem<V> {
  if (typeof definition !== 'object' || definition === null) {
    throw new InvalidArgumentError({
      argument: 'defineProblem(definition)',
      expected: 'an object',
      actual: definition,
    });
  }
  const name = checkName(definition.name, 'defineProblem: name');
  const space = variableSpace(definition.variables);
  if (!Array.isArray(definition.objectives) || definition.objectives.length === 0) {
    throw new InvalidArgumentError({
      argument: `${name}: objectives`,
      expected: 'a non-empty array of { name, sense }',
      actual: definition.objectives,
    });
  }
  const objectives: Objective[] = definition.objectives.map((o, k) => {
    const oname = checkName(o?.name, `${name}: objectives[${k}].name`);
    const sense = o.sense ?? 'min';
    if (sense !== 'min' && sense !== 'max') {
      throw new InvalidArgumentError({
        argument: `${name}: sense of ${oname}`,
        expected: '"min" or "max"',
        actual: sense,
      });
    }
    return Object.freeze({ name: oname, sense });
  });
  const constraints: Constraint[] = (definition.constraints ?? []).map((c, k) =>
    Object.freeze({
      name: checkName(typeof c === 'string' ? c : c?.name, `${name}: constraints[${k}]`),
    }),
  );
  const { evaluate, evaluateOne } = definition;
  if ((evaluate === undefined) === (evaluateOne === undefined)) {
    throw new InvalidArgumentError({
      argument: `${name}: evaluate / evaluateOne`,
      expected: 'exactly one of the two functions',
      actual: evaluate === undefined ? 'neither' : 'both',
    });
  }
  for (const [key, fn] of [
    ['evaluate', evaluate],
    ['evaluateOne', evaluateOne],
  ] as const) {
    if (fn !== undefined && typeof fn !== 'function') {
      throw new InvalidArgumentError({ argument: `${name}: ${key}`, expected: 'a function', actual: fn });
    }
  }
  const nonFinite = definition.nonFinite ?? 'throw';
  if (nonFinite !== 'throw' && nonFinite !== 'return') {
    throw new InvalidArgumentError({
      argument: `${name}: nonFinite`,
      expected: '"throw" or "return"',
      actual: nonFinite,
    });
  }
  const allowNonFinite = nonFinite === 'return';
  const shape = { objectives, constraints };
  const m = objectives.length;
  const k = constraints.length;

  const finish = (rows: number, raw: unknown): EvalResult => {
    if (typeof raw === 'object' && raw !== null && !isThenable(raw)) {
      const r = raw as { F?: unknown; G?: unknown };
      try {
        const F = r.F === undefined || isThenable(r.F) ? r.F : toMatrix(r.F as MatrixInput, 'F', m);
        const G = r.G === undefined || isThenable(r.G) ? r.G : toMatrix(r.G as MatrixInput, 'G', k);
        raw = G === undefined ? { F } : { F, G };
      } catch (error) {
        if (!ParetokitError.isInstance(error)) throw error;
        throwFirst(name, [{ reason: error.message.replace(/\.$/, '') }]);
      }
    }
    throwFirst(name, resultIssues(shape, rows, raw, 8, allowNonFinite));
    const result = raw as EvalResult;
    return k === 0 ? { F: result.F } : result;
  };

  const runBatch = (X: Matrix, ctx: EvalContext): EvalResult | Promise<EvalResult> => {
    let raw: unknown;
    try {
      raw = evaluate!(X, ctx);
    } catch (error) {
      throw wrapThrown(name, error);
    }
    if (isThenable(raw)) {
      return Promise.resolve(raw).then(
        (value) => finish(X.rows, value),
        (error: unknown) => {
          throw wrapThrown(name, error);
        },
      );
    }
    return finish(X.rows, raw);
  };

  const runRows = (X: Matrix, ctx: EvalContext): EvalResult | Promise<EvalResult> => {
    const F = createMatrix(X.rows, m);
    const G = createMatrix(X.rows, k);
    const store = (i: number, raw: unknown) => {
      const issues = resultIssues(shape, 1, rowAsBatch(raw), 8, allowNonFinite).map((issue) => ({
        ...issue,
        row: i,
      }));
      throwFirst(name, issues);
      const r = raw as RowEvalResult;
      F.data.set(r.F, i * m);
      if (k > 0) G.data.set(r.G!, i * k);
    };
    const call = (i: number): unknown => {
      const x = X.data.slice(i * X.cols, (i + 1) * X.cols);
      try {
        return evaluateOne!(space.decode(x) as DecodedValues<V>, { ...ctx, row: i, x });
      } catch (error) {
        throw wrapThrown(name, error, i);
      }
    };
    const done = (): EvalResult => (k === 0 ? { F } : { F, G });
    for (let i = 0; i < X.rows; i++) {
      ctx.signal?.throwIfAborted();
      const raw = call(i);
      if (isThenable(raw)) {
        // Once a row answers with a promise, the rest are awaited one after another, in order.
        return (async () => {
          for (let r = i; r < X.rows; r++) {
            if (r > i) ctx.signal?.throwIfAborted();
            let value: unknown;
            try {
              value = await (r === i ? raw : call(r));
            } catch (error) {
              throw wrapThrown(name, error, r);
            }
            store(r, value);
          }
          return done();
        })();
      }
      store(i, raw);
    }
    return done();
  };

  const problem: DefinedProblem<V> = {
    name,
    variables: space.variables,
    objectives,
    constraints,
    space,
    evaluate(X: Matrix, ctx: EvalContext) {
      throwFirst(name, inputIssues(space, X, 8));
      ctx?.signal?.throwIfAborted();
      return evaluate === undefined ? runRows(X, ctx ?? { seed: 0 }) : runBatch(X, ctx ?? { seed: 0 });
    },
  };
  return Object.freeze(problem);
}

function rowAsBatch(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || isThenable(raw)) return raw;
  const { F, G } = raw as { F?: unknown; G?: unknown };
  const asRow = (v: unknown): unknown => {
    if (!Array.isArray(v) && !(v instanceof Float64Array)) return v;
    const data = Float64Array.from(v as ArrayLike<number>, (x) => (typeof x === 'number' ? x : Number.NaN));
    return { rows: 1, cols: data.length, data };
  };
  return G === undefined ? { F: asRow(F) } : { F: asRow(F), G: asRow(G) };
}

function wrapThrown(problem: string, error: unknown, row?: number): unknown {
  if (ParetokitError.isInstance(error) || (error instanceof Error && error.name === 'AbortError'))
    return error;
  const message = error instanceof Error ? error.message : String(error);
  return new EvaluationError({
    problem,
    reason: `evaluation threw: ${message}`,
    ...(row === undefined ? {} : { row }),
    cause: error,
  });
}
