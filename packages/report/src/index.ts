export { confusionMatrixPlot } from './confusion-matrix-plot.js';
export type { DimensionMismatchDetails } from './errors/dimension-mismatch-error.js';
export { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
export type { InvalidArgumentDetails } from './errors/invalid-argument-error.js';
export { InvalidArgumentError } from './errors/invalid-argument-error.js';
export { ReportError } from './errors/report-error.js';
export type { FrontScatterOptions } from './front-scatter.js';
export { frontScatter } from './front-scatter.js';
export type { HypervolumeBoxPlotOptions } from './hypervolume-box-plot.js';
export { hypervolumeBoxPlot } from './hypervolume-box-plot.js';
export type { LatencyScatterOptions } from './latency-scatter.js';
export { latencyScatter } from './latency-scatter.js';
export type { RenderStudyReportOptions } from './render-study-report.js';
export { renderStudyReport } from './render-study-report.js';
export type {
  ConfusionMatrix,
  FrontPoint,
  LatencyPoint,
  Marker,
  ReferenceLine,
  ReportObjective,
  ReportSection,
  RunSummary,
  SolutionRow,
  StudyReportInput,
  StudyStatistics,
} from './report-input.js';
