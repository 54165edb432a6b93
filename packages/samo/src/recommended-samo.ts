import { gaussianProcessRegressor } from '@paretokit/surrogates';
import type { SamoOptions } from './samo-options.js';
import { type HypervolumeIterationOptions, hypervolumeIteration } from './stages/hypervolume-iteration.js';

/** Options of {@link recommendedSamo}: the iteration's, and the design sizes. */
export interface RecommendedSamoOptions extends HypervolumeIterationOptions {
  /** Size of the Latin-hypercube initial design. Default 20. */
  readonly initialSamples?: number;
  /** Rows evaluated per iteration. Default 2. */
  readonly infillsPerIteration?: number;
}

/**
 * ParetoKit's recommended SAMO for expensive constrained problems (the study-file method `samo`):
 * a small initial design (20), one Gaussian process per objective and constraint (ARD Matern 5/2,
 * hyperparameters by maximum likelihood), NSGA-II on the predicted means warm-started from the
 * archive, and infill by hypervolume improvement of the optimistic prediction times the
 * probability of feasibility, two rows per iteration with the kriging believer
 * ({@link hypervolumeIteration}). Every ingredient is an ordinary option: spread the preset and
 * override any of them.
 *
 * @example
 * const options = recommendedSamo();
 * [options.initialSamples, Object.keys(options.surrogates)] // => [20, ['gaussianProcess']]
 * const result = await samo(c2dtlz2({ nObj: 2, nVar: 4 }), { ...recommendedSamo({ generations: 10 }), budget: 24, seed: 1 });
 * result.archive.X.rows // => 24
 */
export function recommendedSamo(options: RecommendedSamoOptions = {}): SamoOptions & {
  readonly surrogates: NonNullable<SamoOptions['surrogates']>;
} {
  const { initialSamples = 20, infillsPerIteration = 2, ...iteration } = options;
  return {
    initialSamples,
    infillsPerIteration,
    surrogates: { gaussianProcess: ({ seed }) => gaussianProcessRegressor({ seed }) },
    iteration: hypervolumeIteration(iteration),
  };
}
