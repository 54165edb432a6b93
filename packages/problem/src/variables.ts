import { InvalidArgumentError } from './errors/invalid-argument-error.js';

/** A continuous variable in `[lower, upper]`. */
export interface RealVariable {
  readonly kind: 'real';
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
}

/** An integer variable in `[lower, upper]` (both included). */
export interface IntegerVariable {
  readonly kind: 'integer';
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
}

/** An unordered categorical variable; encoded as the index of its value (0 .. values.length - 1). */
export interface ChoiceVariable<T = unknown> {
  readonly kind: 'choice';
  readonly name: string;
  readonly values: readonly T[];
}

/** A yes/no variable; encoded as 0 or 1, decoded as a boolean. */
export interface BinaryVariable {
  readonly kind: 'binary';
  readonly name: string;
}

/** One decision variable of a problem: one column of its decision matrix. */
export type Variable = RealVariable | IntegerVariable | ChoiceVariable | BinaryVariable;

/** A variable before it is given a name (by its key in `defineProblem({ variables: { ... } })`). */
export type VariableSpec<V extends Variable = Variable> = V extends Variable
  ? Omit<V, 'name'> & { readonly name?: string }
  : never;

/** The decoded (typed) value of a variable: a number, the chosen value, or a boolean. */
export type VariableValue<S> = S extends { kind: 'choice'; values: readonly (infer T)[] }
  ? T
  : S extends { kind: 'binary' }
    ? boolean
    : number;

function checkName(name: unknown, factory: string): void {
  if (name !== undefined && (typeof name !== 'string' || name.length === 0)) {
    throw new InvalidArgumentError({
      argument: `${factory}: name`,
      expected: 'a non-empty string',
      actual: name,
    });
  }
}

/** Options every variable factory takes. */
export interface VariableOptions {
  /** The variable's name; defaults to its key in `defineProblem`, or `x1`, `x2`, ... by position. */
  readonly name?: string;
}

function range<K extends 'real' | 'integer'>(
  kind: K,
  lower: number,
  upper: number,
  options: VariableOptions,
): { kind: K; lower: number; upper: number; name?: string } {
  const valid = kind === 'real' ? Number.isFinite : Number.isSafeInteger;
  const noun = kind === 'real' ? 'number' : 'integer';
  for (const [arg, v] of [
    ['lower', lower],
    ['upper', upper],
  ] as const) {
    if (typeof v !== 'number' || !valid(v)) {
      const expected = kind === 'real' ? 'a finite number' : 'a safe integer';
      throw new InvalidArgumentError({ argument: `${kind}(lower, upper): ${arg}`, expected, actual: v });
    }
  }
  if (!(lower < upper)) {
    throw new InvalidArgumentError({
      argument: `${kind}(lower, upper): upper`,
      expected: `a ${noun} greater than lower = ${lower}`,
      actual: upper,
    });
  }
  checkName(options.name, kind);
  return options.name === undefined ? { kind, lower, upper } : { kind, lower, upper, name: options.name };
}

/**
 * A continuous variable in `[lower, upper]`.
 *
 * @example
 * real(0, 1) // => { kind: 'real', lower: 0, upper: 1 }
 */
export function real(
  lower: number,
  upper: number,
  options: VariableOptions = {},
): VariableSpec<RealVariable> {
  return range('real', lower, upper, options);
}

/**
 * An integer variable in `[lower, upper]`, both ends included.
 *
 * @example
 * integer(1, 6) // => { kind: 'integer', lower: 1, upper: 6 }
 */
export function integer(
  lower: number,
  upper: number,
  options: VariableOptions = {},
): VariableSpec<IntegerVariable> {
  return range('integer', lower, upper, options);
}

/**
 * An unordered categorical variable over `values` (at least two, all distinct).
 * Algorithms see the index of the value; `decode` gives the value back.
 *
 * @example
 * choice(['weights', 'biases', 'both']).values.length // => 3
 */
export function choice<const T>(
  values: readonly T[],
  options: VariableOptions = {},
): VariableSpec<ChoiceVariable<T>> {
  if (!Array.isArray(values) || values.length < 2) {
    throw new InvalidArgumentError({
      argument: 'choice(values)',
      expected: 'an array of at least two values',
      actual: values,
    });
  }
  if (new Set(values).size !== values.length) {
    throw new InvalidArgumentError({
      argument: 'choice(values)',
      expected: 'distinct values',
      actual: values,
      hint: 'Each category must appear once.',
    });
  }
  checkName(options.name, 'choice');
  const frozen = Object.freeze([...values]);
  return options.name === undefined
    ? { kind: 'choice', values: frozen }
    : { kind: 'choice', values: frozen, name: options.name };
}

/**
 * A yes/no variable, encoded as 0/1 and decoded as `false`/`true`.
 *
 * @example
 * binary() // => { kind: 'binary' }
 */
export function binary(options: VariableOptions = {}): VariableSpec<BinaryVariable> {
  checkName(options.name, 'binary');
  return options.name === undefined ? { kind: 'binary' } : { kind: 'binary', name: options.name };
}

/**
 * The encoded bounds of a variable: `[lower, upper]` for real and integer, `[0, k - 1]` for a
 * choice of k values, `[0, 1]` for binary.
 *
 * @example
 * encodedBounds({ kind: 'choice', name: 'x', values: ['a', 'b', 'c'] }) // => [0, 2]
 */
export function encodedBounds(variable: VariableSpec): readonly [number, number] {
  switch (variable.kind) {
    case 'real':
    case 'integer':
      return [variable.lower, variable.upper];
    case 'choice':
      return [0, variable.values.length - 1];
    case 'binary':
      return [0, 1];
  }
}

/**
 * True if the variable takes only integer encoded values (integer, choice, binary).
 *
 * @example
 * isDiscrete(binary()) // => true
 */
export function isDiscrete(variable: VariableSpec): boolean {
  return variable.kind !== 'real';
}
