import { renderStudyReport } from '@paretokit/report';
import { describe, expect, it } from 'vitest';
import type { FrontEntry, RunRecord } from './run-one.js';
import type { StudySummary } from './run-study.js';
import type { StudyConfig } from './study-config.js';
import type { MeasurementSummary } from './study-problem.js';
import { studyReportInput } from './study-report.js';

/** A test-split measurement of a two-class model. */
function measurement(accuracy: number, seconds: number, confusion: number[][]): MeasurementSummary {
  return {
    split: 'test',
    f1: 1 - accuracy,
    accuracy,
    macroF1: accuracy - 0.05,
    balancedAccuracy: accuracy,
    auc: 0.8,
    inferenceSeconds: seconds,
    nonZeroRate: 0.4,
    sizeBytes: 2.5e6,
    confusion,
  } as MeasurementSummary;
}

const base = {
  selection: measurement(0.86, 0.9, [
    [20, 4],
    [6, 70],
  ]),
  test: measurement(0.85, 0.8, [
    [30, 12],
    [8, 106],
  ]),
  classNames: ['malignant', 'normal/benign'],
};

const entry = (accuracy: number, seconds: number): FrontEntry => ({
  x: [0.5, 1],
  settings: { pruneRate: 0.6, quantize: true },
  objectives: [1 - accuracy, accuracy],
  constraints: [0],
  test: measurement(accuracy, seconds, [
    [28, 14],
    [9, 105],
  ]),
});

const record = {
  problem: 'breast',
  method: 'nsga2-20x5',
  seed: 1,
  evaluations: 100,
  replayed: 0,
  hypervolume: 0.6,
  feasible: 40,
  smallestViolation: 0,
  seconds: 10,
  front: [entry(0.84, 0.2), entry(0.82, 0.16)],
  base,
} as unknown as RunRecord;

const config = {
  name: 'compress',
  problems: [{ type: 'compression', name: 'breast', tolerance: 0.05 }],
  methods: ['nsga2-20x5'],
  seeds: [1],
  budget: 100,
  alpha: 0.05,
} as unknown as StudyConfig;

const summary = {
  name: 'compress',
  methods: ['nsga2-20x5'],
  seeds: [1],
  budget: 100,
  problems: [
    {
      problem: 'breast',
      objectives: [
        { name: 'f1', sense: 'min' },
        { name: 'accuracy', sense: 'max' },
      ],
      hypervolume: {},
      tests: { methods: ['nsga2-20x5'], blocks: 1, skipped: 'one method' },
      nonDominated: [{ ...record.front[1]!, method: 'nsga2-20x5', seed: 1 }],
    },
  ],
  hypervolumeReference: ['reference point (1.1, 1.1)'],
  compression: [],
  records: [record],
  seconds: 10,
} as unknown as StudySummary;

describe('studyReportInput for a compression study', () => {
  const input = studyReportInput(config, summary);
  const section = input.sections[0]!;

  it('gives every front point its test metrics, its speed-up over the base model and its confusion matrix', () => {
    const point = section.runs[0]!.front[1]!;
    expect(point.metrics).toEqual({
      testAccuracy: 0.82,
      testMacroF1: 0.82 - 0.05,
      testSeconds: 0.16,
      speedup: 0.8 / 0.16,
      nonZeroRate: 0.4,
      sizeMB: 2.5,
    });
    expect(point.confusionMatrix).toEqual({
      title: 'nsga2-20x5, seed 1, test split (accuracy 0.8200)',
      labels: ['malignant', 'normal/benign'],
      counts: [
        [28, 14],
        [9, 105],
      ],
    });
    expect(section.nonDominated![0]!.metrics!.speedup).toBe(0.8 / 0.16);
  });

  it('renders to a live report whose solutions row is the front point', async () => {
    const html = await renderStudyReport(input);
    expect(html).toContain('<th class="num">speedup</th>');
    expect(html).toMatch(/<tr data-point="p1">/);
    const spec = /<script type="application\/json" class="vega-spec">([^<]*)<\/script>/.exec(html)![1]!;
    expect(spec).toContain('"picked_cells_marks"');
    expect(spec).toContain('"l":["malignant","normal/benign"]');
  });
});
