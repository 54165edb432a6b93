import { chooseInfill, evaluatedRows } from './choose-infill.js';
import { fittedIteration } from './fitted-iteration.js';
import { searchSurrogates } from './search-surrogates.js';
import { selectSurrogates } from './select-surrogates.js';
import type { IterationContext, IterationProposal } from './types.js';

/**
 * The study's iteration (METHOD.md), the default {@link SamoIteration}: per objective and
 * constraint the best candidate of its pool by cross-validation (selection), a fresh instance of
 * it fitted on the whole archive (fitting), the surrogate problem solved by the optimizer
 * (search), and `count` rows of its feasible non-dominated set, duplicates skipped, least-violating
 * rows filling up (infill choice). Seeds of selection and search, then the infill draws, come from
 * the context's random stream, in that order. Cost: O(targets · candidates · (folds + 1)) fits plus
 * the optimizer's run with one predict per target per generation.
 *
 * @example
 * const counts = [];
 * const iteration = async (context) => { counts.push(context.count); return studyIteration(context); };
 * const result = await samo(c2dtlz2({ nObj: 2, nVar: 4 }), { initialSamples: 10, budget: 14, infillsPerIteration: 3, surrogates: { knn: () => knnRegressor({ k: 3 }) }, optimizerTermination: maxGenerations(20), iteration, seed: 1 });
 * counts // => [3, 1]
 * result.iterations.map((d) => d.infill.length) // => [0, 3, 1]
 */
export async function studyIteration(context: IterationContext): Promise<IterationProposal> {
  const { random, settings } = context;
  return fittedIteration(context, selectSurrogates, async (models) => {
    const solved = await searchSurrogates(context, models, random.nextUint32());
    return chooseInfill(
      solved,
      evaluatedRows(context),
      context.count,
      settings.infill,
      random,
      context.problem.variables,
    );
  });
}
