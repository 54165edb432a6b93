// Shared by the tests that compare with pymoo: reading the fixtures in src/fixtures (written by
// scripts/*-fixtures.py), their case layout, and entry-by-entry comparisons that name the first
// entry off.
import { readFileSync } from 'node:fs';
import type { RealVariable } from '@paretokit/problem';
import { expect } from 'vitest';
import type { BenchmarkProblem } from '../src/index.js';
import { close, evaluateRows } from './support.js';

/** JSON has no NaN or infinities: the fixtures write non-finite values as these strings. */
export type Value = number | 'NaN' | 'Infinity' | '-Infinity';

/** One evaluated case of a fixture: the factory's name and options, pymoo's sizes, X, F and G. */
export interface PymooCase<Options> {
  problem: string;
  options: Options;
  nVar: number;
  nObj: number;
  nConstr: number;
  X: number[][];
  F: Value[][];
  G: Value[][];
}

/** A case of pymoo-ctp-engineering.json: also pymoo's call and bounds. */
export interface CtpEngineeringCase<Options = Record<string, unknown>> extends PymooCase<Options> {
  call: string;
  xl: number[];
  xu: number[];
}

/** Parses src/fixtures/<file>. */
export function readFixture<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../src/fixtures/${file}`, import.meta.url), 'utf8')) as T;
}

/** Fails at the first entry where `ok(actual, expected)` does not hold; `what` prefixes the message. */
export function expectEntries(
  actual: readonly (readonly number[])[],
  expected: readonly (readonly number[])[],
  ok: (v: number, e: number) => boolean,
  what = '',
): void {
  expect(actual.length).toBe(expected.length);
  for (const [i, row] of actual.entries()) {
    for (const [j, v] of row.entries()) {
      if (!ok(v, expected[i]![j]!)) {
        expect.fail(`${what}row ${i}, column ${j}: ${v}, expected ${expected[i]![j]}`);
      }
    }
  }
}

/**
 * `tol` relative (absolute below 1) to pymoo's values; a non-finite value of pymoo must come back
 * as the same kind.
 */
export function expectClose(
  actual: readonly (readonly number[])[],
  expected: readonly (readonly Value[])[],
  tol: number,
  what = '',
): void {
  const e = expected.map((row) => row.map(Number));
  expectEntries(actual, e, (v, w) => (Number.isFinite(w) ? close(v, w, tol) : Object.is(v, w)), what);
}

/** `problem` at the case's rows gives pymoo's F and G to `tol` (no G where pymoo has none). */
export function expectValues(
  problem: BenchmarkProblem,
  c: { X: number[][]; F: Value[][]; G: Value[][] | null },
  tol: number,
): void {
  const { F, G } = evaluateRows(problem, c.X);
  expectClose(F, c.F, tol, 'F ');
  if (c.G === null) expect(G).toBeUndefined();
  else expectClose(G!, c.G, tol, 'G ');
}

/** A case of pymoo-ctp-engineering.json: pymoo's bounds, 2 objectives, nConstr constraints, F and G to 1e-9. */
export function expectCtpEngineeringCase(problem: BenchmarkProblem, c: CtpEngineeringCase<unknown>): void {
  expect(problem.variables.map((v) => (v as RealVariable).lower)).toEqual(c.xl);
  expect(problem.variables.map((v) => (v as RealVariable).upper)).toEqual(c.xu);
  expect([problem.objectives.length, problem.constraints.length]).toEqual([2, c.nConstr]);
  expectValues(problem, c, 1e-9);
}
