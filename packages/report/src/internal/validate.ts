import { DimensionMismatchError } from '../errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type {
  ConfusionMatrix,
  LatencyPoint,
  Marker,
  ReferenceLine,
  ReportObjective,
  ReportSection,
  RunSummary,
  SolutionRow,
  StudyReportInput,
  StudyStatistics,
} from '../report-input.js';
import {
  checkArray,
  checkFinite,
  checkInteger,
  checkObjectiveValues,
  checkRecord,
  checkString,
  join,
  label,
} from './check-values.js';

export function checkObjectives(
  objectives: unknown,
  path: string,
  min = 2,
): asserts objectives is readonly ReportObjective[] {
  checkArray(objectives, path);
  if (objectives.length < min) {
    throw new InvalidArgumentError({
      argument: path,
      expected: `at least ${min} objectives`,
      actual: objectives,
      hint: 'The front scatter plots the first two objectives.',
    });
  }
  objectives.forEach((o, k) => {
    const at = `${path}[${k}]`;
    if (typeof o !== 'object' || o === null)
      throw new InvalidArgumentError({ argument: at, expected: 'an object { name, sense }', actual: o });
    const { name, sense } = o as Record<string, unknown>;
    checkString(name, `${at}.name`);
    if (sense !== 'min' && sense !== 'max') {
      throw new InvalidArgumentError({ argument: `${at}.sense`, expected: '"min" or "max"', actual: sense });
    }
  });
}

/** Checks runs; with `m`, also that every front point has `m` objectives. */
export function checkRuns(runs: unknown, path: string, m?: number): asserts runs is readonly RunSummary[] {
  checkArray(runs, path);
  runs.forEach((run, r) => {
    let at = `${path}[${r}]`;
    if (typeof run !== 'object' || run === null)
      throw new InvalidArgumentError({ argument: at, expected: 'a run summary object', actual: run });
    const { method, seed, hypervolume, evaluations, front } = run as Record<string, unknown>;
    checkString(method, `${at}.method`);
    checkFinite(seed, `${at}.seed`);
    at = `${at} (${label(method)}, seed ${seed})`;
    checkFinite(hypervolume, `${at}.hypervolume`);
    checkInteger(evaluations, `${at}.evaluations`, 0);
    checkArray(front, `${at}.front`);
    if (m === undefined) return;
    front.forEach((point, p) => {
      const pointPath = `${at}.front[${p}]`;
      if (typeof point !== 'object' || point === null)
        throw new InvalidArgumentError({
          argument: pointPath,
          expected: 'a front point object',
          actual: point,
        });
      const { objectives, settings, metrics } = point as Record<string, unknown>;
      checkObjectiveValues(objectives, m, `${pointPath}.objectives`);
      checkRecord(settings, `${pointPath}.settings`, 'setting');
      if (metrics !== undefined) checkRecord(metrics, `${pointPath}.metrics`, 'metric');
    });
  });
}

export function checkMarkers(
  markers: unknown,
  m: number,
  path: string,
): asserts markers is readonly Marker[] {
  checkArray(markers, path);
  markers.forEach((marker, k) => {
    const at = `${path}[${k}]`;
    if (typeof marker !== 'object' || marker === null)
      throw new InvalidArgumentError({
        argument: at,
        expected: 'a marker object { label, objectives }',
        actual: marker,
      });
    const { label: text, objectives } = marker as Record<string, unknown>;
    checkString(text, `${at}.label`);
    checkObjectiveValues(objectives, m, `${at} (${label(text)}).objectives`);
  });
}

export function checkReferenceLines(
  lines: unknown,
  m: number,
  path: string,
): asserts lines is readonly ReferenceLine[] {
  checkArray(lines, path);
  lines.forEach((line, k) => {
    const at = `${path}[${k}]`;
    if (typeof line !== 'object' || line === null)
      throw new InvalidArgumentError({
        argument: at,
        expected: 'a reference line object { label, objective, value }',
        actual: line,
      });
    const { label: text, objective, value } = line as Record<string, unknown>;
    checkString(text, `${at}.label`);
    if (typeof objective !== 'number' || !Number.isInteger(objective) || objective < 0 || objective >= m) {
      throw new InvalidArgumentError({
        argument: `${at} (${label(text)}).objective`,
        expected: `an objective index from 0 to ${m - 1}`,
        actual: objective,
      });
    }
    checkFinite(value, `${at} (${label(text)}).value`);
  });
}

export function checkLatency(points: unknown, path: string): asserts points is readonly LatencyPoint[] {
  checkArray(points, path);
  points.forEach((point, k) => {
    const at = `${path}[${k}]`;
    if (typeof point !== 'object' || point === null)
      throw new InvalidArgumentError({ argument: at, expected: 'a latency point object', actual: point });
    const { label: text, nonZeroRate, seconds, group } = point as Record<string, unknown>;
    checkString(text, `${at}.label`);
    const named = `${at} (${label(text)})`;
    checkFinite(nonZeroRate, `${named}.nonZeroRate`);
    if (nonZeroRate < 0 || nonZeroRate > 1) {
      throw new InvalidArgumentError({
        argument: `${named}.nonZeroRate`,
        expected: 'a fraction from 0 to 1',
        actual: nonZeroRate,
        hint: 'Give the share of non-zero weights, not a percentage.',
      });
    }
    checkFinite(seconds, `${named}.seconds`);
    if (seconds < 0)
      throw new InvalidArgumentError({
        argument: `${named}.seconds`,
        expected: 'a non-negative number',
        actual: seconds,
      });
    if (group !== undefined) checkString(group, `${named}.group`);
  });
}

export function checkConfusionMatrix(matrix: unknown, path: string): asserts matrix is ConfusionMatrix {
  if (typeof matrix !== 'object' || matrix === null)
    throw new InvalidArgumentError({
      argument: path,
      expected: 'a confusion matrix object { title, labels, counts }',
      actual: matrix,
    });
  const { title, labels, counts } = matrix as Record<string, unknown>;
  checkString(title, `${path}.title`);
  const at = path === '' ? label(title) : `${path} (${label(title)})`;
  checkArray(labels, join(at, 'labels'));
  if (labels.length === 0)
    throw new InvalidArgumentError({
      argument: join(at, 'labels'),
      expected: 'at least one class label',
      actual: labels,
    });
  const seen = new Set<string>();
  labels.forEach((l, k) => {
    checkString(l, `${join(at, 'labels')}[${k}]`);
    if (seen.has(l))
      throw new InvalidArgumentError({
        argument: `${join(at, 'labels')}[${k}]`,
        expected: 'a label not used before',
        actual: l,
      });
    seen.add(l);
  });
  checkArray(counts, join(at, 'counts'));
  if (counts.length !== labels.length) {
    throw new DimensionMismatchError({
      what: join(at, 'counts'),
      expected: labels.length,
      actual: counts.length,
      unit: 'rows (one per label; rows are the true class)',
    });
  }
  counts.forEach((row, i) => {
    const rowPath = `${join(at, 'counts')}[${i}]`;
    checkArray(row, rowPath);
    if (row.length !== labels.length) {
      throw new DimensionMismatchError({
        what: rowPath,
        expected: labels.length,
        actual: row.length,
        unit: 'columns (one per label; the matrix must be square)',
      });
    }
    row.forEach((c, j) => {
      checkFinite(c, `${rowPath}[${j}]`);
      if (c < 0)
        throw new InvalidArgumentError({
          argument: `${rowPath}[${j}]`,
          expected: 'a non-negative count',
          actual: c,
        });
    });
  });
}

export function checkSolutionRows(
  rows: unknown,
  m: number,
  path: string,
): asserts rows is readonly SolutionRow[] {
  checkArray(rows, path);
  rows.forEach((row, k) => {
    const at = `${path}[${k}]`;
    if (typeof row !== 'object' || row === null)
      throw new InvalidArgumentError({ argument: at, expected: 'a solution row object', actual: row });
    const { method, seed, objectives, settings, metrics } = row as Record<string, unknown>;
    checkString(method, `${at}.method`);
    checkFinite(seed, `${at}.seed`);
    checkObjectiveValues(objectives, m, `${at}.objectives`);
    checkRecord(settings, `${at}.settings`, 'setting');
    if (metrics !== undefined) checkRecord(metrics, `${at}.metrics`, 'metric');
  });
}

// Statistic values may legitimately be NaN (a Friedman test on all-tied data); they are shown as
// "n/a". Only the shape is checked: one mean rank per method, pairs indexing existing methods.
export function checkStatistics(statistics: unknown, path: string): asserts statistics is StudyStatistics {
  if (typeof statistics !== 'object' || statistics === null)
    throw new InvalidArgumentError({
      argument: path,
      expected: 'an object { friedman, dunn, methods }',
      actual: statistics,
    });
  const { friedman, dunn, methods } = statistics as Record<string, unknown>;
  checkArray(methods, `${path}.methods`);
  for (const [k, name] of methods.entries()) checkString(name, `${path}.methods[${k}]`);
  const n = methods.length;
  if (typeof friedman !== 'object' || friedman === null)
    throw new InvalidArgumentError({
      argument: `${path}.friedman`,
      expected: 'a Friedman result',
      actual: friedman,
    });
  if (typeof dunn !== 'object' || dunn === null)
    throw new InvalidArgumentError({ argument: `${path}.dunn`, expected: 'a Dunn result', actual: dunn });
  for (const [name, ranks] of [
    ['friedman', (friedman as Record<string, unknown>).meanRanks],
    ['dunn', (dunn as Record<string, unknown>).meanRanks],
  ] as const) {
    const length = (ranks as ArrayLike<number> | undefined)?.length;
    if (typeof length !== 'number' || length !== n) {
      throw new DimensionMismatchError({
        what: `${path}.${name}.meanRanks`,
        expected: n,
        actual: typeof length === 'number' ? length : 0,
        unit: 'mean ranks (one per entry of methods)',
      });
    }
  }
  const pairs = (dunn as Record<string, unknown>).pairs;
  checkArray(pairs, `${path}.dunn.pairs`);
  pairs.forEach((pair, k) => {
    const at = `${path}.dunn.pairs[${k}]`;
    const { i, j } = (pair ?? {}) as Record<string, unknown>;
    for (const [key, index] of [
      ['i', i],
      ['j', j],
    ] as const) {
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= n) {
        throw new InvalidArgumentError({
          argument: `${at}.${key}`,
          expected: `a method index from 0 to ${n - 1}`,
          actual: index,
        });
      }
    }
  });
}

export function checkSection(section: unknown, path: string): asserts section is ReportSection {
  if (typeof section !== 'object' || section === null)
    throw new InvalidArgumentError({ argument: path, expected: 'a section object', actual: section });
  const s = section as Record<string, unknown>;
  checkString(s.name, `${path}.name`);
  const at = `${path} (${label(s.name)})`;
  if (s.description !== undefined) checkString(s.description, `${at}.description`);
  checkObjectives(s.objectives, `${at}.objectives`);
  const m = s.objectives.length;
  checkRuns(s.runs, `${at}.runs`, m);
  if (s.runs.length === 0) {
    throw new InvalidArgumentError({ argument: `${at}.runs`, expected: 'at least one run', actual: s.runs });
  }
  if (s.markers !== undefined) checkMarkers(s.markers, m, `${at}.markers`);
  if (s.referenceLines !== undefined) checkReferenceLines(s.referenceLines, m, `${at}.referenceLines`);
  if (s.latency !== undefined) checkLatency(s.latency, `${at}.latency`);
  if (s.confusionMatrices !== undefined) {
    checkArray(s.confusionMatrices, `${at}.confusionMatrices`);
    for (const [k, matrix] of s.confusionMatrices.entries())
      checkConfusionMatrix(matrix, `${at}.confusionMatrices[${k}]`);
  }
  if (s.nonDominated !== undefined) checkSolutionRows(s.nonDominated, m, `${at}.nonDominated`);
  if (s.statistics !== undefined) checkStatistics(s.statistics, `${at}.statistics`);
}

export function checkStudyReportInput(input: unknown): asserts input is StudyReportInput {
  if (typeof input !== 'object' || input === null)
    throw new InvalidArgumentError({
      argument: 'input',
      expected: 'a study report input object',
      actual: input,
    });
  const s = input as Record<string, unknown>;
  checkString(s.title, 'title');
  if (s.subtitle !== undefined) checkString(s.subtitle, 'subtitle');
  checkString(s.hypervolumeReference, 'hypervolumeReference');
  checkArray(s.sections, 'sections');
  if (s.sections.length === 0) {
    throw new InvalidArgumentError({
      argument: 'sections',
      expected: 'at least one section',
      actual: s.sections,
      hint: 'Give one section per dataset or problem.',
    });
  }
  for (const [k, section] of s.sections.entries()) checkSection(section, `sections[${k}]`);
  if (s.overall !== undefined) checkStatistics(s.overall, 'overall');
  if (s.notes !== undefined) {
    checkArray(s.notes, 'notes');
    for (const [k, note] of s.notes.entries()) checkString(note, `notes[${k}]`);
  }
}
