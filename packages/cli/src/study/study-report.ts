import type {
  ConfusionMatrix,
  FrontPoint,
  LatencyPoint,
  ReportSection,
  StudyReportInput,
  StudyStatistics,
} from '@paretokit/report';
import {
  byAccuracy,
  type CompressionOutcome,
  type CompressionPick,
  formatCompressionOutcome,
  OUTCOME_ROLES,
  ROLE_TEXT,
} from './compression-outcome.js';
import type { FrontEntry, RunRecord } from './run-one.js';
import type { StudySummary } from './run-study.js';
import type { CompressionProblemConfig, StudyConfig } from './study-config.js';
import { problemLabel } from './study-config.js';
import type { MeasurementSummary } from './study-problem.js';
import type { StudyTests } from './summarize-study.js';

function statistics(tests: StudyTests | undefined): StudyStatistics | undefined {
  return tests === undefined || 'skipped' in tests
    ? undefined
    : { friedman: tests.friedman, dunn: tests.dunn, methods: tests.methods };
}

/**
 * A compressed model's test-split measurements for the table and the report's tooltip; `speedup`
 * is the base model's test time over this model's (as measured during the runs, one pass each:
 * the side-by-side timings of the picks are in the notes).
 */
function metrics(
  test: MeasurementSummary | undefined,
  base: MeasurementSummary | undefined,
): Record<string, number> | undefined {
  if (test === undefined) return undefined;
  const speedup =
    base !== undefined && base.inferenceSeconds > 0 && test.inferenceSeconds > 0
      ? base.inferenceSeconds / test.inferenceSeconds
      : undefined;
  return {
    testAccuracy: test.accuracy,
    testMacroF1: test.macroF1,
    testSeconds: test.inferenceSeconds,
    ...(speedup === undefined ? {} : { speedup }),
    nonZeroRate: test.nonZeroRate,
    sizeMB: test.sizeBytes / 1e6,
  };
}

/** What the report shows of a front model measured on the test split: metrics and confusion matrix. */
function measured(
  e: FrontEntry,
  method: string,
  seed: number,
  base: RunRecord['base'],
): Pick<FrontPoint, 'metrics' | 'confusionMatrix'> {
  if (e.test === undefined) return {};
  const { confusion } = e.test;
  const labels = confusion.map((_, i) => base?.classNames?.[i] ?? String(i));
  return {
    metrics: metrics(e.test, base?.test)!,
    ...(confusion.length === 0 || confusion.some((row) => row.length !== confusion.length)
      ? {}
      : {
          confusionMatrix: {
            title: `${method}, seed ${seed}, test split (accuracy ${e.test.accuracy.toFixed(4)})`,
            labels,
            counts: confusion,
          },
        }),
  };
}

/** The compressed model of a problem's runs with the highest selection-split accuracy (then lowest f1). */
export function mostAccurate(
  records: readonly RunRecord[],
): (FrontEntry & { method: string; seed: number }) | undefined {
  let best: (FrontEntry & { method: string; seed: number }) | undefined;
  for (const r of records) {
    for (const e of r.front) {
      if (best === undefined || byAccuracy(e, best) < 0) best = { ...e, method: r.method, seed: r.seed };
    }
  }
  return best;
}

/** Confusion matrices of the outcome's picks (each distinct model once), else of the most accurate model. */
function chosenConfusions(
  records: readonly RunRecord[],
  outcome: CompressionOutcome | undefined,
): { title: string; counts: readonly (readonly number[])[] }[] {
  if (outcome === undefined) {
    const best = mostAccurate(records);
    return best?.test === undefined
      ? []
      : [
          {
            title: `Most accurate compressed model (${best.method}, seed ${best.seed}), test split (accuracy ${best.test.accuracy.toFixed(4)}, f1 ${best.test.f1.toFixed(4)})`,
            counts: best.test.confusion,
          },
        ];
  }
  const byModel = new Map<string, { roles: string[]; pick: CompressionPick }>();
  for (const role of OUTCOME_ROLES) {
    const pick = outcome.picks[role];
    const key = JSON.stringify(pick.settings);
    const entry = byModel.get(key) ?? { roles: [], pick };
    entry.roles.push(ROLE_TEXT[role]);
    byModel.set(key, entry);
  }
  return [...byModel.values()].map(({ roles, pick }) => ({
    title: `The ${roles.length > 1 ? `${roles.slice(0, -1).join(', ')} and ${roles.at(-1)}` : roles[0]} compressed model (${pick.method}, seed ${pick.seed}), test split (accuracy ${pick.testAccuracy.toFixed(4)}, ${pick.speedup.toFixed(2)}x faster)`,
    counts: pick.confusion,
  }));
}

function compressionParts(
  spec: CompressionProblemConfig,
  records: readonly RunRecord[],
  outcome: CompressionOutcome | undefined,
): Partial<ReportSection> {
  const base = records.find((r) => r.base !== undefined)?.base;
  if (base === undefined) return {};
  const labels = base.test.confusion.map((_, i) => base.classNames?.[i] ?? String(i));
  // Times measured again side by side after the runs when available; else those of the runs.
  const latency: readonly LatencyPoint[] = outcome?.latency ?? [
    {
      label: 'base model',
      group: 'base model',
      nonZeroRate: base.test.nonZeroRate,
      seconds: base.test.inferenceSeconds,
    },
    ...records.flatMap((r) =>
      r.front.flatMap((e) =>
        e.test === undefined
          ? []
          : [
              {
                label: `${r.method} seed ${r.seed}`,
                group: r.method,
                nonZeroRate: e.test.nonZeroRate,
                seconds: e.test.inferenceSeconds,
              },
            ],
      ),
    ),
  ];
  const confusion: ConfusionMatrix[] = [
    {
      title: `Base model, test split (accuracy ${base.test.accuracy.toFixed(4)})`,
      labels,
      counts: base.test.confusion,
    },
    ...chosenConfusions(records, outcome).map((c) => ({ ...c, labels })),
  ];
  const tau = (1 - spec.tolerance) * base.selection.accuracy;
  return {
    markers: [{ label: 'base model', objectives: [1, base.selection.accuracy] }],
    referenceLines: [
      { label: `tau = ${tau.toFixed(4)} (constraint)`, objective: 1, value: tau },
      ...(spec.referenceAccuracy === undefined
        ? []
        : [
            {
              label: `MedMNIST ResNet-50 (28) test accuracy ${spec.referenceAccuracy}`,
              objective: 1,
              value: spec.referenceAccuracy,
            },
          ]),
    ],
    latency,
    confusionMatrices: confusion,
  };
}

/**
 * The report's input for a finished study: one section per problem, the tests, the pooled fronts.
 *
 * @example
 * const out = mkdtempSync(join(tmpdir(), 'study-'));
 * const config = parseStudyConfig({ name: 'doc', problems: [{ type: 'benchmark', problem: 'c3dtlz4', nObj: 2 }], methods: ['nsga2-20x5'], seeds: 2, budget: 20, out }, 'doc', tmpdir());
 * studyReportInput(config, await runStudy(config)).sections[0].runs.length // => 2
 */
export function studyReportInput(config: StudyConfig, summary: StudySummary): StudyReportInput {
  const sections: ReportSection[] = summary.problems.map((p) => {
    const spec = config.problems.find((q) => problemLabel(q) === p.problem)!;
    const records = summary.records.filter((r) => r.problem === p.problem);
    const base = records.find((r) => r.base !== undefined)?.base;
    const stats = statistics(p.tests);
    const skipped = 'skipped' in p.tests ? ` Friedman and Dunn tests not run: ${p.tests.skipped}.` : '';
    return {
      name: p.problem,
      description:
        `${records.length} runs: ${summary.methods.join(', ')} x seeds ${summary.seeds.join(', ')}, ` +
        `${summary.budget} real evaluations each; fronts are the feasible non-dominated sets of all evaluations of a run.${skipped}`,
      objectives: p.objectives.map((o) => ({ name: o.name, sense: o.sense ?? 'min' })),
      runs: records.map((r) => ({
        method: r.method,
        seed: r.seed,
        hypervolume: r.hypervolume,
        evaluations: r.evaluations,
        front: r.front.map((e) => ({
          objectives: e.objectives,
          settings: e.settings,
          ...measured(e, r.method, r.seed, base),
        })),
      })),
      nonDominated: p.nonDominated.map((e) => ({
        method: e.method,
        seed: e.seed,
        objectives: e.objectives,
        settings: e.settings,
        ...(e.test === undefined ? {} : { metrics: metrics(e.test, base?.test)! }),
      })),
      ...(stats === undefined ? {} : { statistics: stats }),
      ...(spec.type === 'compression'
        ? compressionParts(
            spec,
            records,
            (summary.compression ?? []).find((o) => o.problem === p.problem),
          )
        : {}),
    };
  });
  const overall = statistics(summary.overall);
  return {
    title: `${config.name}: ${summary.methods.join(' vs ')}`,
    subtitle: `${summary.problems.length} problem(s) x ${summary.methods.length} methods x ${summary.seeds.length} seeds, budget ${summary.budget} real evaluations per run`,
    hypervolumeReference: summary.hypervolumeReference.join(' '),
    sections,
    ...(overall === undefined ? {} : { overall }),
    notes: [
      ...(summary.compression ?? []).flatMap((o) => formatCompressionOutcome(o).split('\n')),
      `Tests: Friedman (chi-square with tie correction, Iman-Davenport F) over seeds, Dunn post-hoc on Friedman mean ranks, Holm-adjusted, alpha = ${config.alpha}. Ranks are ascending: the method with the largest hypervolume has the largest mean rank.`,
    ],
  };
}
