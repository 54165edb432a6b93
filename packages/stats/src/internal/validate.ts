import { DimensionMismatchError } from '../errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';

/** Throws unless `values` is an array of at least `min` finite numbers. */
export function checkSample(values: unknown, name: string, min: number): asserts values is readonly number[] {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) {
    throw new InvalidArgumentError({
      argument: name,
      expected: 'an array of finite numbers',
      actual: values,
    });
  }
  const array = values as ArrayLike<unknown>;
  if (array.length < min) {
    throw new DimensionMismatchError({
      what: name,
      expected: min,
      actual: array.length,
      unit: min === 1 ? 'value or more' : 'values or more',
    });
  }
  for (let i = 0; i < array.length; i++) {
    const v = array[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InvalidArgumentError({ argument: `${name}[${i}]`, expected: 'a finite number', actual: v });
    }
  }
}

/** Shape of a validated blocks × treatments table. */
export interface TableShape {
  readonly blocks: number;
  readonly treatments: number;
  /** The table copied row-major into one flat array. */
  readonly data: Float64Array;
}

/**
 * Throws unless `table` is a rectangular array of rows of finite numbers with at least
 * `minBlocks` rows and `minTreatments` columns. O(n k).
 */
export function checkTable(
  table: unknown,
  name: string,
  minBlocks: number,
  minTreatments: number,
): TableShape {
  if (!Array.isArray(table)) {
    throw new InvalidArgumentError({
      argument: name,
      expected: 'an array of rows (blocks), each an array of numbers (one per treatment)',
      actual: table,
    });
  }
  if (table.length < minBlocks) {
    throw new DimensionMismatchError({
      what: `${name}`,
      expected: minBlocks,
      actual: table.length,
      unit: 'rows (blocks) or more',
    });
  }
  const first: unknown = table[0];
  const treatments =
    Array.isArray(first) || ArrayBuffer.isView(first) ? (first as ArrayLike<unknown>).length : 0;
  const data = new Float64Array(table.length * treatments);
  for (let r = 0; r < table.length; r++) {
    const row: unknown = table[r];
    if (!Array.isArray(row) && !ArrayBuffer.isView(row)) {
      throw new InvalidArgumentError({
        argument: `${name}, row ${r}`,
        expected: 'an array of numbers (one per treatment)',
        actual: row,
      });
    }
    const cells = row as ArrayLike<unknown>;
    if (cells.length !== treatments) {
      throw new DimensionMismatchError({
        what: `${name}, row ${r}`,
        expected: treatments,
        actual: cells.length,
        unit: 'values (as many as row 0)',
        hint: 'Every block must have one value per treatment.',
      });
    }
    for (let c = 0; c < treatments; c++) {
      const v = cells[c];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InvalidArgumentError({
          argument: `${name}, row ${r}, column ${c}`,
          expected: 'a finite number',
          actual: v,
        });
      }
      data[r * treatments + c] = v;
    }
  }
  if (treatments < minTreatments) {
    throw new DimensionMismatchError({
      what: `${name}, row 0`,
      expected: minTreatments,
      actual: treatments,
      unit: 'columns (treatments) or more',
    });
  }
  return { blocks: table.length, treatments, data };
}

/** Throws unless `value` is one of `allowed`. */
export function checkChoice<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidArgumentError({
      argument: name,
      expected: `one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
      actual: value,
    });
  }
  return value as T;
}

/** Throws unless `value` is a boolean. */
export function checkBoolean(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') {
    throw new InvalidArgumentError({ argument: name, expected: 'true or false', actual: value });
  }
  return value;
}

/** Throws unless `value` is a number strictly between 0 and 1. */
export function checkProbability(value: unknown, name: string): number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new InvalidArgumentError({ argument: name, expected: 'a number in (0, 1)', actual: value });
  }
  return value;
}

/** Throws unless `options` is undefined or an object. */
export function checkOptions(options: unknown, name = 'options'): Readonly<Record<string, unknown>> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError({ argument: name, expected: 'an object or undefined', actual: options });
  }
  return options as Readonly<Record<string, unknown>>;
}

/**
 * The `alternative` and `method` options of a two-sample test: the given values checked against
 * the allowed ones, `'two-sided'` and `'auto'` when absent.
 */
export function checkTestOptions<M extends string>(
  opts: Readonly<Record<string, unknown>>,
  methods: readonly M[],
): { alternative: 'two-sided' | 'less' | 'greater'; method: M | 'auto' } {
  const alternative =
    opts.alternative === undefined
      ? 'two-sided'
      : checkChoice(opts.alternative, 'options.alternative', ['two-sided', 'less', 'greater'] as const);
  const method =
    opts.method === undefined ? 'auto' : checkChoice(opts.method, 'options.method', ['auto', ...methods]);
  return { alternative, method };
}
