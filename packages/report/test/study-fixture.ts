// A fixed, study-like report input (three methods x five seeds on two datasets) for the tests.
// Numbers come from a small deterministic formula, not a random generator.
import type { ReportSection, RunSummary, StudyReportInput, StudyStatistics } from '../src/index.js';

export const methods = ['surrogate C-TAEA', 'C-TAEA 20x5', 'C-TAEA 10x10'] as const;
export const seeds = [1, 2, 3, 4, 5] as const;

/** A value in [0, 1) that depends only on its arguments. */
export function jitter(...keys: number[]): number {
  let h = 2166136261;
  for (const k of keys) h = Math.imul(h ^ (k * 2654435761), 16777619) >>> 0;
  return (h % 10_000) / 10_000;
}

function runs(dataset: number, baseAccuracy: number, labels: readonly string[]): RunSummary[] {
  return methods.flatMap((method, mi) =>
    seeds.map((seed) => {
      const front = [0, 1, 2, 3].map((p) => {
        const rate = 0.25 + 0.18 * p + 0.05 * jitter(dataset, mi, seed, p);
        const accuracy =
          baseAccuracy - 0.03 + 0.012 * p - 0.008 * mi + 0.01 * jitter(dataset, seed, p, mi, 7);
        return {
          objectives: [rate, accuracy],
          settings: {
            pruneRate: Number((1 - rate).toFixed(2)),
            quantize: p % 2 === 0,
            bits: p % 2 === 0 ? 8 : 32,
          },
          metrics: { testSeconds: 30 * rate + 2, macroF1: accuracy - 0.1 },
          confusionMatrix: {
            title: `${method}, seed ${seed}, point ${p + 1}: test split`,
            labels,
            counts: labels.map((_, i) =>
              labels.map((_, j) =>
                i === j ? 30 + 5 * i + p : Math.floor(10 * jitter(dataset, mi, seed, p, i, j)),
              ),
            ),
          },
        };
      });
      return {
        method,
        seed,
        hypervolume: 0.62 - 0.04 * mi + 0.03 * jitter(dataset, mi, seed, 11),
        evaluations: 100,
        front,
      };
    }),
  );
}

function statistics(blocks: number): StudyStatistics {
  return {
    methods: [...methods],
    friedman: {
      statistic: 8.4,
      pValue: 0.015,
      meanRanks: [1.2, 2.2, 2.6],
      blocks,
      treatments: 3,
      imanDavenport: { statistic: 10.5, pValue: 0.0058, df1: 2, df2: 2 * (blocks - 1) },
    },
    dunn: {
      meanRanks: [1.2, 2.2, 2.6],
      adjust: 'holm',
      alpha: 0.05,
      pairs: [
        { i: 0, j: 1, z: 2.0, pValue: 0.0455, adjustedPValue: 0.091, significant: false },
        { i: 0, j: 2, z: 2.8, pValue: 0.0051, adjustedPValue: 0.0153, significant: true },
        { i: 1, j: 2, z: 0.8, pValue: 0.4237, adjustedPValue: 0.4237, significant: false },
      ],
    },
  };
}

const objectives = [
  { name: 'non-zero rate', sense: 'min' },
  { name: 'accuracy', sense: 'max' },
] as const;

function section(
  name: string,
  dataset: number,
  baseAccuracy: number,
  reference: number,
  labels: string[],
): ReportSection {
  const all = runs(dataset, baseAccuracy, labels);
  const confusion = (diagonal: number) =>
    labels.map((_, i) =>
      labels.map((_, j) => (i === j ? diagonal + 5 * i : Math.floor(12 * jitter(dataset, i, j)))),
    );
  return {
    name,
    description: `ResNet50 base model compressed on ${name}; 100 real evaluations per run.`,
    objectives,
    runs: all,
    markers: [{ label: 'base model', objectives: [1, baseAccuracy] }],
    referenceLines: [{ label: `MedMNIST ResNet-50 (28): ${reference}`, objective: 1, value: reference }],
    latency: [
      { label: 'base', nonZeroRate: 1, seconds: 30.2, group: 'base' },
      ...[0.3, 0.45, 0.6].map((r, k) => ({
        label: `C${k + 1}`,
        nonZeroRate: r,
        seconds: 4 + 24 * r,
        group: 'compressed',
      })),
    ],
    confusionMatrices: [
      { title: 'base model', labels, counts: confusion(40) },
      { title: 'most accurate compressed model', labels, counts: confusion(44) },
    ],
    nonDominated: all.slice(0, 3).map((run) => ({
      method: run.method,
      seed: run.seed,
      objectives: run.front[1]!.objectives,
      settings: run.front[1]!.settings,
      ...(run.front[1]!.metrics === undefined ? {} : { metrics: run.front[1]!.metrics }),
    })),
    statistics: statistics(seeds.length),
  };
}

export function studyFixture(): StudyReportInput {
  return {
    title: 'Compressing ResNet50 on MedMNIST',
    subtitle: 'Surrogate-assisted C-TAEA against plain C-TAEA, 5 seeds each',
    hypervolumeReference:
      'Objectives normalised to [0, 1] (non-zero rate as is, 1 − accuracy); reference point (1.1, 1.1).',
    sections: [
      section('RetinaMNIST', 1, 0.455, 0.528, ['0', '1', '2', '3', '4']),
      section('BreastMNIST', 2, 0.853, 0.812, ['malignant', 'normal/benign']),
    ],
    overall: statistics(2 * seeds.length),
    notes: ['One run of 100 evaluations took about 5 CPU hours in the original study.'],
  };
}

/** Figures the fixture's report holds: per section HV + front + latency + 2 confusion matrices. */
export const fixtureFigureCount = 2 * (1 + 1 + 1 + 2);
