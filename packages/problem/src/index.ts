export type {
  CheckProblemOptions,
  ProblemCheckIssue,
  ProblemCheckKind,
  ProblemCheckReport,
} from './check-problem.js';
export { checkProblem } from './check-problem.js';
export { constraintViolation } from './constraint-violation.js';
export { crowdingDistance } from './crowding-distance.js';
export type {
  DefinedProblem,
  ObjectiveInput,
  ProblemDefinition,
  RawEvalResult,
  RowContext,
  RowEvalResult,
} from './define-problem.js';
export { defineProblem } from './define-problem.js';
export { compareDominance, constrainedDominates, dominates } from './dominance.js';
export type { DimensionMismatchDetails } from './errors/dimension-mismatch-error.js';
export { DimensionMismatchError } from './errors/dimension-mismatch-error.js';
export type { EvaluationErrorDetails } from './errors/evaluation-error.js';
export { EvaluationError } from './errors/evaluation-error.js';
export type { InvalidArgumentDetails } from './errors/invalid-argument-error.js';
export { InvalidArgumentError } from './errors/invalid-argument-error.js';
export { describeValue, ParetokitError } from './errors/paretokit-error.js';
export type { ProblemLoadErrorDetails } from './errors/problem-load-error.js';
export { ProblemLoadError } from './errors/problem-load-error.js';
export type { EvalIssue } from './eval-issues.js';
export { inputIssues, isThenable, resultIssues } from './eval-issues.js';
export type { EvaluateOptions, Evaluator, SerialEvaluatorOptions } from './evaluator.js';
export { selectResultRows, serialEvaluator } from './evaluator.js';
export { feasibleNonDominated } from './feasible-non-dominated.js';
export type { Matrix, MatrixInput } from './matrix.js';
export { createMatrix, getRow, isMatrix, selectRows, toArrays, toMatrix, vstack } from './matrix.js';
export { negateMaximized } from './negate-maximized.js';
export type { NonDominatedSorting, NonDominatedSortOptions } from './non-dominated-sort.js';
export { nonDominatedSort } from './non-dominated-sort.js';
export type { Constraint, EvalContext, EvalResult, Objective, Problem, Sense } from './problem.js';
export type { JsonValue, ProblemReference } from './problem-reference.js';
export { checkSeed, Random, toRandom } from './random.js';
export type { RowError, RowErrorPolicy } from './row-error.js';
export { rowError, rowEvaluationError, rowSettings } from './row-error.js';
export type { SamplingOptions, SpaceLike } from './sampling.js';
export { latinHypercube, randomSample } from './sampling.js';
export type { DecodedValues, VariableSpace, VariablesInput } from './variable-space.js';
export { nameVariables, variableSpace } from './variable-space.js';
export type {
  BinaryVariable,
  ChoiceVariable,
  IntegerVariable,
  RealVariable,
  Variable,
  VariableOptions,
  VariableSpec,
  VariableValue,
} from './variables.js';
export { binary, choice, encodedBounds, integer, isDiscrete, real } from './variables.js';
