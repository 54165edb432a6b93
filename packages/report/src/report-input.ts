import type { DunnResult, FriedmanResult } from '@paretokit/stats';

/** An objective of a section: its name and whether it is minimised or maximised. */
export interface ReportObjective {
  readonly name: string;
  readonly sense: 'min' | 'max';
}

/** One solution of a run's front, objectives in their natural sense (accuracy as accuracy). */
export interface FrontPoint {
  readonly objectives: readonly number[];
  /** Decoded decision variables. */
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  /** Extra measurements, e.g. `testAccuracy`, `testSeconds`, `nonZeroRate`, `macroF1`. */
  readonly metrics?: Readonly<Record<string, number>>;
  /**
   * This model's confusion matrix (e.g. on the test split): the live report shows it when the
   * point is clicked on the front scatter.
   */
  readonly confusionMatrix?: ConfusionMatrix;
}

/** One run (method and seed) of a section: its hypervolume and its final front. */
export interface RunSummary {
  readonly method: string;
  readonly seed: number;
  readonly hypervolume: number;
  readonly evaluations: number;
  readonly front: readonly FrontPoint[];
}

/** A labelled point drawn distinctly on the front scatter, e.g. the base model. */
export interface Marker {
  readonly label: string;
  readonly objectives: readonly number[];
}

/** A labelled constant on one objective (index into the section's objectives), drawn as a rule. */
export interface ReferenceLine {
  readonly label: string;
  readonly objective: number;
  readonly value: number;
}

/** One model on the latency scatter: fraction of non-zero weights (0..1) and measured seconds. */
export interface LatencyPoint {
  readonly label: string;
  readonly nonZeroRate: number;
  readonly seconds: number;
  readonly group?: string;
}

/** A confusion matrix: rows are the true class, columns the predicted class. */
export interface ConfusionMatrix {
  readonly title: string;
  readonly labels: readonly string[];
  readonly counts: readonly (readonly number[])[];
}

/** A row of the table of non-dominated solutions. */
export interface SolutionRow {
  readonly method: string;
  readonly seed: number;
  readonly objectives: readonly number[];
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  readonly metrics?: Readonly<Record<string, number>>;
}

/**
 * Friedman and Dunn results (of `@paretokit/stats`, or anything with the fields shown) over the
 * same ranked table; `methods` is its column order.
 */
export interface StudyStatistics {
  readonly friedman: Pick<
    FriedmanResult,
    'statistic' | 'pValue' | 'meanRanks' | 'blocks' | 'treatments' | 'imanDavenport'
  >;
  readonly dunn: Pick<DunnResult, 'meanRanks' | 'pairs' | 'adjust' | 'alpha'>;
  readonly methods: readonly string[];
}

/** One section of the report, typically one dataset or problem. */
export interface ReportSection {
  readonly name: string;
  readonly description?: string;
  /** The front scatter uses the first two. */
  readonly objectives: readonly ReportObjective[];
  readonly runs: readonly RunSummary[];
  readonly markers?: readonly Marker[];
  readonly referenceLines?: readonly ReferenceLine[];
  readonly latency?: readonly LatencyPoint[];
  readonly confusionMatrices?: readonly ConfusionMatrix[];
  /** The table of non-dominated solutions with decoded settings. */
  readonly nonDominated?: readonly SolutionRow[];
  /** Friedman + Dunn over seeds for this section. */
  readonly statistics?: StudyStatistics;
}

/** Everything {@link renderStudyReport} needs. */
export interface StudyReportInput {
  readonly title: string;
  readonly subtitle?: string;
  /** Shown verbatim: how the hypervolume was normalised and the reference point. */
  readonly hypervolumeReference: string;
  readonly sections: readonly ReportSection[];
  /** Across sections (blocks = section x seed). */
  readonly overall?: StudyStatistics;
  readonly notes?: readonly string[];
}
