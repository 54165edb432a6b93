export { defaultSurrogatePool } from './default-surrogate-pool.js';
export type { EvaluationLogDetails } from './errors/evaluation-log-error.js';
export { EvaluationLogError } from './errors/evaluation-log-error.js';
export type {
  EvaluationLog,
  LogEvaluation,
  LogHeader,
  LogIterationEnd,
  LogProposal,
  LogRecord,
} from './evaluation-log.js';
export { formatLogRecord, readEvaluationLog } from './evaluation-log.js';
export type { RecommendedSamoOptions } from './recommended-samo.js';
export { recommendedSamo } from './recommended-samo.js';
export { samo } from './samo.js';
export type { SamoAskTell } from './samo-ask-tell.js';
export { samoAskTell } from './samo-ask-tell.js';
export type {
  Archive,
  IterationDiagnostics,
  SamoOptions,
  SamoResult,
  SelectionOptions,
} from './samo-options.js';
export type { HypervolumeIterationOptions } from './stages/hypervolume-iteration.js';
export { hypervolumeIteration } from './stages/hypervolume-iteration.js';
export { studyIteration } from './stages/study-iteration.js';
export type {
  CandidateScores,
  InfillChoice,
  InfillStrategy,
  IterationContext,
  IterationProposal,
  SamoIteration,
  SamoSettings,
  SurrogateContext,
  SurrogateFactory,
  SurrogatePool,
  SurrogateTarget,
  TargetDiagnostics,
} from './stages/types.js';
