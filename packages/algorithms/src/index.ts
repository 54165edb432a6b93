export type {
  Algorithm,
  OptimizationResult,
  RunOptions,
  RunState,
  SolutionSet,
  Termination,
} from './algorithm.js';
export { sbx } from './operators/crossover/sbx.js';
export { uniformCrossover } from './operators/crossover/uniform-crossover.js';
export { eliminateDuplicates } from './operators/eliminate-duplicates.js';
export { bitFlipMutation } from './operators/mutation/bit-flip-mutation.js';
export { polynomialMutation } from './operators/mutation/polynomial-mutation.js';
export { randomResetMutation } from './operators/mutation/random-reset-mutation.js';
export { roundRepair } from './operators/repair/round-repair.js';
export type { Variation, VariationOptions } from './operators/variation.js';
export { createVariation } from './operators/variation.js';
