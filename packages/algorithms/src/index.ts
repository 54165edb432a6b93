export type {
  Algorithm,
  OptimizationResult,
  RunOptions,
  RunState,
  SolutionSet,
  Termination,
} from './algorithm.js';
export type { AssociateOptions, Association } from './ctaea/associate.js';
export { associate } from './ctaea/associate.js';
export type { CtaeaOptions } from './ctaea/ctaea.js';
export { ctaea } from './ctaea/ctaea.js';
export type { ConvergenceArchiveOptions } from './ctaea/update-convergence-archive.js';
export { updateConvergenceArchive } from './ctaea/update-convergence-archive.js';
export type { DiversityArchiveOptions } from './ctaea/update-diversity-archive.js';
export { updateDiversityArchive } from './ctaea/update-diversity-archive.js';
export type { MinimizeOptions } from './minimize.js';
export { minimize } from './minimize.js';
export type { Nsga2Options } from './nsga2/nsga2.js';
export { nsga2 } from './nsga2/nsga2.js';
export { sbx } from './operators/crossover/sbx.js';
export { uniformCrossover } from './operators/crossover/uniform-crossover.js';
export { eliminateDuplicates } from './operators/eliminate-duplicates.js';
export { bitFlipMutation } from './operators/mutation/bit-flip-mutation.js';
export { polynomialMutation } from './operators/mutation/polynomial-mutation.js';
export { randomResetMutation } from './operators/mutation/random-reset-mutation.js';
export { roundRepair } from './operators/repair/round-repair.js';
export type { TournamentPopulation } from './operators/selection/binary-tournament.js';
export { binaryTournament } from './operators/selection/binary-tournament.js';
export type { Variation, VariationOptions } from './operators/variation.js';
export { createVariation } from './operators/variation.js';
export { dasDennis, dasDennisCount } from './reference-directions/das-dennis.js';
export { rieszEnergy } from './reference-directions/riesz-energy.js';
export { anyOf } from './termination/any-of.js';
export { maxEvaluations } from './termination/max-evaluations.js';
export { maxGenerations } from './termination/max-generations.js';
export { maxTime } from './termination/max-time.js';
