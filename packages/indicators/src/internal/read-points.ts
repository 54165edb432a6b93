import { DimensionMismatchError } from '../errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { PointSet } from '../point-set.js';

/** A validated copy of a point set: `n` rows of `d` values, row-major. */
export interface Packed {
  readonly n: number;
  readonly d: number;
  readonly data: Float64Array;
}

const OBJECTIVES = 'values (one per objective)';

/** Rows and columns of a point set, with its shape checked (not its values). */
function shapeOf(points: PointSet, what: string): { rows: number; cols: number } {
  if (Array.isArray(points)) {
    const rows = (points as readonly ArrayLike<number>[]).length;
    const first = rows > 0 ? (points as readonly ArrayLike<number>[])[0] : undefined;
    if (rows > 0 && (first === null || typeof first !== 'object' || typeof first.length !== 'number')) {
      throw new InvalidArgumentError({
        argument: `${what}, row 0`,
        expected: 'an array of numbers',
        actual: first,
      });
    }
    return { rows, cols: first === undefined ? -1 : first.length };
  }
  const m = points as { rows?: unknown; cols?: unknown; data?: unknown };
  if (m === null || typeof m !== 'object' || typeof m.rows !== 'number' || typeof m.cols !== 'number') {
    throw new InvalidArgumentError({
      argument: what,
      expected: 'an array of rows or a { rows, cols, data } matrix',
      actual: points,
    });
  }
  const { rows, cols } = m;
  if (!Number.isSafeInteger(rows) || rows < 0) {
    throw new InvalidArgumentError({
      argument: `${what}.rows`,
      expected: 'a non-negative integer',
      actual: rows,
    });
  }
  if (!Number.isSafeInteger(cols) || cols < 0) {
    throw new InvalidArgumentError({
      argument: `${what}.cols`,
      expected: 'a non-negative integer',
      actual: cols,
    });
  }
  const data = m.data as ArrayLike<number> | undefined;
  if (data === null || typeof data !== 'object' || typeof data.length !== 'number') {
    throw new InvalidArgumentError({ argument: `${what}.data`, expected: 'a Float64Array', actual: data });
  }
  if (data.length !== rows * cols) {
    throw new DimensionMismatchError({
      what: `${what}.data of a ${rows}x${cols} matrix`,
      expected: rows * cols,
      actual: data.length,
    });
  }
  return { rows, cols };
}

/** Options of {@link readPoints}. */
export interface ReadOptions {
  /** Name of the argument, for messages: `"points"`, `"reference front"`. */
  readonly what: string;
  /** Number of objectives the rows must have (known from a reference point), or -1. */
  readonly cols: number;
  /** What the expected number of objectives comes from, for the message when it differs. */
  readonly colsFrom?: string;
  /** Accept `+Infinity` (a point beyond the reference point); NaN and `-Infinity` are always refused. */
  readonly allowPositiveInfinity: boolean;
  /** Keep only the rows that strictly dominate this point (the others add no hypervolume). */
  readonly keepBelow?: Float64Array;
  /**
   * The caller only reads the result: a `Float64Array` matrix whose rows are all kept may be
   * returned as it is, without a copy.
   */
  readonly borrow?: boolean;
}

function badValue(what: string, i: number, j: number, v: number, allowPositiveInfinity: boolean): never {
  throw new InvalidArgumentError({
    argument: `${what}, row ${i}, objective ${j}`,
    expected: allowPositiveInfinity ? 'a number (not NaN, not -Infinity)' : 'a finite number',
    actual: v,
  });
}

/**
 * A copy of the flat `data` (rows of `d` values) after checking every value as {@link readPoints}
 * does, keeping only the rows strictly below `options.keepBelow` when given: the fast path for a
 * `Float64Array` matrix, where values need no type check and element reads stay monomorphic
 * (the general loop reads arrays and typed arrays alike). `data` itself when `options.borrow`
 * and every row is kept. O(n·d).
 */
function copyChecked(data: Float64Array, d: number, options: ReadOptions): Packed {
  const { what, allowPositiveInfinity, keepBelow } = options;
  const rows = data.length / d;
  let kept = rows;
  for (let i = 0; i < rows; i++) {
    let keep = true;
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j]!;
      // `v - v === 0` is false exactly for NaN and the infinities.
      if (!(v - v === 0) && !(allowPositiveInfinity && v === Number.POSITIVE_INFINITY)) {
        badValue(what, i, j, v, allowPositiveInfinity);
      }
      if (keepBelow !== undefined && !(v < keepBelow[j]!)) keep = false;
    }
    if (!keep) kept--;
  }
  if (kept === rows) return { n: rows, d, data: options.borrow === true ? data : data.slice() };
  const out = new Float64Array(kept * d);
  let n = 0;
  for (let i = 0; i < rows; i++) {
    let keep = true;
    for (let j = 0; j < d; j++) if (!(data[i * d + j]! < keepBelow![j]!)) keep = false;
    if (keep) out.set(data.subarray(i * d, i * d + d), d * n++);
  }
  return { n, d, data: out };
}

/**
 * Validates a point set and copies it into a flat `Float64Array` (see `borrow`). O(n·d).
 * Throws {@link DimensionMismatchError} for ragged rows or a wrong number of objectives, and
 * {@link InvalidArgumentError} for NaN (and infinities, unless allowed).
 */
export function readPoints(points: PointSet, options: ReadOptions): Packed {
  const { what, allowPositiveInfinity, keepBelow } = options;
  const shape = shapeOf(points, what);
  const rows = shape.rows;
  let d = options.cols;
  if (rows === 0) return { n: 0, d: d < 0 ? Math.max(shape.cols, 0) : d, data: new Float64Array(0) };
  if (d < 0) d = shape.cols;
  else if (shape.cols !== d) {
    if (options.colsFrom !== undefined) {
      throw new DimensionMismatchError({
        what: options.colsFrom,
        expected: shape.cols,
        actual: d,
        unit: OBJECTIVES,
      });
    }
    throw new DimensionMismatchError({
      what: Array.isArray(points) ? `${what}, row 0` : `${what}.cols`,
      expected: d,
      actual: shape.cols,
      unit: OBJECTIVES,
    });
  }
  if (d === 0) {
    throw new InvalidArgumentError({
      argument: `${what}, row 0`,
      expected: 'at least one objective',
      actual: [],
    });
  }
  const flat = Array.isArray(points) ? undefined : (points as { data: ArrayLike<number> }).data;
  if (flat instanceof Float64Array) return copyChecked(flat, d, options);
  const out = new Float64Array(rows * d);
  let n = 0;
  for (let i = 0; i < rows; i++) {
    let row: ArrayLike<number>;
    let base = 0;
    if (flat === undefined) {
      row = (points as readonly ArrayLike<number>[])[i]!;
      if (row === null || typeof row !== 'object' || row.length !== d) {
        if (row !== null && typeof row === 'object' && typeof row.length === 'number') {
          throw new DimensionMismatchError({
            what: `${what}, row ${i}`,
            expected: d,
            actual: row.length,
            unit: OBJECTIVES,
          });
        }
        throw new InvalidArgumentError({
          argument: `${what}, row ${i}`,
          expected: 'an array of numbers',
          actual: row,
        });
      }
    } else {
      row = flat;
      base = i * d;
    }
    let keep = true;
    const o = n * d;
    for (let j = 0; j < d; j++) {
      const v = row[base + j]!;
      // `v - v === 0` is false exactly for NaN and the infinities (and non-numbers).
      if (!(v - v === 0)) {
        if (typeof v !== 'number') {
          throw new InvalidArgumentError({
            argument: `${what}, row ${i}, objective ${j}`,
            expected: 'a number',
            actual: v,
          });
        }
        if (!(allowPositiveInfinity && v === Number.POSITIVE_INFINITY))
          badValue(what, i, j, v, allowPositiveInfinity);
      }
      out[o + j] = v;
      if (keepBelow !== undefined && !(v < keepBelow[j]!)) keep = false;
    }
    if (keep) n++;
  }
  return { n, d, data: n * d === out.length ? out : out.subarray(0, n * d) };
}

/**
 * Validates a reference (or ideal, nadir) point: `d` finite numbers (`d < 0`: any length >= 1).
 * Returns a copy.
 */
export function readVector(v: unknown, what: string, d: number, expectedFrom = ''): Float64Array {
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<number>).length !== 'number') {
    throw new InvalidArgumentError({ argument: what, expected: 'an array of numbers', actual: v });
  }
  const a = v as ArrayLike<number>;
  if (d >= 0 && a.length !== d) {
    throw new DimensionMismatchError({
      what,
      expected: d,
      actual: a.length,
      unit: `values (one per objective${expectedFrom})`,
    });
  }
  if (a.length === 0) {
    throw new InvalidArgumentError({ argument: what, expected: 'at least one value', actual: a });
  }
  const out = new Float64Array(a.length);
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new InvalidArgumentError({ argument: `${what}[${k}]`, expected: 'a finite number', actual: x });
    }
    out[k] = x;
  }
  return out;
}

/** Number of objectives of a point set (-1 when it is an empty array, which does not tell). */
export function columnsOf(points: PointSet, what: string): number {
  const { rows, cols } = shapeOf(points, what);
  return rows === 0 && Array.isArray(points) ? -1 : cols;
}
