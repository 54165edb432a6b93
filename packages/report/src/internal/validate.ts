import type * as z from 'zod';
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
  StudyReportInput,
} from '../report-input.js';
import {
  confusionMatrixSchema,
  type DimensionParams,
  latencySchema,
  markersSchema,
  objectivesSchema,
  referenceLinesSchema,
  runsSchema,
  sectionBodySchema,
  sectionHeadSchema,
  studyReportInputSchema,
} from './report-schema.js';

// Checks at the edge, by the zod schemas of report-schema.ts. The first issue becomes a typed
// error naming where the bad value sits, as a path into the input with the labels a reader knows
// (`sections[0] ("RetinaMNIST").runs[2] ("ctaea", seed 3).front[4].objectives`), expected vs actual.

type Labeller = (item: Record<string, unknown>) => string | undefined;

const quoted = (text: unknown): string | undefined =>
  typeof text === 'string' ? JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text) : undefined;

// What names an item of each list, and the fields that do not get the label (they make it).
const LABELS: Readonly<Record<string, readonly [Labeller, readonly string[]]>> = {
  sections: [(s) => quoted(s.name), ['name']],
  runs: [
    (r) => (typeof r.method === 'string' ? `${quoted(r.method)}, seed ${r.seed}` : undefined),
    ['method', 'seed'],
  ],
  markers: [(m) => quoted(m.label), ['label']],
  referenceLines: [(l) => quoted(l.label), ['label']],
  latency: [(p) => quoted(p.label), ['label']],
  points: [(p) => quoted(p.label), ['label']],
  confusionMatrices: [(c) => quoted(c.title), ['title']],
};

/**
 * `root` names the value in messages; `list` is the kind of list it is (a key of LABELS), or of
 * the list the value is an item of when `item` is true (a confusion matrix passed alone).
 */
function check(schema: z.ZodType, value: unknown, root: string, list = root, item = false): void {
  const result = schema.safeParse(value);
  const issue = result.error?.issues[0];
  if (issue === undefined) return;
  let path = root;
  let current = value;
  let kind = list; // the list `current` is an item of, when `onItem`
  let onItem = item;
  for (const key of issue.path) {
    if (onItem && typeof key === 'string') {
      const [labeller, own] = LABELS[kind] ?? [];
      const text = own?.includes(key) ? undefined : labeller?.(current as Record<string, unknown>);
      if (text !== undefined) path = path === '' ? text : `${path} (${text})`;
    }
    onItem = typeof key === 'number';
    if (!onItem) kind = String(key);
    path = onItem ? `${path}[${String(key)}]` : path === '' ? String(key) : `${path}.${String(key)}`;
    current = (current as Record<PropertyKey, unknown> | null | undefined)?.[key];
  }
  const params = (issue as { params?: Partial<DimensionParams> }).params;
  if (params?.dimension === true) {
    throw new DimensionMismatchError({
      what: path,
      expected: params.expected ?? 0,
      actual: params.actual ?? 0,
      ...(params.unit === undefined ? {} : { unit: params.unit }),
      ...(params.hint === undefined ? {} : { hint: params.hint }),
    });
  }
  throw new InvalidArgumentError({
    argument: path,
    expected: issue.message,
    actual: current,
    ...(params?.hint === undefined ? {} : { hint: params.hint }),
  });
}

export function checkObjectives(
  objectives: unknown,
  path: string,
): asserts objectives is readonly ReportObjective[] {
  check(objectivesSchema(), objectives, path);
}

/** Checks runs; with `m`, also that every front point has `m` objectives. */
export function checkRuns(runs: unknown, path: string, m?: number): asserts runs is readonly RunSummary[] {
  check(runsSchema(m), runs, path, 'runs');
}

export function checkMarkers(
  markers: unknown,
  m: number,
  path: string,
): asserts markers is readonly Marker[] {
  check(markersSchema(m), markers, path, 'markers');
}

export function checkReferenceLines(
  lines: unknown,
  m: number,
  path: string,
): asserts lines is readonly ReferenceLine[] {
  check(referenceLinesSchema(m), lines, path, 'referenceLines');
}

export function checkLatency(points: unknown, path: string): asserts points is readonly LatencyPoint[] {
  check(latencySchema, points, path, 'latency');
}

/** `path` '' names the matrix by its title alone. */
export function checkConfusionMatrix(matrix: unknown, path: string): asserts matrix is ConfusionMatrix {
  check(confusionMatrixSchema, matrix, path, 'confusionMatrices', true);
}

export function checkStudyReportInput(input: unknown): asserts input is StudyReportInput {
  check(studyReportInputSchema, input, '', '');
  const { sections } = input as { sections: readonly unknown[] };
  for (const [k, section] of sections.entries()) {
    // In two steps: the schemas of runs, markers, etc. depend on the section's objective count.
    check(sectionHeadSchema, section, `sections[${k}]`, 'sections', true);
    const m = (section as ReportSection).objectives.length;
    check(sectionBodySchema(m), section, `sections[${k}]`, 'sections', true);
  }
}
