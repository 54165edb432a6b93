import { stringify } from 'csv-stringify/sync';
import type { RunRecord } from './run-one.js';

/**
 * A run's front as CSV: one row per solution with its decoded settings, objectives (selection
 * split), constraints and, for compression problems, the test-split measurement. O(front size).
 *
 * @example
 * const front = [{ x: [0.2], settings: { x: 0.2 }, objectives: [0.04, 0.64], constraints: [] }];
 * frontCsv({ method: 'nsga2-20x5', seed: 1, front }, ['f1', 'f2']) // => 'method,seed,x,f1,f2\nnsga2-20x5,1,0.2,0.04,0.64'
 */
export function frontCsv(
  record: Pick<RunRecord, 'method' | 'seed' | 'front'>,
  objectives: readonly string[] = [],
): string {
  const first = record.front[0];
  const settings = first === undefined ? [] : Object.keys(first.settings);
  const names = objectives.length > 0 ? objectives : (first?.objectives.map((_, j) => `f${j + 1}`) ?? []);
  const constraints = first?.constraints.map((_, j) => `g${j + 1}`) ?? [];
  const test =
    first?.test === undefined
      ? []
      : [
          'test_accuracy',
          'test_macro_f1',
          'test_balanced_accuracy',
          'test_auc',
          'test_inference_seconds',
          'non_zero_rate',
          'size_bytes',
          'test_f1',
        ];
  const header = ['method', 'seed', ...settings, ...names, ...constraints, ...test];
  const rows = record.front.map((e) => [
    record.method,
    record.seed,
    ...settings.map((k) => e.settings[k]),
    ...e.objectives,
    ...e.constraints,
    ...(e.test === undefined
      ? []
      : [
          e.test.accuracy,
          e.test.macroF1,
          e.test.balancedAccuracy,
          e.test.auc,
          e.test.inferenceSeconds,
          e.test.nonZeroRate,
          e.test.sizeBytes,
          e.test.f1,
        ]),
  ]);
  // RFC 4180 quoting (commas, quotes, CR and LF) by csv-stringify; booleans as `true`/`false`
  // rather than its default `1`/empty; no newline after the last row, callers add their own.
  return stringify([header, ...rows], { cast: { boolean: (v) => String(v) } }).replace(/\n$/, '');
}
