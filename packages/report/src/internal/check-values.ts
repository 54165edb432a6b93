import { DimensionMismatchError } from '../errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';

// Checks at the edge: every message names where the bad value sits, as a path into the input
// (`sections[0] "RetinaMNIST".runs[2] (ctaea, seed 3).front[4].objectives`), with expected vs actual.

export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function label(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

export function checkArray(value: unknown, path: string, hint?: string): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new InvalidArgumentError({
      argument: path,
      expected: 'an array',
      actual: value,
      ...(hint === undefined ? {} : { hint }),
    });
  }
}

export function checkString(value: unknown, path: string): asserts value is string {
  if (typeof value !== 'string')
    throw new InvalidArgumentError({ argument: path, expected: 'a string', actual: value });
}

export function checkFinite(value: unknown, path: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError({ argument: path, expected: 'a finite number', actual: value });
  }
}

export function checkInteger(
  value: unknown,
  path: string,
  min = Number.NEGATIVE_INFINITY,
): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InvalidArgumentError({
      argument: path,
      expected: min === 0 ? 'a non-negative integer' : 'an integer',
      actual: value,
    });
  }
}

/** `values` must hold exactly `m` finite numbers. */
export function checkObjectiveValues(values: unknown, m: number, path: string): void {
  checkArray(values, path);
  if (values.length !== m) {
    throw new DimensionMismatchError({
      what: path,
      expected: m,
      actual: values.length,
      unit: 'values (one per objective)',
      hint: 'Every front point, marker and solution row lists one value per objective of its section.',
    });
  }
  for (const [k, v] of values.entries()) checkFinite(v, `${path}[${k}]`);
}

export function checkRecord(value: unknown, path: string, allowed: 'setting' | 'metric'): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError({ argument: path, expected: 'an object', actual: value });
  }
  for (const [key, v] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (typeof v === 'number') checkFinite(v, at);
    else if (allowed === 'metric' || (typeof v !== 'string' && typeof v !== 'boolean')) {
      throw new InvalidArgumentError({
        argument: at,
        expected: allowed === 'metric' ? 'a finite number' : 'a string, a finite number or a boolean',
        actual: v,
      });
    }
  }
}
