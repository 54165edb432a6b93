export type { CompressOptions } from './commands/compress.js';
export { compressCommand, SURROGATE_NAMES } from './commands/compress.js';
export { downloadDataset, listDatasets } from './commands/datasets.js';
export type { InspectOptions } from './commands/inspect.js';
export { formatInspection, inspectCommand } from './commands/inspect.js';
export { reportCommand } from './commands/report.js';
export type { RunCommandOptions } from './commands/run.js';
export { runCommand } from './commands/run.js';
export type { SampleOptions, SampleResult } from './commands/sample.js';
export { formatSample, runSample } from './commands/sample.js';
export type { StudyCommandOptions } from './commands/study.js';
export { formatStudy, studyCommand } from './commands/study.js';
export type { WorkerCommandDependencies } from './commands/worker.js';
export { workerCommand } from './commands/worker.js';
export type { MissingPackageDetails } from './missing-package-error.js';
export { MissingPackageError } from './missing-package-error.js';
export type { BenchmarkOptions } from './problem-registry.js';
export { problemRegistry } from './problem-registry.js';
export { createProgram } from './program.js';
export type { ProgressReporter, ProgressReporterOptions } from './progress-reporter.js';
export { progressReporter } from './progress-reporter.js';
export type { CompressionOutcome, CompressionPick, OutcomeRole } from './study/compression-outcome.js';
export { compressionOutcome, formatCompressionOutcome, OUTCOME_ROLES } from './study/compression-outcome.js';
export type { ConfigIssue } from './study/config-error.js';
export { ConfigError } from './study/config-error.js';
export { DEFAULT_STUDY, EMBEDDED_ASSETS, EMBEDDED_MODEL } from './study/default-study.js';
export type {
  JournalEntry,
  JournaledEvaluator,
  JournaledEvaluatorOptions,
} from './study/journaled-evaluator.js';
export { JournalMismatchError, journaledEvaluator } from './study/journaled-evaluator.js';
export type { OptunaFailure, OptunaProcessDetails } from './study/optuna-process-error.js';
export { OptunaProcessError } from './study/optuna-process-error.js';
export type {
  OptunaProcessOptions,
  OptunaTpeOptions,
  OptunaTpeResult,
  OptunaVersions,
} from './study/optuna-tpe.js';
export { optunaVersions, runOptunaTpe } from './study/optuna-tpe.js';
export type { OptunaUnavailableDetails } from './study/optuna-unavailable-error.js';
export { OptunaUnavailableError } from './study/optuna-unavailable-error.js';
export type { FrontEntry, RunOneOptions, RunRecord } from './study/run-one.js';
export { readRunRecord, runOne } from './study/run-one.js';
export type { RunStudyOptions, StudyCell, StudySummary } from './study/run-study.js';
export { cellDir, runStudy, runStudyFile, studyCells } from './study/run-study.js';
export type {
  BenchmarkProblemConfig,
  CompressionProblemConfig,
  GenerationalMethod,
  OptunaSettings,
  SamoSettings,
  StudyConfig,
  StudyMethod,
} from './study/study-config.js';
export {
  DEFAULT_STUDY_METHODS,
  loadStudyConfig,
  PLAIN_POPULATION,
  parseStudyConfig,
  problemLabel,
  STUDY_METHODS,
} from './study/study-config.js';
export type { StudyProblem } from './study/study-problem.js';
export { buildStudyProblem } from './study/study-problem.js';
export type { StudyProblemFactoryOptions } from './study/study-problem-factory.js';
export { studyProblemFactory } from './study/study-problem-factory.js';
export type { StudyQueue } from './study/study-queue.js';
export { cellQueueEvaluator, studyQueueName, workerCommandLine } from './study/study-queue.js';
export { studyReportInput } from './study/study-report.js';
export type { ProblemSummary, Spread, StudyTests } from './study/summarize-study.js';
export { spread, studyTests, summarizeProblem } from './study/summarize-study.js';
export { frontCsv } from './study/write-front-csv.js';
