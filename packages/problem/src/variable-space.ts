import { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import type { Matrix } from './matrix.js';
import { encodedBounds, type Variable, type VariableSpec, type VariableValue } from './variables.js';

/** Variables given by name (`{ lr: real(0, 1) }`) or by position (`[real(0, 1), binary()]`). */
export type VariablesInput = Readonly<Record<string, VariableSpec>> | readonly VariableSpec[];

/** The typed values of one decoded row: one entry per variable name. */
export type DecodedValues<V extends VariablesInput> =
  V extends Readonly<Record<string, VariableSpec>>
    ? V extends readonly unknown[]
      ? Record<string, unknown>
      : { -readonly [K in keyof V]: VariableValue<V[K]> }
    : Record<string, unknown>;

/**
 * Named variables with their encoded bounds: validates rows and converts between encoded rows
 * (`Float64Array`, what algorithms see) and typed values (what a problem author reads).
 */
export interface VariableSpace<Values = Record<string, unknown>> {
  readonly variables: readonly Variable[];
  readonly names: readonly string[];
  /** Number of variables (columns of a decision matrix). */
  readonly size: number;
  /** Encoded lower bounds, one per column. */
  readonly lower: Float64Array;
  /** Encoded upper bounds, one per column. */
  readonly upper: Float64Array;
  /** 1 where the column takes only integer values (integer, choice, binary), else 0. */
  readonly discrete: Uint8Array;
  /** Typed values of an encoded row. O(size). */
  decode(row: ArrayLike<number>): Values;
  /** Typed values of row `i` of `X`. O(size). */
  decodeRow(X: Matrix, i: number): Values;
  /** The encoded row of typed values; throws on unknown, missing or out-of-domain values. O(size). */
  encode(values: Values): Float64Array;
  /** Why entry `j` of a row is invalid (outside the bounds, not an integer, NaN), or undefined. O(1). */
  checkValue(j: number, value: number): string | undefined;
}

/**
 * Names the variables (keys of a record, or `x1`, `x2`, ... by position) and checks they are unique.
 *
 * @example
 * nameVariables([real(0, 1), binary()]).map((v) => v.name) // => ['x1', 'x2']
 */
export function nameVariables(input: VariablesInput): Variable[] {
  const entries: [string | undefined, VariableSpec][] = Array.isArray(input)
    ? (input as readonly VariableSpec[]).map((v) => [v?.name, v])
    : Object.entries(input as Record<string, VariableSpec>).map(([k, v]) => [v?.name ?? k, v]);
  if (entries.length === 0) {
    throw new InvalidArgumentError({
      argument: 'variables',
      expected: 'at least one variable',
      actual: input,
    });
  }
  const seen = new Set<string>();
  return entries.map(([name, spec], i) => {
    if (
      typeof spec !== 'object' ||
      spec === null ||
      !['real', 'integer', 'choice', 'binary'].includes(spec.kind)
    ) {
      throw new InvalidArgumentError({
        argument: `variables[${name ?? i}]`,
        expected: 'a variable made by real(), integer(), choice() or binary()',
        actual: spec,
      });
    }
    const finalName = name ?? `x${i + 1}`;
    if (seen.has(finalName)) {
      throw new InvalidArgumentError({
        argument: 'variables',
        expected: 'unique variable names',
        actual: finalName,
        hint: `The name "${finalName}" is used twice.`,
      });
    }
    seen.add(finalName);
    return { ...spec, name: finalName } as Variable;
  });
}

/**
 * Builds the {@link VariableSpace} of a list or record of variables. O(n).
 *
 * @example
 * const space = variableSpace({ rate: real(0, 1), quantize: binary() });
 * space.decode([0.5, 1]) // => { rate: 0.5, quantize: true }
 * space.encode({ rate: 0.25, quantize: false }) // => Float64Array [0.25, 0]
 */
export function variableSpace<const V extends VariablesInput>(input: V): VariableSpace<DecodedValues<V>>;
export function variableSpace(input: VariablesInput): VariableSpace {
  const variables = nameVariables(input);
  const size = variables.length;
  const lower = new Float64Array(size);
  const upper = new Float64Array(size);
  const discrete = new Uint8Array(size);
  variables.forEach((v, j) => {
    [lower[j], upper[j]] = encodedBounds(v);
    discrete[j] = v.kind === 'real' ? 0 : 1;
  });
  const names = variables.map((v) => v.name);

  const checkValue = (j: number, value: number): string | undefined => {
    const v = variables[j]!;
    if (typeof value !== 'number' || Number.isNaN(value)) return `value of ${v.name} is ${String(value)}`;
    if (value < lower[j]! || value > upper[j]!) {
      return `value ${value} of ${v.name} is outside [${lower[j]}, ${upper[j]}]`;
    }
    if (discrete[j] === 1 && !Number.isInteger(value)) {
      return `value ${value} of ${v.kind} variable ${v.name} is not an integer`;
    }
    return undefined;
  };

  const decode = (row: ArrayLike<number>, offset = 0): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let j = 0; j < size; j++) {
      const value = row[offset + j]!;
      const v = variables[j]!;
      switch (v.kind) {
        case 'real':
        case 'integer':
          out[v.name] = value;
          break;
        case 'choice':
          out[v.name] = v.values[Math.round(value)];
          break;
        case 'binary':
          out[v.name] = value >= 0.5;
          break;
      }
    }
    return out;
  };

  return {
    variables,
    names,
    size,
    lower,
    upper,
    discrete,
    checkValue,
    decode(row) {
      if (row.length !== size) {
        throw new DimensionMismatchError({
          what: 'row to decode',
          expected: size,
          actual: row.length,
          unit: 'values',
        });
      }
      return decode(row);
    },
    decodeRow(X, i) {
      if (X.cols !== size) {
        throw new DimensionMismatchError({
          what: 'matrix to decode',
          expected: size,
          actual: X.cols,
          unit: 'columns',
        });
      }
      if (!Number.isInteger(i) || i < 0 || i >= X.rows) {
        throw new InvalidArgumentError({
          argument: 'row index',
          expected: `an integer in [0, ${X.rows - 1}]`,
          actual: i,
        });
      }
      return decode(X.data, i * size);
    },
    encode(values) {
      if (typeof values !== 'object' || values === null) {
        throw new InvalidArgumentError({
          argument: 'values to encode',
          expected: 'an object',
          actual: values,
        });
      }
      for (const key of Object.keys(values)) {
        if (!names.includes(key)) {
          throw new InvalidArgumentError({
            argument: 'values to encode',
            expected: `only the variables ${names.join(', ')}`,
            actual: key,
          });
        }
      }
      const row = new Float64Array(size);
      variables.forEach((v, j) => {
        const value = (values as Record<string, unknown>)[v.name];
        let encoded: number;
        if (v.kind === 'choice') {
          encoded = v.values.indexOf(value);
          if (encoded < 0) {
            throw new InvalidArgumentError({
              argument: `value of ${v.name}`,
              expected: `one of ${v.values.map((x) => JSON.stringify(x)).join(', ')}`,
              actual: value,
            });
          }
        } else if (v.kind === 'binary') {
          if (typeof value !== 'boolean' && value !== 0 && value !== 1) {
            throw new InvalidArgumentError({
              argument: `value of ${v.name}`,
              expected: 'a boolean',
              actual: value,
            });
          }
          encoded = value === true || value === 1 ? 1 : 0;
        } else {
          if (typeof value !== 'number') {
            throw new InvalidArgumentError({
              argument: `value of ${v.name}`,
              expected: 'a number',
              actual: value,
            });
          }
          encoded = value;
        }
        const reason = checkValue(j, encoded);
        if (reason !== undefined) {
          throw new InvalidArgumentError({
            argument: `value of ${v.name}`,
            expected: `a ${v.kind === 'real' ? 'number' : 'integer'} in [${lower[j]}, ${upper[j]}]`,
            actual: value,
          });
        }
        row[j] = encoded;
      });
      return row;
    },
  };
}
